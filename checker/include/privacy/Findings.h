//===- Findings.h - what the analysis reports, and to whom -----*- C++ -*-===//
//
// The analysis never prints. It hands each finding, as data (FindingFacts:
// the check, what it is about, what the policy allows, the path the data
// took), to a FindingSink that the front (clang-tidy check, compiler
// plugin, privacy-scan) implements, as Thread Safety Analysis does with its
// handler. Messages.h words them, the same for every front.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_FINDINGS_H
#define PRIVACY_FINDINGS_H

#include "privacy/Dataflow.h" // SinkKind
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <set>
#include <string>
#include <variant>
#include <vector>

namespace clang {
class Decl;
class FunctionDecl;
} // namespace clang

namespace privacy {

enum class CheckKind {
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage) Enum,
#include "privacy/Checks.def"
};

/// "privacy-purpose-limitation", ...
llvm::StringRef checkName(CheckKind K);

//===----------------------------------------------------------------------===//
// The notes: the steps of a path and the places things are declared.
//===----------------------------------------------------------------------===//

namespace note {
/// A step of the data's path, as the dataflow analysis words it (Taint.h).
struct FlowStep {
  std::string Text;
};
/// The annotation that declares a sink ("recipient 'crm' is declared here").
struct SinkDeclared {
  SinkKind Kind;
  std::string Target; // the recipient, store or purposes as annotated
};
/// A library function the API catalog lists as a sink.
struct CatalogSink {
  SinkKind Kind;
  std::string Via;          // "'curl_easy_perform'"
  std::string CatalogEntry; // "rules/sinks/libcurl.json:7:5"
};
/// The PRIVACY_PURPOSE that declares these purposes.
struct PurposeDeclared {
  std::vector<std::string> Purposes;
};
/// A call on the way from a function with a purpose to the use.
struct Calls {
  std::string Caller, Callee;
};
/// The PRIVACY_DATA that marks the item.
struct MarkedPersonalData {
  std::string Item;
};
/// A branch on a path where the consent is not known.
struct UnguardedBranch {
  bool ConditionTrue;
  std::string Consent;
};
/// The consents that are checked before the use, none of them the one
/// needed.
struct OnlyConsentsChecked {
  std::set<std::string> Consents;
};
} // namespace note

/// A fix-it: text to insert before a location of the user's source.
struct TextInsertion {
  clang::SourceLocation Loc;
  std::string Text;
};

struct PathNote {
  clang::SourceLocation Loc;
  std::variant<note::FlowStep, note::SinkDeclared, note::CatalogSink,
               note::PurposeDeclared, note::Calls, note::MarkedPersonalData,
               note::UnguardedBranch, note::OnlyConsentsChecked>
      What;
};

//===----------------------------------------------------------------------===//
// What a finding is about, one struct per kind of finding.
//===----------------------------------------------------------------------===//

/// A use of an item: read from where it is marked, passed into a function
/// with a purpose of its own, or returned from one.
struct DataUse {
  enum Kind { Read, PassedTo, ReturnedBy };
  Kind How = Read;
  std::string Item;
  /// Read: where it is read from ("field 'A::email'", PersonalData.h's
  /// describeSource); PassedTo: the function ("'send'"); ReturnedBy: the
  /// function's name.
  std::string From;
};

/// What the policy allows an item for, as messages quote it.
struct AllowedIds {
  bool All = false;             // "*": every item
  std::vector<std::string> Ids; // sorted
};

namespace reason {
// privacy-cross-border-transfer
struct CountryDiffers {
  std::string Item, Recipient, CodeCountry, PolicyCountry;
};
struct TransferAbroadUndeclared {
  std::string Item, Recipient, Country;
  AllowedIds AllowedItems;
};
/// The code sends abroad (its country differs from the controller's) to a
/// recipient the policy does not name, so no transfer abroad is declared.
struct TransferAbroadUnnamed {
  std::string Item, Recipient, Country;
};
// privacy-undeclared-recipient
struct RecipientUnnamed {
  std::string Item, Recipient;
  std::vector<std::string> PolicyRecipients;
};
struct RecipientUndeclaredForItem {
  std::string Item, Recipient;
  std::vector<std::string> AllowedItems;
};
struct RecipientUndeclaredForPurpose {
  std::string Item, Recipient, Purpose;
  std::string CalledFrom; // the annotated caller, when inherited
  std::vector<std::string> AllowedPurposes;
};
struct NetworkWithoutRecipient {
  std::string Item, Via;
};
// privacy-undeclared-storage
struct StoreNotNamedInCode {
  std::string Item, Via;
};
struct StoreUnnamed {
  std::string Item, Store;
  std::vector<std::string> PolicyStores;
};
struct StoreUndeclaredForItem {
  std::string Item, Store;
  std::vector<std::string> AllowedItems;
};
/// privacy-scan's join: a store receives personal data and no function of
/// the program erases from it.
struct StoreWithoutErase {
  std::string Store;
  std::vector<std::string> ItemsReaching;
};
// privacy-log-leak
struct LogUndeclared {
  std::string Item, Via;
  bool PolicyHasLogs = false;
  std::vector<std::string> LogsMayContain;
};
// privacy-purpose-limitation
struct PurposeNotAllowed {
  DataUse Use;
  std::string Purpose;
  std::string CalledFrom; // the function with the purpose; empty: the use's own
  std::vector<std::string> AllowedPurposes;
};
// privacy-missing-consent
struct ConsentMissing {
  DataUse Use;
  std::string Purpose;
  std::string CalledFrom;
  std::vector<std::string> NeededConsents; // any one of them would do
  /// When a needed consent is checked, but only for other data subjects:
  /// theirs ("referrer") and the subject of the use ("friend_").
  std::vector<std::string> CheckedFor = {};
  std::string UsedFor = {};
};
// privacy-unannotated-personal-data
struct LooksLikePersonalData {
  bool IsField = true; // else a variable
  std::string QualifiedName;
  std::string Looks;         // "an e-mail address"
  std::string SuggestedItem; // the one policy item for it, or empty
  /// The classifier's category ("email"), the item a draft policy gets.
  std::string Category = {};
  /// Several items of the policy stand for the category equally well.
  std::vector<std::string> Candidates = {};
  /// A policy is loaded and none of its items stands for the category.
  bool NoPolicyItem = false;
  /// The macro that spells the declaration ("DTO_FIELD"), or empty: such
  /// a declaration is annotated in an annotations file.
  std::string Macro = {};
};
// privacy-invalid-annotation
struct UnknownAnnotation {
  std::string Spelling;   // "privacy:dta"
  std::string Suggestion; // the closest known spelling, or empty
};
struct MisplacedAnnotation {
  std::string Macro;
  std::string Subject;   // "field", ...; empty when no subject applies
  std::string AppliesTo; // Annotations.h's describeSubjects
};
struct WrongArgumentCount {
  std::string Macro;
  int MinArgs = 0, MaxArgs = 0; // MaxArgs < 0: no maximum
  int Given = 0;
};
struct ArgumentNotAnId {
  std::string Macro;
  unsigned Index = 0;   // from 1
  bool Country = false; // a country code is expected, else an id
  std::string IdKind;   // "item", ...
};
struct ConsentCheckNotBool {
  std::string Function, ReturnType;
};
struct NotACountryCode {
  std::string Code;
};
struct SecondPurposeList {
  std::string Function;
  std::vector<std::string> EarlierPurposes;
  bool OnEarlierDeclaration = false;
};
struct UnknownId {
  std::string IdKind, Id, Macro;
  std::string Suggestion; // the closest id of the policy, or empty
};
/// The annotation is written here but lands on a declaration the user did
/// not write: one another macro generates, or an implicit one.
struct AnnotationOnGenerated {
  std::string Macro;
  std::string Subject;     // "function", ...
  std::string Name;        // the declaration it landed on
  std::string GeneratedBy; // the macro that generates it; empty: implicit
};
/// PRIVACY_DATA or PRIVACY_ANONYMIZE on a function with no return value.
struct ReturnsVoid {
  std::string Macro, Function;
};
} // namespace reason

using FindingReason =
    std::variant<reason::CountryDiffers, reason::TransferAbroadUndeclared,
                 reason::RecipientUnnamed, reason::RecipientUndeclaredForItem,
                 reason::RecipientUndeclaredForPurpose,
                 reason::NetworkWithoutRecipient, reason::StoreNotNamedInCode,
                 reason::StoreUnnamed, reason::StoreUndeclaredForItem,
                 reason::StoreWithoutErase, reason::LogUndeclared,
                 reason::PurposeNotAllowed, reason::ConsentMissing,
                 reason::LooksLikePersonalData, reason::UnknownAnnotation,
                 reason::MisplacedAnnotation, reason::WrongArgumentCount,
                 reason::ArgumentNotAnId, reason::ConsentCheckNotBool,
                 reason::NotACountryCode, reason::SecondPurposeList,
                 reason::UnknownId, reason::AnnotationOnGenerated,
                 reason::ReturnsVoid, reason::TransferAbroadUnnamed>;

/// A finding as the analysis reports it.
struct FindingFacts {
  CheckKind Check;
  clang::SourceLocation Loc; // a file location (macro expansions resolved)
  FindingReason Reason;
  std::vector<PathNote> Notes; // in path order
  /// privacy-missing-consent: the function the use is in, so that
  /// privacy-scan can take guards in callers in other files into account
  /// (the consents are the reason's NeededConsents).
  const clang::FunctionDecl *Function = nullptr;
  /// privacy-missing-consent: functions defined in other files whose `true`
  /// is known at the use; the join drops the finding when one of them wraps
  /// a needed consent.
  std::vector<const clang::FunctionDecl *> GuardedByCalls = {};
  /// privacy-unannotated-personal-data: the annotation to insert.
  std::vector<TextInsertion> Fixes = {};
};

/// A finding as the fronts print it (Messages.h words it).
struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};
struct Finding {
  CheckKind Check;
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<FindingNote> Notes; // in path order
  /// privacy-missing-consent: the function the use is in and the consents
  /// that would guard it.
  const clang::FunctionDecl *Function = nullptr;
  std::vector<std::string> Consents;
  std::vector<const clang::FunctionDecl *> GuardedByCalls = {};
  std::vector<TextInsertion> Fixes = {};
};

class FindingSink {
public:
  virtual ~FindingSink() = default;
  virtual void report(const FindingFacts &F) = 0;
};

} // namespace privacy

#endif // PRIVACY_FINDINGS_H
