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
  forEachItemFlow(Flows, SinkKind::Store, [&](const SinkFlow &F,
                                              const std::string &Item,
                                              const Trace &Path) {
    if (!P.item(Item))
      return;
    Finding Fd;
    Fd.Check = CheckKind::UndeclaredStorage;
    Fd.Loc = F.Site.Loc;
    const StoreDef *S = P.store(F.Site.Target);
    if (F.Site.Target.empty()) {
      Fd.Message = "personal data '" + Item + "' is persisted by " +
                   F.Site.Via +
                   " in no declared store; mark the storing function with "
                   "PRIVACY_STORE(\"store\")";
    } else if (!S) {
      Fd.Message = "persisting personal data '" + Item + "' in store '" +
                   F.Site.Target + "', which the policy does not name (" +
                   (P.Stores.empty() ? std::string("it names no stores")
                                     : "stores: " + joinIds(P.storeIds())) +
                   ")";
    } else if (!S->Items.contains(Item)) {
      Fd.Message = "persisting personal data '" + Item + "' in store '" +
                   S->Id + "', which the policy does not declare for it " +
                   "(items allowed in '" + S->Id + "': " +
                   joinIds(S->Items.Ids) + ")";
    } else {
      return;
    }
    Fd.Notes = flowNotes(Path, F.Site);
    Sink.report(Fd);
  });
}

void checkUndeclaredStorage(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeUndeclaredStorage(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
