//===- StatePathsTest.cpp - the entries of a state a path reaches ---------===//
// forEachOverlapping and eraseCovered find, by lookups, the entries the
// fixpoint used to find by walking every entry of a root: the same entries,
// in the same order (the order decides which trace a label keeps).
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

Path randomPath(std::mt19937 &Random) {
  Path P;
  P.Root = root(1 + Random() % 3);
  for (unsigned I = 0, N = Random() % 4; I < N; ++I)
    P.Fields.push_back(field(1 + Random() % 3));
  return P;
}

std::vector<Path> walkedOverlapping(const State &S, const Path &P) {
  std::vector<Path> Out;
  for (auto It = firstWithRoot(S, P); It != S.end() && It->first.sameRoot(P);
       ++It)
    if (It->first.covers(P) || P.covers(It->first))
      Out.push_back(It->first);
  return Out;
}

TEST(StatePathsTest, OverlappingEntriesAreThoseOfTheWalkInItsOrder) {
  std::mt19937 Random(16);
  for (int Round = 0; Round < 200; ++Round) {
    State S;
    for (int I = 0; I < 30; ++I)
      S[randomPath(Random)];
    for (int I = 0; I < 20; ++I) {
      Path P = randomPath(Random);
      std::vector<Path> Found;
      forEachOverlapping(
          S, P, [&](const Path &Q, const Taint &) { Found.push_back(Q); });
      std::vector<Path> Walked = walkedOverlapping(S, P);
      ASSERT_EQ(Found.size(), Walked.size());
      for (size_t K = 0; K < Found.size(); ++K)
        EXPECT_FALSE(Found[K] < Walked[K] || Walked[K] < Found[K]);
    }
  }
}

TEST(StatePathsTest, EraseCoveredErasesThePathAndItsFieldsOnly) {
  std::mt19937 Random(7);
  for (int Round = 0; Round < 200; ++Round) {
    State S;
    for (int I = 0; I < 30; ++I)
      S[randomPath(Random)];
    Path P = randomPath(Random);
    State Expected;
    for (const auto &[Q, T] : S)
      if (!P.covers(Q))
        Expected[Q] = T;
    eraseCovered(S, P);
    ASSERT_EQ(S.size(), Expected.size());
    for (auto A = S.begin(), B = Expected.begin(); A != S.end(); ++A, ++B)
      EXPECT_FALSE(A->first < B->first || B->first < A->first);
  }
}

} // namespace
