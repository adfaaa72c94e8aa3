//===- Messages.cpp - the words of every finding, for every front ---------===//
//
// Every message and note the checks print is worded here, from the facts
// the checks report (docs/checks/ shows them as users see them).
//
//===----------------------------------------------------------------------===//
#include "privacy/Messages.h"
#include "privacy/Policy.h"

namespace privacy {

namespace {

std::string quotedList(const std::vector<std::string> &Ids,
                       const char *Separator) {
  std::string Out;
  for (const std::string &Id : Ids)
    Out += (Out.empty() ? "'" : Separator) + Id + "'";
  return Out;
}

std::string commaSeparated(const std::vector<std::string> &Ids) {
  std::string Out;
  for (const std::string &Id : Ids)
    Out += (Out.empty() ? "" : ", ") + Id;
  return Out;
}

std::string calledFrom(const std::string &Entry) {
  return Entry.empty() ? "" : " (as called from '" + Entry + "')";
}

std::string message(const reason::CountryDiffers &R) {
  return "personal data '" + R.Item + "' is sent to recipient '" + R.Recipient +
         "' in '" + R.CodeCountry + "', but the policy declares '" +
         R.Recipient + "' in '" + R.PolicyCountry + "'";
}

std::string message(const reason::TransferAbroadUndeclared &R) {
  return "transferring personal data '" + R.Item + "' abroad to '" +
         R.Recipient + "' (" + R.Country +
         ") is not allowed by the policy (items allowed for '" + R.Recipient +
         "': " +
         (R.AllowedItems.All ? std::string("all")
                             : joinIds(R.AllowedItems.Ids)) +
         ")";
}

std::string message(const reason::TransferAbroadUnnamed &R) {
  return "transferring personal data '" + R.Item + "' abroad to '" +
         R.Recipient + "' (" + R.Country +
         "), a recipient the policy does not name, so no transfer abroad is "
         "declared for it";
}

std::string message(const reason::RecipientUnnamed &R) {
  return "sending personal data '" + R.Item + "' to recipient '" + R.Recipient +
         "', which the policy does not name (" +
         (R.PolicyRecipients.empty()
              ? std::string("it names no recipients")
              : "recipients: " + joinIds(R.PolicyRecipients)) +
         ")";
}

std::string message(const reason::RecipientUndeclaredForItem &R) {
  return "sending personal data '" + R.Item + "' to recipient '" + R.Recipient +
         "', which the policy does not declare for it " +
         "(items allowed for '" + R.Recipient +
         "': " + joinIds(R.AllowedItems) + ")";
}

std::string message(const reason::RecipientUndeclaredForPurpose &R) {
  return "sending personal data '" + R.Item + "' to recipient '" + R.Recipient +
         "' for purpose '" + R.Purpose + "'" + calledFrom(R.CalledFrom) +
         ", which the policy does not declare for it (purposes declared for '" +
         R.Recipient + "': " + joinIds(R.AllowedPurposes) + ")";
}

std::string message(const reason::NetworkWithoutRecipient &R) {
  return "personal data '" + R.Item + "' is sent over the network by " + R.Via +
         " with no declared recipient on the way; mark the sending "
         "function with PRIVACY_TRANSFER(\"recipient\")";
}

std::string message(const reason::StoreNotNamedInCode &R) {
  return "personal data '" + R.Item + "' is persisted by " + R.Via +
         " in no declared store; mark the storing function with "
         "PRIVACY_STORE(\"store\")";
}

std::string message(const reason::StoreUnnamed &R) {
  return "persisting personal data '" + R.Item + "' in store '" + R.Store +
         "', which the policy does not name (" +
         (R.PolicyStores.empty() ? std::string("it names no stores")
                                 : "stores: " + joinIds(R.PolicyStores)) +
         ")";
}

std::string message(const reason::StoreUndeclaredForItem &R) {
  return "persisting personal data '" + R.Item + "' in store '" + R.Store +
         "', which the policy does not declare for it " +
         "(items allowed in '" + R.Store + "': " + joinIds(R.AllowedItems) +
         ")";
}

std::string message(const reason::StoreWithoutErase &R) {
  return "store '" + R.Store + "' receives personal data (" +
         joinIds(R.ItemsReaching) +
         ") but no function in the program is marked "
         "PRIVACY_ERASE(\"" +
         R.Store +
         "\"); erasure on request and destruction at the end of "
         "retention have no code path";
}

std::string message(const reason::LogUndeclared &R) {
  return "writing personal data '" + R.Item + "' to logs through " + R.Via +
         " is not allowed by the policy (" +
         (R.PolicyHasLogs ? "logs may contain: " + joinIds(R.LogsMayContain)
                          : std::string("it declares no store 'logs'")) +
         ")";
}

std::string message(const reason::PurposeNotAllowed &R) {
  return findingMessage(R, dataUseText(R.Use));
}

std::string message(const reason::ConsentMissing &R) {
  return findingMessage(R, dataUseText(R.Use));
}

std::string message(const reason::LooksLikePersonalData &R) {
  std::string Out = std::string(R.IsField ? "field" : "variable") + " '" +
                    R.QualifiedName + "' looks like " + R.Looks +
                    " but carries no PRIVACY_DATA; the checks cannot follow "
                    "it";
  if (!R.SuggestedItem.empty())
    Out += " (policy item '" + R.SuggestedItem + "'?)";
  else if (!R.Candidates.empty())
    Out += " (policy item " + quotedList(R.Candidates, " or '") + "?)";
  else if (R.NoPolicyItem)
    Out += " (the policy has no item for it: add one, such as '" + R.Category +
           "')";
  if (!R.Macro.empty()) {
    std::string Item = !R.SuggestedItem.empty() ? R.SuggestedItem
                       : !R.Candidates.empty()  ? R.Candidates.front()
                                                : R.Category;
    Out += "; macro '" + R.Macro +
           "' spells it: annotate it in an annotations file, {\"decl\": \"" +
           R.QualifiedName + "\", \"data\": \"" + Item + "\"}";
  }
  return Out;
}

std::string didYouMean(const std::string &Suggestion) {
  return Suggestion.empty() ? "" : " (did you mean '" + Suggestion + "'?)";
}

std::string withArticle(const std::string &Noun) {
  bool Vowel = !Noun.empty() && llvm::StringRef("aeiou").contains(Noun[0]);
  return (Vowel ? "an " : "a ") + Noun;
}

std::string message(const reason::UnknownAnnotation &R) {
  return "unknown privacy annotation '" + R.Spelling + "'" +
         didYouMean(R.Suggestion);
}

std::string message(const reason::MisplacedAnnotation &R) {
  return R.Macro + " cannot be placed on " +
         (R.Subject.empty() ? std::string("this declaration")
                            : "a " + R.Subject) +
         "; it applies to " + R.AppliesTo;
}

std::string message(const reason::WrongArgumentCount &R) {
  std::string Expected =
      R.MaxArgs < 0 ? "at least " + std::to_string(R.MinArgs)
      : R.MinArgs == R.MaxArgs
          ? std::to_string(R.MinArgs)
          : std::to_string(R.MinArgs) + " or " + std::to_string(R.MaxArgs);
  int LastNumber = R.MaxArgs < 0 ? R.MinArgs : R.MaxArgs;
  return R.Macro + " takes " + Expected + " argument" +
         (LastNumber == 1 ? "" : "s") + ", but " + std::to_string(R.Given) +
         (R.Given == 1 ? " was" : " were") + " given";
}

std::string message(const reason::ArgumentNotAnId &R) {
  return "argument " + std::to_string(R.Index) + " of " + R.Macro +
         " must be a non-empty string literal naming " +
         (R.Country ? std::string("a country code")
                    : withArticle(R.IdKind) + " of the policy");
}

std::string message(const reason::ConsentCheckNotBool &R) {
  return "PRIVACY_CONSENT_CHECK function '" + R.Function +
         "' must return bool, not '" + R.ReturnType + "'";
}

std::string message(const reason::AnnotationOnGenerated &R) {
  std::string On = R.Subject + " '" + R.Name + "'";
  std::string Origin =
      R.GeneratedBy.empty()
          ? "the implicit " + On + ", which the compiler declares"
          : On + ", which macro '" + R.GeneratedBy + "' generates";
  return R.Macro + " lands on " + Origin +
         ", not on a declaration written here; annotate the declaration "
         "meant in an annotations file (docs/annotations.md)";
}

std::string message(const reason::ReturnsVoid &R) {
  return R.Macro + " on function '" + R.Function +
         "', which returns void; on a function it marks the return value";
}

std::string message(const reason::NotACountryCode &R) {
  return "'" + R.Code +
         "' is not an ISO 3166-1 alpha-2 country code (such as 'KR' or 'US')";
}

std::string message(const reason::SecondPurposeList &R) {
  return "'" + R.Function + "' already has PRIVACY_PURPOSE(" +
         quotedList(R.EarlierPurposes, ", '") + ")" +
         (R.OnEarlierDeclaration ? " on an earlier declaration" : "") +
         "; a function has one list of purposes: name them all in one "
         "PRIVACY_PURPOSE";
}

std::string message(const reason::UnknownId &R) {
  return "unknown " + R.IdKind + " '" + R.Id + "' in " + R.Macro +
         didYouMean(R.Suggestion);
}

std::string message(const note::FlowStep &N) { return N.Text; }

std::string message(const note::SinkDeclared &N) {
  switch (N.Kind) {
  case SinkKind::Transfer:
    return "recipient '" + N.Target + "' is declared here";
  case SinkKind::Store:
    return "store '" + N.Target + "' is declared here";
  case SinkKind::Log:
    return "logging is declared here";
  case SinkKind::Network:
    return "network is declared here";
  case SinkKind::Purpose:
    return "purpose '" + N.Target + "' is declared here";
  }
  return "";
}

std::string message(const note::CatalogSink &N) {
  return N.Via + " is a " + sinkKindName(N.Kind).str() +
         " sink of the API catalog (" + N.CatalogEntry + ")";
}

std::string message(const note::PurposeDeclared &N) {
  return "purpose '" + commaSeparated(N.Purposes) + "' is declared here";
}

std::string message(const note::Calls &N) {
  return "'" + N.Caller + "' calls '" + N.Callee + "' here";
}

std::string message(const note::MarkedPersonalData &N) {
  return "'" + N.Item + "' is marked as personal data here";
}

std::string message(const note::UnguardedBranch &N) {
  return std::string("on this path the condition is ") +
         (N.ConditionTrue ? "true" : "false") + " and consent '" + N.Consent +
         "' is not known";
}

std::string message(const note::OnlyConsentsChecked &N) {
  return "only consent " +
         quotedList({N.Consents.begin(), N.Consents.end()}, ", '") +
         " is checked on the way here";
}

} // namespace

std::string findingMessage(const reason::PurposeNotAllowed &R,
                           const std::string &UseText) {
  return UseText + " for purpose '" + R.Purpose + "'" +
         calledFrom(R.CalledFrom) + " is not allowed by the policy (" +
         (R.AllowedPurposes.empty()
              ? "no activity allows '" + R.Use.Item + "' at all"
              : "allowed purposes: " + joinIds(R.AllowedPurposes)) +
         ")";
}

std::string findingMessage(const reason::ConsentMissing &R,
                           const std::string &UseText) {
  return UseText + " for purpose '" + R.Purpose + "'" +
         calledFrom(R.CalledFrom) + " needs consent " +
         quotedList(R.NeededConsents, " or '") +
         ", but no PRIVACY_CONSENT_CHECK for it guards every path to "
         "this use" +
         (R.CheckedFor.empty()
              ? std::string()
              : " (it is checked only for " + quotedList(R.CheckedFor, ", '") +
                    ", not for '" + R.UsedFor + "')");
}

std::string dataUseText(const DataUse &U) {
  switch (U.How) {
  case DataUse::Read:
    return "using personal data '" + U.Item + "' from " + U.From;
  case DataUse::PassedTo:
    return "using personal data '" + U.Item + "' passed to " + U.From;
  case DataUse::ReturnedBy:
    return "using personal data '" + U.Item + "' returned by '" + U.From + "'";
  }
  return "";
}

std::string findingMessage(const FindingReason &Reason) {
  return std::visit([](const auto &R) { return message(R); }, Reason);
}

std::string noteMessage(const PathNote &Note) {
  return std::visit([](const auto &N) { return message(N); }, Note.What);
}

Finding wordFinding(const FindingFacts &Facts) {
  Finding F;
  F.Check = Facts.Check;
  F.Loc = Facts.Loc;
  F.Message = findingMessage(Facts.Reason);
  for (const PathNote &N : Facts.Notes)
    F.Notes.push_back({N.Loc, noteMessage(N)});
  F.Function = Facts.Function;
  F.GuardedByCalls = Facts.GuardedByCalls;
  F.Fixes = Facts.Fixes;
  if (const auto *C = std::get_if<reason::ConsentMissing>(&Facts.Reason))
    F.Consents = C->NeededConsents;
  return F;
}

} // namespace privacy
