//===- MissingConsent.cpp - privacy-missing-consent -----------------------===//
//
// Where the policy allows an item for a purpose only through activities on
// the basis of consent (GDPR Art. 6(1)(a) and 7; PIPA Art. 15(1)(1), 22 —
// the separate marketing consent of 제1조), every use must come after a
// check that the data subject gave that consent.
//
//===----------------------------------------------------------------------===//
#include "privacy/ConsentGuards.h"
#include "privacy/PurposeLimitation.h"
#include "privacy/RunChecks.h"

#include "clang/Basic/SourceManager.h"

#include <set>
#include <tuple>

namespace privacy {

using namespace clang;

// Each use of an item under a purpose that needs consent where a
// PRIVACY_CONSENT_CHECK for one of the consents does not guard every path.
void checkMissingConsent(const CheckContext &C, FindingSink &Sink) {
  if (!C.policy())
    return;
  const Policy &P = *C.policy();
  const ConsentGuards &Guards = C.guards();
  std::set<std::tuple<unsigned, std::string, std::string>> Reported;
  forEachPurposedUse(C.ast(), &C.flows(), [&](const PurposedUse &U) {
    if (!P.item(U.Item) || !P.purpose(U.Purpose) ||
        !P.allows(U.Item, U.Purpose))
      return; // unknown ids and disallowed uses are other checks' findings
    std::vector<std::string> Needed = P.consentsRequiredFor(U.Item, U.Purpose);
    if (Needed.empty())
      return;
    if (Guards.inConsentCheckArgument(U.Function, U.Loc))
      return;
    // A check guards the data of the subject it asked about
    // (docs/consent-and-erasure.md, "Whose consent").
    ConsentSubject Used = consentSubjectOf(U.UseExpr);
    ConsentSet Known = Guards.guardingAt(U.Function, U.Loc, Used);
    for (const std::string &C : Needed)
      if (Known.count(C))
        return;
    if (!Reported.insert({U.Loc.getRawEncoding(), U.Item, U.Purpose}).second)
      return;
    std::set<std::string> Others;
    for (const std::string &C : Needed)
      for (std::string &Who :
           Guards.checkedForOthers(U.Function, U.Loc, C, Used))
        Others.insert(std::move(Who));
    reason::ConsentMissing Reason{U.Use, U.Purpose, U.CalledFrom, Needed};
    if (!Others.empty()) {
      Reason.CheckedFor.assign(Others.begin(), Others.end());
      Reason.UsedFor = Used.Spelling;
    }
    FindingFacts F{CheckKind::MissingConsent, U.Loc, std::move(Reason),
                   U.Before, U.Function};
    F.GuardedByCalls = Guards.unresolvedGuardsAt(U.Function, U.Loc, Used);
    F.Notes.insert(F.Notes.end(), U.After.begin(), U.After.end());
    bool Partly = false;
    for (const std::string &C : Needed)
      Partly |= Guards.checksConsent(U.Function, C);
    if (!Others.empty()) {
      // The message says whose consent was checked; a path would mislead.
    } else if (Partly) {
      std::vector<PathNote> Path =
          Guards.unguardedPath(U.Function, U.Loc, Needed.front());
      F.Notes.insert(F.Notes.end(), Path.begin(), Path.end());
    } else if (!Known.empty()) {
      F.Notes.push_back({U.Loc, note::OnlyConsentsChecked{Known}});
    }
    Sink.report(F);
  });
}

} // namespace privacy
