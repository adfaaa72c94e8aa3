//===- Suggest.cpp - "did you mean" for ids -------------------------------===//
#include "privacy/Suggest.h"

#include <algorithm>

namespace privacy {

static size_t editDistance(std::string_view A, std::string_view B) {
  std::vector<size_t> Row(B.size() + 1);
  for (size_t J = 0; J <= B.size(); ++J)
    Row[J] = J;
  for (size_t I = 1; I <= A.size(); ++I) {
    size_t Diagonal = Row[0];
    Row[0] = I;
    for (size_t J = 1; J <= B.size(); ++J) {
      size_t Above = Row[J];
      Row[J] = std::min({Row[J] + 1, Row[J - 1] + 1,
                         Diagonal + (A[I - 1] == B[J - 1] ? 0 : 1)});
      Diagonal = Above;
    }
  }
  return Row[B.size()];
}

std::string closestMatch(std::string_view Word,
                         const std::vector<std::string> &Candidates) {
  // A third of the length keeps "emial" -> "email" but not "x" -> "id".
  size_t Limit = std::max<size_t>(1, Word.size() / 3);
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
