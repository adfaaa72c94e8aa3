//===- UndeclaredRecipient.cpp - privacy-undeclared-recipient -------------===//
//
// Every recipient of personal data, processor (위탁, PIPA Art. 26) or third
// party (제3자 제공, Art. 17), must be named in the policy with the items it
// receives (GDPR Art. 13(1)(e)), and for the purposes it receives them
// (PIPA Art. 17(2)(2), 26(1)(1)).
//
//===----------------------------------------------------------------------===//
#include "privacy/FlowChecks.h"
#include "privacy/PurposeLimitation.h"
#include "privacy/Purposes.h"
#include "privacy/RunChecks.h"

#include <set>

namespace privacy {

std::optional<reason::RecipientUndeclaredForPurpose>
judgeRecipientPurpose(const Policy &P, const std::string &Recipient,
                      const std::string &Item, const std::string &Purpose,
                      const std::string &CalledFrom) {
  const RecipientDef *R = P.recipient(Recipient);
  // Unknown ids are other findings (privacy-invalid-annotation, or the
  // recipient the policy does not name).
  if (!R || !P.item(Item) || !P.purpose(Purpose) ||
      Policy::recipientAllowsPurpose(*R, Purpose))
    return std::nullopt;
  return reason::RecipientUndeclaredForPurpose{
      Item, Recipient, Purpose, CalledFrom,
      R->Purposes.All ? std::vector<std::string>{"*"} : R->Purposes.Ids};
}

namespace {

/// Data sent to a recipient under a purpose the policy does not declare for
/// it. The purposes are those of the sending code: its own, else those it
/// inherits from annotated callers; then only when no caller's purpose is
/// declared, since the analysis does not tell which caller passed the data
/// (docs/limitations.md).
void judgeRecipientPurposes(const TranslationUnitFlows &Flows, const Policy &P,
                            FindingSink &Sink) {
  std::optional<
      std::map<const clang::FunctionDecl *, std::vector<InheritedPurpose>>>
      Inherited;
  forEachItemFlow(
      Flows, SinkKind::Transfer,
      [&](const SinkFlow &F, const std::string &Item, const Trace &Path) {
        const RecipientDef *R = P.recipient(F.Site.Target);
        if (!R || !R->PurposesListed || !P.item(Item) || !F.Site.InFunction)
          return;
        const clang::SourceManager &SM =
            F.Site.InFunction->getASTContext().getSourceManager();
        // (purpose, annotated caller or "", where the purpose is declared)
        std::vector<std::tuple<std::string, std::string, clang::SourceLocation>>
            Purposes;
        if (auto Own = purposeOfContext(F.Site.InFunction)) {
          for (const std::string &Purpose : Own->Purposes)
            Purposes.push_back({Purpose, "", Own->From.Loc});
        } else {
          if (!Inherited)
            Inherited = inheritedPurposes(Flows);
          auto It = Inherited->find(purposeCarrier(F.Site.InFunction));
          if (It == Inherited->end())
            return;
          for (const InheritedPurpose &IP : It->second)
            for (const std::string &Purpose : IP.Source.Purposes) {
              if (Policy::recipientAllowsPurpose(*R, Purpose))
                return; // some caller sends it for a declared purpose
              Purposes.push_back(
                  {Purpose, IP.Entry->getNameAsString(), IP.Source.From.Loc});
            }
        }
        std::set<std::string> Seen;
        for (const auto &[Purpose, CalledFrom, DeclaredAt] : Purposes) {
          auto Reason =
              judgeRecipientPurpose(P, R->Id, Item, Purpose, CalledFrom);
          if (!Reason || !Seen.insert(Purpose).second)
            continue;
          std::vector<PathNote> Notes = flowNotes(Path, F.Site);
          Notes.emplace_back();
          Notes.back().Loc = SM.getFileLoc(DeclaredAt);
          Notes.back().What.emplace<note::PurposeDeclared>().Purposes = {
              Purpose};
          Sink.report({CheckKind::UndeclaredRecipient, F.Site.Loc,
                       std::move(*Reason), std::move(Notes)});
        }
      });
}

} // namespace

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
  judgeRecipientPurposes(Flows, P, Sink);
}

void checkUndeclaredRecipient(const CheckContext &C, FindingSink &Sink) {
  if (C.policy())
    judgeUndeclaredRecipient(C.flows(), *C.policy(), Sink);
}

} // namespace privacy
