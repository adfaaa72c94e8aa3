//===- Analyzer.h - the dataflow engine's internals ------------*- C++ -*-===//
//
// Internal to checker/lib/analysis/dataflow: the pieces the engine's files
// share. privacy/Dataflow.h is the interface; this header is not installed.
//
// The files, by concern:
//   FunctionAnalyzer.cpp  the per-function driver: CFG, fixpoint, statements
//   Transfer.cpp          expressions: values, reads, writes, paths, sources
//   Calls.cpp             a call: which callee, and what calling it does
//   Summaries.cpp         applying a callee's summary; recording flows
//   FunctionValues.cpp    calls through function values, slots, callbacks
//   Tuples.cpp            pairs, tuples and structured bindings
//   Objects.cpp           objects built by new, make_unique, emplace,
//                         and temporaries
//   Binds.cpp             calls through std::bind and std::bind_front,
//                         and bind values that travel (#bind: markers)
//   Maps.cpp              keys and mapped values of the standard maps
//   Catalog.cpp           calls the API catalog describes
//   TranslationUnit.cpp   which functions, in which order; the cache
//   Limits.cpp            the bounds of AnalysisLimits.h reached, and notes
//   Support.cpp           paths, states and small helpers
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_DATAFLOW_ANALYZER_H
#define PRIVACY_DATAFLOW_ANALYZER_H

#include "privacy/AnalysisLimits.h"
#include "privacy/Dataflow.h"
#include "privacy/Purposes.h"

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace privacy::dataflow {

//===----------------------------------------------------------------------===//
// Paths: a variable (or *this) and a chain of fields.
//===----------------------------------------------------------------------===//

struct Path {
  const clang::ValueDecl *Root = nullptr; // null with IsThis
  bool IsThis = false;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;

  bool operator<(const Path &O) const {
    return std::tie(Root, IsThis, Fields) <
           std::tie(O.Root, O.IsThis, O.Fields);
  }
  bool sameRoot(const Path &O) const {
    return Root == O.Root && IsThis == O.IsThis;
  }
  /// Whether this path is \p O or an enclosing object of it.
  bool covers(const Path &O) const {
    return sameRoot(O) && Fields.size() <= O.Fields.size() &&
           std::equal(Fields.begin(), Fields.end(), O.Fields.begin());
  }
  std::string describe() const;
};

/// The joins of label sets one function's fixpoint made: the rounds over a
/// large loop join the same two sets at the same block again and again, and
/// a join's result depends on nothing else. Reusing the result also shares
/// its label set, so that the comparison of states that follows is cheap.
class JoinMemo {
public:
  /// Into.merge(From), or its result when these two sets were joined before.
  bool merge(Taint &Into, const Taint &From);

private:
  struct Joined {
    Taint Into, From; // kept, so that no other set takes their addresses
    Taint Result;
    bool Changed = false;
  };
  llvm::DenseMap<std::pair<const void *, const void *>, Joined> Memo;
};
/// What a function's analysis knows at one point of its body: the taint
/// of each path. Entries are grouped by root (a variable, or *this), and a
/// group is shared with the states it was copied from or to until one of
/// them changes it: a block starts from a copy of its predecessor's state
/// and changes few roots, and a join or comparison of two states skips
/// the groups they share. Groups are never empty.
class State {
public:
  /// The entries of one root, in path order.
  using Entries = std::map<Path, Taint>;

  bool empty() const { return !Groups || Groups->empty(); }
  void clear() { Groups.reset(); }
  /// The number of entries (paths).
  size_t size() const;
  /// The taint of \p P, an empty one made if there is none.
  Taint &operator[](const Path &P);
  /// The entries with \p P's root; null if there are none.
  const Entries *withRoot(const Path &P) const;
  /// Forgets what the state knew of \p P and its fields.
  void eraseCovered(const Path &P);
  /// Adds what \p From knows; returns whether a label was new (a path
  /// new with no labels is added but is no change).
  bool join(const State &From, JoinMemo *Memo = nullptr);
  /// The same paths with the same labels (Taint::operator==).
  bool operator==(const State &O) const;
  bool operator!=(const State &O) const { return !(*this == O); }
  /// Every entry, in path order.
  void
  forEach(llvm::function_ref<void(const Path &, const Taint &)> Visit) const;

private:
  using Root = std::pair<const clang::ValueDecl *, bool>;
  using Group = std::pair<Root, std::shared_ptr<const Entries>>;
  static Root rootOf(const Path &P) { return {P.Root, P.IsThis}; }
  using GroupList = std::vector<Group>;
  const GroupList &list() const;
  /// The first group of \p List whose root is not before \p R.
  static GroupList::const_iterator groupAt(const GroupList &List, Root R);

  /// Sorted by root, shared with the states it was copied from or to until
  /// one of them changes it, as each group is: a block's visit starts from
  /// a copy of a state of a large function's hundreds of roots, and many
  /// states are copied and compared without a change (docs/developers.md).
  /// Null when empty.
  std::shared_ptr<const GroupList> Groups;
};

/// Calls \p Visit with each entry of \p S that covers \p P or that \p P
/// covers, in the state's order, without walking the other entries of its
/// root (a large function's state has hundreds under one parameter).
void forEachOverlapping(
    const State &S, const Path &P,
    llvm::function_ref<void(const Path &, const Taint &)> Visit);
/// The entries of a state that a read of one path overlaps, in the state's
/// order (forEachOverlapping).
using OverlappingEntries =
    llvm::SmallVector<std::pair<const Path *, const Taint *>, 4>;
/// The reads of paths one function's fixpoint made: a read's result depends
/// only on the entries it overlaps, and the rounds over a large loop read
/// the same paths from the same label sets again (as do the reads of an
/// argument's fields at each call). Reusing the result also shares its
/// label set, so that the joins and comparisons that follow are cheap.
class ReadMemo {
public:
  /// What reading \p P from \p Entries gave before; null if not read so.
  const Taint *find(const Path &P, const OverlappingEntries &Entries) const;
  void remember(const Path &P, const OverlappingEntries &Entries,
                const Taint &Result);

private:
  struct Read {
    // Copies: kept, so that no other set takes their addresses.
    llvm::SmallVector<std::pair<Path, Taint>, 2> Entries;
    Taint Result;
  };
  std::map<Path, Read> Memo;
};
/// Whether two values carry the same labels along the same paths (not only
/// equal as Taint::operator== sees them): what a reader takes from them.
bool sameValue(const Taint &A, const Taint &B);
/// sameValue, field by field.
bool sameFields(const std::map<std::string, Taint> &A,
                const std::map<std::string, Taint> &B);

/// \p E without parentheses, implicit casts and temporaries' wrappers.
const clang::Expr *ignoreNoise(const clang::Expr *E);
/// The argument or object of a call that a catalog entry's value names;
/// null for the return value or an argument the call does not have.
const clang::Expr *catalogTarget(const ValueRef &V, const clang::Expr *Object,
                                 llvm::ArrayRef<const clang::Expr *> Args);
/// Whether a macro wrote the body of \p Def (a framework's QUERY or
/// ENDPOINT), so that the catalog may describe it like a library's.
bool generatedByMacro(const clang::FunctionDecl *Def);
const clang::FieldDecl *fieldNamed(const clang::RecordDecl *RD,
                                   llvm::StringRef Name);
/// "'ns::name'", as messages name declarations.
std::string quoted(const clang::NamedDecl *D);

/// Adds what a later round of a fixpoint saw at the same call.
void mergeArguments(
    std::vector<Taint> &Args, std::vector<std::map<std::string, Taint>> &Fields,
    const std::vector<Taint> &MoreArgs,
    const std::vector<std::map<std::string, Taint>> &MoreFields);

//===----------------------------------------------------------------------===//
// Annotations that make a call a sink.
//===----------------------------------------------------------------------===//

/// A method that needs an object besides the function value
/// (`&Mailer::send`).
bool needsObject(const clang::FunctionDecl *Target);
/// std::unique_ptr and std::shared_ptr: `p->f` is a field of the object.
bool isSmartPointer(clang::QualType T);
/// `front`, `back` and `at` of the standard containers: an element, part
/// of the container as `v[i]` is.
bool isElementAccess(const clang::CXXMethodDecl *MD);
/// For the library functions that build an object of the program with
/// the arguments they are given (std::make_unique, std::make_shared,
/// std::allocate_shared, emplace methods of the sequence containers): how
/// many leading arguments are not the constructor's (a position, an
/// allocator). Nullopt for any other function.
std::optional<unsigned> leadingArgsOfBuilder(const clang::FunctionDecl *F);
/// std::map, std::unordered_map and their multi- variants.
bool isMapContainer(const clang::CXXRecordDecl *RD);
/// The key of a map's element (`std::pair::first` of its value_type), null
/// if \p Map is no map or its element type is not complete.
const clang::FieldDecl *mapKeyField(const clang::CXXRecordDecl *Map);
/// std::set, std::unordered_set and their multi- variants.
bool isSetContainer(const clang::CXXRecordDecl *RD);
/// For a map's emplace, emplace_hint, try_emplace or insert_or_assign
/// called with \p NumArgs arguments: the argument that is the key (those
/// after it make the mapped value). Nullopt for any other call, and for
/// an emplace given one pair or piecewise arguments.
std::optional<unsigned> mapKeyArgument(const clang::FunctionDecl *F,
                                       size_t NumArgs);

struct SinkAnnotation {
  SinkSite Site;
  int Param = -1; // -1: the whole function (every argument)
  /// On the whole function: the parameters it anonymises on the way
  /// (PRIVACY_ANONYMIZE on a parameter), whose arguments it does not keep.
  std::vector<unsigned> Anonymized;
  /// Whether what is passed as argument \p Index reaches this sink.
  bool takes(size_t Index) const {
    if (Param >= 0)
      return static_cast<size_t>(Param) == Index;
    return std::find(Anonymized.begin(), Anonymized.end(), Index) ==
           Anonymized.end();
  }
};

/// Whether \p F anonymises what is passed as its parameter \p Index
/// (PRIVACY_ANONYMIZE on that parameter of any of its declarations): it
/// keeps, sends and returns nothing of it (docs/annotations.md).
bool anonymizesParam(const clang::FunctionDecl *F, size_t Index);

/// Adds the indices of the parameter placeholders ("$p1", "$p1.name") that
/// \p T carries.
void addParamsOf(const Taint &T, std::set<unsigned> &Into);

/// \p Declared with \p Substitute applied to what each argument carried (a
/// callee's flow imported at a call).
std::optional<DeclaredSinkCall>
substituteDeclared(const std::optional<DeclaredSinkCall> &Declared,
                   llvm::function_ref<Taint(const Taint &)> Substitute);

std::vector<SinkAnnotation> sinkAnnotationsOf(const clang::FunctionDecl *Callee,
                                              const clang::SourceManager &SM);

//===----------------------------------------------------------------------===//
// The translation unit: functions, their order, summaries, results.
//===----------------------------------------------------------------------===//

/// Arguments known only as taints: a callback run from a callee's summary.
struct GivenArgs {
  std::vector<Taint> Args;
  std::vector<std::map<std::string, Taint>> Fields;
  /// For a method bound with its object (`std::bind(&U::send, &u, _1)`):
  /// what the object bound carried; else not known.
  std::optional<Taint> Object;
  std::map<std::string, Taint> ObjectFields;
};

/// Each field's value of \p Fields put through \p Through.
std::map<std::string, Taint>
fieldsThrough(const std::map<std::string, Taint> &Fields,
              llvm::function_ref<Taint(const Taint &)> Through);
/// What the call through a function value \p IC of a summary passes, each
/// argument (and field) put through \p Through into the caller's terms.
GivenArgs argumentsThrough(const IndirectCall &IC,
                           llvm::function_ref<Taint(const Taint &)> Through);

/// The unqualified names of the functions \p Catalog's "statement" entries
/// name.
llvm::StringSet<> statementFunctionNames(const ApiCatalog &Catalog);
/// The text \p E spells as far as one function shows it (SqlStatements.cpp):
/// a string literal, a string built from one, or a constant or local
/// variable initialised with one; nullopt when the text is built at run
/// time.
std::optional<std::string> spelledText(const clang::Expr *E,
                                       const clang::SourceManager &SM,
                                       const clang::LangOptions &LO);

/// The values of an aggregate initialiser: each field's of a struct (with
/// the field), each element of an array (without).
void forEachInitialised(
    const clang::InitListExpr *ILE,
    llvm::function_ref<void(const clang::Expr *, const clang::FieldDecl *)>
        Each);

/// Which functions each field and global may hold, from every store in
/// the functions and initialisers given, before any is analysed
/// (SlotSeeds.cpp).
std::map<const clang::ValueDecl *, std::set<const clang::FunctionDecl *>>
functionsStoredInSlots(
    const std::vector<const clang::FunctionDecl *> &Functions,
    const std::vector<const clang::VarDecl *> &Globals,
    const clang::SourceManager &SM,
    llvm::function_ref<bool(const clang::ValueDecl *)> IsSlot);

class TranslationUnitAnalysis {
public:
  TranslationUnitAnalysis(clang::ASTContext &Ctx, const ApiCatalog *Catalog,
                          FlowOptions Options);

  std::shared_ptr<TranslationUnitFlows> run();
  using FunctionMap = std::map<const clang::FunctionDecl *,
                               std::vector<const clang::FunctionDecl *>>;
  using ReadMap = std::map<const clang::FunctionDecl *,
                           std::vector<const clang::ValueDecl *>>;
  void
  registerFunctions(const std::vector<const clang::FunctionDecl *> &Functions);
  void collectCallsAndReads(
      const std::vector<const clang::FunctionDecl *> &Functions,
      FunctionMap &Calls, ReadMap &Reads);
  std::vector<const clang::FunctionDecl *>
  analysisOrder(const std::vector<const clang::FunctionDecl *> &Functions,
                FunctionMap &Calls, ReadMap &Reads);
  void analyseInOrder(const std::vector<const clang::FunctionDecl *> &Order);
  void
  seedSlotsFromInitialisers(const std::vector<const clang::VarDecl *> &Globals);
  void seedSlot(const clang::Expr *Init, const clang::ValueDecl *Slot);
  void seedSlotTarget(const clang::ValueDecl *Slot,
                      const clang::FunctionDecl *Target);

  clang::ASTContext &Ctx;
  const ApiCatalog *Catalog;
  FlowOptions Options;
  std::shared_ptr<TranslationUnitFlows> Out =
      std::make_shared<TranslationUnitFlows>();
  llvm::DenseSet<const clang::FunctionDecl *> Analysable;
  /// Virtual methods (canonical) → the overriding definitions in this
  /// translation unit: a virtual call may run any of them.
  std::map<const clang::FunctionDecl *,
           std::vector<const clang::FunctionDecl *>>
      Overriders;
  const std::vector<const clang::FunctionDecl *> &
  overridersOf(const clang::FunctionDecl *FD) const;
  /// The catalog entries of a callee (Catalog.cpp): its own name's, else
  /// those of the method it redeclares in a base class.
  const std::vector<const CatalogEntry *> &
  catalogEntries(const clang::FunctionDecl *Callee);
  std::map<const clang::FunctionDecl *,
           const std::vector<const CatalogEntry *> *>
      CatalogEntriesOf;
  std::map<std::string, const clang::VarDecl *> CapturedVars;
  // Functions whose result is a file descriptor some sink cares about
  // (socket, accept): their results carry the marker "#fd:<name>".
  std::set<std::string> FdSources;
  /// The unqualified names of the functions the catalog's "statement"
  /// entries name ("prepare" for "QSqlQuery::prepare"): no call of another
  /// name prepares a statement (SqlStatements.cpp).
  llvm::StringSet<> StatementFunctionNames;
  std::set<std::tuple<unsigned, int, std::string, std::string>> FindingKeys;
  std::set<std::tuple<unsigned, int, const clang::FunctionDecl *, std::string>>
      CrossingKeys;

  // Function values.
  std::map<std::string, const clang::FunctionDecl *> FunctionLabels;
  std::map<const clang::FunctionDecl *, std::string> LabelOfFunction;
  std::map<std::string, const clang::ValueDecl *> SlotLabels;
  std::map<const clang::ValueDecl *, std::string> LabelOfSlot;
  std::map<const clang::ValueDecl *, std::set<const clang::FunctionDecl *>>
      SlotTargets;
  llvm::DenseMap<const clang::ValueDecl *, bool> SlotTypes;
  std::set<const clang::ValueDecl *> SlotsRead;
  /// A slot gained a target after a function read it: one more round.
  bool SlotsGrewAfterRead = false;
  /// Counts changes to what a function's analysis keeps beside its state
  /// (slots' targets, bind values, built objects, map keys): a block whose
  /// state did not change is still visited again if this moved since its
  /// last visit (FunctionAnalyzer::iterateToFixpoint).
  unsigned long FactsVersion = 0;

  /// Calls into other files, one per site and callee (later rounds of a
  /// function's fixpoint see more).
  std::map<std::tuple<const clang::FunctionDecl *, const clang::FunctionDecl *,
                      unsigned, bool>,
           size_t>
      ExternalIndex;
  std::map<const clang::Expr *, unsigned> ReturnIds, ThrowIds;
  /// With FlowOptions::DeferCallsIntoOtherFiles: a call into another file
  /// made by a callee of this file, as seen from one call of that callee
  /// (its "$r<N>" and the outer call) → the call of its own it stands for
  /// there, in ExternalCalls, and that call's placeholder.
  std::map<std::pair<const clang::Expr *, std::string>, std::string>
      ReturnInstances;
  std::set<std::pair<const clang::Expr *, std::string>> InstancesInProgress;
  /// In the current round: "$r<N>" → the call into another file in
  /// ExternalCalls whose result it stands for.
  std::map<std::string, size_t> ReturnOwners;
  /// Placeholders "$r<N>" handed out so far (results, exceptions,
  /// instances), so that none is reused.
  unsigned NextReturnId = 0;
  /// "$k<N>" for the call through a function value at \p Index of
  /// \p Owner's IndirectCalls (TranslationUnitFlows::CallbackResults).
  std::string callbackResultLabel(const clang::FunctionDecl *Owner,
                                  size_t Index);
  std::map<std::pair<const clang::FunctionDecl *, size_t>, unsigned>
      CallbackResultIds;
  /// Adds \p EC, or merges it into the same call added before; returns
  /// the entry kept.
  ExternalCall &addExternalCall(ExternalCall EC);
  std::string returnLabel(const clang::Expr *Call);
  /// What the exceptions of a call into another file carry: numbered with
  /// the results, so that each placeholder is one call's.
  std::string throwLabel(const clang::Expr *Call);
  /// What a call into another file writes into its argument \p Arg (-1:
  /// its object): numbered with the results.
  std::string writeLabel(const clang::Expr *Call, int Arg);
  std::map<std::pair<const clang::Expr *, int>, unsigned> WriteIds;

  const std::string &fnLabel(const clang::FunctionDecl *FD);
  const clang::FunctionDecl *functionOf(const std::string &Label) const;
  /// The functions a label may call: the function itself, or every function
  /// stored in the slot it was read from. (A slot's value carries only its
  /// marker, so values stay small in code full of function tables.)
  std::vector<const clang::FunctionDecl *>
  targetsOf(const std::string &Label) const;
  /// Fields and globals whose type may hold a function.
  bool isSlot(const clang::ValueDecl *D);
  const std::string &slotLabel(const clang::ValueDecl *D);
  void addSlotTarget(const clang::ValueDecl *Slot,
                     const clang::FunctionDecl *Target);

  /// Values made by std::bind, std::bind_front and std::bind_back
  /// (Binds.cpp): the "#bind:" marker such a value carries, so that the
  /// arguments the bind expression fixed follow the value when it is
  /// copied, assigned, stored in a field or passed on.
  struct BoundValue {
    const clang::CallExpr *Bind = nullptr;
    const clang::FunctionDecl *In = nullptr; // the function evaluating it
    /// The functions the bind expression binds ("#fn:" and "#slot:").
    Taint Callee;
    /// What each fixed argument carried where the bind was evaluated,
    /// without placeholders (they mean nothing in another function).
    std::vector<Taint> Fixed;
    /// The same with placeholders, for privacy-scan's summaries, which
    /// tell the join in which function they were evaluated.
    std::vector<Taint> FixedHere;
    /// Per fixed argument of a struct type of the program (a method's
    /// object), what each field carried there, without placeholders.
    std::vector<std::map<std::string, Taint>> FixedFields;
  };
  std::map<std::string, BoundValue> BoundValues;
  std::map<const clang::ValueDecl *, std::set<std::string>> SlotBinds;
  /// The bind values a label stands for: itself, or those stored in the
  /// slot it was read from.
  std::vector<const BoundValue *> boundValuesOf(const std::string &Label) const;
  void addSlotBind(const clang::ValueDecl *Slot, const std::string &Label);
  /// BoundValues as TranslationUnitFlows describes them.
  void exportBoundValues();
  /// The catalog's sinks of the functions used as values (Catalog.cpp).
  void exportCatalogValueSinks();
  /// The parameters what \p Target returns carries when it has no body:
  /// none for an anonymiser, the arguments a catalog propagator copies to
  /// the return; nullopt when nothing decides it (unknown code).
  std::optional<std::vector<unsigned>>
  returnedParams(const clang::FunctionDecl *Target);
  /// returnedParams of the functions used as values
  /// (TranslationUnitFlows::ValueReturns).
  void exportValueReturns();

  /// Records that \p Limit was reached in \p FD (once per function).
  void noteLimit(AnalysisLimit Limit, const clang::FunctionDecl *FD,
                 clang::SourceLocation Loc);
  std::set<std::pair<AnalysisLimit, const clang::FunctionDecl *>> LimitKeys;

  /// The constructor of the program a builder (leadingArgsOfBuilder)
  /// runs, found in the library's instantiated code; null if none.
  const clang::CXXConstructorDecl *
  constructorBuiltBy(const clang::FunctionDecl *Builder);
  std::map<const clang::FunctionDecl *, const clang::CXXConstructorDecl *>
      BuiltConstructors;

  const FunctionSummary *summaryOf(const clang::FunctionDecl *FD) const;
  bool hasBody(const clang::FunctionDecl *FD) const;
  const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *FD) const;
  std::string captureLabel(const clang::VarDecl *V);
};

//===----------------------------------------------------------------------===//
// One function: a forward analysis on its CFG, and its summary.
//===----------------------------------------------------------------------===//

class FunctionAnalyzer {
public:
  FunctionAnalyzer(TranslationUnitAnalysis &TU, const clang::FunctionDecl *FD);
  void run();

private:
  // Bounds reached (Limits.cpp).
  void noteLimit(AnalysisLimit Limit, clang::SourceLocation Loc);
  /// Notes MaxPlaceholderLabels when \p T is at it.
  void checkPlaceholderCount(const Taint &T, clang::SourceLocation Loc);
  /// Notes MaxPlaceholderFields when \p Label names more fields.
  void checkPlaceholderFields(const std::string &Label,
                              clang::SourceLocation Loc);

  // The driver (FunctionAnalyzer.cpp).
  void iterateToFixpoint(const clang::CFG &Graph);
  /// The fixpoint's worklist: blocks to visit again, and which blocks read
  /// the value of an expression another block evaluates (a conditional
  /// operator's branches), so that they are visited again when it changes.
  std::vector<bool> Pending;
  unsigned VisitingBlock = 0;
  llvm::DenseMap<const clang::Stmt *, unsigned> BlockOfElement;
  llvm::DenseMap<const clang::Expr *, llvm::SmallVector<unsigned, 2>>
      ValueReaders;
  void noteValueRead(const clang::Expr *E);
  void valueChanged(const clang::Expr *E);
  void finish();
  void processElement(const clang::CFGElement &E);
  void processDecl(const clang::VarDecl *VD);
  void noteConstructedVariable(const clang::VarDecl *VD);
  bool initialiseFieldByField(const clang::VarDecl *VD, const Path &P,
                              const clang::Expr *Init);
  bool copyFieldByField(const clang::VarDecl *VD, const Path &P,
                        const clang::Expr *Init);
  void processMemberInitializer(const clang::CXXCtorInitializer *Init);

  // Expressions (Transfer.cpp).
  Taint value(const clang::Expr *E);
  /// Adds what each of \p Exprs carries to \p Into, in order.
  void mergeValues(llvm::ArrayRef<const clang::Expr *> Exprs, Taint &Into);
  Taint compute(const clang::Expr *E);
  Taint transfer(const clang::Expr *E);
  Taint computeDeclRef(const clang::DeclRefExpr *DRE);
  Taint computeMember(const clang::MemberExpr *ME);
  Taint computeBinary(const clang::BinaryOperator *BO);
  Taint computeOperatorCall(const clang::CXXOperatorCallExpr *OC);
  Taint computeLambda(const clang::LambdaExpr *LE);
  Taint computeConstruct(const clang::CXXConstructExpr *CCE);
  // Pairs, tuples and structured bindings (Tuples.cpp).
  const clang::FieldDecl *elementField(clang::QualType T, unsigned I);
  std::optional<Path> elementPath(const clang::Expr *E, unsigned I);
  Taint elementOf(const clang::Expr *E, unsigned I);
  std::optional<Taint> computeGet(const clang::CallExpr *CE);
  bool initialiseElements(const clang::VarDecl *VD, const Path &P,
                          const clang::Expr *Init);
  bool assignElements(const clang::Expr *Target, const clang::Expr *Source,
                      clang::SourceLocation Loc);
  // Objects built outside a declaration of their own (Objects.cpp).
  bool buildsObject(const clang::CXXConstructorDecl *Ctor) const;
  const clang::Expr *constructionIn(const clang::Expr *Init);
  Taint constructInto(const clang::Expr *Call,
                      const clang::CXXConstructorDecl *Ctor,
                      llvm::ArrayRef<const clang::Expr *> Args,
                      const Path *Into, std::map<std::string, Taint> *Fields);
  std::optional<Taint> computeBuilt(const clang::Expr *Call,
                                    const clang::FunctionDecl *Callee,
                                    const clang::Expr *Object,
                                    llvm::ArrayRef<const clang::Expr *> Args);
  const std::map<std::string, Taint> *builtFields(const clang::Expr *E) const;
  static Taint builtField(const std::map<std::string, Taint> &Fields,
                          const std::vector<std::string> &Names);
  // Keys and mapped values of the standard maps (Maps.cpp).
  struct MapInsertion {
    Path Container;
    Taint Before, Key, Mapped;
  };
  std::optional<MapInsertion>
  beginMapInsertion(const clang::FunctionDecl *Callee,
                    const clang::Expr *Object,
                    llvm::ArrayRef<const clang::Expr *> Args);
  void finishMapInsertion(const MapInsertion &Insertion);
  void noteMapWrite(const Path &P, const Taint &Stored);
  void dropMapKeys(const clang::FunctionDecl *Callee, const clang::Expr *Object,
                   Taint &Result);
  /// Per map (its path): items put in only as keys so far, and items put
  /// in otherwise; a key-only item is one of the first and not the second.
  std::map<Path, std::set<std::string>> MapKeys, MapValues;
  std::optional<Path> InsertingInto; // the map an insertion is writing
  // Calls through std::bind and std::bind_front (Binds.cpp).
  const clang::CallExpr *bindExpressionOf(const clang::Expr *Through);
  std::optional<Taint>
  computeBoundCall(const clang::Expr *Call, const clang::CallExpr *Bind,
                   llvm::ArrayRef<const clang::Expr *> CallArgs);
  void markBoundValue(const clang::Expr *Call,
                      const clang::FunctionDecl *Callee, Taint &Result);
  std::optional<GivenArgs>
  placeBoundArguments(const TranslationUnitAnalysis::BoundValue &B,
                      const GivenArgs &Passed);
  bool runBoundValues(const clang::Expr *Call, const Taint &CalleeValue,
                      llvm::ArrayRef<const clang::Expr *> Args,
                      std::set<const clang::FunctionDecl *> &Covered,
                      Taint &Fixed, Taint &Result);
  void runBoundCallbacks(const clang::FunctionDecl *CallsFrom,
                         clang::SourceLocation CallLoc,
                         const clang::Expr *OuterCall, const Taint &CalleeValue,
                         const GivenArgs &Given,
                         std::set<const clang::FunctionDecl *> &Covered,
                         Taint &Fixed);
  std::optional<GivenArgs> givenFor(const clang::FunctionDecl *Target,
                                    const GivenArgs &Placed);
  Taint callWithGiven(const clang::Expr *Call,
                      const clang::FunctionDecl *Target,
                      const GivenArgs &Given);
  Taint computeBinding(const clang::DeclRefExpr *DRE,
                       const clang::BindingDecl *BD);
  // Exceptions (Transfer.cpp): what a try block may throw reaches its
  // handlers' variables; what escapes is the summary's Thrown.
  void computeThrow(const clang::CXXThrowExpr *TE);
  const clang::CXXTryStmt *enclosingTry(const clang::Stmt *S);
  void recordThrown(const clang::Stmt *At, const Taint &T);
  void enterHandler(const clang::CXXCatchStmt *Catch);
  void readSlot(const clang::ValueDecl *D, Taint &Into);
  std::map<std::string, Taint> argFields(const clang::Expr *A);
  Taint readPath(const Path &P);
  Taint readEntries(const Path &P, const OverlappingEntries &Entries);
  void write(const clang::Expr *Target, const Taint &T,
             clang::SourceLocation Loc, bool Strong);
  const clang::Expr *accessorOwner(const clang::Expr *E) const;
  bool aliases(const Path &Q) const;
  bool fieldMayHold(const clang::FieldDecl *F, const std::string &Item);
  std::map<const clang::FieldDecl *, std::set<std::string>> FieldItems;
  Taint storedIn(const Taint &T, clang::SourceLocation Loc,
                 const Path &P) const;
  void writePath(const Path &P, bool Exact, const Taint &T,
                 clang::SourceLocation Loc, bool Strong);
  /// Where a write into \p P also goes when P's root is an alias of a
  /// place of this function: a local reference bound to it, a local
  /// pointer set to its address once and never changed, a range-for
  /// variable bound to an element of a container (docs/limitations.md,
  /// "Pointers and references"). \p Exact says whether the alias is that
  /// place exactly (not a part of it).
  std::optional<Path> referentOf(const Path &P, bool &Exact);
  /// Local variables assigned, incremented, whose address is taken or that
  /// are passed by non-const reference after their declaration, and the
  /// range-for variables with the container they walk: found once per
  /// function.
  void findAliases();
  bool AliasesFound = false;
  llvm::DenseSet<const clang::VarDecl *> Reassigned;
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> RangeElements;
  void recordSlotWrite(const Path &P, const Taint &Stored);
  std::optional<Path> pathOf(const clang::Expr *E, bool *Exact = nullptr);
  Taint sourcesOf(const clang::Decl *D, clang::QualType T,
                  const clang::Expr *At);
  Taint placeholderFor(const Path &P);
  bool handsOverObject(clang::QualType T) const;
  void recordPurposeUse(const clang::Expr *E, const Taint &T);

  // Calls (Calls.cpp).
  Taint computeCall(const clang::Expr *Call, const clang::FunctionDecl *Callee,
                    const clang::Expr *Object,
                    llvm::ArrayRef<const clang::Expr *> Args);
  const clang::Expr *functionValueCalled(
      const clang::Expr *Call, const clang::FunctionDecl *Callee,
      const clang::Expr *Object, llvm::ArrayRef<const clang::Expr *> &Args);
  Taint computeDirectCall(const clang::Expr *Call,
                          const clang::FunctionDecl *Callee,
                          const clang::Expr *Object,
                          llvm::ArrayRef<const clang::Expr *> Args);
  bool recordDeclaredSinks(const clang::FunctionDecl *Callee,
                           std::vector<SinkAnnotation> &Sinks,
                           clang::SourceLocation Loc, const clang::Expr *Object,
                           llvm::ArrayRef<const clang::Expr *> Args,
                           const FunctionSummary *Body);
  void notePassedOn(const clang::FunctionDecl *Callee, const clang::Expr *Call,
                    llvm::ArrayRef<const clang::Expr *> Args,
                    const std::set<unsigned> *Only);
  void applyOverriders(const clang::Expr *Call,
                       const clang::FunctionDecl *Callee,
                       const clang::Expr *Object,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       bool Anonymizes, Taint &Result);
  void applyDefinedCallee(const clang::Expr *Call,
                          const clang::FunctionDecl *Callee,
                          const clang::FunctionDecl *Def,
                          const FunctionSummary &S, const clang::Expr *Object,
                          llvm::ArrayRef<const clang::Expr *> Args,
                          bool FunctionLevelSink, bool Anonymizes,
                          Taint &Result);
  void recordPurposeCrossing(const clang::FunctionDecl *Callee,
                             clang::SourceLocation Loc,
                             const FunctionSummary &S);
  void applyUnknownCallee(const clang::Expr *Call,
                          const clang::FunctionDecl *Callee,
                          const clang::Expr *Object,
                          llvm::ArrayRef<const clang::Expr *> Args,
                          bool HasDeclaredSinks, bool Anonymizes,
                          Taint &Result);
  ExternalCall &recordExternalCall(const clang::Expr *Call,
                                   const clang::FunctionDecl *Callee,
                                   const clang::Expr *Object,
                                   llvm::ArrayRef<const clang::Expr *> Args,
                                   bool Anonymizes, Taint &Result);
  void applyConservativeRule(const clang::Expr *Call,
                             const clang::FunctionDecl *Callee,
                             const clang::Expr *Object,
                             llvm::ArrayRef<const clang::Expr *> Args,
                             Taint &Result);
  const clang::Expr *chainRoot(const clang::Expr *Receiver);
  static bool isScalarValue(clang::QualType T);
  void addCalleeFacts(const clang::FunctionDecl *Callee,
                      clang::SourceLocation Loc, Taint &Result);
  void applyLambdaArguments(const clang::Expr *Call,
                            llvm::ArrayRef<const clang::Expr *> Args);

  // Summaries and what they record (Summaries.cpp).
  void applySummary(const FunctionSummary &S, const clang::FunctionDecl *Callee,
                    const clang::Expr *Call, const clang::Expr *Object,
                    llvm::ArrayRef<const clang::Expr *> Args, bool ImportFlows,
                    Taint &Result);
  using Substituter = std::function<Taint(const Taint &)>;
  void applyOutEffect(const std::string &Key, const Taint &Written,
                      clang::SourceLocation Loc, const clang::Expr *Object,
                      llvm::ArrayRef<const clang::Expr *> Args);
  void importSummaryFlows(const FunctionSummary &S,
                          const clang::FunctionDecl *Callee, bool ImportFlows,
                          const Substituter &Substitute);
  void runSummaryCallbacks(const FunctionSummary &S,
                           const clang::FunctionDecl *Callee,
                           const clang::Expr *Call, const clang::Expr *Object,
                           llvm::ArrayRef<const clang::Expr *> Args,
                           const Substituter &Substitute);
  Taint resolvePlaceholder(const std::string &Label, const clang::Expr *Object,
                           llvm::ArrayRef<const clang::Expr *> Args,
                           const Taint *LambdaParams,
                           const GivenArgs *Given = nullptr);
  Taint resolveGivenPlaceholder(unsigned Index,
                                const std::vector<std::string> &FieldNames,
                                const GivenArgs &Given);
  Taint resolveFieldsOf(const clang::Expr *Base, Path P,
                        const std::vector<std::string> &FieldNames);
  Taint substitute(const Taint &T, const clang::Expr *Call,
                   const clang::FunctionDecl *Callee, const clang::Expr *Object,
                   llvm::ArrayRef<const clang::Expr *> Args,
                   const Taint *LambdaParams = nullptr,
                   const GivenArgs *Given = nullptr,
                   clang::SourceLocation At = clang::SourceLocation(),
                   std::map<std::string, Taint> *Resolved = nullptr);
  void recordInternalCall(const FunctionSummary &S,
                          const clang::FunctionDecl *Callee,
                          const clang::Expr *Call, const clang::Expr *Object,
                          llvm::ArrayRef<const clang::Expr *> Args);
  void recordFlow(const SinkSite &Site, const Taint &Data,
                  const std::optional<DeclaredSinkCall> &Declared = {});
  void recordCrossing(PurposeCrossing C);

  // Function values (FunctionValues.cpp).
  Taint computeIndirectCall(const clang::Expr *Call, const clang::Expr *Through,
                            llvm::ArrayRef<const clang::Expr *> Args);
  /// Runs each function \p Label names (once per \p Seen) for \p Call with
  /// \p Args; \p ObjectOf picks a target's object, dropping it from the
  /// arguments it is given, or says nullopt to skip the target. True when
  /// one ran.
  using ObjectOfTarget = llvm::function_ref<std::optional<const clang::Expr *>(
      const clang::FunctionDecl *, llvm::ArrayRef<const clang::Expr *> &)>;
  bool runValueTargets(const clang::Expr *Call, const std::string &Label,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       std::set<const clang::FunctionDecl *> &Seen,
                       ObjectOfTarget ObjectOf, Taint &Result);
  const clang::Expr *
  objectOfMemberCall(const clang::Expr *Call, const clang::Expr *Through,
                     const clang::FunctionDecl *Target,
                     llvm::ArrayRef<const clang::Expr *> &Args);
  /// The call's index in the summary's IndirectCalls; nullopt past a
  /// bound.
  std::optional<size_t> recordIndirectCall(const std::string &Callee,
                                           const clang::FunctionDecl *In,
                                           clang::SourceLocation Loc,
                                           GivenArgs Args, unsigned Hops);
  /// What "$k<N>" (\p Label) stands for at a call of the function whose
  /// summary has it; \p Through puts that call's arguments into the
  /// caller's terms.
  Taint resolveCallbackResult(const std::string &Label,
                              const clang::Expr *OuterCall,
                              clang::SourceLocation Loc,
                              const Substituter &Through);
  /// What \p Target returns when a function value is called with \p Given.
  Taint returnOfTarget(const clang::FunctionDecl *Target,
                       const clang::Expr *OuterCall, clang::SourceLocation Loc,
                       const GivenArgs &Given);
  void runCallbackTargets(const clang::FunctionDecl *CallsFrom,
                          clang::SourceLocation CallLoc,
                          const clang::Expr *OuterCall,
                          const Taint &CalleeValue, const GivenArgs &Given,
                          unsigned Hops);
  void runCallbackTarget(const clang::FunctionDecl *Target,
                         const clang::FunctionDecl *CallsFrom,
                         clang::SourceLocation CallLoc,
                         const clang::Expr *OuterCall, const GivenArgs &Given);

  // The API catalog (Catalog.cpp).
  bool applyCatalog(const clang::FunctionDecl *Callee, const clang::Expr *Call,
                    const clang::Expr *Object,
                    llvm::ArrayRef<const clang::Expr *> Args, Taint &Result);
  void applyCatalogSink(const CatalogEntry &E, const std::string &Name,
                        clang::SourceLocation Loc, const clang::Expr *Object,
                        llvm::ArrayRef<const clang::Expr *> Args);
  void applyCatalogSinksTo(const clang::FunctionDecl *Target,
                           clang::SourceLocation Loc, const GivenArgs &Given);
  Taint catalogFlowing(const CatalogEntry &E, const clang::Expr *Object,
                       llvm::ArrayRef<const clang::Expr *> Args);
  Taint instantiateReturn(const std::string &Label, const clang::Expr *Call,
                          const clang::FunctionDecl *Callee,
                          const clang::Expr *Object,
                          llvm::ArrayRef<const clang::Expr *> Args);

  // SQL statements of store sinks (SqlStatements.cpp).
  void collectPreparedStatements(const clang::Stmt *Body);
  bool statementMayWrite(const CatalogEntry &Sink, const clang::Expr *Object,
                         llvm::ArrayRef<const clang::Expr *> Args);
  bool chainStatementWrites(const clang::Expr *E);
  /// Statement handles and query objects this function prepares with the
  /// catalog's statement entries → whether one of their statements may
  /// write.
  std::map<Path, bool> PreparedStatements;

  TranslationUnitAnalysis &TU;
  const clang::FunctionDecl *FD;
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  FunctionSummary Summary;
  State Cur;
  JoinMemo Joins;
  ReadMemo Reads;
  std::map<const clang::Expr *, Taint> Values;
  /// Expressions the CFG evaluates as elements of their own, recomputed at
  /// each visit; any other (an initialiser's wrappers) is recomputed from
  /// them when asked, so a value from an earlier round is never reused.
  llvm::DenseSet<const clang::Stmt *> Elements;
  std::set<std::tuple<unsigned, int, std::string, std::string>> FlowKeys;
  bool CoversNetwork = false, CoversStore = false, CoversLog = false;
  std::set<std::string> CoveredNetworkParams, CoveredStoreParams,
      CoveredLogParams;
  std::optional<PurposeSource> OwnPurpose; // of FD itself, if any
  std::map<std::pair<unsigned, std::string>, size_t> IndirectIndex;
  std::set<std::string> CallbacksApplied;
  /// Return-placeholder instances this function built, each once: rebuilt
  /// at every use, nested helpers would cost exponential time.
  std::set<std::pair<const clang::Expr *, std::string>> InstancesBuilt;
  int IndirectDepth = 0;
  /// Callback results ("$k<N>") being resolved within one another, and
  /// targets run for callbacks handed to callbacks: bounded by
  /// MaxIndirectCallNesting.
  int CallbackNesting = 0;
  unsigned NotedLimits = 0; // bit per AnalysisLimit noted for FD
  std::unique_ptr<clang::ParentMap>
      Parents; // of FD's body, made when first needed
  /// Variables initialised by a constructor of the program, by the
  /// construction (the constructor's call, or the std::make_unique that
  /// runs it): its effects on `*this` go into the variable.
  std::map<const clang::Expr *, const clang::VarDecl *> ConstructedVariables;
  /// A constructor's base initialisers that run a constructor of the
  /// program: it writes into this object's fields (computeConstruct).
  std::set<const clang::Expr *> ConstructedBases;
  const Path *ConstructingInto = nullptr;
  clang::QualType ConstructingType; // the class of the object built
  /// Objects built with no variable (temporaries, `new R(p)` used at once),
  /// by construction: what each field holds ("" for the whole object).
  std::map<const clang::Expr *, std::map<std::string, Taint>> BuiltObjects;
  std::map<std::string, Taint> *BuildingFields = nullptr;
  /// Where a structured binding being read is used (computeBinding).
  const clang::Expr *UseSite = nullptr;
  /// What each try block may throw (flow-insensitive), and what each
  /// handler caught, for `throw;`.
  std::map<const clang::CXXTryStmt *, Taint> ThrownInto;
  bool HasTry = false; // FD's body has a try statement
  std::map<const clang::CXXCatchStmt *, Taint> RethrowFrom;
};

} // namespace privacy::dataflow

#endif // PRIVACY_DATAFLOW_ANALYZER_H
