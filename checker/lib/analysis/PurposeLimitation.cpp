//===- PurposeLimitation.cpp - data used beyond its purposes --------------===//
#include "privacy/PurposeLimitation.h"
#include "privacy/PersonalData.h"
#include "privacy/Purposes.h"

#include "clang/Basic/SourceManager.h"

#include <set>
#include <tuple>

namespace privacy {

using namespace clang;

void checkPurposeLimitation(ASTContext &Ctx, const Policy &P,
                            FindingSink &Sink) {
  const SourceManager &SM = Ctx.getSourceManager();
  // Template patterns and their instantiations share source locations.
  std::set<std::tuple<unsigned, std::string, std::string>> Reported;
  for (const PersonalDataUse &Use : collectPersonalDataUses(Ctx)) {
    const std::string &Item = Use.Origin.Item;
    if (!P.item(Item)) // an unknown id is privacy-invalid-annotation's
      continue;
    std::optional<PurposeSource> Purposes = purposeOfContext(Use.Context);
    if (!Purposes)
      continue;
    SourceLocation Loc = SM.getFileLoc(Use.Use->getExprLoc());
    for (const std::string &Purpose : Purposes->Purposes) {
      if (!P.purpose(Purpose) || P.allows(Item, Purpose))
        continue;
      if (!Reported.insert({Loc.getRawEncoding(), Item, Purpose}).second)
        continue;
      std::vector<std::string> Allowed = P.purposesAllowedFor(Item);
      Finding F;
      F.Check = CheckKind::PurposeLimitation;
      F.Loc = Loc;
      F.Message = "using personal data '" + Item + "' from " +
                  describeSource(Use.Origin.Source) + " for purpose '" +
                  Purpose + "' is not allowed by the policy (" +
                  (Allowed.empty() ? "no activity allows '" + Item + "' at all"
                                   : "allowed purposes: " + joinIds(Allowed)) +
                  ")";
      F.Notes.push_back({SM.getFileLoc(Purposes->From.Loc),
                         "purpose '" + Purpose + "' is declared here"});
      F.Notes.push_back({SM.getFileLoc(Use.Origin.Marker.Loc),
                         "'" + Item + "' is marked as personal data here"});
      Sink.report(F);
    }
  }
}

} // namespace privacy
