//===- TuSummary.h - what one translation unit tells the join --*- C++ -*-===//
//
// privacy-scan and the compiler plugin analyse each translation unit on its
// own; what it found is a TuSummary (docs/scan.md, "Per-TU summaries"): the
// findings the translation unit alone can decide, per function (by USR) its
// purposes, calls, reads and the sink flows that still depend on its
// parameters, the calls into functions defined elsewhere with what their
// arguments carried, and the inventory facts. The join reads only these.
//
// Plain data: SummaryJson.h reads and writes it as JSON
// (rules/schema/tu-summary.schema.json), Summarizer.h builds it from Clang's
// AST.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SUMMARY_TUSUMMARY_H
#define PRIVACY_SUMMARY_TUSUMMARY_H

#include "privacy/Label.h"

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privacy::summary {

/// The value of "format" written; a summary of format 1 (no "traces") is
/// read too (rules/schema/tu-summary.schema.json), of any other not.
inline constexpr const char *FormatVersion = "privacy-tidy/tu-summary/3";

/// A place in the source; File is relative to the project root when inside.
struct Site {
  std::string File;
  unsigned Line = 0, Column = 0;
};

/// A site of an inventory fact, with what it is in.
struct FactSite : Site {
  std::optional<std::string> Function; // uses: the function using the item
  std::optional<std::string> Symbol;   // annotations: the annotated declaration
};

/// One step of a path, shown as a note.
struct Note {
  Site At;
  std::string Message;
};

/// A fix-it: text to insert at a place (privacy-unannotated-personal-data's
/// PRIVACY_DATA), for SARIF's fixes.
struct Insertion {
  Site At;
  std::string Text;
};

/// The notes of one path, shared by the labels that took it: a large file's
/// summary holds the same few thousand paths hundreds of thousands of times
/// (docs/scan.md, "Per-TU summaries"). Read as a vector; a change copies.
class SharedNotes {
public:
  SharedNotes() = default;
  SharedNotes(std::vector<Note> Notes)
      : Rep(Notes.empty()
                ? nullptr
                : std::make_shared<const std::vector<Note>>(std::move(Notes))) {
  }
  SharedNotes(std::initializer_list<Note> Notes)
      : SharedNotes(std::vector<Note>(Notes)) {}

  const std::vector<Note> &get() const { return Rep ? *Rep : none(); }
  operator const std::vector<Note> &() const { return get(); }
  std::vector<Note>::const_iterator begin() const { return get().begin(); }
  std::vector<Note>::const_iterator end() const { return get().end(); }
  size_t size() const { return get().size(); }
  bool empty() const { return get().empty(); }
  const Note &operator[](size_t I) const { return get()[I]; }
  /// The same for copies of one shared list (what the writer's "traces"
  /// is keyed by).
  const void *identity() const { return Rep.get(); }

  void push_back(Note N) { edit().push_back(std::move(N)); }
  void append(const std::vector<Note> &More) {
    if (More.empty())
      return;
    std::vector<Note> &Mine = edit();
    Mine.insert(Mine.end(), More.begin(), More.end());
  }

private:
  static const std::vector<Note> &none() {
    static const std::vector<Note> None;
    return None;
  }
  std::vector<Note> &edit() {
    if (!Rep || Rep.use_count() > 1)
      Rep = std::make_shared<const std::vector<Note>>(get());
    return const_cast<std::vector<Note> &>(*Rep); // the only owner
  }
  std::shared_ptr<const std::vector<Note>> Rep;
};

/// A label with the path it took (oldest step first).
struct LabelledPath {
  taint::Label Label;
  SharedNotes Trace;
  /// Held by an object, not read itself; gone through what unknown code
  /// returned (privacy::TraceNode).
  bool Held = false;
  bool Opaque = false;
};
/// What a value carries, as the summary keeps it.
using Labels = std::vector<LabelledPath>;
/// Per field of an argument that is a struct, what that field carried.
using FieldLabels = std::map<std::string, Labels>;

/// Data that reached a function declared as a sink on the whole function,
/// whose body the file did not see, through some of its parameters: the
/// join leaves it out when the body, in another file, keeps none of them
/// (Function::KeptParams; docs/scan.md, "Functions declared as sinks").
struct ThroughDeclaredSink {
  std::string Callee; // USR
  std::vector<unsigned> Params;
};

struct Finding {
  std::optional<Site> At;
  std::string Check;
  std::string Message;
  /// Set for findings the join may lift (a missing consent that callers in
  /// other files may guard): the function it is in, by USR, and the
  /// consents it needs.
  std::optional<std::string> FunctionUsr;
  std::vector<std::string> NeedsConsents;
  /// Functions of other files (USRs) whose `true` is known at the use: the
  /// join lifts the finding when one of them wraps a needed consent.
  std::vector<std::string> GuardedByCalls;
  std::vector<Note> Notes;
  /// What tells it apart from other findings, for its fingerprint
  /// (privacy/FindingIdentity.h): the item, the sink or purpose, the named
  /// function it is in and the hash of the code at the place.
  std::string Item, Target, Function, CodeHash;
  /// privacy-unannotated-personal-data: what the declaration (Target)
  /// looks like, a category of the classifier, and the policy item that
  /// stands for it, if one does (privacy-scan --suggest).
  std::string Category = {}, SuggestedItem = {};
  /// privacy-unannotated-personal-data: the annotation to insert, when the
  /// policy has an item that matches.
  std::vector<Insertion> Fixes = {};
  std::optional<ThroughDeclaredSink> Through = {};
};

/// The function and code at a place where the join may report a finding
/// (a flow's or a read's site), for the fingerprints of the join's
/// findings (privacy/FindingIdentity.h).
struct CodeAnchorAt {
  Site At;
  std::string Function;
  std::string CodeHash;
};

/// Where data goes: the kinds of sinks, and "slot" for a function value
/// stored into a field or global.
enum class FlowKind { Transfer, Store, Log, Network, Purpose, Slot };

struct Flow {
  FlowKind Kind = FlowKind::Log;
  /// Recipient or store id; for Slot the USR of the field or global.
  std::string Target;
  /// For Purpose: the purposes the data is used for.
  std::vector<std::string> Purposes;
  std::string Via;
  // Not for Slot:
  std::string Country;
  std::string Catalog; // the API catalog entry that made it a sink
  std::optional<Site> DeclaredAt;
  /// Where the data leaves; none for a function's declared sink: there the
  /// site is wherever the function is called.
  std::optional<Site> At;
  Labels Data;
  std::optional<ThroughDeclaredSink> Through = {};
};

struct Call {
  std::string Callee; // USR
  std::string CalleeName;
  std::optional<Site> At;
  std::vector<std::string> Consents; // known at the call
  /// Functions of other files whose `true` is known at the call.
  std::vector<std::string> GuardedByCalls = {};
};

/// A direct read of personal data in code without a purpose of its own.
struct Read {
  std::string Item;
  std::vector<std::string> Consents;
  std::optional<Site> At;
  std::string What; // "using personal data 'x' from ..."
  Note Marker;      // where the item is marked as personal data
  /// Functions of other files whose `true` is known at the read.
  std::vector<std::string> GuardedByCalls = {};
};

/// A call through a function value the file cannot decide.
struct IndirectCall {
  taint::Label Callee; // a placeholder, or a "#slot:<USR>" marker
  std::string In;      // USR of the function making the call
  std::string InName;
  std::optional<Site> At;
  std::vector<std::string> Consents;
  std::vector<Labels> Args;
  std::vector<FieldLabels> ArgFields;
};

struct OwnPurposes {
  std::vector<std::string> Purposes;
  std::optional<Site> DeclaredAt;
};

struct Function {
  std::string Usr;
  std::string Name; // qualified
  std::string ShortName;
  /// Whether its body was analysed here; only then is Site meaningful.
  bool Analysed = false;
  std::optional<Site> At;
  bool DeclaredSink = false;
  /// Declared as a sink on the whole function and analysed here: the
  /// parameters its body may keep (privacy::keptParams).
  std::optional<std::vector<unsigned>> KeptParams;
  std::vector<std::string> Overrides; // USRs of the methods it overrides
  std::optional<OwnPurposes> Own;
  std::vector<Call> Calls;
  std::vector<Read> Reads;
  std::vector<Flow> Flows;
  Labels Returns;
  /// What the exceptions it lets escape may carry.
  Labels Throws;
  /// For a constructor: what it puts into each field of the object it
  /// builds ("" for the whole object); a call of it returns the object
  /// (ExternalCall::ReturnsAs), whose fields the join takes from here.
  std::optional<FieldLabels> Builds;
  /// What it writes through its reference and pointer parameters and into
  /// its object, by place ("$p0", "$p1.name", "$this.email"): a call of it
  /// from another file puts it into what that call passed
  /// (ExternalCall::WritesAs).
  FieldLabels Writes;
  std::vector<IndirectCall> IndirectCalls;
  /// A consent wrapper: the consents its `true` implies, and the functions
  /// of other files (USRs) it wraps, whose consents the join adds.
  std::vector<std::string> WrapsConsents;
  std::vector<std::string> WrapsCalls;
};

/// A call of a function whose body is elsewhere.
struct ExternalCall {
  std::string Caller; // USR
  std::string Callee; // USR
  std::string CalleeName;
  std::optional<Site> At;
  std::vector<Labels> Args;
  std::vector<FieldLabels> ArgFields;
  /// The arguments whose ArgFields are exact: a field not listed there
  /// holds only the argument's own placeholders narrowed to that field
  /// ("$p0" → "$p0.f"). For the other arguments a field not listed stands
  /// for the whole argument.
  std::vector<unsigned> ExactArgFields;
  Labels Object;
  /// The object's fields, exact as above; none when not known.
  std::optional<FieldLabels> ObjectFields;
  /// What the call returns when no file of the program defines the callee:
  /// the rule for unknown code (SPEC §1), decided by the join.
  Labels Fallback;
  /// A call of a function of this file that itself reaches other files:
  /// only what the join learns comes back through it.
  bool Internal = false;
  /// The placeholder ("$r:<file>:<N>") its result carries in this file.
  std::optional<taint::Label> ReturnsAs;
  /// The placeholder what its exceptions carry stands for in this file, at
  /// a call inside a try block ("$r:<file>:<N>", numbered with the
  /// results).
  std::optional<taint::Label> ThrowsAs;
  /// The placeholders ("$r:<file>:<N>") written into the arguments the
  /// callee may write into, by parameter (-1: the object).
  struct WrittenArg {
    int Param = -1;
    taint::Label As;
  };
  std::vector<WrittenArg> WritesAs;
};

/// A field or global holding functions, with those this file stores there.
struct FunctionSlot {
  std::string Slot; // USR
  std::vector<std::string> Targets;
  /// Bind values stored there ("#bind:<file>:<N>", in BoundValues).
  std::vector<std::string> Binds = {};
};

/// A function used as a value that declares sinks itself.
struct DeclaredSinkFunction {
  std::string Usr;
  std::string Name;
  std::vector<Flow> Flows; // At is none
};

/// A function without a body in this file used as a value, whose result
/// is known: what a call through a function value returns when no file
/// defines it (an anonymiser returns none of its parameters, a catalog
/// propagator those it copies).
struct ValueReturn {
  std::string Usr;
  std::string Name;
  std::vector<unsigned> Params;
};

/// A value made by std::bind, std::bind_front or std::bind_back that a
/// label of this summary stands for ("#bind:<file>:<N>"): a function of
/// another file calling it runs the bound functions with the arguments the
/// bind expression fixed and the call's, each in its place.
struct BoundValue {
  /// Where the call's arguments go.
  enum class Order {
    Placeholders, // where the placeholders say (std::bind)
    AfterFixed,   // after the fixed arguments (std::bind_front)
    BeforeFixed,  // before them (std::bind_back)
  };
  std::string Id; // the label, "#bind:<file>:<N>"
  /// The function evaluating the bind expression (USR): the fixed
  /// arguments' placeholders are its parameters.
  std::string In;
  Order Passed = Order::Placeholders;
  /// Per argument of the bind expression after the function: a
  /// placeholder standing for the call's argument Placeholder (_1 is 0),
  /// or a fixed argument and what it carried.
  struct Argument {
    std::optional<unsigned> Placeholder;
    Labels Fixed;
  };
  std::vector<Argument> Args;
  /// A function bound; a method takes the first argument as its object.
  struct Callee {
    std::string Usr;
    std::string Name;
    bool Method = false;
  };
  std::vector<Callee> Callees;
};

/// Facts of the inventory.
struct ItemDeclaration {
  std::string Item;
  FactSite At;
};
struct PurposeDeclaration {
  std::string Purpose;
  FactSite At;
};
struct EraseDeclaration {
  std::string Store;
  FactSite At;
};
struct ConsentCheck {
  std::string Consent;
  FactSite At;
};
struct TransferDeclaration {
  std::string Recipient;
  FactSite At;
};
struct StoreDeclaration {
  std::string Store;
  FactSite At;
};
struct PurposedUse {
  std::string Item;
  std::string Purpose;
  FactSite At;
  bool Allowed = false;
};
struct SinkReach {
  FlowKind Kind = FlowKind::Log; // never Purpose or Slot
  std::string Target;
  std::string Country;
  std::string Item;
  std::string Via;
  FactSite At;
  /// The function whose purposes the sending code runs under (USR): the
  /// inventory lists the purposes each recipient receives data for.
  std::string FunctionUsr = {};
  std::optional<ThroughDeclaredSink> Through = {};
};

struct InventoryFacts {
  std::vector<ItemDeclaration> Declarations;
  std::vector<PurposeDeclaration> PurposeDeclarations;
  std::vector<EraseDeclaration> Erase;
  std::vector<ConsentCheck> ConsentChecks;
  std::vector<TransferDeclaration> TransferDeclarations;
  std::vector<StoreDeclaration> StoreDeclarations;
  std::vector<PurposedUse> Uses;
  std::vector<SinkReach> Sinks;
  unsigned long long Annotations = 0;
  unsigned long long Functions = 0; // analysed
};

/// An entry of an annotations file that matched no declaration of this
/// translation unit; the join reports those no translation unit matched.
struct UnmatchedEntry {
  size_t Index = 0; // in the file's "annotations"
  unsigned Line = 0, Column = 0;
  std::string Decl;
  std::string Why; // "" or why the declarations of that name did not fit
};

/// An annotations file applied to this translation unit.
struct AnnotationsFileUse {
  std::string Path; // relative to the project root when inside
  std::vector<UnmatchedEntry> Unmatched;
};

struct TuSummary {
  std::string File; // the main file
  std::vector<Finding> Findings;
  std::vector<Function> Functions;
  std::vector<ExternalCall> ExternalCalls;
  std::vector<FunctionSlot> FunctionSlots;
  std::vector<DeclaredSinkFunction> DeclaredSinks;
  std::vector<BoundValue> BoundValues; // those its labels name
  /// Functions of the API catalogs used as values, with the catalog sinks a
  /// call through a function value runs (At is none).
  std::vector<DeclaredSinkFunction> CatalogFunctions;
  std::vector<ValueReturn> ValueReturns;
  InventoryFacts Inventory;
  std::vector<AnnotationsFileUse> AnnotationsFiles;
  std::vector<CodeAnchorAt> Anchors; // sorted by site, each site once
};

/// "placeholders", "after_fixed", "before_fixed".
const char *bindOrderName(BoundValue::Order O);
/// The order named \p Name; nullopt for another name.
std::optional<BoundValue::Order> bindOrderNamed(const std::string &Name);

/// "transfer", "store", "log", "network", "purpose", "slot".
const char *flowKindName(FlowKind K);
/// The kind named \p Name; nullopt for another name.
std::optional<FlowKind> flowKindNamed(const std::string &Name);

/// The purposes of a purpose flow travel joined by commas: in the analysis'
/// sink sites and in the summaries' "target".
std::vector<std::string> splitPurposes(const std::string &Joined);
std::string joinPurposes(const std::vector<std::string> &Purposes);

} // namespace privacy::summary

#endif // PRIVACY_SUMMARY_TUSUMMARY_H
