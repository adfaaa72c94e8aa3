//===- TuSummary.cpp - what one translation unit tells the join -----------===//
#include "TuSummary.h"

#include "privacy/AnnotationValidator.h"
#include "privacy/Annotations.h"
#include "privacy/ConsentGuards.h"
#include "privacy/Dataflow.h"
#include "privacy/FlowChecks.h"
#include "privacy/MissingConsent.h"
#include "privacy/PersonalData.h"
#include "privacy/PurposeLimitation.h"
#include "privacy/Purposes.h"
#include "privacy/UnannotatedPersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>

namespace privacy::scan {

using namespace clang;
using nlohmann::json;

namespace {

std::string usrOf(const Decl *D) {
  llvm::SmallString<128> Buf;
  if (!D || index::generateUSRForDecl(D, Buf))
    return "";
  return Buf.str().str();
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

  json at(SourceLocation Loc) const {
    if (Loc.isInvalid())
      return nullptr;
    Loc = SM.getFileLoc(Loc);
    PresumedLoc P = SM.getPresumedLoc(Loc, /*UseLineDirectives=*/false);
    if (P.isInvalid())
      return nullptr;
    return {{"file", file(Loc)}, {"line", P.getLine()}, {"column", P.getColumn()}};
  }

  json note(SourceLocation Loc, const std::string &Message) const {
    json N = at(Loc);
    if (N.is_null())
      N = {{"file", ""}, {"line", 0}, {"column", 0}};
    N["message"] = Message;
    return N;
  }

  json trace(const Trace &T) const {
    // Where the data was read and where it went last: a path that crosses
    // files grows again in the join, and summaries of large files would
    // otherwise repeat every path in every argument.
    constexpr size_t Head = 6, Tail = 6;
    std::vector<FlowStep> All;
    for (const FlowStep &S : traceSteps(T))
      if (S.Loc.isValid())
        All.push_back(S);
    json Steps = json::array();
    for (size_t I = 0; I < All.size(); ++I) {
      if (All.size() > Head + Tail && I >= Head && I < All.size() - Tail)
        continue;
      Steps.push_back(note(All[I].Loc, All[I].Message));
    }
    return Steps;
  }

  json taint(const Taint &T, bool Functions = true) const {
    json Labels = json::array();
    for (const auto &[Label, Path] : T.labels()) {
      if (!Functions && isMarker(Label))
        continue;
      std::string Portable = label(Label);
      if (!Portable.empty())
        Labels.push_back({{"label", Portable}, {"trace", trace(Path)}});
    }
    return Labels;
  }

  /// A label as other translation units can read it: functions and slots
  /// by USR; markers only this one understands are dropped.
  std::string label(const std::string &Label, bool Reference = true) const {
    std::optional<taint::Label> Parsed = taint::Label::parse(Label);
    if (!Parsed)
      return "";
    if (auto *Returned = Parsed->as<taint::ReturnPlaceholder>()) {
      // Unique in the program: the file and the call's number in it.
      Returned->File = MainFile;
      std::string Global = Parsed->str();
      if (Reference)
        Referenced.insert(Global);
      return Global;
    }
    if (!Parsed->isMarker())
      return Label;
    if (!Flows)
      return "";
    auto ByUsr = [](taint::MarkerKind Kind, const Decl *D) -> std::string {
      std::string Usr = usrOf(D);
      return Usr.empty() ? "" : taint::Label(taint::MarkerLabel{Kind, Usr}).str();
    };
    if (auto It = Flows->FunctionValues.find(Label);
        It != Flows->FunctionValues.end())
      return ByUsr(taint::MarkerKind::Function, It->second);
    if (auto It = Flows->Slots.find(Label); It != Flows->Slots.end())
      return ByUsr(taint::MarkerKind::Slot, It->second);
    return "";
  }

  const SourceManager &SM;
  const TranslationUnitFlows *Flows = nullptr;
  std::string MainFile;
  /// Return placeholders some label of this summary uses.
  mutable std::set<std::string> Referenced;

private:
  std::string Root;
  mutable std::map<unsigned, std::string> Cache;
};

struct JsonSink : FindingSink {
  JsonSink(const Locations &L, json &Out) : L(L), Out(Out) {}
  void report(const Finding &F) override {
    json J = L.at(F.Loc);
    if (J.is_null())
      J = {{"file", ""}, {"line", 0}, {"column", 0}};
    J["check"] = checkName(F.Check).str();
    J["message"] = F.Message;
    if (F.Function) {
      J["function_usr"] = usrOf(F.Function);
      J["needs_consents"] = F.Consents;
    }
    J["notes"] = json::array();
    for (const FindingNote &N : F.Notes)
      J["notes"].push_back(L.note(N.Loc, N.Message));
    Out.push_back(std::move(J));
  }
  const Locations &L;
  json &Out;
};

/// Declarations that carry annotations: what the inventory lists as
/// declared in code.
class DeclarationCollector : public RecursiveASTVisitor<DeclarationCollector> {
public:
  DeclarationCollector(const Locations &L, json &Inventory)
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
      std::string Symbol;
      if (const auto *ND = dyn_cast<NamedDecl>(D))
        Symbol = ND->getQualifiedNameAsString();
      json Site = L.at(A.Loc);
      if (Site.is_null())
        continue;
      Site["symbol"] = Symbol;
      std::string First = A.Args.empty() ? "" : A.Args[0];
      switch (A.Kind) {
      case AnnotationKind::Data:
        Inventory["declarations"].push_back({{"item", First}, {"site", Site}});
        break;
      case AnnotationKind::Purpose:
        for (const std::string &P : A.Args)
          Inventory["purpose_declarations"].push_back(
              {{"purpose", P}, {"site", Site}});
        break;
      case AnnotationKind::Erase:
        Inventory["erase"].push_back({{"store", First}, {"site", Site}});
        break;
      case AnnotationKind::ConsentCheck:
        Inventory["consent_checks"].push_back({{"consent", First}, {"site", Site}});
        break;
      case AnnotationKind::Transfer:
        Inventory["transfer_declarations"].push_back(
            {{"recipient", First}, {"site", Site}});
        break;
      case AnnotationKind::Store:
        Inventory["store_declarations"].push_back({{"store", First}, {"site", Site}});
        break;
      default:
        break;
      }
    }
  }
  const Locations &L;
  json &Inventory;
  std::set<const Decl *> Seen;
};

} // namespace

json summarizeTranslationUnit(ASTContext &Ctx, const Policy &P,
                              const ApiCatalog *Catalog,
                              const std::string &ProjectRoot) {
  const SourceManager &SM = Ctx.getSourceManager();
  Locations L(SM, ProjectRoot);
  json Out;
  Out["format"] = TuSummaryFormat;
  Out["file"] = L.file(SM.getLocForStartOfFile(SM.getMainFileID()));

  auto Flows = analyzeFlows(Ctx, Catalog);
  auto Guards = analyzeConsentGuards(Ctx, *Flows);
  L.Flows = Flows.get();
  L.MainFile = L.file(SM.getLocForStartOfFile(SM.getMainFileID()));

  // What clang-tidy reports for this file, word for word.
  json Findings = json::array();
  JsonSink Sink(L, Findings);
  validateAnnotations(Ctx, &P, Sink);
  checkPurposeLimitation(Ctx, P, Flows.get(), Sink);
  checkMissingConsent(Ctx, P, *Flows, *Guards, Sink);
  checkCrossBorderTransfer(*Flows, P, Sink);
  checkUndeclaredRecipient(*Flows, P, Sink);
  checkUndeclaredStorage(*Flows, P, Sink);
  checkLogLeak(*Flows, P, Sink);
  checkUnannotatedPersonalData(Ctx, &P, Sink);
  Out["findings"] = std::move(Findings);

  // Functions, by USR.
  std::map<const FunctionDecl *, json> Functions;
  auto FunctionJson = [&](const FunctionDecl *FD) -> json & {
    FD = FD->getCanonicalDecl();
    auto It = Functions.find(FD);
    if (It != Functions.end())
      return It->second;
    json F;
    F["usr"] = usrOf(FD);
    F["name"] = FD->getQualifiedNameAsString();
    F["short_name"] = FD->getNameAsString();
    F["calls"] = json::array();
    F["reads"] = json::array();
    F["flows"] = json::array();
    F["declared_sink"] = isDeclaredSink(FD);
    // The virtual methods it overrides: calls of those may run it.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      json Overrides = json::array();
      std::vector<const CXXMethodDecl *> Work(MD->begin_overridden_methods(),
                                              MD->end_overridden_methods());
      std::set<const CXXMethodDecl *> Seen;
      while (!Work.empty()) {
        const CXXMethodDecl *Base = Work.back();
        Work.pop_back();
        if (!Seen.insert(Base->getCanonicalDecl()).second)
          continue;
        Overrides.push_back(usrOf(Base->getCanonicalDecl()));
        Work.insert(Work.end(), Base->begin_overridden_methods(),
                    Base->end_overridden_methods());
      }
      if (!Overrides.empty())
        F["overrides"] = std::move(Overrides);
    }
    if (auto Own = purposeOfContext(FD)) {
      F["own_purposes"] = Own->Purposes;
      F["purpose_site"] = L.at(Own->From.Loc);
    }
    return Functions[FD] = std::move(F);
  };
  for (const auto &[FD, Summary] : Flows->Summaries) {
    json &F = FunctionJson(FD);
    F["site"] = L.at(FD->getLocation());
    if (!Summary.Return.empty()) {
      json Returns = L.taint(Summary.Return);
      if (!Returns.empty())
        F["returns"] = std::move(Returns);
    }
    for (const SinkFlow &Flow : Summary.Flows) {
      json J;
      J["kind"] = sinkKindName(Flow.Site.Kind).str();
      J["target"] = Flow.Site.Target;
      J["country"] = Flow.Site.Country;
      J["via"] = Flow.Site.Via;
      J["catalog"] = Flow.Site.CatalogEntry;
      J["site"] = L.at(Flow.Site.Loc);
      J["declared_at"] = L.at(Flow.Site.DeclaredAt);
      J["labels"] = L.taint(Flow.Data);
      F["flows"].push_back(std::move(J));
    }
    // Functions it stores into fields and globals, known in its callers.
    for (const auto &[Slot, Data] : Summary.SlotWrites) {
      std::string Usr = usrOf(Slot);
      json Labels = L.taint(Data);
      if (Usr.empty() || Labels.empty())
        continue;
      F["flows"].push_back({{"kind", "slot"},
                            {"target", Usr},
                            {"via", Slot->getNameAsString()},
                            {"site", L.at(FD->getLocation())},
                            {"labels", std::move(Labels)}});
    }
    // Calls through function values other files may decide.
    for (const IndirectCall &IC : Summary.IndirectCalls) {
      std::string Callee = L.label(IC.Callee);
      if (Callee.empty())
        continue;
      json Args = json::array(), ArgFields = json::array();
      for (const Taint &T : IC.Args)
        Args.push_back(L.taint(T));
      for (const auto &Fields : IC.ArgFields) {
        json J = json::object();
        for (const auto &[Name, T] : Fields)
          J[Name] = L.taint(T);
        ArgFields.push_back(std::move(J));
      }
      const FunctionDecl *In = IC.In ? IC.In : FD;
      ConsentSet Known = Guards->knownAt(In, IC.Loc);
      F["indirect_calls"].push_back(
          {{"callee", Callee},
           {"in", usrOf(purposeCarrier(In) ? purposeCarrier(In) : In)},
           {"in_name", In->getNameAsString()},
           {"site", L.at(IC.Loc)},
           {"consents", std::vector<std::string>(Known.begin(), Known.end())},
           {"args", std::move(Args)},
           {"arg_fields", std::move(ArgFields)}});
    }
  }
  // Fields and globals holding functions, with the functions stored there.
  json FunctionSlots = json::array();
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
    FunctionSlots.push_back(
        {{"slot", Usr},
         {"targets", std::vector<std::string>(TargetUsrs.begin(),
                                              TargetUsrs.end())}});
  }
  Out["function_slots"] = std::move(FunctionSlots);
  // Functions used as values that declare sinks themselves: a call through
  // a function value in another file reaches them.
  json DeclaredSinks = json::array();
  std::set<const FunctionDecl *> Valued;
  for (const auto &[Label, FD] : Flows->FunctionValues)
    Valued.insert(FD->getCanonicalDecl());
  for (const FunctionDecl *FD : Valued) {
    std::string Usr = usrOf(FD);
    std::vector<SinkFlow> Declared = declaredSinkFlows(FD, SM);
    if (Usr.empty() || Declared.empty())
      continue;
    json Flows = json::array();
    for (const SinkFlow &Flow : Declared)
      Flows.push_back({{"kind", sinkKindName(Flow.Site.Kind).str()},
                       {"target", Flow.Site.Target},
                       {"country", Flow.Site.Country},
                       {"via", Flow.Site.Via},
                       {"catalog", ""},
                       {"site", nullptr},
                       {"declared_at", L.at(Flow.Site.DeclaredAt)},
                       {"labels", L.taint(Flow.Data)}});
    DeclaredSinks.push_back({{"usr", Usr},
                             {"name", FD->getNameAsString()},
                             {"flows", std::move(Flows)}});
  }
  Out["declared_sinks"] = std::move(DeclaredSinks);
  for (const CallSite &C : Flows->Calls) {
    const FunctionDecl *Carrier = purposeCarrier(C.Caller);
    if (!Carrier || SM.isInSystemHeader(C.Callee->getLocation()))
      continue;
    ConsentSet Known = Guards->knownAt(C.Caller, C.Loc);
    FunctionJson(Carrier)["calls"].push_back(
        {{"callee", usrOf(C.Callee->getCanonicalDecl())},
         {"callee_name", C.Callee->getNameAsString()},
         {"site", L.at(C.Loc)},
         {"consents", std::vector<std::string>(Known.begin(), Known.end())}});
  }
  // Reads in code without a purpose of its own: judged in the join under
  // the purposes of callers in other files.
  for (const PersonalDataUse &Use : collectPersonalDataUses(Ctx)) {
    if (purposeOfContext(Use.Context))
      continue;
    const FunctionDecl *Carrier = purposeCarrier(Use.Context);
    if (!Carrier)
      continue;
    ConsentSet Known = Guards->knownAt(
        dyn_cast<FunctionDecl>(Use.Context) ? cast<FunctionDecl>(Use.Context)
                                            : Carrier,
        SM.getFileLoc(Use.Use->getExprLoc()));
    FunctionJson(Carrier)["reads"].push_back(
        {{"item", Use.Origin.Item},
         {"consents", std::vector<std::string>(Known.begin(), Known.end())},
         {"site", L.at(Use.Use->getExprLoc())},
         {"what", "using personal data '" + Use.Origin.Item + "' from " +
                      describeSource(Use.Origin.Source)},
         {"marker", L.note(Use.Origin.Marker.Loc,
                           "'" + Use.Origin.Item +
                               "' is marked as personal data here")}});
  }
  // Keep what the join can use: functions of this file, and those in
  // headers that carry purposes, reads or flows. Every inline function of
  // every header, in every translation unit, would make the summaries of a
  // large program larger than the program.
  json FunctionList = json::array();
  for (auto &[FD, F] : Functions) {
    if (F["usr"].get<std::string>().empty())
      continue;
    // Where it is defined, not where it is first declared (a header).
    const FunctionDecl *Def = FD->getDefinition();
    bool InMainFile =
        SM.isInMainFile(SM.getFileLoc((Def ? Def : FD)->getLocation()));
    if (!InMainFile && !F.contains("own_purposes") && F["reads"].empty() &&
        F["flows"].empty() && !F.value("declared_sink", false) &&
        !F.contains("overrides") && !F.contains("indirect_calls"))
      continue;
    FunctionList.push_back(std::move(F));
  }
  Out["functions"] = std::move(FunctionList);

  // Every call's labels first: a call whose result another call or a flow
  // uses is kept even when it passes nothing.
  std::vector<std::pair<const ExternalCall *, json>> Calls;
  for (const ExternalCall &EC : Flows->ExternalCalls) {
    const FunctionDecl *Carrier = purposeCarrier(EC.Caller);
    json Args = json::array(), ArgFields = json::array();
    for (size_t I = 0; I < EC.Args.size(); ++I) {
      // Functions matter only where the callee takes a function.
      bool TakesFunction = I >= EC.Callee->getNumParams() ||
                           mayHoldFunction(EC.Callee->getParamDecl(I)->getType());
      Args.push_back(L.taint(EC.Args[I], /*Functions=*/TakesFunction));
    }
    for (const auto &Fields : EC.ArgFields) {
      // Fields that hold data or functions; for the others the join falls
      // back to the whole argument.
      json J = json::object();
      for (const auto &[Name, T] : Fields) {
        bool Worth = T.hasItems();
        for (const auto &[Label, Tr] : T.labels()) {
          auto Parsed = taint::Label::parse(Label);
          Worth |= Parsed && Parsed->isMarker(taint::MarkerKind::Function);
        }
        if (Worth)
          J[Name] = L.taint(T);
      }
      ArgFields.push_back(std::move(J));
    }
    json Call = {{"caller", usrOf(Carrier ? Carrier : EC.Caller)},
                 {"callee", usrOf(EC.Callee->getCanonicalDecl())},
                 {"callee_name", EC.Callee->getNameAsString()},
                 {"site", L.at(EC.Loc)},
                 {"args", std::move(Args)},
                 {"arg_fields", std::move(ArgFields)},
                 {"object", L.taint(EC.Object)},
                 {"internal", EC.Internal}};
    if (!EC.ReturnLabel.empty())
      Call["returns_as"] = L.label(EC.ReturnLabel, /*Reference=*/false);
    Calls.push_back({&EC, std::move(Call)});
  }
  json External = json::array();
  for (auto &[EC, Call] : Calls) {
    bool Used = Call.contains("returns_as") &&
                L.Referenced.count(Call["returns_as"].get<std::string>());
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
    External.push_back(std::move(Call));
  }
  Out["external_calls"] = std::move(External);

  // Inventory facts.
  json Inventory;
  for (const char *Key : {"declarations", "purpose_declarations", "erase",
                          "consent_checks", "transfer_declarations",
                          "store_declarations", "uses", "sinks"})
    Inventory[Key] = json::array();
  DeclarationCollector Decls(L, Inventory);
  Decls.TraverseDecl(Ctx.getTranslationUnitDecl());
  Inventory["annotations"] = Decls.Annotations;
  Inventory["functions"] = Flows->Summaries.size();
  forEachPurposedUse(Ctx, Flows.get(), [&](const PurposedUse &U) {
    json Site = L.at(U.Loc);
    if (Site.is_null())
      return;
    if (U.Function)
      Site["function"] = U.Function->getQualifiedNameAsString();
    Inventory["uses"].push_back({{"item", U.Item},
                                 {"purpose", U.Purpose},
                                 {"site", Site},
                                 {"allowed", P.allows(U.Item, U.Purpose)}});
  });
  for (const SinkFlow &F : Flows->SinkFlows) {
    if (F.Site.Kind == SinkKind::Purpose)
      continue;
    for (const std::string &Item : F.Data.items())
      Inventory["sinks"].push_back({{"kind", sinkKindName(F.Site.Kind).str()},
                                    {"target", F.Site.Target},
                                    {"country", F.Site.Country},
                                    {"item", Item},
                                    {"via", F.Site.Via},
                                    {"site", L.at(F.Site.Loc)}});
  }
  Out["inventory"] = std::move(Inventory);
  return Out;
}

} // namespace privacy::scan
