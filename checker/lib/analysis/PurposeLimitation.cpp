//===- PurposeLimitation.cpp - data used beyond its purposes --------------===//
#include "privacy/PurposeLimitation.h"
#include "privacy/FlowChecks.h"
#include "privacy/PersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

#include <deque>
#include <set>
#include <tuple>

namespace privacy {

using namespace clang;

const FunctionDecl *purposeCarrier(const DeclContext *DC) {
  for (; DC; DC = DC->getParent()) {
    const auto *FD = dyn_cast<FunctionDecl>(DC);
    if (!FD)
      continue;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
      continue;
    return FD->getCanonicalDecl();
  }
  return nullptr;
}

std::map<const FunctionDecl *, std::vector<InheritedPurpose>>
inheritedPurposes(const TranslationUnitFlows &Flows) {
  // Calls made inside a lambda are made by the function around it.
  std::map<const FunctionDecl *, std::vector<const CallSite *>> Callees;
  std::set<const FunctionDecl *> Callers;
  for (const CallSite &C : Flows.Calls) {
    const FunctionDecl *Caller = purposeCarrier(C.Caller);
    if (!Caller)
      continue;
    Callees[Caller].push_back(&C);
    Callers.insert(Caller);
  }
  std::map<const FunctionDecl *, std::vector<InheritedPurpose>> Out;
  for (const FunctionDecl *Entry : Callers) {
    auto Own = purposeOfContext(Entry);
    if (!Own)
      continue;
    // Breadth first, so each function gets the shortest chain.
    std::deque<std::pair<const FunctionDecl *, std::vector<CallSite>>> Work;
    std::set<const FunctionDecl *> Seen{Entry};
    Work.push_back({Entry, {}});
    while (!Work.empty()) {
      auto [F, Chain] = Work.front();
      Work.pop_front();
      for (const CallSite *C : Callees[F]) {
        const FunctionDecl *Callee = C->Callee->getCanonicalDecl();
        if (!Seen.insert(Callee).second || purposeOfContext(Callee))
          continue;
        std::vector<CallSite> Next = Chain;
        Next.push_back(*C);
        Out[Callee].push_back({*Own, Entry, Next});
        Work.push_back({Callee, Next});
      }
    }
  }
  return Out;
}

namespace {

class PurposeChecker {
public:
  PurposeChecker(ASTContext &Ctx, const Policy &P, FindingSink &Sink)
      : SM(Ctx.getSourceManager()), P(P), Sink(Sink) {}

  /// Reports \p Item used for each of \p Purposes the policy does not allow.
  void judge(const std::string &Item, const std::vector<std::string> &Purposes,
             SourceLocation Loc, const std::string &What,
             const std::string &Context, const std::vector<FindingNote> &Before,
             const std::vector<FindingNote> &After) {
    if (!P.item(Item))
      return; // an unknown id is privacy-invalid-annotation's
    for (const std::string &Purpose : Purposes) {
      if (!P.purpose(Purpose) || P.allows(Item, Purpose))
        continue;
      if (!Reported.insert({Loc.getRawEncoding(), Item, Purpose}).second)
        continue;
      std::vector<std::string> Allowed = P.purposesAllowedFor(Item);
      Finding F;
      F.Check = CheckKind::PurposeLimitation;
      F.Loc = Loc;
      F.Message = What + " for purpose '" + Purpose + "'" + Context +
                  " is not allowed by the policy (" +
                  (Allowed.empty() ? "no activity allows '" + Item + "' at all"
                                   : "allowed purposes: " + joinIds(Allowed)) +
                  ")";
      F.Notes = Before;
      F.Notes.insert(F.Notes.end(), After.begin(), After.end());
      Sink.report(F);
    }
  }

  std::vector<FindingNote> purposeNotes(const PurposeSource &S,
                                        const std::string &Purpose) {
    return {{SM.getFileLoc(S.From.Loc),
             "purpose '" + Purpose + "' is declared here"}};
  }

  const SourceManager &SM;
  const Policy &P;
  FindingSink &Sink;
  std::set<std::tuple<unsigned, std::string, std::string>> Reported;
};

std::string joinedPurposes(const std::vector<std::string> &Purposes) {
  std::string Out;
  for (const std::string &P : Purposes)
    Out += (Out.empty() ? "" : ", ") + P;
  return Out;
}

} // namespace

void checkPurposeLimitation(ASTContext &Ctx, const Policy &P,
                            const TranslationUnitFlows *Flows,
                            FindingSink &Sink) {
  PurposeChecker Checker(Ctx, P, Sink);
  const SourceManager &SM = Ctx.getSourceManager();
  std::map<const FunctionDecl *, std::vector<InheritedPurpose>> Inherited;
  if (Flows)
    Inherited = inheritedPurposes(*Flows);

  // The purposes code in a context runs under, each with the notes that
  // say where it comes from.
  auto PurposesOf = [&](const DeclContext *DC,
                        const std::function<void(const std::vector<std::string> &,
                                                 const std::string &,
                                                 const std::vector<FindingNote> &)>
                            &Each) {
    if (auto Own = purposeOfContext(DC)) {
      for (const std::string &Purpose : Own->Purposes)
        Each({Purpose}, "", Checker.purposeNotes(*Own, Purpose));
      return;
    }
    const FunctionDecl *Carrier = purposeCarrier(DC);
    auto It = Inherited.find(Carrier);
    if (It == Inherited.end())
      return;
    for (const InheritedPurpose &IP : It->second)
      for (const std::string &Purpose : IP.Source.Purposes) {
        std::vector<FindingNote> Notes = Checker.purposeNotes(IP.Source, Purpose);
        for (const CallSite &C : IP.Chain)
          Notes.push_back({C.Loc, "'" + C.Caller->getNameAsString() +
                                      "' calls '" +
                                      C.Callee->getNameAsString() + "' here"});
        Each({Purpose},
             " (as called from '" + IP.Entry->getNameAsString() + "')", Notes);
      }
  };

  // Direct reads.
  for (const PersonalDataUse &Use : collectPersonalDataUses(Ctx)) {
    SourceLocation Loc = SM.getFileLoc(Use.Use->getExprLoc());
    std::vector<FindingNote> DataNote = {
        {SM.getFileLoc(Use.Origin.Marker.Loc),
         "'" + Use.Origin.Item + "' is marked as personal data here"}};
    PurposesOf(Use.Context, [&](const std::vector<std::string> &Purposes,
                                const std::string &Context,
                                const std::vector<FindingNote> &Notes) {
      Checker.judge(Use.Origin.Item, Purposes, Loc,
                    "using personal data '" + Use.Origin.Item + "' from " +
                        describeSource(Use.Origin.Source),
                    Context, Notes, DataNote);
    });
  }
  if (!Flows)
    return;

  // Data passed into a function with a purpose of its own, used there.
  forEachItemFlow(*Flows, SinkKind::Purpose, [&](const SinkFlow &F,
                                                 const std::string &Item,
                                                 const Trace &Path) {
    std::vector<std::string> Purposes;
    std::string Rest = F.Site.Target;
    for (size_t Comma; (Comma = Rest.find(',')) != std::string::npos;
         Rest = Rest.substr(Comma + 1))
      Purposes.push_back(Rest.substr(0, Comma));
    Purposes.push_back(Rest);
    Checker.judge(Item, Purposes, F.Site.Loc,
                  "using personal data '" + Item + "' passed to " +
                      F.Site.Via,
                  "", flowNotes(Path, SinkSite()),
                  {{F.Site.DeclaredAt, "purpose '" + joinedPurposes(Purposes) +
                                           "' is declared here"}});
  });

  // Data returned from a function with a purpose of its own.
  for (const PurposeCrossing &C : Flows->Crossings) {
    for (const auto &[Item, Path] : C.Data.labels()) {
      std::vector<FindingNote> Steps = flowNotes(Path, SinkSite());
      PurposesOf(C.Caller, [&](const std::vector<std::string> &Purposes,
                               const std::string &Context,
                               const std::vector<FindingNote> &Notes) {
        Checker.judge(Item, Purposes, C.Loc,
                      "using personal data '" + Item + "' returned by '" +
                          C.Callee->getNameAsString() + "'",
                      Context, Steps, Notes);
      });
    }
  }
}

} // namespace privacy
