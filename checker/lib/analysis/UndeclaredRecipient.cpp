//===- UndeclaredRecipient.cpp - privacy-undeclared-recipient -------------===//
//
// Every recipient of personal data, processor (위탁, PIPA Art. 26) or third
// party (제3자 제공, Art. 17), must be named in the policy with the items it
// receives (GDPR Art. 13(1)(e)).
//
//===----------------------------------------------------------------------===//
#include "privacy/FlowChecks.h"
#include "privacy/RunChecks.h"

namespace privacy {

void judgeUndeclaredRecipient(const TranslationUnitFlows &Flows,
                              const Policy &P, FindingSink &Sink) {
  forEachItemFlow(
      Flows, SinkKind::Transfer,
      [&](const SinkFlow &F, const std::string &Item, const Trace &Path) {
        if (!P.item(Item))
          return;
        const RecipientDef *R = P.recipient(F.Site.Target);
        FindingReason Reason;
        if (!R) {
          Reason =
              reason::RecipientUnnamed{Item, F.Site.Target, P.recipientIds()};
        } else if (!P.isAbroad(*R) && !R->Items.contains(Item)) {
          // Abroad, the same gap is privacy-cross-border-transfer's.
          if (!F.Site.Country.empty() && F.Site.Country != P.ControllerCountry)
            return;
          Reason =
              reason::RecipientUndeclaredForItem{Item, R->Id, R->Items.Ids};
        } else {
          return;
        }
        Sink.report({CheckKind::UndeclaredRecipient, F.Site.Loc,
                     std::move(Reason), flowNotes(Path, F.Site)});
      });
  forEachItemFlow(
      Flows, SinkKind::Network,
      [&](const SinkFlow &F, const std::string &Item, const Trace &Path) {
        if (!P.item(Item))
          return;
        Sink.report({CheckKind::UndeclaredRecipient, F.Site.Loc,
                     reason::NetworkWithoutRecipient{Item, F.Site.Via},
                     flowNotes(Path, F.Site)});
      });
}

void checkUndeclaredRecipient(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeUndeclaredRecipient(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
