//===- PurposeLimitation.cpp - data used beyond its purposes --------------===//
#include "privacy/PurposeLimitation.h"
#include "privacy/Annotations.h"
#include "privacy/FlowChecks.h"
#include "privacy/PersonalData.h"
#include "privacy/RunChecks.h"

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
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && MD->getParent()->isLambda())
      continue;
    return FD->getCanonicalDecl();
  }
  return nullptr;
}

bool isDeclaredSink(const FunctionDecl *FD) {
  for (AnnotationKind K : {AnnotationKind::Transfer, AnnotationKind::Store,
                           AnnotationKind::Log, AnnotationKind::Erase})
    if (findAnnotation(FD, K))
      return true;
  return false;
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
        if (!Seen.insert(Callee).second || purposeOfContext(Callee) ||
            isDeclaredSink(Callee))
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

static const FunctionDecl *innermostFunction(const DeclContext *DC) {
  for (; DC; DC = DC->getParent())
    if (const auto *FD = dyn_cast<FunctionDecl>(DC))
      return FD->getCanonicalDecl();
  return nullptr;
}

void forEachPurposedUse(ASTContext &Ctx, const TranslationUnitFlows *Flows,
                        const std::function<void(const PurposedUse &)> &Each) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::map<const FunctionDecl *, std::vector<InheritedPurpose>> Inherited;
  if (Flows)
    Inherited = inheritedPurposes(*Flows);

  auto PurposeNote = [&](const PurposeSource &S, const std::string &Purpose) {
    return PathNote{SM.getFileLoc(S.From.Loc),
                    note::PurposeDeclared{{Purpose}}};
  };
  // The purposes code in a context runs under, each with the notes that
  // say where it comes from.
  auto PurposesOf =
      [&](const DeclContext *DC,
          const std::function<void(const std::string &, const std::string &,
                                   const std::vector<PathNote> &)> &Visit) {
        if (auto Own = purposeOfContext(DC)) {
          for (const std::string &Purpose : Own->Purposes)
            Visit(Purpose, "", {PurposeNote(*Own, Purpose)});
          return;
        }
        auto It = Inherited.find(purposeCarrier(DC));
        if (It == Inherited.end())
          return;
        for (const InheritedPurpose &IP : It->second)
          for (const std::string &Purpose : IP.Source.Purposes) {
            std::vector<PathNote> Notes = {PurposeNote(IP.Source, Purpose)};
            for (const CallSite &C : IP.Chain)
              Notes.push_back(
                  {C.Loc, note::Calls{C.Caller->getNameAsString(),
                                      C.Callee->getNameAsString()}});
            Visit(Purpose, IP.Entry->getNameAsString(), Notes);
          }
      };

  // Direct reads.
  for (const PersonalDataUse &Use : collectPersonalDataUses(Ctx)) {
    PurposedUse U;
    U.Item = Use.Origin.Item;
    U.Loc = SM.getFileLoc(Use.Use->getExprLoc());
    U.Function = innermostFunction(Use.Context);
    U.UseExpr = Use.Use;
    U.Use = {DataUse::Read, U.Item, describeSource(Use.Origin.Source)};
    U.After = {{SM.getFileLoc(Use.Origin.Marker.Loc),
                note::MarkedPersonalData{U.Item}}};
    PurposesOf(Use.Context,
               [&](const std::string &Purpose, const std::string &CalledFrom,
                   const std::vector<PathNote> &Notes) {
                 U.Purpose = Purpose;
                 U.CalledFrom = CalledFrom;
                 U.Before = Notes;
                 Each(U);
               });
  }
  if (!Flows)
    return;

  // Data passed into a function with a purpose of its own, used there.
  forEachItemFlow(
      *Flows, SinkKind::Purpose,
      [&](const SinkFlow &F, const std::string &Item, const Trace &Path) {
        const std::vector<std::string> &Purposes = F.Site.Purposes;
        PurposedUse U;
        U.Item = Item;
        U.Loc = F.Site.Loc;
        U.Function =
            F.Site.InFunction ? F.Site.InFunction->getCanonicalDecl() : nullptr;
        U.Use = {DataUse::PassedTo, Item, F.Site.Via};
        U.Before = flowNotes(Path, SinkSite());
        U.After = {{F.Site.DeclaredAt, note::PurposeDeclared{Purposes}}};
        for (const std::string &Purpose : Purposes) {
          U.Purpose = Purpose;
          Each(U);
        }
      });

  // Data returned from a function with a purpose of its own.
  for (const PurposeCrossing &C : Flows->Crossings) {
    for (const auto &[Item, Path] : C.Data.labels()) {
      PurposedUse U;
      U.Item = Item;
      U.Loc = C.Loc;
      U.Function = C.Caller->getCanonicalDecl();
      U.Use = {DataUse::ReturnedBy, Item, C.Callee->getNameAsString()};
      U.Before = flowNotes(Path, SinkSite());
      PurposesOf(C.Caller,
                 [&](const std::string &Purpose, const std::string &CalledFrom,
                     const std::vector<PathNote> &Notes) {
                   U.Purpose = Purpose;
                   U.CalledFrom = CalledFrom;
                   U.After = Notes;
                   Each(U);
                 });
    }
  }
}

std::optional<reason::PurposeNotAllowed>
judgePurposedUse(const Policy &P, const PurposedUse &U) {
  // Unknown ids are privacy-invalid-annotation's.
  if (!P.item(U.Item) || !P.purpose(U.Purpose) || P.allows(U.Item, U.Purpose))
    return std::nullopt;
  return reason::PurposeNotAllowed{DataUse{U.Use.How, U.Item, U.Use.From},
                                   U.Purpose, U.CalledFrom,
                                   P.purposesAllowedFor(U.Item)};
}

// Each use of personal data under a purpose that no activity of the policy
// allows for its item: direct reads (under the function's own purposes, or
// those inherited from its callers), data passed into a function with a
// purpose of its own, and data returned from one.
void checkPurposeLimitation(const CheckContext &C, FindingSink &Sink) {
  if (!C.policy())
    return;
  const Policy &P = *C.policy();
  std::set<std::tuple<unsigned, std::string, std::string>> Reported;
  forEachPurposedUse(C.ast(), &C.flows(), [&](const PurposedUse &U) {
    std::optional<reason::PurposeNotAllowed> Reason = judgePurposedUse(P, U);
    if (!Reason ||
        !Reported.insert({U.Loc.getRawEncoding(), U.Item, U.Purpose}).second)
      return;
    FindingFacts F{CheckKind::PurposeLimitation, U.Loc, std::move(*Reason),
                   U.Before};
    F.Notes.insert(F.Notes.end(), U.After.begin(), U.After.end());
    Sink.report(F);
  });
}

} // namespace privacy
