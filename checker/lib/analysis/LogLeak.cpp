//===- LogLeak.cpp - privacy-log-leak -------------------------------------===//
//
// Logs are a store like any other (PIPA Art. 29, the safety measures for
// access records; GDPR Art. 5(1)(c) data minimisation): personal data in
// them must be declared, under the policy's store "logs".
//
//===----------------------------------------------------------------------===//
#include "privacy/FlowChecks.h"
#include "privacy/RunChecks.h"

namespace privacy {

void judgeLogLeak(const TranslationUnitFlows &Flows, const Policy &P,
                  FindingSink &Sink) {
  const StoreDef *Logs = P.store(LogsStoreId);
  forEachItemFlow(Flows, SinkKind::Log, [&](const SinkFlow &F,
                                            const std::string &Item,
                                            const Trace &Path) {
    if (!P.item(Item) || (Logs && Logs->Items.contains(Item)))
      return;
    Finding Fd;
    Fd.Check = CheckKind::LogLeak;
    Fd.Loc = F.Site.Loc;
    Fd.Message = "writing personal data '" + Item + "' to logs through " +
                 F.Site.Via + " is not allowed by the policy (" +
                 (Logs ? "logs may contain: " + joinIds(Logs->Items.Ids)
                       : std::string("it declares no store 'logs'")) +
                 ")";
    Fd.Notes = flowNotes(Path, F.Site);
    Sink.report(Fd);
  });
}

void checkLogLeak(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeLogLeak(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
