//===- UndeclaredStorage.cpp - privacy-undeclared-storage -----------------===//
//
// Where personal data is kept and for how long is part of the policy (PIPA
// Art. 21 and 30(1)2, GDPR Art. 13(2)(a)): every store must be declared
// with the items it holds.
//
//===----------------------------------------------------------------------===//
#include "privacy/FlowChecks.h"
#include "privacy/RunChecks.h"

namespace privacy {

void judgeUndeclaredStorage(const TranslationUnitFlows &Flows, const Policy &P,
                            FindingSink &Sink) {
  forEachItemFlow(
      Flows, SinkKind::Store,
      [&](const SinkFlow &F, const std::string &Item, const Trace &Path) {
        if (!P.item(Item))
          return;
        const StoreDef *S = P.store(F.Site.Target);
        FindingReason Reason;
        if (F.Site.Target.empty())
          Reason = reason::StoreNotNamedInCode{Item, F.Site.Via};
        else if (!S)
          Reason = reason::StoreUnnamed{Item, F.Site.Target, P.storeIds()};
        else if (!S->Items.contains(Item))
          Reason = reason::StoreUndeclaredForItem{Item, S->Id, S->Items.Ids};
        else
          return;
        Sink.report({CheckKind::UndeclaredStorage, F.Site.Loc,
                     std::move(Reason), flowNotes(Path, F.Site)});
      });
}

void checkUndeclaredStorage(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeUndeclaredStorage(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
