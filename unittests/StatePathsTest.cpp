//===- StatePathsTest.cpp - a function's state against a plain map --------===//
// The fixpoint's State groups its entries by root and shares groups between
// copies (Analyzer.h). It must behave as the plain sorted map of paths it
// replaced: the same entries in the same order (the order decides which
// trace a label keeps), the same joins, and copies that never see each
// other's changes.
#include "../checker/lib/analysis/dataflow/Analyzer.h"

#include "gtest/gtest.h"

#include <random>

using namespace privacy;
using namespace privacy::dataflow;

namespace {

// Paths compare their declarations by address only; these are never read.
const clang::ValueDecl *root(uintptr_t N) {
  return reinterpret_cast<const clang::ValueDecl *>(N * 16);
}
const clang::FieldDecl *field(uintptr_t N) {
  return reinterpret_cast<const clang::FieldDecl *>(N * 16);
}

using Model = std::map<Path, Taint>;

Path randomPath(std::mt19937 &Random) {
  Path P;
  if (Random() % 5 == 0)
    P.IsThis = true;
  else
    P.Root = root(1 + Random() % 3);
  for (unsigned I = 0, N = Random() % 4; I < N; ++I)
    P.Fields.push_back(field(1 + Random() % 3));
  return P;
}

Taint randomTaint(std::mt19937 &Random) {
  static const char *const Labels[] = {"email", "phone", "$p0", "$p0.name",
                                       "$this.ip"};
  Taint T;
  for (unsigned I = 0, N = Random() % 3; I < N; ++I)
    T.add(Labels[Random() % 5], nullptr);
  return T;
}

/// Writes the same random entries into a state and its model.
void fill(std::mt19937 &Random, int Entries, State &S, Model &M) {
  for (int I = 0; I < Entries; ++I) {
    Path P = randomPath(Random);
    Taint T = randomTaint(Random);
    S[P].merge(T);
    M[P].merge(T);
  }
}

bool samePath(const Path &A, const Path &B) { return !(A < B) && !(B < A); }

/// The state holds exactly the model's entries, in its order.
void expectSame(const State &S, const Model &M) {
  std::vector<std::pair<Path, Taint>> Seen;
  S.forEach([&](const Path &P, const Taint &T) { Seen.push_back({P, T}); });
  ASSERT_EQ(Seen.size(), M.size());
  EXPECT_EQ(S.size(), M.size());
  auto It = M.begin();
  for (const auto &[P, T] : Seen) {
    EXPECT_TRUE(samePath(P, It->first));
    EXPECT_TRUE(T == It->second);
    ++It;
  }
}

// The old model's join: every entry of From merged into Into.
bool joinModel(Model &Into, const Model &From) {
  if (Into.empty()) {
    Into = From;
    return !From.empty();
  }
  bool Changed = false;
  for (const auto &[P, T] : From)
    Changed |= Into[P].merge(T);
  return Changed;
}

TEST(StatePathsTest, OverlappingEntriesAreThoseOfTheWalkInItsOrder) {
  std::mt19937 Random(16);
  for (int Round = 0; Round < 200; ++Round) {
    State S;
    Model M;
    fill(Random, 30, S, M);
    for (int I = 0; I < 20; ++I) {
      Path P = randomPath(Random);
      std::vector<Path> Found;
      forEachOverlapping(
          S, P, [&](const Path &Q, const Taint &) { Found.push_back(Q); });
      std::vector<Path> Walked;
      for (const auto &[Q, T] : M)
        if (Q.covers(P) || P.covers(Q))
          Walked.push_back(Q);
      ASSERT_EQ(Found.size(), Walked.size());
      for (size_t K = 0; K < Found.size(); ++K)
        EXPECT_TRUE(samePath(Found[K], Walked[K]));
    }
  }
}

TEST(StatePathsTest, EraseCoveredErasesThePathAndItsFieldsOnly) {
  std::mt19937 Random(7);
  for (int Round = 0; Round < 200; ++Round) {
    State S;
    Model M;
    fill(Random, 30, S, M);
    Path P = randomPath(Random);
    S.eraseCovered(P);
    for (auto It = M.begin(); It != M.end();)
      It = P.covers(It->first) ? M.erase(It) : std::next(It);
    expectSame(S, M);
  }
}

TEST(StatePathsTest, JoinsAsThePlainMapDid) {
  std::mt19937 Random(3);
  for (int Round = 0; Round < 300; ++Round) {
    State A, B;
    Model MA, MB;
    fill(Random, 12, A, MA);
    // Half of the time B starts as a copy of A, sharing its groups.
    if (Random() % 2) {
      B = A;
      MB = MA;
    }
    fill(Random, 6, B, MB);
    if (Random() % 3 == 0) {
      Path P = randomPath(Random);
      B.eraseCovered(P);
      for (auto It = MB.begin(); It != MB.end();)
        It = P.covers(It->first) ? MB.erase(It) : std::next(It);
    }
    JoinMemo Memo;
    bool Changed = Random() % 2 ? A.join(B, &Memo) : A.join(B);
    EXPECT_EQ(Changed, joinModel(MA, MB));
    expectSame(A, MA);
    expectSame(B, MB); // the other side is untouched
    EXPECT_EQ(A == B, std::equal(MA.begin(), MA.end(), MB.begin(), MB.end(),
                                 [](const auto &X, const auto &Y) {
                                   return samePath(X.first, Y.first) &&
                                          X.second == Y.second;
                                 }));
  }
}

TEST(StatePathsTest, CopiesDoNotSeeEachOthersChanges) {
  std::mt19937 Random(11);
  for (int Round = 0; Round < 200; ++Round) {
    State S;
    Model M;
    fill(Random, 20, S, M);
    State Copy = S;
    Model CopyModel = M;
    fill(Random, 5, Copy, CopyModel);
    Copy.eraseCovered(randomPath(Random));
    Path P = randomPath(Random);
    Copy[P].add("email", nullptr);
    expectSame(S, M); // the original is as it was
    State Other = S;
    Other.clear();
    expectSame(S, M);
  }
}

} // namespace
