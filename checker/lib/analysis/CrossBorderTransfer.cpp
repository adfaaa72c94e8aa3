//===- CrossBorderTransfer.cpp - privacy-cross-border-transfer ------------===//
//
// Transfers abroad (PIPA Art. 17(3), 28-8; GDPR Chapter V) must be disclosed
// with the recipient, its country and the items transferred.
//
//===----------------------------------------------------------------------===//
#include "privacy/FlowChecks.h"
#include "privacy/RunChecks.h"

#include <set>

namespace privacy {

void judgeCrossBorderTransfer(const TranslationUnitFlows &Flows,
                              const Policy &P, FindingSink &Sink) {
  std::set<unsigned> CountryReported;
  forEachItemFlow(Flows, SinkKind::Transfer, [&](const SinkFlow &F,
                                                 const std::string &Item,
                                                 const Trace &Path) {
    const RecipientDef *R = P.recipient(F.Site.Target);
    if (!R)
      return; // privacy-undeclared-recipient
    // The code names a country other than the policy's.
    if (!F.Site.Country.empty() && F.Site.Country != R->Country &&
        CountryReported.insert(F.Site.Loc.getRawEncoding()).second) {
      Finding Fd;
      Fd.Check = CheckKind::CrossBorderTransfer;
      Fd.Loc = F.Site.Loc;
      Fd.Message = "personal data '" + Item + "' is sent to recipient '" +
                   R->Id + "' in '" + F.Site.Country +
                   "', but the policy declares '" + R->Id + "' in '" +
                   R->Country + "'";
      Fd.Notes = flowNotes(Path, F.Site);
      Sink.report(Fd);
    }
    bool Abroad = P.isAbroad(*R) ||
                  (!F.Site.Country.empty() &&
                   F.Site.Country != P.ControllerCountry);
    if (!Abroad || R->Items.contains(Item) || !P.item(Item))
      return;
    Finding Fd;
    Fd.Check = CheckKind::CrossBorderTransfer;
    Fd.Loc = F.Site.Loc;
    std::string Country = F.Site.Country.empty() ? R->Country : F.Site.Country;
    Fd.Message = "transferring personal data '" + Item + "' abroad to '" +
                 R->Id + "' (" + Country +
                 ") is not allowed by the policy (items allowed for '" + R->Id +
                 "': " + (R->Items.All ? std::string("all") : joinIds(R->Items.Ids)) +
                 ")";
    Fd.Notes = flowNotes(Path, F.Site);
    Sink.report(Fd);
  });
}

void checkCrossBorderTransfer(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeCrossBorderTransfer(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
