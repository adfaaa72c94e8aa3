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
  forEachItemFlow(
      Flows, SinkKind::Log,
      [&](const SinkFlow &F, const std::string &Item, const Trace &Path) {
        if (!P.item(Item) || (Logs && Logs->Items.contains(Item)))
          return;
        Sink.report({CheckKind::LogLeak, F.Site.Loc,
                     reason::LogUndeclared{Item, F.Site.Via, Logs != nullptr,
                                           Logs ? Logs->Items.Ids
                                                : std::vector<std::string>()},
                     flowNotes(Path, F.Site)});
      });
}

void checkLogLeak(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeLogLeak(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
