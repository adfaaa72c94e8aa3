//===- Support.cpp - paths, states and small helpers of the engine --------===//
#include "Analyzer.h"

#include "privacy/Annotations.h"
#include "privacy/PersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include <functional>

namespace privacy {

using namespace clang;

llvm::StringRef sinkKindName(SinkKind K) {
  switch (K) {
  case SinkKind::Transfer:
    return "transfer";
  case SinkKind::Store:
    return "store";
  case SinkKind::Log:
    return "log";
  case SinkKind::Network:
    return "network";
  case SinkKind::Purpose:
    return "purpose";
  }
  return "sink";
}

std::string catalogName(const NamedDecl *D) {
  std::vector<std::string> Parts;
  Parts.push_back(D->getDeclName().getAsString());
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        continue;
      Parts.push_back(RD->getName().str());
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

std::vector<SinkFlow> declaredSinkFlows(const FunctionDecl *FD,
                                        const SourceManager &SM) {
  std::vector<SinkFlow> Out;
  for (const dataflow::SinkAnnotation &A :
       dataflow::sinkAnnotationsOf(FD, SM)) {
    SinkFlow F;
    F.Site = A.Site;
    F.Site.InFunction = FD;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (A.takes(I))
        F.Data.add(paramLabel(I), nullptr);
    // A method without arguments: its object (recordDeclaredSinks).
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && A.Param < 0 && MD->getNumParams() == 0 && MD->isInstance())
      F.Data.add(thisLabel(), nullptr);
    if (!F.Data.empty())
      Out.push_back(std::move(F));
  }
  return Out;
}

void forEachOverridden(const CXXMethodDecl *MD,
                       llvm::function_ref<void(const CXXMethodDecl *)> Each) {
  std::vector<const CXXMethodDecl *> Work(MD->begin_overridden_methods(),
                                          MD->end_overridden_methods());
  std::set<const CXXMethodDecl *> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *Base = Work.back();
    Work.pop_back();
    if (!Seen.insert(Base->getCanonicalDecl()).second)
      continue;
    Each(Base->getCanonicalDecl());
    Work.insert(Work.end(), Base->begin_overridden_methods(),
                Base->end_overridden_methods());
  }
}

namespace dataflow {

std::string Path::describe() const {
  std::string S = IsThis ? std::string("this")
                  : Root ? Root->getNameAsString()
                         : "?";
  for (const FieldDecl *F : Fields)
    S += (S == "this" ? "->" : ".") + F->getNameAsString();
  return S;
}

size_t State::size() const {
  size_t N = 0;
  for (const auto &[R, Group] : list())
    N += Group->size();
  return N;
}

const State::GroupList &State::list() const {
  static const GroupList None;
  return Groups ? *Groups : None;
}

State::GroupList::const_iterator State::groupAt(const GroupList &List, Root R) {
  return std::lower_bound(
      List.begin(), List.end(), R,
      [](const Group &G, const Root &Key) { return G.first < Key; });
}

Taint &State::operator[](const Path &P) {
  Root R = rootOf(P);
  GroupList &List = ownCopy(Groups);
  auto It = List.begin() + (groupAt(List, R) - List.begin());
  if (It == List.end() || It->first != R)
    It = List.insert(It, {R, std::make_shared<Entries>()});
  return ownCopy(It->second)[P];
}

const State::Entries *State::withRoot(const Path &P) const {
  Root R = rootOf(P);
  const GroupList &List = list();
  auto It = groupAt(List, R);
  return It == List.end() || It->first != R ? nullptr : It->second.get();
}

// Paths sort by root, then field by field: the paths \p P covers follow it
// without a gap, and each path that covers it is one of its prefixes.
void State::eraseCovered(const Path &P) {
  Root R = rootOf(P);
  const GroupList &Shared = list();
  auto Found = groupAt(Shared, R);
  if (Found == Shared.end() || Found->first != R)
    return;
  auto First = Found->second->lower_bound(P);
  if (First == Found->second->end() || !P.covers(First->first))
    return; // nothing to erase: the group stays shared
  size_t Index = Found - Shared.begin();
  GroupList &List = ownCopy(Groups);
  auto Group = List.begin() + Index;
  Entries &Mine = ownCopy(Group->second);
  auto It = Mine.lower_bound(P);
  while (It != Mine.end() && P.covers(It->first))
    It = Mine.erase(It);
  if (Mine.empty())
    List.erase(Group);
}

bool State::join(const State &From, JoinMemo *Memo) {
  if (empty()) {
    *this = From;
    return !From.empty();
  }
  if (Groups == From.Groups || From.empty())
    return false; // the same list: nothing to add
  bool Changed = false;
  // Both sorted by root: one walk, into a new list (sharing the groups).
  // A list only this state holds gives its groups up (moved, they stay
  // this state's own); a shared one lends them.
  GroupList &Old = const_cast<GroupList &>(*Groups);
  bool OldOwn = Groups.use_count() == 1;
  auto Take = [&](GroupList::iterator It) {
    return OldOwn ? std::move(*It) : *It;
  };
  auto Joined = std::make_shared<GroupList>();
  Joined->reserve(Old.size() + From.Groups->size());
  auto Mine = Old.begin();
  for (const auto &[R, Theirs] : *From.Groups) {
    while (Mine != Old.end() && Mine->first < R)
      Joined->push_back(Take(Mine++));
    if (Mine == Old.end() || R < Mine->first) {
      Joined->push_back({R, Theirs}); // a root only they know: theirs, shared
      for (const auto &[P, T] : *Theirs)
        Changed |= !T.empty();
      continue;
    }
    Joined->push_back(Take(Mine++));
    std::shared_ptr<const Entries> &Group = Joined->back().second;
    if (Group == Theirs)
      continue; // shared: nothing to add
    // Both sorted: one walk finds what is new; the group is copied only
    // when something is.
    std::vector<std::pair<const Path *, Taint>> Updates;
    auto M = Group->begin();
    for (const auto &[P, T] : *Theirs) {
      while (M != Group->end() && M->first < P)
        ++M;
      if (M == Group->end() || P < M->first) {
        Changed |= !T.empty();
        Updates.push_back({&P, T});
        continue;
      }
      Taint Merged = M->second;
      Changed |= Memo ? Memo->merge(Merged, T) : Merged.merge(T);
      if (Merged.identity() != M->second.identity())
        Updates.push_back({&P, std::move(Merged)});
    }
    if (Updates.empty())
      continue;
    Entries &Own = ownCopy(Group);
    for (auto &[P, T] : Updates)
      Own[*P] = std::move(T);
  }
  while (Mine != Old.end())
    Joined->push_back(Take(Mine++));
  Groups = std::move(Joined);
  return Changed;
}

bool State::operator==(const State &O) const {
  if (Groups == O.Groups)
    return true;
  const GroupList &Mine = list(), &Theirs = O.list();
  return Mine.size() == Theirs.size() &&
         std::equal(Mine.begin(), Mine.end(), Theirs.begin(),
                    [](const auto &X, const auto &Y) {
                      if (X.first != Y.first)
                        return false;
                      const Entries &A = *X.second, &B = *Y.second;
                      return &A == &B ||
                             (A.size() == B.size() &&
                              std::equal(A.begin(), A.end(), B.begin(),
                                         [](auto &E, auto &F) {
                                           return !(E.first < F.first) &&
                                                  !(F.first < E.first) &&
                                                  E.second == F.second;
                                         }));
                    });
}

void State::forEach(
    llvm::function_ref<void(const Path &, const Taint &)> Visit) const {
  for (const auto &[R, Group] : list())
    for (const auto &[P, T] : *Group)
      Visit(P, T);
}

void forEachOverlapping(
    const State &S, const Path &P,
    llvm::function_ref<void(const Path &, const Taint &)> Visit) {
  const State::Entries *Group = S.withRoot(P);
  if (!Group)
    return;
  // The prefixes sort before \p P, shortest first.
  Path Prefix;
  Prefix.Root = P.Root;
  Prefix.IsThis = P.IsThis;
  for (const clang::FieldDecl *F : P.Fields) {
    if (auto It = Group->find(Prefix); It != Group->end())
      Visit(It->first, It->second);
    Prefix.Fields.push_back(F);
  }
  for (auto It = Group->lower_bound(P);
       It != Group->end() && P.covers(It->first); ++It)
    Visit(It->first, It->second);
}

const Taint *ReadMemo::find(const Path &P,
                            const OverlappingEntries &Entries) const {
  auto It = Memo.find(P);
  if (It == Memo.end() || It->second.Entries.size() != Entries.size())
    return nullptr;
  for (size_t I = 0; I < Entries.size(); ++I) {
    const auto &[KeptPath, KeptTaint] = It->second.Entries[I];
    const auto &[EntryPath, EntryTaint] = Entries[I];
    // Equal label sets need not share one; those that do are equal.
    if (KeptTaint.identity() != EntryTaint->identity() ||
        !KeptPath.sameRoot(*EntryPath) || KeptPath.Fields != EntryPath->Fields)
      return nullptr;
  }
  return &It->second.Result;
}

void ReadMemo::remember(const Path &P, const OverlappingEntries &Entries,
                        const Taint &Result) {
  // Bounded: a function whose reads never repeat keeps no more than this.
  constexpr size_t MaxRemembered = 1 << 14;
  if (Memo.size() >= MaxRemembered)
    Memo.clear();
  Read &R = Memo[P];
  R.Entries.clear();
  for (const auto &[EntryPath, EntryTaint] : Entries)
    R.Entries.push_back({*EntryPath, *EntryTaint});
  R.Result = Result;
}

bool JoinMemo::merge(Taint &Into, const Taint &From) {
  if (From.empty() || Into.empty() || Into.identity() == From.identity())
    return Into.merge(From); // nothing to compute
  // Bounded: a function whose joins never repeat keeps no more than this.
  constexpr size_t MaxRemembered = 1 << 16;
  if (Memo.size() >= MaxRemembered)
    Memo.clear();
  auto [It, New] = Memo.try_emplace({Into.identity(), From.identity()});
  Joined &J = It->second;
  if (!New) {
    Into = J.Result;
    return J.Changed;
  }
  J.Into = Into; // a copy: the merge below changes a copy of its own
  J.From = From;
  J.Changed = Into.merge(From);
  J.Result = Into;
  return J.Changed;
}

bool sameValue(const Taint &A, const Taint &B) {
  const auto &LA = A.labels(), &LB = B.labels();
  return &LA == &LB ||
         std::equal(LA.begin(), LA.end(), LB.begin(), LB.end(),
                    [](const auto &X, const auto &Y) {
                      return X.first == Y.first && X.second == Y.second;
                    });
}

bool sameFields(const std::map<std::string, Taint> &A,
                const std::map<std::string, Taint> &B) {
  return std::equal(
      A.begin(), A.end(), B.begin(), B.end(), [](const auto &X, const auto &Y) {
        return X.first == Y.first && sameValue(X.second, Y.second);
      });
}

const Expr *ignoreNoise(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(Next))
      Next = C->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const FieldDecl *fieldNamed(const RecordDecl *RD, llvm::StringRef Name) {
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  for (const FieldDecl *F : RD->fields())
    if (F->getName() == Name)
      return F;
  // A field of a base: what a base's constructor or method wrote.
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    for (const CXXBaseSpecifier &Base : CRD->bases())
      if (const FieldDecl *F =
              fieldNamed(privacy::recordOfType(Base.getType()), Name))
        return F;
  return nullptr;
}

std::string quoted(const NamedDecl *D) {
  return "'" + D->getQualifiedNameAsString() + "'";
}

void mergeArguments(
    std::vector<Taint> &Args, std::vector<std::map<std::string, Taint>> &Fields,
    const std::vector<Taint> &MoreArgs,
    const std::vector<std::map<std::string, Taint>> &MoreFields) {
  Args.resize(std::max(Args.size(), MoreArgs.size()));
  for (size_t I = 0; I < MoreArgs.size(); ++I)
    Args[I].merge(MoreArgs[I]);
  Fields.resize(std::max(Fields.size(), MoreFields.size()));
  for (size_t I = 0; I < MoreFields.size(); ++I)
    for (const auto &[Name, T] : MoreFields[I])
      Fields[I][Name].merge(T);
}

void addParamsOf(const Taint &T, std::set<unsigned> &Into) {
  for (const auto &[Label, Path] : T.labels())
    if (taint::labelKind(Label) == taint::LabelKind::Param)
      if (std::optional<taint::Label> Parsed = taint::Label::parse(Label))
        if (const auto *Param = Parsed->as<taint::ParamPlaceholder>())
          Into.insert(Param->Index);
}

std::optional<DeclaredSinkCall>
substituteDeclared(const std::optional<DeclaredSinkCall> &Declared,
                   llvm::function_ref<Taint(const Taint &)> Substitute) {
  if (!Declared)
    return std::nullopt;
  DeclaredSinkCall Out{Declared->Callee, {}};
  for (const Taint &Arg : Declared->Args)
    Out.Args.push_back(Arg.empty() ? Taint() : Substitute(Arg));
  return Out;
}

} // namespace dataflow

std::map<std::string, Taint>
dataflow::fieldsThrough(const std::map<std::string, Taint> &Fields,
                        llvm::function_ref<Taint(const Taint &)> Through) {
  std::map<std::string, Taint> Out;
  for (const auto &[Name, T] : Fields)
    Out[Name] = Through(T);
  return Out;
}

dataflow::GivenArgs
dataflow::argumentsThrough(const IndirectCall &IC,
                           llvm::function_ref<Taint(const Taint &)> Through) {
  dataflow::GivenArgs Given;
  for (const Taint &T : IC.Args)
    Given.Args.push_back(Through(T));
  for (const auto &Fields : IC.ArgFields)
    Given.Fields.push_back(fieldsThrough(Fields, Through));
  return Given;
}

Taint openCallbackResults(const Taint &T, const TranslationUnitFlows &Flows,
                          const std::map<unsigned, unsigned> *Kept) {
  bool Any = false;
  for (const auto &[Label, Path] : T.labels())
    Any |= isCallbackResultPlaceholder(Label);
  if (!Any)
    return T;
  Taint Out;
  std::set<unsigned> Opened;
  std::function<void(const Taint &)> Add = [&](const Taint &In) {
    for (const auto &[Label, Path] : In.labels()) {
      if (!isCallbackResultPlaceholder(Label)) {
        Out.add(Label, Path);
        continue;
      }
      std::optional<taint::Label> Parsed = taint::Label::parse(Label);
      const auto *K =
          Parsed ? Parsed->as<taint::CallbackResultPlaceholder>() : nullptr;
      if (K && Kept && Kept->count(K->Call)) {
        Out.add(Label, Path);
        continue;
      }
      if (!K || K->Call >= Flows.CallbackResults.size() ||
          !Opened.insert(K->Call).second)
        continue;
      auto [Owner, Index] = Flows.CallbackResults[K->Call];
      auto It = Flows.Summaries.find(Owner);
      if (It == Flows.Summaries.end() ||
          Index >= It->second.IndirectCalls.size())
        continue;
      const IndirectCall &IC = It->second.IndirectCalls[Index];
      Taint Value;
      Value.add(IC.Callee, Path);
      Add(Value);
      for (const Taint &Arg : IC.Args)
        Add(Arg);
    }
  };
  Add(T);
  return Out;
}

std::set<unsigned> keptParams(const FunctionSummary &S) {
  std::set<unsigned> Kept = S.PassedOn;
  for (const SinkFlow &F : S.Flows)
    dataflow::addParamsOf(F.Data, Kept);
  for (const auto &[Key, Written] : S.OutEffects)
    dataflow::addParamsOf(Written, Kept);
  for (const auto &[Slot, Written] : S.SlotWrites)
    dataflow::addParamsOf(Written, Kept);
  for (const IndirectCall &C : S.IndirectCalls)
    for (const Taint &Arg : C.Args)
      dataflow::addParamsOf(Arg, Kept);
  return Kept;
}

namespace dataflow {

bool anonymizesParam(const FunctionDecl *F, size_t Index) {
  return Index < F->getNumParams() &&
         findAnnotation(F->getParamDecl(Index), AnnotationKind::Anonymize)
             .has_value();
}

std::vector<SinkAnnotation> sinkAnnotationsOf(const FunctionDecl *Callee,
                                              const SourceManager &SM) {
  std::vector<SinkAnnotation> Out;
  auto Add = [&](const Annotation &A, int Param) {
    SinkAnnotation S;
    S.Param = Param;
    S.Site.DeclaredAt = SM.getFileLoc(A.Loc);
    S.Site.Via = quoted(Callee);
    switch (A.Kind) {
    case AnnotationKind::Transfer:
      S.Site.Kind = SinkKind::Transfer;
      S.Site.Target = A.Args.empty() ? "" : A.Args[0];
      S.Site.Country = A.Args.size() > 1 ? A.Args[1] : "";
      break;
    case AnnotationKind::Store:
      S.Site.Kind = SinkKind::Store;
      S.Site.Target = A.Args.empty() ? "" : A.Args[0];
      break;
    case AnnotationKind::Log:
      S.Site.Kind = SinkKind::Log;
      break;
    default:
      return;
    }
    if (Param < 0)
      for (unsigned I = 0; I < Callee->getNumParams(); ++I)
        if (anonymizesParam(Callee, I))
          S.Anonymized.push_back(I);
    Out.push_back(std::move(S));
  };
  for (AnnotationKind K :
       {AnnotationKind::Transfer, AnnotationKind::Store, AnnotationKind::Log}) {
    if (auto A = findAnnotation(Callee, K))
      Add(*A, -1);
    for (unsigned I = 0; I < Callee->getNumParams(); ++I)
      if (auto A = findAnnotation(Callee->getParamDecl(I), K))
        Add(*A, static_cast<int>(I));
  }
  return Out;
}

} // namespace dataflow
} // namespace privacy
