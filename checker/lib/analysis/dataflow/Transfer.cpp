//===- Transfer.cpp - what an expression carries, and where it goes -------===//
//
// The transfer functions of the per-function analysis: a value is read from
// a path (a variable or *this and a chain of fields) or computed from its
// parts; assignments write to paths. Calls are in Calls.cpp.
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "privacy/Annotations.h"
#include "privacy/PersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

namespace privacy::dataflow {

using namespace clang;

Taint FunctionAnalyzer::placeholderFor(const Path &P) {
  Taint T;
  std::string Label;
  if (P.IsThis) {
    Label = thisLabel();
  } else if (const auto *PD = dyn_cast_or_null<ParmVarDecl>(P.Root);
             PD && PD->getDeclContext() == FD) {
    // What the function anonymises on the way is not followed in its body
    // (docs/annotations.md, PRIVACY_ANONYMIZE on a parameter).
    if (anonymizesParam(FD, PD->getFunctionScopeIndex()))
      return T;
    Label = paramLabel(PD->getFunctionScopeIndex());
  } else if (const auto *VD = dyn_cast_or_null<VarDecl>(P.Root);
             VD && VD->hasLocalStorage() && VD->getDeclContext() != FD &&
             !VD->isLocalVarDeclOrParm()) {
    return T;
  } else if (VD && VD->hasLocalStorage() &&
             !FD->Encloses(VD->getDeclContext()) &&
             VD->getDeclContext() != FD) {
    Label = TU.captureLabel(VD); // captured by this lambda
  } else {
    return T;
  }
  for (const FieldDecl *F : P.Fields)
    taint::appendField(Label, F->getNameAsString());
  checkPlaceholderFields(Label, SourceLocation());
  T.add(Label, nullptr);
  return T;
}

/// Whether \p Q names a pointer or reference to an object of a struct of
/// the program: the object lives elsewhere, its fields hold what they are
/// declared to.
bool FunctionAnalyzer::aliases(const Path &Q) const {
  // A handler's variable holds what was thrown, all of it: its fields are
  // not known by their declarations alone.
  if (const auto *VD = dyn_cast_or_null<VarDecl>(Q.Root);
      VD && VD->isExceptionVariable() && Q.Fields.empty())
    return false;
  QualType T;
  if (!Q.Fields.empty())
    T = Q.Fields.back()->getType();
  else if (Q.Root)
    T = Q.Root->getType();
  if (T.isNull() || !(T->isPointerType() || T->isReferenceType()))
    return false;
  const RecordDecl *RD = recordOfType(T);
  return RD && (RD = RD->getDefinition()) &&
         !SM.isInSystemHeader(RD->getLocation());
}

/// Whether field \p F may hold \p Item: it is annotated with it (or its
/// class is), or its type is a struct of the program that may hold it.
bool FunctionAnalyzer::fieldMayHold(const FieldDecl *F,
                                    const std::string &Item) {
  auto [It, New] = FieldItems.try_emplace(F);
  if (New) {
    if (auto O = dataOfDecl(F))
      It->second.insert(O->Item);
    if (const RecordDecl *RD = recordOfType(F->getType());
        RD && (RD = RD->getDefinition()) &&
        !SM.isInSystemHeader(RD->getLocation())) {
      // The taint outlives the loop (labels() refers into it).
      Taint MayHold = sourcesOf(nullptr, F->getType(), nullptr);
      for (const auto &[L, Tr] : MayHold.labels())
        It->second.insert(L);
    }
  }
  return It->second.count(Item) > 0;
}

Taint FunctionAnalyzer::readPath(const Path &P) {
  OverlappingEntries Entries;
  forEachOverlapping(Cur, P, [&](const Path &Q, const Taint &QT) {
    Entries.push_back({&Q, &QT});
  });
  if (const Taint *Known = Reads.find(P, Entries))
    return *Known;
  Taint T = readEntries(P, Entries);
  Reads.remember(P, Entries, T);
  return T;
}

/// readPath from the entries of the state that \p P overlaps.
Taint FunctionAnalyzer::readEntries(const Path &P,
                                    const OverlappingEntries &Entries) {
  Taint T;
  bool Seeded = false; // some entry covers the root itself
  for (const auto &[QPtr, QTPtr] : Entries) {
    const Path &Q = *QPtr;
    const Taint &QT = *QTPtr;
    if (Q.covers(P)) {
      Seeded = true;
      if (Q.Fields.size() == P.Fields.size()) {
        // The path itself: its labels as they are, shared when they can be.
        for (const auto &Entry : QT.labels())
          if (isPlaceholder(Entry.first))
            checkPlaceholderFields(Entry.first, SourceLocation());
        T.mergeLabelByLabel(QT);
        continue;
      }
      // A field read through a pointer or reference to an object of the
      // program takes what that field may hold, not every item the whole
      // object may (docs/limitations.md, "Whole objects").
      const FieldDecl *Into = P.Fields.size() > Q.Fields.size() && aliases(Q)
                                  ? P.Fields[Q.Fields.size()]
                                  : nullptr;
      // A whole-object placeholder read through fields names those fields,
      // so a summary stays field-sensitive.
      for (const auto &[Label, Tr] : QT.labels()) {
        if (Into && !isPlaceholder(Label) && !isMarker(Label) &&
            !fieldMayHold(Into, Label))
          continue;
        // What the object's type says its fields hold is read field by
        // field: the field's own comes with its declaration (computeMember).
        if (P.Fields.size() > Q.Fields.size() && isDeclaredHeld(Tr))
          continue;
        std::string Refined = Label;
        if (isPlaceholder(Label)) {
          for (size_t I = Q.Fields.size(); I < P.Fields.size(); ++I) {
            // Library types (std::pair::first of a map's element) are not
            // what the placeholder stands for: keep it whole.
            if (SM.isInSystemHeader(P.Fields[I]->getLocation()))
              break;
            taint::appendField(Refined, P.Fields[I]->getNameAsString());
          }
          checkPlaceholderFields(Refined, SourceLocation());
        }
        T.add(Refined, Tr);
      }
    } else if (P.covers(Q)) {
      // Reading an object reads the data in its fields, as held by it
      // (TraceNode::Held); which functions a field holds is asked of that
      // field.
      for (const auto &[Label, Tr] : QT.labels())
        if (!isMarker(Label))
          T.add(Label, heldTrace(Tr));
    }
  }
  if (!Seeded)
    T.merge(placeholderFor(P));
  return T;
}

std::optional<Path> FunctionAnalyzer::pathOf(const Expr *E, bool *Exact) {
  if (Exact)
    *Exact = true;
  E = ignoreNoise(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    // A structured binding is its element; a binding by reference
    // (`auto &[a, b] = s;`) names the parts of s itself.
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
      return BD->getBinding() ? pathOf(BD->getBinding(), Exact) : std::nullopt;
    if (const auto *DD = dyn_cast<DecompositionDecl>(DRE->getDecl());
        DD && DD->getType()->isReferenceType() && DD->getInit())
      if (auto Bound = pathOf(DD->getInit())) {
        if (Exact)
          *Exact = false;
        return Bound;
      }
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      Path P;
      P.Root = VD;
      return P;
    }
    return std::nullopt;
  }
  if (isa<CXXThisExpr>(E)) {
    Path P;
    P.IsThis = true;
    return P;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return std::nullopt;
    bool BaseExact = true;
    auto Base = pathOf(ME->getBase(), &BaseExact);
    if (!Base)
      return std::nullopt;
    if (Exact)
      *Exact = BaseExact && (!ME->isArrow() || Base->IsThis);
    Base->Fields.push_back(F);
    return Base;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
      auto P = pathOf(UO->getSubExpr());
      if (Exact)
        *Exact = false;
      return P;
    }
    return std::nullopt;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    auto P = pathOf(ASE->getBase());
    if (Exact)
      *Exact = false;
    return P;
  }
  // What a smart pointer points to is followed as its variable's fields
  // (`r->note_`), as through a pointer.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getNumArgs() == 1 &&
      (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
      isSmartPointer(ignoreNoise(OC->getArg(0))->getType())) {
    auto P = pathOf(OC->getArg(0));
    if (Exact)
      *Exact = false;
    return P;
  }
  // An element of a container is part of it: `handlers[name] = fn`,
  // `v.front()`, `m.at(key)`.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && isElementAccess(MC->getMethodDecl())) {
    auto P = pathOf(MC->getImplicitObjectArgument());
    if (Exact)
      *Exact = false;
    return P;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2) {
    auto P = pathOf(OC->getArg(0));
    if (Exact)
      *Exact = false;
    return P;
  }
  return std::nullopt;
}

/// Whether \p R or one of its fields says which item it holds.
static bool hasDataAnnotations(const RecordDecl *R) {
  auto Says = [](const Decl *D) {
    auto A = findAnnotation(D, AnnotationKind::Data);
    return A && !A->Args.empty() && !A->Args[0].empty();
  };
  return Says(R) || std::any_of(R->field_begin(), R->field_end(), Says);
}

Taint FunctionAnalyzer::sourcesOf(const Decl *D, QualType Type,
                                  const Expr *At) {
  Taint T;
  SourceLocation Loc = At ? SM.getFileLoc(At->getExprLoc()) : SourceLocation();
  if (auto O = dataOfDecl(D))
    T.add(O->Item, extendTrace(nullptr, Loc,
                               "'" + O->Item + "' is read from " +
                                   describeSource(O->Source) + " here"));
  // A whole object carries its annotated fields.
  if (const RecordDecl *RD = recordOfType(Type)) {
    std::vector<std::pair<const RecordDecl *, int>> Work{{RD, 0}};
    std::set<const RecordDecl *> Seen;
    while (!Work.empty()) {
      auto [R, Depth] = Work.back();
      Work.pop_back();
      if (!(R = R->getDefinition()) || !Seen.insert(R).second)
        continue;
      if (Depth > MaxRecordNesting) {
        if (hasDataAnnotations(R))
          noteLimit(AnalysisLimit::RecordNesting, Loc);
        continue;
      }
      // The object's own item is what it is; its fields' items it holds
      // (TraceNode::Held).
      if (auto A = findAnnotation(R, AnnotationKind::Data))
        if (!A->Args.empty() && !A->Args[0].empty()) {
          std::string Msg = "'" + A->Args[0] + "' is read with an object of " +
                            quoted(R) + " here";
          T.add(A->Args[0], Depth == 0 ? extendTrace(nullptr, Loc, Msg)
                                       : heldTrace(Loc, Msg));
        }
      for (const FieldDecl *F : R->fields()) {
        if (auto A = findAnnotation(F, AnnotationKind::Data))
          if (!A->Args.empty() && !A->Args[0].empty())
            T.add(A->Args[0], heldTrace(Loc, "'" + A->Args[0] +
                                                 "' is read with its field " +
                                                 quoted(F) + " here"));
        if (const RecordDecl *Inner = recordOfType(F->getType()))
          if (!F->getType()->isPointerType())
            Work.push_back({Inner, Depth + 1});
      }
    }
  }
  return T;
}

void FunctionAnalyzer::readSlot(const ValueDecl *D, Taint &Into) {
  if (!TU.isSlot(D))
    return;
  TU.SlotsRead.insert(D);
  Into.add(TU.slotLabel(D), nullptr);
}

std::map<std::string, Taint> FunctionAnalyzer::argFields(const Expr *A) {
  // For an argument of a struct type of the program: what each field
  // holds, so that a callee reading one field is not taken to read them all.
  std::map<std::string, Taint> Fields;
  const RecordDecl *RD = recordOfType(A->getType());
  if (!RD || !(RD = RD->getDefinition()) ||
      SM.isInSystemHeader(RD->getLocation()))
    return Fields;
  // Where the argument is a path (the usual case), each field is read
  // there as resolveFieldsOf would, without building, parsing and
  // resolving a placeholder per field (SQLite passes structs of 90 fields
  // to most of its calls, at every visit of the fixpoint).
  std::optional<Path> Whole = builtFields(A) ? std::nullopt : pathOf(A);
  for (const FieldDecl *F : RD->fields()) {
    auto [It, New] = Fields.try_emplace(F->getNameAsString());
    if (!New)
      continue; // an unnamed field again: read as the first of its name
    if (Whole) {
      Path OfField = *Whole;
      OfField.Fields.push_back(F);
      It->second = readPath(OfField);
      It->second.merge(sourcesOf(F, F->getType(), A));
    } else {
      It->second = resolvePlaceholder(
          taint::Label(taint::ParamPlaceholder{0, {It->first}}).str(), nullptr,
          {A}, nullptr);
    }
  }
  return Fields;
}

Taint FunctionAnalyzer::value(const Expr *E) {
  if (!E)
    return {};
  if (Elements.count(E)) {
    noteValueRead(E);
    auto It = Values.find(E);
    if (It != Values.end())
      return It->second;
  }
  return compute(E);
}

void FunctionAnalyzer::mergeValues(llvm::ArrayRef<const Expr *> Exprs,
                                   Taint &Into) {
  for (const Expr *E : Exprs)
    Into.merge(value(E));
}

/// \p T with the step "stored in 'x'", unless x is a variable the user did
/// not write: the compiler's own (a range-for's `__range1`, `__begin1`, a
/// structured binding's hidden object) or one a library's macro declares
/// (Qt's `foreach` and its `_container_`).
/// Notes name only what the reader can find in the code.
Taint FunctionAnalyzer::storedIn(const Taint &T, SourceLocation Loc,
                                 const Path &P) const {
  if (const auto *VD = dyn_cast_or_null<VarDecl>(P.Root);
      VD && (VD->isImplicit() || isa<DecompositionDecl>(VD) ||
             SM.isInSystemHeader(SM.getSpellingLoc(VD->getLocation()))))
    return T;
  return T.withStep(Loc, "stored in '" + P.describe() + "'");
}

void FunctionAnalyzer::write(const Expr *Target, const Taint &T,
                             SourceLocation Loc, bool Strong) {
  bool Exact = false;
  auto P = pathOf(Target, &Exact);
  if (P) {
    writePath(*P, Exact, T, Loc, Strong);
    return;
  }
  // Written through a mutable accessor (`*msg.mutable_name() = x`,
  // `msg.mutable_address()->set_city(x)`): the object it returned a part
  // of holds it now, as after a setter (docs/limitations.md, "Writes through a
  // mutable accessor").
  if (const Expr *Owner = accessorOwner(Target))
    write(Owner, T, Loc, /*Strong=*/false);
}

/// The object whose part \p E is, when \p E is what a method returned as
/// a pointer or a reference to modify (`msg.mutable_email()`,
/// `*msg.mutable_name()`); null otherwise. A method that returns a copy, or
/// a pointer or reference to const, gives nothing to write into.
const Expr *FunctionAnalyzer::accessorOwner(const Expr *E) const {
  E = ignoreNoise(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    E = ignoreNoise(UO->getSubExpr());
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || MD->isStatic())
    return nullptr;
  QualType Returned = MD->getReturnType();
  if (!Returned->isPointerType() && !Returned->isLValueReferenceType())
    return nullptr;
  QualType Part = Returned->getPointeeType();
  if (Part.isConstQualified() || !Part->isRecordType())
    return nullptr;
  return MC->getImplicitObjectArgument();
}

void FunctionAnalyzer::writePath(const Path &Where, bool Exact, const Taint &T,
                                 SourceLocation Loc, bool Strong) {
  const Path *P = &Where;
  Taint Stored = storedIn(T, Loc, *P);
  // A pointer's data may be what it points to, kept when it moves on; a
  // function pointer only says which function it calls.
  bool Local = P->Root && isa<VarDecl>(P->Root) &&
               cast<VarDecl>(P->Root)->hasLocalStorage() &&
               !P->Root->getType()->isReferenceType() &&
               (!P->Root->getType()->isPointerType() ||
                P->Root->getType()->isFunctionPointerType());
  if (Strong && Exact && (Local || P->IsThis)) {
    Cur.eraseCovered(*P);
    Cur[*P] = Stored;
    checkPlaceholderCount(Stored, Loc);
  } else {
    Taint &Held = Cur[*P];
    Held.merge(Stored);
    checkPlaceholderCount(Held, Loc);
  }
  if (!MapKeys.empty())
    noteMapWrite(*P, Stored);
  // Writes through reference or pointer parameters, and into the object,
  // are what the caller sees.
  const auto *PD = dyn_cast_or_null<ParmVarDecl>(P->Root);
  bool ThroughParam =
      PD && PD->getDeclContext() == FD &&
      (PD->getType()->isReferenceType() || PD->getType()->isPointerType());
  if (ThroughParam || P->IsThis) {
    std::string Key =
        P->IsThis ? thisLabel() : paramLabel(PD->getFunctionScopeIndex());
    for (const FieldDecl *F : P->Fields)
      taint::appendField(Key, F->getNameAsString());
    Taint &Effect = Summary.OutEffects[Key];
    Effect.merge(Stored);
    checkPlaceholderCount(Effect, Loc);
  }
  // A global or static variable outlives the call: it keeps what it holds.
  if (const auto *Var = dyn_cast_or_null<VarDecl>(P->Root);
      Var && Var->hasGlobalStorage())
    addParamsOf(Stored, Summary.PassedOn);
  recordSlotWrite(*P, Stored);
  // Written through an alias: the place it stands for holds it too.
  bool ExactAlias = false;
  if (std::optional<Path> Referent = referentOf(*P, ExactAlias))
    writePath(*Referent, Exact && ExactAlias, T, Loc, Strong);
}

std::optional<Path> FunctionAnalyzer::referentOf(const Path &P, bool &Exact) {
  const auto *VD = dyn_cast_or_null<VarDecl>(P.Root);
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->getInit())
    return std::nullopt;
  QualType T = VD->getType();
  bool Reference = T->isReferenceType();
  if (!Reference && (!T->isPointerType() || T->isFunctionPointerType()))
    return std::nullopt;
  findAliases();
  std::optional<Path> Referent;
  Exact = false;
  if (auto Element = RangeElements.find(VD); Element != RangeElements.end()) {
    if (Reference)
      Referent = pathOf(Element->second); // an element: part of it
  } else if (Reference || !Reassigned.count(VD)) {
    // Not a pointer a method returned (`auto *n = findNetwork(name);`):
    // lookups return objects their object does not own, and taking them
    // as parts of it made whole object graphs hold everything (znc, in
    // bench/realworld).
    const Expr *Init = ignoreNoise(VD->getInit());
    bool InitExact = false;
    if (Reference || isa<UnaryOperator>(Init) || isa<DeclRefExpr>(Init)) {
      Referent = pathOf(Init, &InitExact);
      Exact = InitExact;
    }
  }
  if (!Referent || (Referent->Root == VD && !Referent->IsThis))
    return std::nullopt;
  Referent->Fields.insert(Referent->Fields.end(), P.Fields.begin(),
                          P.Fields.end());
  return Referent;
}

void FunctionAnalyzer::findAliases() {
  if (AliasesFound)
    return;
  AliasesFound = true;
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::DenseSet<const VarDecl *> &Reassigned;
    llvm::DenseMap<const VarDecl *, const Expr *> &RangeElements;
    Finder(llvm::DenseSet<const VarDecl *> &R,
           llvm::DenseMap<const VarDecl *, const Expr *> &E)
        : Reassigned(R), RangeElements(E) {}
    void changed(const Expr *E) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Reassigned.insert(VD);
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->isAssignmentOp())
        changed(BO->getLHS());
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *UO) {
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
        changed(UO->getSubExpr());
      return true;
    }
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee)
        return true;
      // Operators of a class take the object first (`p = q` on a smart
      // pointer); a method's object is not an argument.
      unsigned Shift =
          isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      if (Shift && CE->getNumArgs())
        changed(CE->getArg(0));
      for (unsigned I = Shift; I < CE->getNumArgs(); ++I) {
        unsigned Param = I - Shift;
        if (Param >= Callee->getNumParams())
          break;
        QualType PT = Callee->getParamDecl(Param)->getType();
        if (PT->isLValueReferenceType() &&
            !PT->getPointeeType().isConstQualified())
          changed(CE->getArg(I));
      }
      return true;
    }
    bool VisitCXXForRangeStmt(CXXForRangeStmt *FR) {
      if (const VarDecl *Loop = FR->getLoopVariable())
        RangeElements[Loop] = FR->getRangeInit();
      return true;
    }
  } F(Reassigned, RangeElements);
  if (const Stmt *Body = FD->getBody())
    F.TraverseStmt(const_cast<Stmt *>(Body));
}

/// Functions stored in a field or a global may be called from anywhere.
void FunctionAnalyzer::recordSlotWrite(const Path &P, const Taint &Stored) {
  const ValueDecl *Slot = !P.Fields.empty() ? P.Fields.back() : P.Root;
  if (!TU.isSlot(Slot))
    return;
  for (const auto &[Label, Tr] : Stored.labels()) {
    if (isMarker(Label)) {
      for (const FunctionDecl *Target : TU.targetsOf(Label))
        TU.addSlotTarget(Slot, Target); // `a->fn = b->fn` too
      if (taint::isMarkerOf(Label, taint::MarkerKind::Bind))
        TU.addSlotBind(Slot, Label);
    } else if (isPlaceholder(Label) && !isCapturePlaceholder(Label))
      Summary.SlotWrites[Slot].add(Label, Tr);
  }
}

Taint FunctionAnalyzer::compute(const Expr *E) {
  E = E->IgnoreParens();
  Taint Result = transfer(E);
  checkPlaceholderCount(Result, E->getExprLoc());
  Values[E] = Result;
  return Result;
}

Taint FunctionAnalyzer::transfer(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return computeDeclRef(DRE);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return computeMember(ME);
  if (isa<CXXThisExpr>(E)) {
    Path P;
    P.IsThis = true;
    return readPath(P);
  }
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    // Casts keep the data; a cast to void discards it.
    return CE->getType()->isVoidType() ? Taint() : value(CE->getSubExpr());
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    Taint Result = value(UO->getSubExpr());
    return UO->getOpcode() == UO_LNot ? Taint() : Result;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return computeBinary(BO);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Taint Result = value(CO->getTrueExpr());
    Result.merge(value(CO->getFalseExpr()));
    return Result;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return value(ASE->getBase());
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    Taint Result;
    for (const Expr *Init : ILE->inits())
      Result.merge(value(Init));
    return Result;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return computeOperatorCall(OC);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    std::vector<const Expr *> Args(MCE->arg_begin(), MCE->arg_end());
    if (std::optional<Taint> Built = computeBuilt(
            MCE, MCE->getMethodDecl(), MCE->getImplicitObjectArgument(), Args))
      return *Built;
    return computeCall(MCE, MCE->getMethodDecl(),
                       MCE->getImplicitObjectArgument(), Args);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (std::optional<Taint> Element = computeGet(Call))
      return *Element;
    std::vector<const Expr *> Args(Call->arg_begin(), Call->arg_end());
    if (std::optional<Taint> Built =
            computeBuilt(Call, Call->getDirectCallee(), nullptr, Args))
      return *Built;
    return computeCall(Call, Call->getDirectCallee(), nullptr, Args);
  }
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E))
    return computeConstruct(CCE);
  if (const auto *TE = dyn_cast<CXXThrowExpr>(E)) {
    computeThrow(TE);
    return {};
  }
  if (const auto *NE = dyn_cast<CXXNewExpr>(E))
    return NE->getInitializer() ? value(NE->getInitializer()) : Taint();
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return computeLambda(LE);
  // Wrappers carry what they wrap.
  if (const auto *DAE = dyn_cast<CXXDefaultArgExpr>(E))
    return value(DAE->getExpr());
  if (const auto *DIE = dyn_cast<CXXDefaultInitExpr>(E))
    return value(DIE->getExpr());
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return value(FE->getSubExpr());
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return value(MTE->getSubExpr());
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return value(BTE->getSubExpr());
  // A copy of an array (a structured binding's hidden variable) is the
  // array copied.
  if (const auto *AIL = dyn_cast<ArrayInitLoopExpr>(E))
    return value(AIL->getCommonExpr());
  if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E))
    return value(OVE->getSourceExpr());
  if (const auto *SE = dyn_cast<StmtExpr>(E))
    if (const auto *Last =
            dyn_cast_or_null<Expr>(SE->getSubStmt()->body_back()))
      return value(Last);
  return {};
}

/// A constructor of the program puts what its member initialisers and its
/// body store into `*this` into the variable it constructs (`Reminder
/// r(p);`), where a later method call on that variable reads it.
/// Without a variable (a temporary, `new R(p)` used at once), the fields
/// are kept with the construction (Objects.cpp).
Taint FunctionAnalyzer::computeConstruct(const CXXConstructExpr *CCE) {
  std::vector<const Expr *> Args(CCE->arg_begin(), CCE->arg_end());
  std::optional<Path> Into;
  std::map<std::string, Taint> *Fields = nullptr;
  if (auto It = ConstructedVariables.find(CCE);
      It != ConstructedVariables.end()) {
    Into.emplace();
    Into->Root = It->second;
    Cur.eraseCovered(*Into); // a declaration starts afresh
  } else if (ConstructedBases.count(CCE)) {
    Into.emplace();
    Into->IsThis = true; // a base of the object being constructed
  } else if (buildsObject(CCE->getConstructor()) &&
             TU.definitionOf(CCE->getConstructor())) {
    Fields = &BuiltObjects[CCE];
  }
  std::map<std::string, Taint> Before;
  if (Fields)
    Before = std::exchange(*Fields, {});
  Taint Result = constructInto(CCE, CCE->getConstructor(), Args,
                               Into ? &*Into : nullptr, Fields);
  if (Fields && !sameFields(Before, *Fields))
    ++TU.FactsVersion; // read where the temporary is used
  return Result;
}

/// The try statement whose handlers catch what \p S throws: the innermost
/// one whose try block (not a handler) holds it, in this function.
const CXXTryStmt *FunctionAnalyzer::enclosingTry(const Stmt *S) {
  if (!HasTry)
    return nullptr;
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
  for (const Stmt *Child = S, *Up = Parents->getParent(S); Up;
       Child = Up, Up = Parents->getParent(Up))
    if (const auto *Try = dyn_cast<CXXTryStmt>(Up);
        Try && Try->getTryBlock() == Child && Try->getNumHandlers() > 0)
      return Try;
  return nullptr;
}

/// What \p At throws: caught by the handlers of the try statement around
/// it, else out of the function, to its callers' handlers (its summary).
void FunctionAnalyzer::recordThrown(const Stmt *At, const Taint &T) {
  if (T.empty())
    return;
  if (const CXXTryStmt *Try = enclosingTry(At))
    ThrownInto[Try].merge(T);
  else
    Summary.Thrown.merge(T);
}

void FunctionAnalyzer::computeThrow(const CXXThrowExpr *TE) {
  SourceLocation Loc = SM.getFileLoc(TE->getThrowLoc());
  if (const Expr *Thrown = TE->getSubExpr()) {
    recordThrown(TE, value(Thrown).withStep(Loc, "thrown here"));
    return;
  }
  // `throw;` passes on what the handler around it caught.
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
  for (const Stmt *Up = Parents->getParent(TE); Up; Up = Parents->getParent(Up))
    if (const auto *Catch = dyn_cast<CXXCatchStmt>(Up)) {
      if (auto It = RethrowFrom.find(Catch); It != RethrowFrom.end())
        recordThrown(TE, It->second.withStep(Loc, "thrown again here"));
      return;
    }
}

/// A handler's exception variable holds what its try block may throw.
void FunctionAnalyzer::enterHandler(const CXXCatchStmt *Catch) {
  const VarDecl *VD = Catch->getExceptionDecl();
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
  const auto *Try = dyn_cast_or_null<CXXTryStmt>(Parents->getParent(Catch));
  auto It = Try ? ThrownInto.find(Try) : ThrownInto.end();
  if (It == ThrownInto.end())
    return;
  Taint Caught =
      It->second.withStep(SM.getFileLoc(Catch->getCatchLoc()), "caught here");
  if (!VD) {
    RethrowFrom[Catch] = Caught; // `catch (...)`: only `throw;` passes it on
    return;
  }
  Path P;
  P.Root = VD;
  Cur.eraseCovered(P);
  Cur[P] = Caught;
  RethrowFrom[Catch] = Caught;
}

Taint FunctionAnalyzer::computeDeclRef(const DeclRefExpr *DRE) {
  Taint Result;
  if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
    Path P;
    P.Root = VD;
    Result = readPath(P);
    recordPurposeUse(DRE, Result);
    // A local object's fields are followed one by one; what its type
    // could hold says nothing about what it does hold. Objects from
    // elsewhere (parameters, globals, references) hold what their type
    // says they may.
    bool TrackedLocal = VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
                        !VD->getType()->isReferenceType() &&
                        !VD->getType()->isPointerType();
    Result.merge(sourcesOf(VD, TrackedLocal ? QualType() : VD->getType(), DRE));
    readSlot(VD, Result);
  } else if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
    Result = computeBinding(DRE, BD);
  } else if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl())) {
    Result.add(TU.fnLabel(Fn), nullptr); // `handler = sendReport`
  }
  return Result;
}

Taint FunctionAnalyzer::computeMember(const MemberExpr *ME) {
  Taint Result;
  if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
    if (auto P = pathOf(ME)) {
      Result = readPath(*P);
      recordPurposeUse(ME, Result);
    } else {
      // What the object's type says its other fields hold is not this
      // field's; this field's own is added below.
      for (const auto &[Label, Tr] : value(ME->getBase()).labels())
        if (!isDeclaredHeld(Tr))
          Result.add(Label, Tr);
    }
    Result.merge(sourcesOf(F, F->getType(), ME));
    readSlot(F, Result);
  } else if (isa<VarDecl>(ME->getMemberDecl())) {
    Result = sourcesOf(ME->getMemberDecl(),
                       cast<VarDecl>(ME->getMemberDecl())->getType(), ME);
    readSlot(ME->getMemberDecl(), Result);
  } else if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
             MD && MD->isStatic()) {
    Result.add(TU.fnLabel(MD), nullptr);
  }
  return Result;
}

Taint FunctionAnalyzer::computeBinary(const BinaryOperator *BO) {
  Taint Result;
  SourceLocation Loc = SM.getFileLoc(BO->getOperatorLoc());
  switch (BO->getOpcode()) {
  case BO_Assign:
    Result = value(BO->getRHS());
    write(BO->getLHS(), Result, Loc, /*Strong=*/true);
    break;
  case BO_Comma:
    Result = value(BO->getRHS());
    break;
  case BO_LT:
  case BO_GT:
  case BO_LE:
  case BO_GE:
  case BO_EQ:
  case BO_NE:
  case BO_LAnd:
  case BO_LOr:
  case BO_Cmp:
    break; // a yes/no answer about data is not the data
  default:
    Result = value(BO->getLHS());
    Result.merge(value(BO->getRHS()));
    if (BO->isCompoundAssignmentOp())
      write(BO->getLHS(), Result, Loc, /*Strong=*/false);
    break;
  }
  return Result;
}

Taint FunctionAnalyzer::computeOperatorCall(const CXXOperatorCallExpr *OC) {
  OverloadedOperatorKind Op = OC->getOperator();
  SourceLocation Loc = SM.getFileLoc(OC->getOperatorLoc());
  if (Op == OO_Equal && OC->getNumArgs() == 2) {
    Taint Result = value(OC->getArg(1));
    if (!assignElements(OC->getArg(0), OC->getArg(1), Loc))
      write(OC->getArg(0), Result, Loc, /*Strong=*/true);
    return Result;
  }
  if (Op == OO_EqualEqual || Op == OO_ExclaimEqual || Op == OO_Less ||
      Op == OO_Greater || Op == OO_LessEqual || Op == OO_GreaterEqual ||
      Op == OO_Spaceship)
    return {}; // comparisons answer yes or no
  const FunctionDecl *Callee = OC->getDirectCallee();
  const Expr *Object = nullptr;
  std::vector<const Expr *> Args(OC->arg_begin(), OC->arg_end());
  if (isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty()) {
    Object = Args.front();
    Args.erase(Args.begin());
  }
  return computeCall(OC, Callee, Object, Args);
}

Taint FunctionAnalyzer::computeLambda(const LambdaExpr *LE) {
  // The closure carries what it captures, and the function it is.
  Taint Result;
  for (const Expr *Init : LE->capture_inits())
    if (Init)
      Result.merge(value(Init));
  Result.add(TU.fnLabel(LE->getCallOperator()), nullptr);
  return Result;
}

/// Whether an expression of type \p T is a whole object of a struct of the
/// program (or a pointer or reference to one), whose data is in its fields.
/// A struct that is personal data as a whole (PRIVACY_DATA on the class) is
/// used whenever it is read.
bool FunctionAnalyzer::handsOverObject(QualType T) const {
  const RecordDecl *RD = recordOfType(T);
  if (!RD || !(RD = RD->getDefinition()) ||
      SM.isInSystemHeader(RD->getLocation()))
    return false;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD)) {
    bool AnnotatedAsWhole = false;
    CRD->forallBases([&](const CXXRecordDecl *Base) {
      AnnotatedAsWhole |=
          findAnnotation(Base, AnnotationKind::Data).has_value();
      return true;
    });
    if (AnnotatedAsWhole)
      return false;
  }
  return !findAnnotation(RD, AnnotationKind::Data).has_value();
}

void FunctionAnalyzer::recordPurposeUse(const Expr *E, const Taint &T) {
  if (!OwnPurpose || T.empty())
    return;
  if (UseSite)
    E = UseSite; // a structured binding's element, read where it is named
  // Parents within this function's body only: a parent map of the whole
  // translation unit (system headers included) costs more than the rest.
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
  auto ParentExpr = [&](const Stmt *S) {
    return dyn_cast_or_null<Expr>(Parents->getParent(S));
  };
  // A member chain is one use: its outermost expression.
  const Expr *PE = ParentExpr(E);
  while (PE && (isa<ImplicitCastExpr>(PE) || isa<ParenExpr>(PE)))
    PE = ParentExpr(PE);
  if (PE && isa<MemberExpr>(PE))
    return;
  // Naming whose consent to check is not processing for the purpose.
  const Stmt *Up = E;
  for (int Depth = 0; Up && Depth < MaxConsentCallSearch; ++Depth) {
    const Stmt *Parent = Parents->getParent(Up);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (findAnnotation(Callee, AnnotationKind::ConsentCheck))
          return;
    Up = dyn_cast_or_null<Expr>(Parent);
  }
  // Handing an object on (to a function, into a copy) is not a use of its
  // annotated fields: what is read of it is (SPEC §1, "What counts as a
  // use"; docs/limitations.md).
  if (handsOverObject(E->getType()))
    return;
  Taint Placeholders;
  for (const auto &[Label, Tr] : T.labels())
    if (isPlaceholder(Label) && !isCapturePlaceholder(Label) &&
        !isReturnPlaceholder(Label))
      Placeholders.add(Label, Tr);
  if (Placeholders.empty())
    return;
  SinkSite Site;
  Site.Kind = SinkKind::Purpose;
  Site.InFunction = FD;
  Site.Loc = SM.getFileLoc(E->getExprLoc());
  Site.Via = quoted(FD);
  Site.DeclaredAt = SM.getFileLoc(OwnPurpose->From.Loc);
  Site.Purposes = OwnPurpose->Purposes;
  for (const std::string &P : OwnPurpose->Purposes)
    Site.Target += (Site.Target.empty() ? "" : ",") + P;
  recordFlow(Site, Placeholders);
}

} // namespace privacy::dataflow
