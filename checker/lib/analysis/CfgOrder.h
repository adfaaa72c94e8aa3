//===- CfgOrder.h - visiting a CFG in reverse post-order -------*- C++ -*-===//
//
// llvm::ReversePostOrderTraversal follows the null successors a Clang CFG
// has for edges it proved unreachable; this walk skips them.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_CFGORDER_H
#define PRIVACY_CFGORDER_H

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace privacy {

inline std::vector<const clang::CFGBlock *>
reversePostOrder(const clang::CFG &G) {
  std::vector<const clang::CFGBlock *> Order;
  llvm::DenseSet<const clang::CFGBlock *> Seen;
  // Iterative DFS: functions can have thousands of blocks.
  std::vector<std::pair<const clang::CFGBlock *, unsigned>> Stack;
  Stack.push_back({&G.getEntry(), 0});
  Seen.insert(&G.getEntry());
  while (!Stack.empty()) {
    auto &[Block, Next] = Stack.back();
    if (Next < Block->succ_size()) {
      const clang::CFGBlock *Succ =
          (Block->succ_begin() + Next++)->getReachableBlock();
      if (Succ && Seen.insert(Succ).second)
        Stack.push_back({Succ, 0});
      continue;
    }
    Order.push_back(Block);
    Stack.pop_back();
  }
  std::reverse(Order.begin(), Order.end());
  return Order;
}

} // namespace privacy

#endif // PRIVACY_CFGORDER_H
