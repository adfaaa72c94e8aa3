//===- Objects.cpp - objects built outside a declaration of their own -----===//
//
// What a constructor of the program puts into `*this` goes into the object
// it builds, field by field, as for a named local (`Reminder r(p);`,
// computeConstruct): also for objects built by `new`, std::make_unique,
// std::make_shared and the emplace methods of the sequence containers, and
// for temporaries (`Reminder(p).fire()`). An object with a variable (a
// pointer or smart pointer to it included) keeps its fields in that
// variable's paths; a container's elements share the container's paths; a
// temporary keeps them by name in BuiltObjects, where a method called on it
// or a function it is passed to reads them (resolvePlaceholder).
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace privacy::dataflow {

using namespace clang;

bool isSmartPointer(QualType T) {
  // (libstdc++ declares shared_ptr's `->` in a base: callers look through
  // the conversion to it with ignoreNoise.)
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "unique_ptr" || RD->getName() == "shared_ptr");
}

bool isElementAccess(const CXXMethodDecl *MD) {
  if (!MD || !MD->getIdentifier() || !MD->getParent()->isInStdNamespace() ||
      !MD->getReturnType()->isReferenceType())
    return false;
  StringRef Name = MD->getName();
  return Name == "front" || Name == "back" || Name == "at";
}

std::optional<unsigned> leadingArgsOfBuilder(const FunctionDecl *F) {
  if (!F || !F->getIdentifier())
    return std::nullopt;
  StringRef Name = F->getName();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(F)) {
    const CXXRecordDecl *RD = MD->getParent();
    if (!RD->isInStdNamespace() || !RD->getIdentifier())
      return std::nullopt;
    // The element of a set is built from all the arguments; the mapped
    // value of a map by try_emplace from those after the key.
    if (isSetContainer(RD))
      return Name == "emplace"        ? std::optional<unsigned>(0)
             : Name == "emplace_hint" ? std::optional<unsigned>(1)
                                      : std::nullopt;
    if (isMapContainer(RD)) {
      std::optional<unsigned> Key = mapKeyArgument(F, F->getNumParams());
      if (Name == "try_emplace" && Key)
        return *Key + 1;
      return std::nullopt;
    }
    StringRef Container = RD->getName();
    if (Container != "vector" && Container != "deque" && Container != "list" &&
        Container != "forward_list")
      return std::nullopt;
    if (Name == "emplace_back" || Name == "emplace_front")
      return 0;
    if (Name == "emplace" || Name == "emplace_after")
      return 1; // the position
    return std::nullopt;
  }
  if (!F->isInStdNamespace())
    return std::nullopt;
  if (Name == "make_unique" || Name == "make_shared")
    return 0;
  if (Name == "allocate_shared")
    return 1; // the allocator
  return std::nullopt;
}

namespace {

/// The class whose objects \p Builder builds: the element type of the
/// container, or the object of the smart pointer returned.
const CXXRecordDecl *builtRecord(const FunctionDecl *Builder) {
  const CXXRecordDecl *Holder =
      isa<CXXMethodDecl>(Builder)
          ? cast<CXXMethodDecl>(Builder)->getParent()
          : Builder->getReturnType()->getAsCXXRecordDecl();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Holder);
  unsigned Built = isMapContainer(Holder) ? 1 : 0; // a map's mapped type
  if (!Spec || Spec->getTemplateArgs().size() <= Built ||
      Spec->getTemplateArgs()[Built].getKind() != TemplateArgument::Type)
    return nullptr;
  return Spec->getTemplateArgs()[Built].getAsType()->getAsCXXRecordDecl();
}

/// The constructor of \p Of that the library code of \p From runs, looked
/// for through the library functions and constructors it calls
/// (allocator_traits, construct_at, shared_ptr's control block).
struct ConstructionFinder : RecursiveASTVisitor<ConstructionFinder> {
  const CXXRecordDecl *Of;
  const SourceManager &SM;
  const CXXConstructorDecl *Found = nullptr;
  std::vector<const FunctionDecl *> Callees;
  ConstructionFinder(const CXXRecordDecl *Of, const SourceManager &SM)
      : Of(Of), SM(SM) {}
  bool VisitCXXConstructExpr(CXXConstructExpr *CCE) {
    const CXXConstructorDecl *Ctor = CCE->getConstructor();
    if (!Found && !Ctor->isCopyOrMoveConstructor() &&
        Ctor->getParent()->getCanonicalDecl() == Of->getCanonicalDecl())
      Found = Ctor;
    else if (SM.isInSystemHeader(Ctor->getLocation()))
      Callees.push_back(Ctor);
    return !Found;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      if (SM.isInSystemHeader(Callee->getLocation()))
        Callees.push_back(Callee);
    return true;
  }
};

} // namespace

const CXXConstructorDecl *
TranslationUnitAnalysis::constructorBuiltBy(const FunctionDecl *Builder) {
  if (!leadingArgsOfBuilder(Builder))
    return nullptr;
  auto [It, New] = BuiltConstructors.try_emplace(Builder, nullptr);
  if (!New)
    return It->second;
  const CXXRecordDecl *Of = builtRecord(Builder);
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Of || !(Of = Of->getDefinition()) ||
      SM.isInSystemHeader(Of->getLocation()))
    return nullptr;
  // Breadth first through the library's helpers, a few calls deep.
  std::vector<const FunctionDecl *> Level{Builder};
  std::set<const FunctionDecl *> Seen{Builder};
  for (unsigned Depth = 0; Depth < MaxBuilderSearchDepth && !Level.empty();
       ++Depth) {
    std::vector<const FunctionDecl *> Next;
    for (const FunctionDecl *F : Level) {
      const FunctionDecl *Def = F->getDefinition();
      if (!Def || !Def->getBody())
        continue;
      ConstructionFinder Finder(Of, SM);
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
        for (const CXXCtorInitializer *Init : Ctor->inits())
          Finder.TraverseStmt(Init->getInit());
      Finder.TraverseStmt(const_cast<Stmt *>(Def->getBody()));
      if (Finder.Found)
        return It->second = Finder.Found;
      for (const FunctionDecl *C : Finder.Callees)
        if (Seen.insert(C).second)
          Next.push_back(C);
    }
    Level = std::move(Next);
  }
  return nullptr;
}

/// A construction by a constructor of the program that writes into an
/// object of its own (not a copy or a move, which copyFieldByField and the
/// rule for paths follow).
bool FunctionAnalyzer::buildsObject(const CXXConstructorDecl *Ctor) const {
  return Ctor && !Ctor->isCopyOrMoveConstructor() &&
         !SM.isInSystemHeader(Ctor->getParent()->getLocation());
}

const Expr *FunctionAnalyzer::constructionIn(const Expr *Init) {
  for (const Expr *E = Init; E;) {
    E = ignoreNoise(E);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr(); // `auto r = Reminder(p);`
    } else if (const auto *NE = dyn_cast<CXXNewExpr>(E)) {
      E = NE->getInitializer();
    } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(E)) {
      // A smart pointer taking the object (`unique_ptr<R> r(new R(p))`).
      if (CCE->getNumArgs() == 1 && isSmartPointer(CCE->getType())) {
        E = CCE->getArg(0);
        continue;
      }
      return buildsObject(CCE->getConstructor()) &&
                     TU.definitionOf(CCE->getConstructor())
                 ? CCE
                 : nullptr;
    } else if (const auto *CE = dyn_cast<CallExpr>(E);
               CE && !isa<CXXMemberCallExpr>(CE)) {
      const CXXConstructorDecl *Ctor =
          TU.constructorBuiltBy(CE->getDirectCallee());
      return buildsObject(Ctor) && TU.definitionOf(Ctor) ? CE : nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

Taint FunctionAnalyzer::constructInto(const Expr *Call,
                                      const CXXConstructorDecl *Ctor,
                                      llvm::ArrayRef<const Expr *> Args,
                                      const Path *Into,
                                      std::map<std::string, Taint> *Fields) {
  const Path *SavedInto = ConstructingInto;
  QualType SavedType = ConstructingType;
  std::map<std::string, Taint> *SavedFields = BuildingFields;
  ConstructingInto = Into;
  ConstructingType = Ctx.getRecordType(Ctor->getParent());
  BuildingFields = Into ? nullptr : Fields;
  Taint Result = computeCall(Call, Ctor, nullptr, Args);
  ConstructingInto = SavedInto;
  ConstructingType = SavedType;
  BuildingFields = SavedFields;
  // A temporary read whole (copied, handed on) holds all its fields.
  // What its fields hold it holds (TraceNode::Held); what was written into
  // it whole (a library base) it is.
  if (Fields)
    for (const auto &[Name, T] : *Fields)
      for (const auto &[Label, Tr] : T.labels())
        Result.add(Label, Name.empty() ? Tr : heldTrace(Tr));
  return Result;
}

std::optional<Taint>
FunctionAnalyzer::computeBuilt(const Expr *Call, const FunctionDecl *Callee,
                               const Expr *Object,
                               llvm::ArrayRef<const Expr *> Args) {
  std::optional<unsigned> Leading = leadingArgsOfBuilder(Callee);
  if (!Leading || Args.size() < *Leading)
    return std::nullopt;
  const CXXConstructorDecl *Ctor = TU.constructorBuiltBy(Callee);
  if (!buildsObject(Ctor) || !TU.definitionOf(Ctor))
    return std::nullopt;
  llvm::ArrayRef<const Expr *> CtorArgs = Args.drop_front(*Leading);
  if (CtorArgs.size() < Ctor->getMinRequiredArguments() ||
      CtorArgs.size() > Ctor->getNumParams())
    return std::nullopt;
  std::optional<Path> Into;
  if (Object) {
    // The elements of a container share its paths (elements are not
    // followed one by one: docs/limitations.md).
    Into = pathOf(Object);
    if (!Into)
      return std::nullopt;
  } else if (auto It = ConstructedVariables.find(Call);
             It != ConstructedVariables.end()) {
    Into.emplace();
    Into->Root = It->second;
    Cur.eraseCovered(*Into); // a declaration starts afresh
  }
  for (const Expr *Position : Args.take_front(*Leading))
    value(Position);
  std::map<std::string, Taint> *Fields = nullptr;
  std::map<std::string, Taint> Before;
  if (!Into) {
    Fields = &BuiltObjects[Call];
    Before = std::exchange(*Fields, {});
  }
  // A map's key goes into the key of its elements, beside the mapped
  // value built: the mapped value's fields do not hold it.
  std::optional<MapInsertion> Insertion =
      beginMapInsertion(Callee, Object, Args);
  if (Insertion) {
    Path KeyPath = *Into;
    if (const FieldDecl *Key =
            mapKeyField(cast<CXXMethodDecl>(Callee)->getParent()))
      KeyPath.Fields.push_back(Key);
    writePath(KeyPath, /*Exact=*/false, Insertion->Key,
              SM.getFileLoc(Call->getExprLoc()), /*Strong=*/false);
  }
  Taint Result =
      constructInto(Call, Ctor, CtorArgs, Into ? &*Into : nullptr, Fields);
  if (Fields && !sameFields(Before, *Fields))
    ++TU.FactsVersion; // read where the object is used
  if (Insertion)
    finishMapInsertion(*Insertion);
  if (Object)
    Result.merge(readPath(*Into)); // emplace_back returns the element
  return Result;
}

const std::map<std::string, Taint> *
FunctionAnalyzer::builtFields(const Expr *E) const {
  while (E) {
    E = ignoreNoise(E);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *NE = dyn_cast<CXXNewExpr>(E)) {
      E = NE->getInitializer();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && UO->getOpcode() == UO_Deref) {
      E = UO->getSubExpr();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
               OC && OC->getNumArgs() == 1 &&
               (OC->getOperator() == OO_Arrow ||
                OC->getOperator() == OO_Star) &&
               isSmartPointer(ignoreNoise(OC->getArg(0))->getType())) {
      E = OC->getArg(0);
    } else {
      break;
    }
  }
  auto It = E ? BuiltObjects.find(E) : BuiltObjects.end();
  return It == BuiltObjects.end() ? nullptr : &It->second;
}

Taint FunctionAnalyzer::builtField(const std::map<std::string, Taint> &Fields,
                                   const std::vector<std::string> &Names) {
  Taint Out;
  for (const auto &[Name, T] : Fields)
    if (Names.empty() || Name.empty() || Name == Names.front())
      Out.merge(T);
  return Out;
}

} // namespace privacy::dataflow
