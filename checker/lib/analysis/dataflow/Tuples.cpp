//===- Tuples.cpp - pairs, tuples and structured bindings -----------------===//
//
// The elements of a std::pair or std::tuple are followed one by one, like
// the fields of a struct: element I is a field of the object (`first`,
// `second`; the one field of the base of a tuple that holds element I), so
// that `auto [who, number] = std::make_pair(p.name, p.email)` puts only the
// e-mail into `number`. std::make_pair, std::make_tuple, std::tie,
// std::forward_as_tuple and the constructors of pair and tuple build them
// element by element; std::get<I> and `.first`/`.second` read one element.
// A structured binding reads what its element holds (docs/limitations.md).
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "privacy/PersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace privacy::dataflow {

using namespace clang;

/// std::pair or std::tuple, and how many elements it has.
static std::optional<unsigned> tupleSize(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getIdentifier())
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Spec->getName() == "pair" && Args.size() == 2)
    return 2u;
  if (Spec->getName() == "tuple" && Args.size() == 1 &&
      Args[0].getKind() == TemplateArgument::Pack)
    return Args[0].pack_size();
  return std::nullopt;
}

/// The field that holds element \p I of a pair or tuple: `first` or
/// `second`; for a tuple, the one field of the base whose first template
/// argument is \p I (libstdc++'s _Head_base<I, T>, libc++'s
/// __tuple_leaf<I, T>).
const FieldDecl *FunctionAnalyzer::elementField(QualType T, unsigned I) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()) || !tupleSize(T))
    return nullptr;
  if (RD->getName() == "pair")
    return fieldNamed(RD, I == 0 ? "first" : I == 1 ? "second" : "");
  const FieldDecl *Found = nullptr;
  std::vector<const CXXRecordDecl *> Work{RD};
  for (size_t N = 0; N < Work.size() && !Found && N < 64; ++N)
    for (const CXXBaseSpecifier &B : Work[N]->bases()) {
      const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
      if (!Base || !(Base = Base->getDefinition()))
        continue;
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Base);
      if (Spec && Spec->getTemplateArgs().size() >= 2 &&
          Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Integral &&
          Spec->getTemplateArgs()[0].getAsIntegral() == I &&
          std::distance(Base->field_begin(), Base->field_end()) == 1) {
        Found = *Base->field_begin();
        break;
      }
      Work.push_back(Base);
    }
  return Found;
}

/// The functions that build a pair or tuple from their arguments, element
/// by element.
static bool buildsTuple(const FunctionDecl *F) {
  if (!F || !F->isInStdNamespace() || !F->getIdentifier())
    return false;
  StringRef Name = F->getName();
  return Name == "make_pair" || Name == "make_tuple" || Name == "tie" ||
         Name == "forward_as_tuple";
}

/// `std::get<I>(t)`: the index I, and t.
static std::optional<std::pair<unsigned, const Expr *>> getCall(const Expr *E) {
  const auto *CE = dyn_cast<CallExpr>(ignoreNoise(E));
  if (!CE || CE->getNumArgs() != 1 || isa<CXXOperatorCallExpr>(CE))
    return std::nullopt;
  const FunctionDecl *F = CE->getDirectCallee();
  if (!F || !F->isInStdNamespace() || !F->getIdentifier() ||
      F->getName() != "get")
    return std::nullopt;
  const TemplateArgumentList *Args = F->getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 ||
      (*Args)[0].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return std::make_pair(
      static_cast<unsigned>((*Args)[0].getAsIntegral().getZExtValue()),
      CE->getArg(0));
}

/// The arguments that are the elements of the pair or tuple \p E builds:
/// `std::make_pair(a, b)`, `std::pair<A, B>(a, b)`, `std::tie(a, b)`.
static std::optional<llvm::ArrayRef<const Expr *>>
builtElements(const Expr *E) {
  E = ignoreNoise(E);
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    E = ignoreNoise(Cast->getSubExpr());
  if (const auto *CE = dyn_cast<CallExpr>(E);
      CE && buildsTuple(CE->getDirectCallee()))
    return llvm::ArrayRef<const Expr *>(CE->getArgs(), CE->getNumArgs());
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
      CCE && tupleSize(CCE->getType()) &&
      !CCE->getConstructor()->isCopyOrMoveConstructor() &&
      CCE->getNumArgs() == *tupleSize(CCE->getType()))
    return llvm::ArrayRef<const Expr *>(CCE->getArgs(), CCE->getNumArgs());
  return std::nullopt;
}

/// Where element \p I of the pair or tuple \p E lives, when \p E is a
/// variable or field (or a copy of one, or std::get of one).
std::optional<Path> FunctionAnalyzer::elementPath(const Expr *E, unsigned I) {
  E = ignoreNoise(E);
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
      CCE && CCE->getNumArgs() == 1 &&
      CCE->getConstructor()->isCopyOrMoveConstructor())
    E = ignoreNoise(CCE->getArg(0));
  const FieldDecl *F = elementField(E->getType(), I);
  if (!F)
    return std::nullopt;
  auto P = pathOf(E);
  if (P)
    P->Fields.push_back(F);
  return P;
}

Taint FunctionAnalyzer::elementOf(const Expr *E, unsigned I) {
  if (auto Built = builtElements(E))
    return I < Built->size() ? value((*Built)[I]) : Taint();
  if (auto P = elementPath(E, I))
    return readPath(*P);
  return value(E);
}

/// `std::get<I>(t)` reads element I only.
std::optional<Taint> FunctionAnalyzer::computeGet(const CallExpr *CE) {
  auto Get = getCall(CE);
  if (!Get || !tupleSize(Get->second->getType()))
    return std::nullopt;
  Taint Result = elementOf(Get->second, Get->first);
  recordPurposeUse(CE, Result);
  return Result;
}

/// `auto t = std::make_tuple(a, b)`, `std::pair<A, B> p(a, b)`, a copy of
/// another pair: element by element. Returns false for other
/// initialisers.
bool FunctionAnalyzer::initialiseElements(const VarDecl *VD, const Path &P,
                                          const Expr *Init) {
  if (VD->getType()->isReferenceType())
    return false;
  std::optional<unsigned> Size = tupleSize(VD->getType());
  if (!Size)
    return false;
  std::vector<Taint> Elements;
  bool ElementWise = builtElements(Init).has_value();
  for (unsigned I = 0; I < *Size; ++I) {
    ElementWise |= elementPath(Init, I).has_value();
    Elements.push_back(elementOf(Init, I));
  }
  if (!ElementWise || !elementField(VD->getType(), *Size - 1))
    return false;
  value(Init); // calls inside the initialiser still run
  SourceLocation Loc = SM.getFileLoc(VD->getLocation());
  Cur.eraseCovered(P);
  for (unsigned I = 0; I < *Size; ++I) {
    if (Elements[I].empty())
      continue;
    Path EP = P;
    EP.Fields.push_back(elementField(VD->getType(), I));
    Cur[EP] = storedIn(Elements[I], Loc, EP);
  }
  return true;
}

/// `std::tie(a, b) = pair`: each variable takes its element.
bool FunctionAnalyzer::assignElements(const Expr *Target, const Expr *Source,
                                      SourceLocation Loc) {
  auto Targets = builtElements(Target);
  const auto *CE = dyn_cast<CallExpr>(ignoreNoise(Target));
  if (!Targets || !CE || !CE->getDirectCallee() ||
      CE->getDirectCallee()->getName() != "tie")
    return false;
  std::vector<Taint> Elements;
  for (unsigned I = 0; I < Targets->size(); ++I)
    Elements.push_back(elementOf(Source, I));
  for (unsigned I = 0; I < Targets->size(); ++I)
    write((*Targets)[I], Elements[I], Loc, /*Strong=*/true);
  return true;
}

/// What a structured binding names: the element, field or array element
/// it is bound to, read where the binding is used.
Taint FunctionAnalyzer::computeBinding(const DeclRefExpr *DRE,
                                       const BindingDecl *BD) {
  const Expr *Bound = BD->getBinding();
  if (!Bound)
    return {};
  const Expr *Saved = UseSite;
  UseSite = DRE; // a use is where the name is read, not where it is bound
  Taint Result = compute(Bound);
  UseSite = Saved;
  return Result;
}

} // namespace privacy::dataflow
