//===- Suggest.cpp - "did you mean" for ids -------------------------------===//
#include "privacy/Suggest.h"

#include <algorithm>

namespace privacy {

// Optimal string alignment distance: Levenshtein plus adjacent
// transpositions, the most common typo ("emial").
static size_t editDistance(std::string_view A, std::string_view B) {
  std::vector<std::vector<size_t>> D(A.size() + 1,
                                     std::vector<size_t>(B.size() + 1));
  for (size_t I = 0; I <= A.size(); ++I)
    D[I][0] = I;
  for (size_t J = 0; J <= B.size(); ++J)
    D[0][J] = J;
  for (size_t I = 1; I <= A.size(); ++I)
    for (size_t J = 1; J <= B.size(); ++J) {
      size_t Cost = A[I - 1] == B[J - 1] ? 0 : 1;
      D[I][J] =
          std::min({D[I - 1][J] + 1, D[I][J - 1] + 1, D[I - 1][J - 1] + Cost});
      if (I > 1 && J > 1 && A[I - 1] == B[J - 2] && A[I - 2] == B[J - 1])
        D[I][J] = std::min(D[I][J], D[I - 2][J - 2] + 1);
    }
  return D[A.size()][B.size()];
}

std::string closestMatch(std::string_view Word,
                         const std::vector<std::string> &Candidates) {
  // A third of the length keeps "marketting" -> "marketing" but not
  // "x" -> "id".
  size_t Limit = std::max<size_t>(1, (Word.size() + 1) / 3);
  std::string Best;
  size_t BestDistance = Limit + 1;
  for (const std::string &Candidate : Candidates) {
    size_t D = editDistance(Word, Candidate);
    if (D < BestDistance) {
      Best = Candidate;
      BestDistance = D;
    }
  }
  return Best;
}

std::string didYouMean(std::string_view Word,
                       const std::vector<std::string> &Candidates) {
  std::string Match = closestMatch(Word, Candidates);
  return Match.empty() ? std::string() : " (did you mean '" + Match + "'?)";
}

} // namespace privacy
