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
  forEachItemFlow(
      Flows, SinkKind::Transfer,
      [&](const SinkFlow &F, const std::string &Item, const Trace &Path) {
        const RecipientDef *R = P.recipient(F.Site.Target);
        if (!R) {
          // privacy-undeclared-recipient reports the recipient; the
          // country the code names makes it a transfer abroad as well.
          if (!F.Site.Country.empty() &&
              F.Site.Country != P.ControllerCountry && P.item(Item))
            Sink.report({CheckKind::CrossBorderTransfer, F.Site.Loc,
                         reason::TransferAbroadUnnamed{Item, F.Site.Target,
                                                       F.Site.Country},
                         flowNotes(Path, F.Site)});
          return;
        }
        // The code names a country other than the policy's.
        if (!F.Site.Country.empty() && F.Site.Country != R->Country &&
            CountryReported.insert(F.Site.Loc.getRawEncoding()).second)
          Sink.report(
              {CheckKind::CrossBorderTransfer, F.Site.Loc,
               reason::CountryDiffers{Item, R->Id, F.Site.Country, R->Country},
               flowNotes(Path, F.Site)});
        bool Abroad = P.isAbroad(*R) || (!F.Site.Country.empty() &&
                                         F.Site.Country != P.ControllerCountry);
        if (!Abroad || R->Items.contains(Item) || !P.item(Item))
          return;
        std::string Country =
            F.Site.Country.empty() ? R->Country : F.Site.Country;
        Sink.report({CheckKind::CrossBorderTransfer, F.Site.Loc,
                     reason::TransferAbroadUndeclared{
                         Item, R->Id, Country, {R->Items.All, R->Items.Ids}},
                     flowNotes(Path, F.Site)});
      });
}

void checkCrossBorderTransfer(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeCrossBorderTransfer(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
