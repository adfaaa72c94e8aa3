//===- Dataflow.h - following personal data through the code ---*- C++ -*-===//
//
// Within a function: a forward, flow-sensitive taint analysis on Clang's
// CFG. Values carry sets of policy items through locals, assignments,
// initialisation, references and pointers, member access (field by field),
// arithmetic and string building, containers, returns and lambda captures.
//
// Across functions: each function with a body in the translation unit gets
// a summary (what reaches its return, its out-parameters and the sinks
// inside it, in terms of placeholders for its parameters), computed callee
// first and applied at every call site. Calls without a body use the API
// catalog, else a conservative rule (the result carries the arguments).
//
// Function values: a value may carry "#fn:" labels for the functions it may
// point to (a function's name, a lambda), so calls through function
// pointers, std::function and std::invoke run every target known. Fields
// and globals that hold functions are slots, filled from every store in the
// translation unit; a callback passed as an argument is resolved where the
// function taking it is called.
//
// The analysis knows nothing of the policy: it reports which items reach
// which sinks and purpose boundaries; the checks judge them.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_DATAFLOW_H
#define PRIVACY_DATAFLOW_H

#include "privacy/ApiCatalog.h"
#include "privacy/Taint.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace privacy {

/// Purpose: the data is used inside a function with a purpose of its own
/// (it was passed in by a caller); Target lists those purposes.
enum class SinkKind { Transfer, Store, Log, Network, Purpose };
llvm::StringRef sinkKindName(SinkKind K);

/// A place where data leaves the program.
struct SinkSite {
  SinkKind Kind = SinkKind::Log;
  std::string Target; // recipient or store id; empty: unnamed
  /// Purpose: the purposes the function declares, in their order (Target
  /// holds them joined by ',', which tells the flow apart).
  std::vector<std::string> Purposes;
  std::string Country;       // Transfer: the country the code names, if any
  clang::SourceLocation Loc; // the call that hands the data over
  std::string Via;           // "'sendToFreshdesk'" or a catalog entry
  clang::SourceLocation DeclaredAt; // the annotation, if any
  std::string CatalogEntry;         // "rules/sinks/libcurl.json:7:5"
  const clang::FunctionDecl *InFunction = nullptr; // where the sink call is
};

/// What a call passed to a function declared as a sink on the whole
/// function whose body is not in this translation unit: privacy-scan leaves
/// out what the body, in another file, does not keep (docs/scan.md,
/// "Functions declared as sinks").
struct DeclaredSinkCall {
  const clang::FunctionDecl *Callee = nullptr;
  /// By parameter; empty where the sink does not take the argument.
  std::vector<Taint> Args;
};

/// Data reaching a sink. In summaries the data may still hold placeholders.
struct SinkFlow {
  SinkSite Site;
  Taint Data;
  std::optional<DeclaredSinkCall> Declared = {};
};

/// Data read inside a function with a purpose of its own, returned into a
/// caller that runs under other purposes.
struct PurposeCrossing {
  const clang::FunctionDecl *Caller = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  clang::SourceLocation Loc; // the call
  Taint Data;
};

struct CallSite {
  const clang::FunctionDecl *Caller = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  clang::SourceLocation Loc;
};

/// A call of a function whose body is not in this translation unit (and
/// that neither the annotations nor the catalog describe): what each
/// argument carried, so that privacy-scan can apply the callee's summary
/// from another translation unit.
struct ExternalCall {
  const clang::FunctionDecl *Caller = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  clang::SourceLocation Loc;
  std::vector<Taint> Args;
  /// For arguments of a struct type of the program: what each field holds,
  /// so that a callee reading one field is not taken to read them all.
  std::vector<std::map<std::string, Taint>> ArgFields;
  Taint Object;
  /// What each field of the object holds, like ArgFields.
  std::map<std::string, Taint> ObjectFields;
  /// Whether ArgFields and ObjectFields list every field of a struct of the
  /// program (so that a field's value is known exactly), rather than only
  /// the fields a caller happened to know.
  bool FieldsExact = false;
  /// With FlowOptions::DeferCallsIntoOtherFiles: what the rule for unknown
  /// code says the call returns. The result carries only ReturnLabel, and
  /// privacy-scan puts in the callee's summary if some file defines the
  /// callee, else this (docs/scan.md, "Calls into other files").
  Taint Fallback;
  /// A call of a function of this translation unit that itself reaches
  /// other files: what the join finds there must come back through it.
  bool Internal = false;
  /// The placeholder ("$r<N>") the call's result carries, so that the join
  /// can put in what the callee returns; empty for calls returning nothing.
  std::string ReturnLabel;
  /// The placeholder (also "$r<N>") what the callee's exceptions carry
  /// stands for, at a call inside a try block with handlers; else empty.
  std::string ThrowLabel;
  /// With FlowOptions::DeferCallsIntoOtherFiles: the placeholders (also
  /// "$r<N>") written into the arguments the callee may write into (a
  /// non-const reference or pointer; -1 for the object of a non-const
  /// method), so that the join can put in what the callee's summary says
  /// it writes there (docs/scan.md, "Calls into other files").
  std::vector<std::pair<int, std::string>> WriteLabels;
};

/// A call through a function pointer, a std::function or a field or global
/// holding functions, whose targets the function itself cannot know: the
/// callee is a placeholder ("$p1", "$this.handlers") resolved where the
/// function is called, or a slot ("#slot:...") that other files may fill.
struct IndirectCall {
  std::string Callee;
  const clang::FunctionDecl *In = nullptr; // the function making the call
  clang::SourceLocation Loc;
  std::vector<Taint> Args;
  std::vector<std::map<std::string, Taint>> ArgFields;
  /// How many callers up it was passed from the function making the call.
  unsigned Hops = 0;
};

struct FunctionSummary {
  Taint Return;
  /// What the function writes through a reference or pointer parameter or
  /// into its object: key "$p0", "$p1.name", "$this.email".
  std::map<std::string, Taint> OutEffects;
  /// What the exceptions it lets escape may carry: a caller's handler
  /// around the call catches it.
  Taint Thrown;
  /// Sink flows still depending on placeholders.
  std::vector<SinkFlow> Flows;
  /// Calls through function values that depend on placeholders or slots.
  std::vector<IndirectCall> IndirectCalls;
  /// What the function stores into fields and globals that hold functions,
  /// still depending on placeholders (a callback registry's `subscribe`).
  std::map<const clang::ValueDecl *, Taint> SlotWrites;
  /// It calls, directly or through this translation unit, code of other
  /// files or function values it cannot resolve: privacy-scan may learn
  /// more about it than this summary says.
  bool ReachesOtherFiles = false;
  /// Its parameters (by index) whose data it hands to code that may keep
  /// it: code without a body here that no catalog entry describes, another
  /// file's function, directly or through its callees. With its sink flows
  /// and writes it tells what a function declared as a sink keeps of each
  /// argument (keptParams).
  std::set<unsigned> PassedOn;
  bool Ready = false;
};

/// The parameters (by index) of which the function \p S summarises may keep
/// what is passed there: it hands it to code that may keep it, to a sink,
/// into an object, a field or a global, or to a function value it cannot
/// resolve. A function declared as a sink whose body is seen keeps only
/// those of its arguments (docs/limitations.md, "Functions declared as
/// sinks").
std::set<unsigned> keptParams(const FunctionSummary &S);

/// The bounds of privacy/AnalysisLimits.h that lose precision when hit,
/// and that the engine therefore records.
enum class AnalysisLimit {
  FixpointRounds,      // MaxFixpointRounds
  SlotRounds,          // MaxSlotRounds
  PlaceholderLabels,   // MaxPlaceholderLabels
  PlaceholderFields,   // MaxPlaceholderFields
  CallbackHops,        // MaxCallbackHops
  IndirectCalls,       // MaxIndirectCalls
  IndirectCallNesting, // MaxIndirectCallNesting
  RecordNesting,       // MaxRecordNesting
};

/// A bound of the analysis was reached: what lay beyond it was folded or
/// not followed, so the results may miss something there.
struct LimitHit {
  AnalysisLimit Limit = AnalysisLimit::FixpointRounds;
  /// The function analysed; null for a bound of the translation unit.
  const clang::FunctionDecl *Function = nullptr;
  clang::SourceLocation Loc; // where it was first hit in that function
};

/// A value made by std::bind, std::bind_front or std::bind_back, as the
/// summaries describe it to privacy-scan's join, which calls its function
/// where a function of another file calls the value (docs/scan.md,
/// "Calls into other files").
struct BoundValueFacts {
  /// How the arguments of a call through the value join the fixed ones:
  /// where the placeholders put them (std::bind), after the fixed ones
  /// (std::bind_front) or before them (std::bind_back).
  enum class Order { Placeholders, AfterFixed, BeforeFixed };
  Order Passed = Order::Placeholders;
  /// Per argument of the bind expression after the function: the index of
  /// the call's argument a placeholder stands for (_1 is 0), or nullopt
  /// for an argument the bind expression fixes.
  std::vector<std::optional<unsigned>> Placeholders;
  /// What each argument fixed carried where the bind expression was
  /// evaluated, in terms of that function's parameters (empty for a
  /// placeholder).
  std::vector<Taint> Fixed;
  /// The function evaluating the bind expression, and the functions bound.
  const clang::FunctionDecl *In = nullptr;
  std::vector<const clang::FunctionDecl *> Callees;
  clang::SourceLocation Loc; // of the bind expression
};

/// Everything the flow checks need from one translation unit.
struct TranslationUnitFlows {
  std::vector<SinkFlow> SinkFlows;        // concrete items only, by site
  std::vector<PurposeCrossing> Crossings; // concrete items only
  std::vector<CallSite> Calls;
  std::vector<ExternalCall> ExternalCalls;
  std::map<const clang::FunctionDecl *, FunctionSummary> Summaries;
  /// The functions "#fn:..." labels stand for, and the fields and globals
  /// "#slot:..." labels stand for.
  std::map<std::string, const clang::FunctionDecl *> FunctionValues;
  std::map<std::string, const clang::ValueDecl *> Slots;
  /// Fields and globals that hold functions → the functions stored in them
  /// anywhere in the translation unit (field-based, flow-insensitive).
  std::map<const clang::ValueDecl *, std::set<const clang::FunctionDecl *>>
      SlotTargets;
  /// The values "#bind:..." labels stand for, and the fields and globals
  /// holding functions that bind values are stored in.
  std::map<std::string, BoundValueFacts> BoundValues;
  std::map<const clang::ValueDecl *, std::set<std::string>> SlotBinds;
  /// Functions of the API catalogs used as values (canonical) → their
  /// catalog sinks that a call through a function value runs, as flows of
  /// their parameters ("$p0"...) with no site: privacy-scan runs them where
  /// a function of another file calls the value.
  std::map<const clang::FunctionDecl *, std::vector<SinkFlow>>
      CatalogValueSinks;
  /// Functions without a body here used as values whose result is known
  /// (canonical) → the parameters their result carries: none for an
  /// anonymiser, the arguments of a catalog propagator to the return. The
  /// join of privacy-scan takes what a call through a function value
  /// returns from here when no file defines the target.
  std::map<const clang::FunctionDecl *, std::vector<unsigned>> ValueReturns;
  /// The bounds reached, once per limit and function, in the order hit.
  std::vector<LimitHit> LimitsHit;
  /// What "$k<N>" stands for: the function whose summary records the call
  /// through a function value its caller passes, and the call's index in
  /// that summary's IndirectCalls.
  std::vector<std::pair<const clang::FunctionDecl *, size_t>> CallbackResults;
};

/// \p T with every "$k<N>" placeholder (except those whose N \p Kept
/// holds) replaced by what the call may return when its target is not
/// known: what the function value and the arguments carry (privacy-scan's
/// summaries; the join resolves only those of a function's returns).
Taint openCallbackResults(const Taint &T, const TranslationUnitFlows &Flows,
                          const std::map<unsigned, unsigned> *Kept = nullptr);

/// How the analysis treats what it cannot see.
struct FlowOptions {
  /// A call of a function defined in no file seen here returns only its
  /// placeholder ("$r<N>"), with the guess for unknown code kept aside in
  /// ExternalCall::Fallback: the per-TU summaries of privacy-scan, whose
  /// join knows whether another file defines the callee. The checks of one
  /// translation unit (clang-tidy, the plugin) use the guess directly.
  bool DeferCallsIntoOtherFiles = false;
};

/// Analyses every function with a body outside system headers.
std::shared_ptr<const TranslationUnitFlows>
analyzeFlows(clang::ASTContext &Ctx, const ApiCatalog *Catalog,
             FlowOptions Options = {});

/// Same, shared by the checks of one translation unit (the last one
/// analysed is kept).
std::shared_ptr<const TranslationUnitFlows>
analyzeFlowsCached(clang::ASTContext &Ctx, const ApiCatalog *Catalog);

/// Forgets the translation unit analyseFlowsCached kept. Fronts call it when
/// a translation unit ends: the next one may reuse the same addresses.
void clearFlowsCache();

/// One line per limit in \p Hits, for a note: what was reached, in which
/// function (and how many others), what the analysis did, and the section
/// of docs/limitations.md that explains it.
std::vector<std::string> describeLimitsHit(const std::vector<LimitHit> &Hits);

/// The name catalogs and annotations files use for \p D: qualified,
/// without template arguments or inline namespaces
/// ("std::basic_string::append").
std::string catalogName(const clang::NamedDecl *D);

/// The sinks a function's own annotations declare, as flows of its
/// parameters ("$p0"...) with no site: the site is wherever it is called.
std::vector<SinkFlow> declaredSinkFlows(const clang::FunctionDecl *FD,
                                        const clang::SourceManager &SM);

/// Whether a value of type \p T may hold a function to call: function
/// pointers, std::function and its kin, lambdas, and arrays or containers
/// of them.
bool mayHoldFunction(clang::QualType T);

/// Calls \p Each once for every method \p MD overrides, directly or through
/// other overrides (canonical declarations).
void forEachOverridden(
    const clang::CXXMethodDecl *MD,
    llvm::function_ref<void(const clang::CXXMethodDecl *)> Each);

} // namespace privacy

#endif // PRIVACY_DATAFLOW_H
