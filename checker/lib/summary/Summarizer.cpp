//===- Summarizer.cpp - a translation unit's summary from its AST ---------===//
#include "privacy/summary/Summarizer.h"

#include "privacy/AnalysisLimits.h"
#include "privacy/Annotations.h"
#include "privacy/ConsentGuards.h"
#include "privacy/Dataflow.h"
#include "privacy/FindingIdentity.h"
#include "privacy/Messages.h"
#include "privacy/PersonalData.h"
#include "privacy/PurposeLimitation.h"
#include "privacy/Purposes.h"
#include "privacy/RunChecks.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace privacy::summary {

using namespace clang;

namespace {

std::string usrOf(const Decl *D) {
  llvm::SmallString<128> Buf;
  if (!D || index::generateUSRForDecl(D, Buf))
    return "";
  return Buf.str().str();
}

/// Sorts what a summary lists by USR: the same summary at every run,
/// whatever the order of the declarations in memory.
template <typename Entries> void sortByUsr(Entries &List) {
  std::sort(List.begin(), List.end(),
            [](const auto &A, const auto &B) { return A.Usr < B.Usr; });
}

FlowKind flowKindOf(SinkKind K) {
  switch (K) {
  case SinkKind::Transfer:
    return FlowKind::Transfer;
  case SinkKind::Store:
    return FlowKind::Store;
  case SinkKind::Log:
    return FlowKind::Log;
  case SinkKind::Network:
    return FlowKind::Network;
  case SinkKind::Purpose:
    return FlowKind::Purpose;
  }
  return FlowKind::Log;
}

std::vector<std::string> consentList(const ConsentSet &Known) {
  return std::vector<std::string>(Known.begin(), Known.end());
}

/// USRs of functions of other files, sorted, each once.
std::vector<std::string>
usrList(const std::vector<const FunctionDecl *> &Functions) {
  std::set<std::string> Usrs;
  for (const FunctionDecl *FD : Functions)
    if (std::string Usr = usrOf(FD->getCanonicalDecl()); !Usr.empty())
      Usrs.insert(std::move(Usr));
  return std::vector<std::string>(Usrs.begin(), Usrs.end());
}

/// The parameters of \p Declared's callee whose arguments carried \p Label.
std::vector<unsigned> paramsCarrying(const DeclaredSinkCall &Declared,
                                     const std::string &Label) {
  std::vector<unsigned> Params;
  for (unsigned I = 0; I < Declared.Args.size(); ++I)
    if (Declared.Args[I].has(Label))
      Params.push_back(I);
  return Params;
}

/// What a flow's \p Label went through, when it reached a function declared
/// as a sink whose body is elsewhere through some of its parameters.
std::optional<ThroughDeclaredSink> throughOf(const SinkFlow &F,
                                             const std::string &Label) {
  if (!F.Declared)
    return std::nullopt;
  std::vector<unsigned> Params = paramsCarrying(*F.Declared, Label);
  if (Params.empty())
    return std::nullopt; // the object a method without arguments keeps
  return ThroughDeclaredSink{usrOf(F.Declared->Callee->getCanonicalDecl()),
                             std::move(Params)};
}

/// What a finding of \p Item at \p Loc went through, when every flow there
/// carrying the item reached the same function declared as a sink: the
/// join may leave the finding out (docs/scan.md).
std::optional<ThroughDeclaredSink> throughOf(const TranslationUnitFlows &Flows,
                                             SourceLocation Loc,
                                             const std::string &Item) {
  std::optional<ThroughDeclaredSink> Through;
  std::set<unsigned> Params;
  for (const SinkFlow &F : Flows.SinkFlows) {
    if (F.Site.Loc != Loc || !F.Data.has(Item))
      continue;
    std::optional<ThroughDeclaredSink> This = throughOf(F, Item);
    if (!This || (Through && Through->Callee != This->Callee))
      return std::nullopt;
    Through = std::move(This);
    Params.insert(Through->Params.begin(), Through->Params.end());
  }
  if (Through)
    Through->Params.assign(Params.begin(), Params.end());
  return Through;
}

class Locations {
public:
  Locations(const SourceManager &SM, std::string Root)
      : SM(SM), Root(std::move(Root)) {}

  std::string file(SourceLocation Loc) const {
    Loc = SM.getFileLoc(Loc);
    FileID FID = SM.getFileID(Loc);
    auto It = Cache.find(FID.getHashValue());
    if (It != Cache.end())
      return It->second;
    std::string Path;
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID)) {
      llvm::StringRef Real = FE->getFileEntry().tryGetRealPathName();
      llvm::SmallString<256> Abs(Real.empty() ? FE->getName() : Real);
      llvm::sys::fs::make_absolute(Abs);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      Path = Abs.str().str();
      if (!Root.empty() && llvm::StringRef(Path).starts_with(Root + "/"))
        Path = Path.substr(Root.size() + 1);
    }
    Cache[FID.getHashValue()] = Path;
    return Path;
  }

  std::optional<Site> at(SourceLocation Loc) const {
    if (Loc.isInvalid())
      return std::nullopt;
    Loc = SM.getFileLoc(Loc);
    // Paths of a large file pass the same places many times.
    auto [Known, New] = Sites.try_emplace(Loc.getRawEncoding());
    if (!New)
      return Known->second;
    PresumedLoc P = SM.getPresumedLoc(Loc, /*UseLineDirectives=*/false);
    if (!P.isInvalid())
      Known->second = Site{file(Loc), P.getLine(), P.getColumn()};
    return Known->second;
  }

  Note note(SourceLocation Loc, const std::string &Message) const {
    return {at(Loc).value_or(Site{}), Message};
  }

  /// One shared list per path: labels that took the same path (the same
  /// node, or nodes with the same notes) share it, in memory and in the
  /// summary's "traces" (docs/scan.md, "Per-TU summaries").
  SharedNotes trace(const Trace &T) const {
    if (!T)
      return {};
    auto [Known, New] = TraceMemo.try_emplace(T.get());
    if (!New)
      return Known->second.second;
    Known->second.first = T; // keeps the node, so its address is not reused
    std::vector<Note> Notes = traceNotes(T);
    std::string Key;
    for (const Note &N : Notes) {
      Key += N.At.File;
      Key += '\0';
      Key += std::to_string(N.At.Line) + ":" + std::to_string(N.At.Column);
      Key += '\0';
      Key += N.Message;
      Key += '\0';
    }
    auto [Same, Fresh] = TracesByNotes.try_emplace(std::move(Key));
    if (Fresh)
      Same->second = SharedNotes(std::move(Notes));
    return Known->second.second = Same->second;
  }

  std::vector<Note> traceNotes(const Trace &T) const {
    // Where the data was read and where it went last: a path that crosses
    // files grows again in the join, and summaries of large files would
    // otherwise repeat every path in every argument.
    constexpr size_t Head = SummaryTraceHead, Tail = SummaryTraceTail;
    std::vector<FlowStep> All;
    for (const FlowStep &S : traceSteps(T))
      if (S.Loc.isValid())
        All.push_back(S);
    std::vector<Note> Steps;
    for (size_t I = 0; I < All.size(); ++I) {
      if (All.size() > Head + Tail && I >= Head && I < All.size() - Tail)
        continue;
      Steps.push_back(note(All[I].Loc, All[I].Message));
    }
    return Steps;
  }

  /// \p Kept: in a function's returns, its calls through function values
  /// the join resolves ("$k<N>" of this translation unit → the call's
  /// index in the function's summary, its "$k" there). Elsewhere what such
  /// a call returns is what the value and the arguments carry, as for a
  /// target not known.
  Labels taint(const Taint &T, bool Functions = true,
               const std::map<unsigned, unsigned> *Kept = nullptr) const {
    Labels Out;
    Taint Opened = Flows ? openCallbackResults(T, *Flows, Kept) : T;
    for (const auto &[Label, Path] : Opened.labels()) {
      if (Kept && isCallbackResultPlaceholder(Label)) {
        std::optional<taint::Label> Parsed = taint::Label::parse(Label);
        auto *K =
            Parsed ? Parsed->as<taint::CallbackResultPlaceholder>() : nullptr;
        if (auto It = K ? Kept->find(K->Call) : Kept->end();
            It != Kept->end()) {
          K->Call = It->second;
          Out.push_back(
              {std::move(*Parsed), trace(Path), isHeld(Path), isOpaque(Path)});
        }
        continue;
      }
      if (!Functions && isMarker(Label))
        continue;
      if (std::optional<taint::Label> Portable = label(Label))
        Out.push_back(
            {std::move(*Portable), trace(Path), isHeld(Path), isOpaque(Path)});
    }
    return Out;
  }

  /// A label as other translation units can read it: functions and slots
  /// by USR; markers only this one understands are dropped.
  std::optional<taint::Label> label(const std::string &Label,
                                    bool Reference = true) const {
    std::optional<taint::Label> Parsed = taint::Label::parse(Label);
    if (!Parsed)
      return std::nullopt;
    if (auto *Returned = Parsed->as<taint::ReturnPlaceholder>()) {
      // Unique in the program: the file and the call's number in it.
      Returned->File = MainFile;
      if (Reference)
        Referenced.insert(Parsed->str());
      return Parsed;
    }
    if (!Parsed->isMarker())
      return Parsed;
    if (!Flows)
      return std::nullopt;
    auto ByUsr = [](taint::MarkerKind Kind,
                    const Decl *D) -> std::optional<taint::Label> {
      std::string Usr = usrOf(D);
      if (Usr.empty())
        return std::nullopt;
      return taint::Label(taint::MarkerLabel{Kind, Usr});
    };
    if (auto It = Flows->FunctionValues.find(Label);
        It != Flows->FunctionValues.end()) {
      if (Reference)
        ReferencedFunctions.insert(It->second->getCanonicalDecl());
      return ByUsr(taint::MarkerKind::Function, It->second);
    }
    if (auto It = Flows->Slots.find(Label); It != Flows->Slots.end())
      return ByUsr(taint::MarkerKind::Slot, It->second);
    if (auto It = BindIds.find(Label); It != BindIds.end()) {
      if (Reference)
        ReferencedBinds.insert(Label);
      return taint::Label(
          taint::MarkerLabel{taint::MarkerKind::Bind, It->second});
    }
    return std::nullopt;
  }

  /// Numbers the bind values of this translation unit by place: their
  /// labels in summaries are "#bind:<file>:<N>", the same at every run.
  void numberBindValues() {
    std::vector<std::pair<const BoundValueFacts *, std::string>> Sorted;
    for (const auto &[Label, Facts] : Flows->BoundValues)
      Sorted.push_back({&Facts, Label});
    std::stable_sort(
        Sorted.begin(), Sorted.end(), [&](const auto &A, const auto &B) {
          return SM.isBeforeInTranslationUnit(SM.getFileLoc(A.first->Loc),
                                              SM.getFileLoc(B.first->Loc));
        });
    for (size_t I = 0; I < Sorted.size(); ++I) {
      BindIds[Sorted[I].second] = MainFile + ":" + std::to_string(I);
      BindOrder.push_back(Sorted[I].second);
    }
  }

  const SourceManager &SM;
  const TranslationUnitFlows *Flows = nullptr;
  std::string MainFile;
  /// Return placeholders some label of this summary uses.
  mutable std::set<std::string> Referenced;
  /// "#bind:" labels of the analysis → their text in summaries, and the
  /// labels in the order numbered; those some label of this summary uses.
  std::map<std::string, std::string> BindIds;
  std::vector<std::string> BindOrder;
  mutable std::set<std::string> ReferencedBinds;
  /// Functions some label of this summary names as a value (canonical).
  mutable std::set<const FunctionDecl *> ReferencedFunctions;

private:
  std::string Root;
  mutable std::map<unsigned, std::string> Cache;
  mutable std::unordered_map<SourceLocation::UIntTy, std::optional<Site>> Sites;
  mutable std::unordered_map<const TraceNode *, std::pair<Trace, SharedNotes>>
      TraceMemo;
  mutable std::unordered_map<std::string, SharedNotes> TracesByNotes;
};

struct SummarySink : FindingSink {
  SummarySink(const Locations &L, const TranslationUnitFlows &Flows,
              std::vector<Finding> &Out, std::vector<SourceLocation> &Places)
      : L(L), Flows(Flows), Out(Out), Places(Places) {}
  void report(const FindingFacts &Facts) override {
    privacy::Finding F = wordFinding(Facts);
    Finding S;
    S.At = L.at(F.Loc).value_or(Site{});
    S.Check = checkName(F.Check).str();
    S.Message = F.Message;
    FindingSubject Subject = findingSubject(Facts.Reason);
    S.Item = std::move(Subject.Item);
    S.Target = std::move(Subject.Target);
    if (const auto *R =
            std::get_if<reason::LooksLikePersonalData>(&Facts.Reason)) {
      S.Category = R->Category;
      // A draft annotation needs one item: the first of a tie will do.
      S.SuggestedItem = !R->SuggestedItem.empty() ? R->SuggestedItem
                        : R->Candidates.empty()   ? ""
                                                  : R->Candidates.front();
    }
    Places.push_back(F.Loc); // its function and code: Summarizer::anchors
    if (F.Function) {
      S.FunctionUsr = usrOf(F.Function);
      S.NeedsConsents = F.Consents;
      S.GuardedByCalls = usrList(F.GuardedByCalls);
    }
    for (const FindingNote &N : F.Notes)
      S.Notes.push_back(L.note(N.Loc, N.Message));
    for (const TextInsertion &Fix : F.Fixes)
      if (std::optional<Site> At = L.at(Fix.Loc))
        S.Fixes.push_back({std::move(*At), Fix.Text});
    if (!S.Item.empty())
      S.Through = throughOf(Flows, Facts.Loc, S.Item);
    Out.push_back(std::move(S));
  }
  const Locations &L;
  const TranslationUnitFlows &Flows;
  std::vector<Finding> &Out;
  std::vector<SourceLocation> &Places; // one per finding
};

/// Declarations that carry annotations: what the inventory lists as
/// declared in code.
class DeclarationCollector : public RecursiveASTVisitor<DeclarationCollector> {
public:
  DeclarationCollector(const Locations &L, InventoryFacts &Inventory)
      : L(L), Inventory(Inventory) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        L.SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool shouldVisitLambdaBody() const { return true; }
  bool VisitDecl(Decl *D) {
    visit(D);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    visit(LE->getCallOperator());
    return true;
  }

  unsigned Annotations = 0;

private:
  void visit(const Decl *D) {
    if (!Seen.insert(D).second)
      return;
    for (const Annotation &A : annotationsOn(D)) {
      ++Annotations;
      std::optional<Site> At = L.at(A.Loc);
      if (!At)
        continue;
      FactSite S;
      static_cast<Site &>(S) = *At;
      S.Symbol = "";
      if (const auto *ND = dyn_cast<NamedDecl>(D))
        S.Symbol = ND->getQualifiedNameAsString();
      std::string First = A.Args.empty() ? "" : A.Args[0];
      switch (A.Kind) {
      case AnnotationKind::Data:
        Inventory.Declarations.push_back({First, S});
        break;
      case AnnotationKind::Purpose:
        for (const std::string &P : A.Args)
          Inventory.PurposeDeclarations.push_back({P, S});
        break;
      case AnnotationKind::Erase:
        Inventory.Erase.push_back({First, S});
        break;
      case AnnotationKind::ConsentCheck:
        Inventory.ConsentChecks.push_back({First, S});
        break;
      case AnnotationKind::Transfer:
        Inventory.TransferDeclarations.push_back({First, S});
        break;
      case AnnotationKind::Store:
        Inventory.StoreDeclarations.push_back({First, S});
        break;
      default:
        break;
      }
    }
  }
  const Locations &L;
  InventoryFacts &Inventory;
  std::set<const Decl *> Seen;
};

/// A sink flow of the analysis as the summary keeps it.
Flow sinkFlow(const Locations &L, const SinkFlow &F) {
  Flow Out;
  Out.Kind = flowKindOf(F.Site.Kind);
  if (Out.Kind == FlowKind::Purpose)
    Out.Purposes = F.Site.Purposes;
  else
    Out.Target = F.Site.Target;
  Out.Country = F.Site.Country;
  Out.Via = F.Site.Via;
  Out.Catalog = F.Site.CatalogEntry;
  Out.At = L.at(F.Site.Loc);
  Out.DeclaredAt = L.at(F.Site.DeclaredAt);
  Out.Data = L.taint(F.Data);
  return Out;
}

/// \p F as the summary keeps it: one flow per set of parameters of a
/// function declared as a sink that its labels went through, so that the
/// join can leave out each part on its own.
std::vector<Flow> flowParts(const Locations &L, const SinkFlow &F) {
  if (!F.Declared)
    return {sinkFlow(L, F)};
  std::map<std::vector<unsigned>, SinkFlow> Parts;
  for (const auto &[Label, Path] : F.Data.labels())
    Parts.try_emplace(paramsCarrying(*F.Declared, Label), SinkFlow{F.Site, {}})
        .first->second.Data.add(Label, Path);
  std::vector<Flow> Out;
  for (const auto &[Params, Part] : Parts) {
    Out.push_back(sinkFlow(L, Part));
    if (!Params.empty())
      Out.back().Through = ThroughDeclaredSink{
          usrOf(F.Declared->Callee->getCanonicalDecl()), Params};
  }
  return Out;
}

/// The summary of one translation unit, built part by part.
class Summarizer {
public:
  Summarizer(ASTContext &Ctx, const Policy &P, const ApiCatalog *Catalog,
             const std::string &ProjectRoot, const Classifier *Classes)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), P(P), Classes(Classes),
        L(SM, ProjectRoot),
        Flows(analyzeFlows(Ctx, Catalog,
                           FlowOptions{/*DeferCallsIntoOtherFiles=*/true})),
        Guards(analyzeConsentGuards(Ctx, *Flows)) {
    L.Flows = Flows.get();
    L.MainFile = L.file(SM.getLocForStartOfFile(SM.getMainFileID()));
    L.numberBindValues();
  }

  /// A line per bound of the analysis reached (docs/limitations.md).
  std::vector<std::string> limitNotes() const {
    return describeLimitsHit(Flows->LimitsHit);
  }

  TuSummary run() {
    Out.File = L.MainFile;
    findings();
    functionSummaries();
    functionSlots();
    declaredSinks();
    calls();
    reads();
    keptFunctions();
    externalCalls();
    boundValues();
    catalogFunctions();
    valueReturns();
    inventory();
    anchors();
    return std::move(Out);
  }

private:
  void findings() {
    // What clang-tidy reports for this file, word for word.
    std::vector<SourceLocation> Places;
    SummarySink Sink(L, *Flows, Out.Findings, Places);
    std::shared_ptr<const TranslationUnitFlows> Analysed = Flows;
    CheckContext Context(Ctx, &P, [Analysed] { return Analysed; }, Guards);
    Context.setClassifier(Classes);
    runChecks(Context, CheckSet::all(), Sink);
    std::vector<CodeAnchor> Anchors = codeAnchors(Ctx, Places);
    for (size_t I = 0; I < Out.Findings.size(); ++I) {
      Out.Findings[I].Function = std::move(Anchors[I].Function);
      Out.Findings[I].CodeHash = std::move(Anchors[I].CodeHash);
    }
  }

  /// The function and code at each place where the join may report a
  /// finding (the sites of flows and reads), for its fingerprints.
  void anchors() {
    std::vector<CodeAnchor> Found = codeAnchors(Ctx, AnchorPlaces);
    std::map<std::tuple<std::string, unsigned, unsigned>, CodeAnchorAt> BySite;
    for (size_t I = 0; I < AnchorPlaces.size(); ++I) {
      std::optional<Site> At = L.at(AnchorPlaces[I]);
      if (!At)
        continue;
      BySite[{At->File, At->Line, At->Column}] = {
          *At, std::move(Found[I].Function), std::move(Found[I].CodeHash)};
    }
    for (auto &[Key, Anchor] : BySite)
      Out.Anchors.push_back(std::move(Anchor));
  }

  Function &function(const FunctionDecl *FD);
  void functionSummaries();
  const std::map<unsigned, unsigned> &
  keptCallbackResults(const FunctionDecl *FD, const FunctionSummary &Summary);
  std::map<std::pair<const FunctionDecl *, size_t>, unsigned> CallbackResultIds;
  std::map<unsigned, unsigned> KeptCallbackResults;
  void valueReturns();
  void functionSlots();
  void declaredSinks();
  void catalogFunctions();
  void calls();
  void reads();
  void keptFunctions();
  void externalCalls();
  void boundValues();
  FieldLabels fieldsWorthKeeping(const std::map<std::string, Taint> &Fields,
                                 const Taint *Whole) const;
  FieldLabels builtFields(const FunctionSummary &Summary);
  void inventory();

  ASTContext &Ctx;
  const SourceManager &SM;
  const Policy &P;
  const Classifier *Classes;
  Locations L;
  std::shared_ptr<const TranslationUnitFlows> Flows;
  std::shared_ptr<const ConsentGuards> Guards;
  /// Functions by declaration, until keptFunctions() picks those kept.
  std::map<const FunctionDecl *, Function> Functions;
  /// Sites of flows and reads, for anchors().
  std::vector<SourceLocation> AnchorPlaces;
  TuSummary Out;
};

Function &Summarizer::function(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = Functions.find(FD);
  if (It != Functions.end())
    return It->second;
  Function F;
  F.Usr = usrOf(FD);
  F.Name = FD->getQualifiedNameAsString();
  F.ShortName = FD->getNameAsString();
  F.DeclaredSink = isDeclaredSink(FD);
  // The virtual methods it overrides: calls of those may run it.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    forEachOverridden(MD, [&](const CXXMethodDecl *Base) {
      F.Overrides.push_back(usrOf(Base));
    });
  if (auto Own = purposeOfContext(FD))
    F.Own = OwnPurposes{Own->Purposes, L.at(Own->From.Loc)};
  return Functions[FD] = std::move(F);
}

/// The calls through function values of \p FD whose results its returns
/// keep for the join: "$k<N>" of the analysis → the call's index among
/// those the summary exports (those whose function value other files can
/// name).
const std::map<unsigned, unsigned> &
Summarizer::keptCallbackResults(const FunctionDecl *FD,
                                const FunctionSummary &Summary) {
  if (CallbackResultIds.empty())
    for (unsigned N = 0; N < Flows->CallbackResults.size(); ++N)
      CallbackResultIds[Flows->CallbackResults[N]] = N;
  KeptCallbackResults.clear();
  unsigned Exported = 0;
  for (size_t I = 0; I < Summary.IndirectCalls.size(); ++I) {
    if (!L.label(Summary.IndirectCalls[I].Callee, /*Reference=*/false))
      continue;
    if (auto It = CallbackResultIds.find({FD, I});
        It != CallbackResultIds.end())
      KeptCallbackResults[It->second] = Exported;
    ++Exported;
  }
  return KeptCallbackResults;
}

void Summarizer::functionSummaries() {
  for (const auto &[FD, Summary] : Flows->Summaries) {
    Function &F = function(FD);
    F.Analysed = true;
    F.At = L.at(FD->getLocation());
    std::set<std::string> Wrapped;
    for (const WrappedConsent &W : Guards->wrappedConsents(FD))
      Wrapped.insert(W.Consent);
    F.WrapsConsents.assign(Wrapped.begin(), Wrapped.end());
    F.WrapsCalls = usrList(Guards->wrappedCalls(FD));
    F.Returns =
        L.taint(Summary.Return, true, &keptCallbackResults(FD, Summary));
    F.Throws = L.taint(Summary.Thrown);
    if (isa<CXXConstructorDecl>(FD))
      F.Builds = builtFields(Summary);
    for (const auto &[Place, Written] : Summary.OutEffects)
      if (Labels Portable = L.taint(Written); !Portable.empty())
        F.Writes[Place] = std::move(Portable);
    if (F.DeclaredSink) {
      F.KeptParams.emplace();
      for (unsigned I : keptParams(Summary))
        if (I < FD->getNumParams())
          F.KeptParams->push_back(I);
    }
    for (const SinkFlow &Flow : Summary.Flows) {
      for (auto &Part : flowParts(L, Flow))
        F.Flows.push_back(std::move(Part));
      AnchorPlaces.push_back(Flow.Site.Loc);
    }
    // Functions it stores into fields and globals, known in its callers.
    for (const auto &[Slot, Data] : Summary.SlotWrites) {
      std::string Usr = usrOf(Slot);
      Labels Stored = L.taint(Data);
      if (Usr.empty() || Stored.empty())
        continue;
      Flow Write;
      Write.Kind = FlowKind::Slot;
      Write.Target = Usr;
      Write.Via = Slot->getNameAsString();
      Write.At = L.at(FD->getLocation());
      Write.Data = std::move(Stored);
      F.Flows.push_back(std::move(Write));
    }
    // Calls through function values other files may decide.
    for (const privacy::IndirectCall &IC : Summary.IndirectCalls) {
      std::optional<taint::Label> Callee = L.label(IC.Callee);
      if (!Callee)
        continue;
      IndirectCall Call;
      Call.Callee = std::move(*Callee);
      for (const Taint &T : IC.Args)
        Call.Args.push_back(L.taint(T));
      for (const auto &Fields : IC.ArgFields) {
        FieldLabels ByField;
        for (const auto &[Name, T] : Fields)
          ByField[Name] = L.taint(T);
        Call.ArgFields.push_back(std::move(ByField));
      }
      const FunctionDecl *In = IC.In ? IC.In : FD;
      Call.In = usrOf(purposeCarrier(In) ? purposeCarrier(In) : In);
      Call.InName = In->getNameAsString();
      Call.At = L.at(IC.Loc);
      Call.Consents = consentList(Guards->knownAt(In, IC.Loc));
      F.IndirectCalls.push_back(std::move(Call));
    }
  }
}

void Summarizer::functionSlots() {
  // Fields and globals holding functions, with the functions stored there.
  for (const auto &[Slot, Targets] : Flows->SlotTargets) {
    if (SM.isInSystemHeader(Slot->getLocation()))
      continue;
    std::string Usr = usrOf(Slot);
    std::set<std::string> TargetUsrs;
    for (const FunctionDecl *Target : Targets)
      if (std::string T = usrOf(Target); !T.empty())
        TargetUsrs.insert(T);
    if (Usr.empty() || TargetUsrs.empty())
      continue;
    // Bind values stored there: their functions run with what they fixed.
    std::set<std::string> Binds;
    if (auto It = Flows->SlotBinds.find(Slot); It != Flows->SlotBinds.end())
      for (const std::string &Bind : It->second)
        if (std::optional<taint::Label> Portable = L.label(Bind))
          Binds.insert(Portable->str());
    Out.FunctionSlots.push_back(
        {Usr, std::vector<std::string>(TargetUsrs.begin(), TargetUsrs.end()),
         std::vector<std::string>(Binds.begin(), Binds.end())});
  }
}

void Summarizer::declaredSinks() {
  // Functions used as values that declare sinks themselves: a call through
  // a function value in another file reaches them.
  std::set<const FunctionDecl *> Valued;
  for (const auto &[Label, FD] : Flows->FunctionValues)
    Valued.insert(FD->getCanonicalDecl());
  for (const FunctionDecl *FD : Valued) {
    std::string Usr = usrOf(FD);
    std::vector<SinkFlow> Declared = declaredSinkFlows(FD, SM);
    if (Usr.empty() || Declared.empty())
      continue;
    DeclaredSinkFunction D{Usr, FD->getNameAsString(), {}};
    for (const SinkFlow &Flow : Declared) {
      summary::Flow F = sinkFlow(L, Flow);
      F.Catalog.clear();
      F.At.reset(); // wherever the function is called
      D.Flows.push_back(std::move(F));
    }
    Out.DeclaredSinks.push_back(std::move(D));
  }
}

void Summarizer::valueReturns() {
  // What functions without a body here return when called through a value
  // (an anonymiser: nothing); those some label of this summary names.
  for (const auto &[FD, Params] : Flows->ValueReturns) {
    std::string Usr = usrOf(FD);
    if (Usr.empty() || !L.ReferencedFunctions.count(FD))
      continue;
    Out.ValueReturns.push_back({Usr, FD->getNameAsString(), Params});
  }
  sortByUsr(Out.ValueReturns);
}

void Summarizer::catalogFunctions() {
  // Functions of the API catalogs used as values: a call through a
  // function value in another file runs their catalog sinks. Only those
  // some label of this summary names can reach another file.
  for (const auto &[FD, Sinks] : Flows->CatalogValueSinks) {
    std::string Usr = usrOf(FD);
    if (Usr.empty() || !L.ReferencedFunctions.count(FD))
      continue;
    DeclaredSinkFunction D{Usr, FD->getNameAsString(), {}};
    for (const SinkFlow &Flow : Sinks) {
      summary::Flow F = sinkFlow(L, Flow);
      F.At.reset(); // wherever the function is called
      D.Flows.push_back(std::move(F));
    }
    Out.CatalogFunctions.push_back(std::move(D));
  }
  // By USR, not by where the analysis keeps the declarations.
  sortByUsr(Out.CatalogFunctions);
}

void Summarizer::calls() {
  for (const CallSite &C : Flows->Calls) {
    const FunctionDecl *Carrier = purposeCarrier(C.Caller);
    if (!Carrier || SM.isInSystemHeader(C.Callee->getLocation()))
      continue;
    // A guard for anyone: the callee's data subjects are not followed
    // (docs/limitations.md).
    function(Carrier).Calls.push_back(
        {usrOf(C.Callee->getCanonicalDecl()), C.Callee->getNameAsString(),
         L.at(C.Loc), consentList(Guards->knownAt(C.Caller, C.Loc)),
         usrList(Guards->unresolvedGuardsAt(C.Caller, C.Loc, {}))});
  }
}

void Summarizer::reads() {
  // Reads in code without a purpose of its own: judged in the join under
  // the purposes of callers in other files.
  for (const PersonalDataUse &Use : collectPersonalDataUses(Ctx)) {
    if (purposeOfContext(Use.Context))
      continue;
    const FunctionDecl *Carrier = purposeCarrier(Use.Context);
    if (!Carrier)
      continue;
    const FunctionDecl *In = dyn_cast<FunctionDecl>(Use.Context)
                                 ? cast<FunctionDecl>(Use.Context)
                                 : Carrier;
    SourceLocation At = SM.getFileLoc(Use.Use->getExprLoc());
    // Only checks for this data's subject guard it.
    ConsentSubject Used = consentSubjectOf(Use.Use);
    ConsentSet Known = Guards->guardingAt(In, At, Used);
    AnchorPlaces.push_back(Use.Use->getExprLoc());
    function(Carrier).Reads.push_back(
        {Use.Origin.Item, consentList(Known), L.at(Use.Use->getExprLoc()),
         dataUseText({DataUse::Read, Use.Origin.Item,
                      describeSource(Use.Origin.Source)}),
         L.note(Use.Origin.Marker.Loc,
                noteMessage({Use.Origin.Marker.Loc,
                             note::MarkedPersonalData{Use.Origin.Item}})),
         usrList(Guards->unresolvedGuardsAt(In, At, Used))});
  }
}

/// What a constructor writes into `*this`, by the field written ("$this.to"
/// → "to"; a field of a field counts as the field).
FieldLabels Summarizer::builtFields(const FunctionSummary &Summary) {
  std::map<std::string, Taint> ByField;
  for (const auto &[Key, Written] : Summary.OutEffects) {
    const std::string This = thisLabel();
    if (Key.compare(0, This.size(), This) != 0 ||
        (Key.size() > This.size() && Key[This.size()] != '.'))
      continue;
    std::string Field =
        Key.size() > This.size()
            ? Key.substr(This.size() + 1,
                         Key.find('.', This.size() + 1) - This.size() - 1)
            : "";
    ByField[Field].merge(Written);
  }
  FieldLabels Out;
  for (const auto &[Field, T] : ByField)
    if (Labels Ls = L.taint(T); !Ls.empty())
      Out[Field] = std::move(Ls);
  return Out;
}

void Summarizer::keptFunctions() {
  // Keep what the join can use: functions of this file, and those in
  // headers that carry purposes, reads or flows. Every inline function of
  // every header, in every translation unit, would make the summaries of a
  // large program larger than the program.
  for (auto &[FD, F] : Functions) {
    if (F.Usr.empty())
      continue;
    // Where it is defined, not where it is first declared (a header).
    const FunctionDecl *Def = FD->getDefinition();
    bool InMainFile =
        SM.isInMainFile(SM.getFileLoc((Def ? Def : FD)->getLocation()));
    if (!InMainFile && !F.Own && F.Reads.empty() && F.Flows.empty() &&
        !F.DeclaredSink && F.Overrides.empty() && F.IndirectCalls.empty() &&
        F.Throws.empty() && (!F.Builds || F.Builds->empty()))
      continue;
    Out.Functions.push_back(std::move(F));
  }
  // By USR, not by declaration address: two runs write the same summary.
  sortByUsr(Out.Functions);
}

/// The fields of an argument the join needs to be told about. With \p Whole
/// (exact fields): those that hold more than \p Whole's placeholders
/// narrowed to the field, which the join rebuilds itself, so a clean field
/// or one that only passes on the caller's own field costs nothing.
/// Without: those that hold data or functions; for the others the join
/// falls back to the whole argument.
FieldLabels
Summarizer::fieldsWorthKeeping(const std::map<std::string, Taint> &Fields,
                               const Taint *Whole) const {
  FieldLabels Out;
  for (const auto &[Name, T] : Fields) {
    bool Worth = false;
    if (Whole) {
      for (const auto &[Label, Tr] : T.labels()) {
        std::optional<taint::Label> Parsed = taint::Label::parse(Label);
        std::optional<taint::Label> Parent;
        if (Parsed && Parsed->isPlaceholder() && !Parsed->fields()->empty()) {
          Parent = *Parsed;
          Parent->fields()->pop_back();
        }
        bool Narrowed = Parent && Parsed->fields()->back() == Name &&
                        Whole->has(Parent->str());
        Worth |= !Narrowed;
      }
    } else {
      Worth = T.hasItems();
      for (const auto &[Label, Tr] : T.labels()) {
        auto Parsed = taint::Label::parse(Label);
        Worth |= Parsed && Parsed->isMarker(taint::MarkerKind::Function);
      }
    }
    if (Worth)
      Out[Name] = L.taint(T);
  }
  return Out;
}

/// Whether the arguments or the object of \p EC carry a placeholder for a
/// parameter of the function making it ("$p0", "$p1.name").
static bool passesParameters(const privacy::ExternalCall &EC) {
  auto Mentions = [](const Taint &T) {
    for (const auto &[Label, Tr] : T.labels())
      if (auto Parsed = taint::Label::parse(Label);
          Parsed && Parsed->as<taint::ParamPlaceholder>())
        return true;
    return false;
  };
  for (const Taint &T : EC.Args)
    if (Mentions(T))
      return true;
  for (const auto &Fields : EC.ArgFields)
    for (const auto &[Name, T] : Fields)
      if (Mentions(T))
        return true;
  return Mentions(EC.Object);
}

void Summarizer::externalCalls() {
  // Every call's labels first: a call whose result another call or a flow
  // uses is kept even when it passes nothing.
  std::vector<std::pair<const privacy::ExternalCall *, ExternalCall>> Calls;
  for (const privacy::ExternalCall &EC : Flows->ExternalCalls) {
    const FunctionDecl *Carrier = purposeCarrier(EC.Caller);
    ExternalCall Call;
    for (size_t I = 0; I < EC.Args.size(); ++I) {
      // Functions matter only where the callee takes a function.
      bool TakesFunction =
          I >= EC.Callee->getNumParams() ||
          mayHoldFunction(EC.Callee->getParamDecl(I)->getType());
      Call.Args.push_back(L.taint(EC.Args[I], /*Functions=*/TakesFunction));
    }
    for (size_t I = 0; I < EC.ArgFields.size(); ++I) {
      bool Exact = EC.FieldsExact && !EC.ArgFields[I].empty();
      Call.ArgFields.push_back(fieldsWorthKeeping(
          EC.ArgFields[I],
          Exact && I < EC.Args.size() ? &EC.Args[I] : nullptr));
      if (Exact)
        Call.ExactArgFields.push_back(I);
    }
    if (EC.FieldsExact && !EC.ObjectFields.empty())
      Call.ObjectFields = fieldsWorthKeeping(EC.ObjectFields, &EC.Object);
    Call.Fallback = L.taint(EC.Fallback);
    // A call in a lambda is its enclosing function's, except one passing
    // the lambda's own parameters on: those stand for what the lambda's
    // callers pass it, so the join brings them back through those calls.
    if (Carrier && passesParameters(EC))
      Carrier = nullptr;
    Call.Caller = usrOf(Carrier ? Carrier : EC.Caller);
    Call.Callee = usrOf(EC.Callee->getCanonicalDecl());
    Call.CalleeName = EC.Callee->getNameAsString();
    Call.At = L.at(EC.Loc);
    Call.Object = L.taint(EC.Object);
    Call.Internal = EC.Internal;
    if (!EC.ReturnLabel.empty())
      Call.ReturnsAs = L.label(EC.ReturnLabel, /*Reference=*/false);
    if (!EC.ThrowLabel.empty())
      Call.ThrowsAs = L.label(EC.ThrowLabel, /*Reference=*/false);
    for (const auto &[Param, Label] : EC.WriteLabels)
      if (std::optional<taint::Label> As = L.label(Label, false))
        Call.WritesAs.push_back({Param, std::move(*As)});
    Calls.push_back({&EC, std::move(Call)});
  }
  for (auto &[EC, Call] : Calls) {
    bool Used = (Call.ReturnsAs && L.Referenced.count(Call.ReturnsAs->str())) ||
                (Call.ThrowsAs && L.Referenced.count(Call.ThrowsAs->str()));
    for (const ExternalCall::WrittenArg &W : Call.WritesAs)
      Used |= L.Referenced.count(W.As.str()) != 0;
    // Calls made by inline functions of headers are summarised in every
    // file that includes them; keep them only when they carry data.
    bool Concrete = EC->Object.hasItems();
    for (const Taint &T : EC->Args)
      Concrete |= T.hasItems();
    if (!Concrete && !Used && !SM.isInMainFile(SM.getFileLoc(EC->Loc)))
      continue;
    bool AnyData = !EC->Object.empty();
    for (const Taint &T : EC->Args)
      AnyData |= !T.empty();
    if (!AnyData && !Used)
      continue;
    Out.ExternalCalls.push_back(std::move(Call));
  }
}

/// The bind values the labels of this summary name (and those their fixed
/// arguments name), in the order numbered.
void Summarizer::boundValues() {
  std::set<std::string> Described;
  for (;;) {
    std::vector<std::string> New;
    for (const std::string &Label : L.ReferencedBinds)
      if (!Described.count(Label))
        New.push_back(Label);
    if (New.empty())
      break;
    for (const std::string &Label : New) {
      Described.insert(Label);
      for (const Taint &T : Flows->BoundValues.at(Label).Fixed)
        L.taint(T); // notes the bind values they carry
    }
  }
  for (const std::string &Label : L.BindOrder) {
    if (!Described.count(Label))
      continue;
    const BoundValueFacts &Facts = Flows->BoundValues.at(Label);
    BoundValue B;
    B.Id = L.label(Label, /*Reference=*/false)->str();
    const FunctionDecl *Carrier = purposeCarrier(Facts.In);
    B.In = usrOf(Carrier ? Carrier : Facts.In);
    switch (Facts.Passed) {
    case BoundValueFacts::Order::Placeholders:
      B.Passed = BoundValue::Order::Placeholders;
      break;
    case BoundValueFacts::Order::AfterFixed:
      B.Passed = BoundValue::Order::AfterFixed;
      break;
    case BoundValueFacts::Order::BeforeFixed:
      B.Passed = BoundValue::Order::BeforeFixed;
      break;
    }
    for (size_t I = 0; I < Facts.Placeholders.size(); ++I)
      B.Args.push_back({Facts.Placeholders[I], Facts.Placeholders[I]
                                                   ? Labels()
                                                   : L.taint(Facts.Fixed[I])});
    std::set<std::string> Seen;
    for (const FunctionDecl *Callee : Facts.Callees) {
      std::string Usr = usrOf(Callee->getCanonicalDecl());
      if (Usr.empty() || !Seen.insert(Usr).second)
        continue;
      const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      B.Callees.push_back(
          {Usr, Callee->getNameAsString(),
           MD && MD->isInstance() && !MD->getParent()->isLambda()});
    }
    sortByUsr(B.Callees);
    Out.BoundValues.push_back(std::move(B));
  }
}

void Summarizer::inventory() {
  InventoryFacts &Inventory = Out.Inventory;
  std::vector<SourceLocation> SinkPlaces; // one per Inventory.Sinks
  DeclarationCollector Decls(L, Inventory);
  Decls.TraverseDecl(Ctx.getTranslationUnitDecl());
  Inventory.Annotations = Decls.Annotations;
  Inventory.Functions = Flows->Summaries.size();
  forEachPurposedUse(Ctx, Flows.get(), [&](const privacy::PurposedUse &U) {
    std::optional<Site> At = L.at(U.Loc);
    if (!At)
      return;
    FactSite S;
    static_cast<Site &>(S) = *At;
    if (U.Function)
      S.Function = U.Function->getQualifiedNameAsString();
    Inventory.Uses.push_back(
        {U.Item, U.Purpose, S, P.allows(U.Item, U.Purpose)});
  });
  for (const SinkFlow &F : Flows->SinkFlows) {
    if (F.Site.Kind == SinkKind::Purpose)
      continue;
    // A reach the inventory cannot place says nothing (the join sorts by
    // place).
    std::optional<Site> At = L.at(F.Site.Loc);
    if (!At)
      continue;
    FactSite S;
    static_cast<Site &>(S) = *At;
    const FunctionDecl *Sender = F.Site.InFunction;
    if (const FunctionDecl *Carrier = purposeCarrier(Sender))
      Sender = Carrier;
    std::string SenderUsr = Sender ? usrOf(Sender) : "";
    for (const std::string &Item : F.Data.items()) {
      Inventory.Sinks.push_back({flowKindOf(F.Site.Kind), F.Site.Target,
                                 F.Site.Country, Item, F.Site.Via, S, SenderUsr,
                                 throughOf(F, Item)});
      SinkPlaces.push_back(F.Site.Loc);
    }
  }
  // The function each reach is in: privacy-scan --compare tells places
  // apart by function, not by line (docs/review.md).
  std::vector<CodeAnchor> Anchors = codeAnchors(Ctx, SinkPlaces);
  for (size_t I = 0; I < Anchors.size(); ++I)
    if (!Anchors[I].Function.empty())
      Inventory.Sinks[I].At.Function = std::move(Anchors[I].Function);
}

} // namespace

/// \p Path made absolute, relative to \p Root when inside it, as the
/// summaries write source files.
static std::string relativeToRoot(const std::string &Path,
                                  const std::string &Root) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::string Out = Abs.str().str();
  if (!Root.empty() && llvm::StringRef(Out).starts_with(Root + "/"))
    Out = Out.substr(Root.size() + 1);
  return Out;
}

TuSummary summarizeTranslationUnit(ASTContext &Ctx, const Policy &P,
                                   const ApiCatalog *Catalog,
                                   const std::string &ProjectRoot,
                                   std::vector<std::string> *LimitNotes,
                                   const AnnotationsFiles &Annotations,
                                   const Classifier *Classes) {
  // Before anything reads the AST: a file annotation is the macro.
  std::vector<AppliedAnnotationsFile> Applied =
      applyFileAnnotations(Ctx, Annotations);
  Summarizer S(Ctx, P, Catalog, ProjectRoot, Classes);
  if (LimitNotes)
    *LimitNotes = S.limitNotes();
  TuSummary Out = S.run();
  for (const AppliedAnnotationsFile &File : Applied) {
    AnnotationsFileUse Use;
    Use.Path = relativeToRoot(File.File->Path, ProjectRoot);
    for (const UnmatchedFileAnnotation &U : File.Unmatched)
      Use.Unmatched.push_back({U.Entry->Index, U.Entry->Line, U.Entry->Column,
                               U.Entry->Decl, U.Why});
    Out.AnnotationsFiles.push_back(std::move(Use));
  }
  return Out;
}

} // namespace privacy::summary
