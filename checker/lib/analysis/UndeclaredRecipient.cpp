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
  forEachItemFlow(Flows, SinkKind::Transfer, [&](const SinkFlow &F,
                                                 const std::string &Item,
                                                 const Trace &Path) {
    if (!P.item(Item))
      return;
    const RecipientDef *R = P.recipient(F.Site.Target);
    Finding Fd;
    Fd.Check = CheckKind::UndeclaredRecipient;
    Fd.Loc = F.Site.Loc;
    if (!R) {
      Fd.Message = "sending personal data '" + Item + "' to recipient '" +
                   F.Site.Target + "', which the policy does not name (" +
                   (P.Recipients.empty()
                        ? std::string("it names no recipients")
                        : "recipients: " + joinIds(P.recipientIds())) +
                   ")";
    } else if (!P.isAbroad(*R) && !R->Items.contains(Item)) {
      // Abroad, the same gap is privacy-cross-border-transfer's.
      if (!F.Site.Country.empty() && F.Site.Country != P.ControllerCountry)
        return;
      Fd.Message = "sending personal data '" + Item + "' to recipient '" +
                   R->Id + "', which the policy does not declare for it " +
                   "(items allowed for '" + R->Id + "': " +
                   joinIds(R->Items.Ids) + ")";
    } else {
      return;
    }
    Fd.Notes = flowNotes(Path, F.Site);
    Sink.report(Fd);
  });
  forEachItemFlow(Flows, SinkKind::Network, [&](const SinkFlow &F,
                                                const std::string &Item,
                                                const Trace &Path) {
    if (!P.item(Item))
      return;
    Finding Fd;
    Fd.Check = CheckKind::UndeclaredRecipient;
    Fd.Loc = F.Site.Loc;
    Fd.Message = "personal data '" + Item + "' is sent over the network by " +
                 F.Site.Via +
                 " with no declared recipient on the way; mark the sending "
                 "function with PRIVACY_TRANSFER(\"recipient\")";
    Fd.Notes = flowNotes(Path, F.Site);
    Sink.report(Fd);
  });
}

void checkUndeclaredRecipient(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeUndeclaredRecipient(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
