//===- Catalog.cpp - calls the API catalog describes ----------------------===//
//
// A call of a function without a body here that rules/sinks/*.json or the
// user's catalogs describe: a sink, a propagator, an anonymizer or a source
// (rules/schema/sinks.schema.json describes the entries).
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "privacy/PersonalData.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace privacy::dataflow {

using namespace clang;

static bool whenHolds(const CatalogEntry &E, llvm::ArrayRef<const Expr *> Args,
                      const SourceManager &SM, const LangOptions &LO) {
  if (E.WhenArg < 0)
    return true;
  if (static_cast<size_t>(E.WhenArg) >= Args.size())
    return false;
  const Expr *Arg = Args[E.WhenArg]->IgnoreParenImpCasts();
  std::string Spelled;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
    Spelled = DRE->getDecl()->getNameAsString();
  else
    Spelled = Lexer::getSourceText(CharSourceRange::getTokenRange(
                                       Args[E.WhenArg]->getSourceRange()),
                                   SM, LO)
                  .str();
  return std::find(E.WhenIn.begin(), E.WhenIn.end(), Spelled) != E.WhenIn.end();
}

/// Whether the first word of the command an entry tests is one it names
/// (`redisCommand(c, "SET user:%s %s", ...)`). A command the call does not
/// show, built at run time or starting with a directive (`"%s %s"`), may be
/// any: the entry applies (docs/limitations.md, "Sinks").
static bool commandHolds(const CatalogEntry &E,
                         llvm::ArrayRef<const Expr *> Args,
                         const SourceManager &SM, const LangOptions &LO) {
  if (E.CommandArg < 0)
    return true;
  if (static_cast<size_t>(E.CommandArg) >= Args.size())
    return false;
  const Expr *Command = ignoreNoise(Args[E.CommandArg]);
  // An argument vector spelled in the function: its first element is the
  // command (`const char *argv[] = {"SET", key, value};`).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Command))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->isLocalVarDecl() && VD->getType()->isArrayType())
      if (const auto *List = dyn_cast_or_null<InitListExpr>(VD->getInit())) {
        if (List->getNumInits() == 0)
          return true;
        Command = List->getInit(0);
      }
  std::optional<std::string> Text = spelledText(Command, SM, LO);
  if (!Text)
    return true;
  llvm::StringRef Word = llvm::StringRef(*Text).ltrim();
  Word = Word.take_while([](char C) {
    return llvm::isAlnum(C) || C == '_' || C == '.' || C == '-';
  });
  if (Word.empty())
    return true;
  for (const std::string &Named : E.CommandIn)
    if (Word.equals_insensitive(Named))
      return true;
  return false;
}

/// The link before \p E in a chain of calls: the left operand of an operator
/// (`a << b`), the object of a method call (`a.arg(b)`); null otherwise.
static const Expr *previousLink(const Expr *E) {
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getNumArgs() ? OC->getArg(0) : nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return MC->getImplicitObjectArgument();
  return nullptr;
}

/// The stream a chain of calls writes to: the variable (`out << a << b`,
/// through reference variables) or the temporary (`QTextStream(&f) << a`)
/// at its start; null when it starts elsewhere.
static const Expr *streamOrigin(const Expr *E) {
  for (int Depth = 0; E && Depth < MaxStreamChain; ++Depth) {
    E = ignoreNoise(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || !VD->getType()->isReferenceType() || !VD->getInit())
        return E;
      E = VD->getInit();
      continue;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = ignoreNoise(Cast->getSubExpr()); // QDebug(&text)
    if (isa<CXXConstructExpr>(E))
      return E;
    E = previousLink(E);
  }
  return nullptr;
}

/// Whether \p RD is one of \p Classes or derives from one.
static bool isOrDerivesFrom(const CXXRecordDecl *RD,
                            const std::vector<std::string> &Classes) {
  if (!RD || !RD->hasDefinition())
    return false;
  auto Named = [&](const CXXRecordDecl *C) {
    return std::find(Classes.begin(), Classes.end(), catalogName(C)) !=
           Classes.end();
  };
  if (Named(RD))
    return true;
  bool Found = false;
  RD->getDefinition()->forallBases([&](const CXXRecordDecl *Base) {
    Found |= Named(Base);
    return !Found;
  });
  return Found;
}

/// How the stream a chain writes to was made: the constructor call that
/// initialises its local variable, or the temporary; null otherwise (a
/// parameter, a field, what a function returned).
static const CXXConstructExpr *streamConstruction(const Expr *Stream) {
  const Expr *Origin = Stream ? streamOrigin(Stream) : nullptr;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Origin)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && VD->isLocalVarDecl() && VD->getInit()
               ? dyn_cast<CXXConstructExpr>(ignoreNoise(VD->getInit()))
               : nullptr;
  }
  return dyn_cast_or_null<CXXConstructExpr>(Origin);
}

/// The objects a stream was constructed over by address (`QTextStream
/// out(&text)`, `QDebug(&text)`): what is written to the stream is in them.
static std::vector<const Expr *> objectsUnder(const Expr *Stream) {
  std::vector<const Expr *> Out;
  if (const CXXConstructExpr *Construct = streamConstruction(Stream))
    for (const Expr *Arg : Construct->arguments())
      if (const auto *UO = dyn_cast<UnaryOperator>(ignoreNoise(Arg));
          UO && UO->getOpcode() == UO_AddrOf)
        Out.push_back(UO->getSubExpr());
  return Out;
}

/// Whether the stream was constructed over an object of a class the entry
/// names, given by pointer or reference: `QTextStream out(&file)` over a
/// QFile, not `QTextStream out(&text)` over a QString.
static bool streamIsOver(const Expr *Stream,
                         const std::vector<std::string> &Classes) {
  const CXXConstructExpr *Construct = streamConstruction(Stream);
  if (!Construct)
    return false;
  for (const Expr *Arg : Construct->arguments()) {
    QualType T = ignoreNoise(Arg)->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (isOrDerivesFrom(T->getAsCXXRecordDecl(), Classes))
      return true;
  }
  return false;
}

/// The call whose stream a variable keeps: a reference bound to it
/// (`std::ostream &body = session.sendRequest(r);`), or a local copy of a
/// stream handle that a call returned (`QDebug dbg = qDebug();`,
/// `auto d = qWarning().nospace();`). A variable constructed some other way
/// (`QDebug d(&text);`) keeps none.
static const Expr *keptStream(const VarDecl *VD) {
  if (!VD->getInit())
    return nullptr;
  if (VD->getType()->isReferenceType())
    return VD->getInit();
  if (!VD->isLocalVarDecl())
    return nullptr;
  const Expr *Init = ignoreNoise(VD->getInit());
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = Copy->getConstructor();
    if (!Ctor || !Ctor->isCopyOrMoveConstructor() || Copy->getNumArgs() < 1)
      return nullptr;
    Init = ignoreNoise(Copy->getArg(0));
  }
  return isa<CallExpr>(Init) ? Init : nullptr;
}

/// Whether a chain of << starts from a stream the entry names: a variable
/// (`std::cout << a << b`), or what a call of a named function returned
/// (`LOG(INFO) << a`, `qDebug() << a`), directly or through a reference
/// variable initialised with it (`std::ostream &os = s.sendRequest(r);`).
static bool streamIsReceiver(const Expr *E,
                             const std::vector<std::string> &Receivers) {
  auto Named = [&](const NamedDecl *D) {
    return D && (std::find(Receivers.begin(), Receivers.end(),
                           D->getQualifiedNameAsString()) != Receivers.end() ||
                 std::find(Receivers.begin(), Receivers.end(),
                           catalogName(D)) != Receivers.end());
  };
  for (int Depth = 0; E && Depth < MaxStreamChain; ++Depth) {
    E = ignoreNoise(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (Named(VD))
        return true;
      const Expr *Init = VD ? keptStream(VD) : nullptr;
      if (!Init)
        return false;
      E = Init;
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return false;
    if (Named(Call->getDirectCallee()))
      return true;
    E = previousLink(Call);
  }
  return false;
}

/// Whether the object of a method call is of a class the entry names, or
/// of one derived from it (QIODevice::write on a QFile, not on a socket).
static bool objectTypeHolds(const CatalogEntry &E, const Expr *Object) {
  if (E.ObjectTypeIn.empty())
    return true;
  // The object's own class: calling a base's method converts it.
  const auto *RD = Object ? dyn_cast_or_null<CXXRecordDecl>(
                                recordOfType(ignoreNoise(Object)->getType()))
                          : nullptr;
  return isOrDerivesFrom(RD, E.ObjectTypeIn);
}

const std::vector<const CatalogEntry *> &
TranslationUnitAnalysis::catalogEntries(const FunctionDecl *Callee) {
  static const std::vector<const CatalogEntry *> None;
  if (!Catalog || !Callee)
    return None;
  auto [It, New] = CatalogEntriesOf.try_emplace(Callee, &None);
  if (!New)
    return *It->second;
  const auto &Own = Catalog->lookup(catalogName(Callee));
  if (!Own.empty())
    return *(It->second = &Own);
  // A method that a derived class declares again, overriding or hiding the
  // base's (protoc's CopyFrom and MergeFrom of every message), is what the
  // base's entry describes.
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  if (!MD || isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD) ||
      isa<CXXConversionDecl>(MD) || !MD->getParent()->hasDefinition())
    return None;
  std::string Member = "::" + MD->getDeclName().getAsString();
  MD->getParent()->getDefinition()->forallBases([&](const CXXRecordDecl *Base) {
    const auto &Inherited = Catalog->lookup(catalogName(Base) + Member);
    if (!Inherited.empty())
      It->second = &Inherited;
    return Inherited.empty();
  });
  return *It->second;
}

bool generatedByMacro(const FunctionDecl *Def) {
  const Stmt *Body = Def->getBody();
  return Body && Body->getBeginLoc().isMacroID();
}

/// The argument or object an entry's value names, if the call has it.
const Expr *catalogTarget(const ValueRef &V, const Expr *Object,
                          llvm::ArrayRef<const Expr *> Args) {
  if (V.K == ValueRef::Object)
    return Object;
  if (V.K == ValueRef::Argument && static_cast<size_t>(V.Index) < Args.size())
    return Args[V.Index];
  return nullptr;
}

/// Where a sink entry of the catalog sends, stores or logs, at \p Loc.
static SinkSite catalogSinkSite(const CatalogEntry &E, const std::string &Name,
                                SourceLocation Loc) {
  SinkSite Site;
  Site.Loc = Loc;
  Site.Via = "'" + Name + "'";
  Site.CatalogEntry = E.DeclaredAt;
  Site.Target = E.Target;
  Site.Country = E.Country;
  switch (E.Sink) {
  case CatalogSinkKind::Transfer:
    Site.Kind = SinkKind::Transfer;
    break;
  case CatalogSinkKind::Store:
    Site.Kind = SinkKind::Store;
    break;
  case CatalogSinkKind::Log:
    Site.Kind = SinkKind::Log;
    break;
  case CatalogSinkKind::Network:
    Site.Kind = SinkKind::Network;
    break;
  }
  return Site;
}

bool FunctionAnalyzer::applyCatalog(const FunctionDecl *Callee,
                                    const Expr *Call, const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args,
                                    Taint &Result) {
  const auto &Entries = TU.catalogEntries(Callee);
  if (Entries.empty())
    return false;
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  std::string Name = catalogName(Callee);
  bool DecidesReturn = false;
  // What reaches an argument or the object is written after every entry
  // has read what flows in: `a.swap(b)` is two overwriting propagators,
  // and the second must read b before the first replaced it.
  std::vector<std::tuple<const Expr *, Taint, bool>> Writes;
  for (const CatalogEntry *E : Entries) {
    if (!objectTypeHolds(*E, Object))
      continue;
    switch (E->Kind) {
    case CatalogEntryKind::Sink:
      applyCatalogSink(*E, Name, Loc, Object, Args);
      break;
    case CatalogEntryKind::Propagator: {
      Taint In = catalogFlowing(*E, Object, Args);
      if (E->Value.K == ValueRef::Return) {
        Result.merge(In.withStep(Loc, "copied by '" + Name + "' here"));
        DecidesReturn = true;
      } else if (const Expr *Target = catalogTarget(E->Value, Object, Args)) {
        // Only a destination that is itself a variable or field is
        // replaced; through a chain (`s.append(a).assign(b)`) the data is
        // added to the root, as for any propagator.
        const Expr *To = chainRoot(Target);
        bool Replaces = E->Overwrites && To == Target;
        Writes.emplace_back(To,
                            In.withStep(Loc, (Replaces ? "put in it by '"
                                                       : "added to it by '") +
                                                 Name + "' here"),
                            Replaces);
        // A stream over a string of the function (`QTextStream out(&text)`,
        // `QDebug(&text)`) writes into that string.
        for (const Expr *Under : objectsUnder(Target))
          Writes.emplace_back(
              Under, In.withStep(Loc, "written into it by '" + Name + "' here"),
              false);
      }
      break;
    }
    case CatalogEntryKind::Anonymizer:
      if (E->Value.K == ValueRef::Return)
        DecidesReturn = true;
      break;
    case CatalogEntryKind::Statement:
      break; // read before the function is analysed (SqlStatements.cpp)
    case CatalogEntryKind::Source: {
      Taint Src;
      Src.add(E->Item,
              extendTrace(nullptr, Loc,
                          "'" + E->Item + "' comes from '" + Name + "' here"));
      if (E->Value.K == ValueRef::Return)
        Result.merge(Src);
      else if (const Expr *To =
                   chainRoot(catalogTarget(E->Value, Object, Args)))
        Writes.emplace_back(To, Src, false);
      break;
    }
    }
  }
  // Replacements first, so that a source or a propagator of the same call
  // adds to what is left.
  std::stable_sort(Writes.begin(), Writes.end(),
                   [](const auto &A, const auto &B) {
                     return std::get<2>(A) > std::get<2>(B);
                   });
  for (const auto &[To, T, Replaces] : Writes)
    if (To)
      write(To, T, Loc, /*Strong=*/Replaces);
  return DecidesReturn;
}

/// What flows into an entry: the arguments it names, and the object.
Taint FunctionAnalyzer::catalogFlowing(const CatalogEntry &E,
                                       const Expr *Object,
                                       llvm::ArrayRef<const Expr *> Args) {
  Taint In;
  for (size_t I = 0; I < Args.size(); ++I)
    if (E.Args.contains(static_cast<int>(I)))
      In.merge(value(Args[I]));
  if (E.IncludesObject && Object)
    In.merge(value(Object));
  return In;
}

void FunctionAnalyzer::applyCatalogSink(const CatalogEntry &E,
                                        const std::string &Name,
                                        SourceLocation Loc, const Expr *Object,
                                        llvm::ArrayRef<const Expr *> Args) {
  if (!whenHolds(E, Args, SM, Ctx.getLangOpts()))
    return;
  if (!commandHolds(E, Args, SM, Ctx.getLangOpts()))
    return;
  // Free operator<< takes the stream as argument 0.
  const Expr *Stream = Object ? Object : (Args.empty() ? nullptr : Args[0]);
  if (!E.ReceiverIn.empty() && !streamIsReceiver(Stream, E.ReceiverIn))
    return;
  if (!E.ReceiverOver.empty() && !streamIsOver(Stream, E.ReceiverOver))
    return;
  // A value bound into a SELECT is read, not persisted.
  if (E.Statement && E.Sink == CatalogSinkKind::Store &&
      !statementMayWrite(E, Object, Args))
    return;
  if (!E.FdFrom.empty()) {
    // write(2) is a network sink only on a socket.
    Taint Fd = Args.empty() ? Taint() : value(Args[0]);
    bool IsSocket = false;
    for (const std::string &From : E.FdFrom)
      IsSocket |= Fd.has(markerLabel(taint::MarkerKind::FileDescriptor, From));
    if (!IsSocket)
      return;
  }
  recordFlow(catalogSinkSite(E, Name, Loc), catalogFlowing(E, Object, Args));
}

/// A function of the catalog run as a callback (FunctionValues.cpp), its
/// arguments known only as taints: each sink entry takes the arguments it
/// names. An entry that needs the call's expressions (a flag's spelling,
/// the stream written to, a statement's text, where a descriptor came
/// from, the object's type) is left out, the guess that keeps real code
/// quiet (docs/limitations.md, "Calls through function values").
static bool sinkAppliesToValue(const CatalogEntry &E) {
  return E.Kind == CatalogEntryKind::Sink && E.WhenArg < 0 &&
         E.ReceiverIn.empty() && !E.Statement && E.FdFrom.empty() &&
         E.ObjectTypeIn.empty();
}

void FunctionAnalyzer::applyCatalogSinksTo(const FunctionDecl *Target,
                                           SourceLocation Loc,
                                           const GivenArgs &Given) {
  std::string Name = catalogName(Target);
  for (const CatalogEntry *E : TU.catalogEntries(Target)) {
    if (!sinkAppliesToValue(*E))
      continue;
    Taint In;
    for (size_t I = 0; I < Given.Args.size(); ++I)
      if (E->Args.contains(static_cast<int>(I)))
        In.merge(Given.Args[I]);
    recordFlow(catalogSinkSite(*E, Name, Loc), In);
  }
}

/// The same sinks for privacy-scan's join, which runs them where a function
/// of another file calls the value: flows of the parameters ("$p0"...)
/// with no site.
void TranslationUnitAnalysis::exportCatalogValueSinks() {
  for (const auto &[Label, Fn] : FunctionLabels) {
    if (hasBody(Fn) || !sinkAnnotationsOf(Fn, Ctx.getSourceManager()).empty())
      continue;
    std::string Name = catalogName(Fn);
    std::vector<SinkFlow> Flows;
    for (const CatalogEntry *E : catalogEntries(Fn)) {
      if (!sinkAppliesToValue(*E))
        continue;
      SinkFlow F;
      F.Site = catalogSinkSite(*E, Name, SourceLocation());
      for (unsigned I = 0; I < Fn->getNumParams(); ++I)
        if (E->Args.contains(static_cast<int>(I)))
          F.Data.add(paramLabel(I), nullptr);
      if (!F.Data.empty())
        Flows.push_back(std::move(F));
    }
    if (!Flows.empty())
      Out->CatalogValueSinks[Fn->getCanonicalDecl()] = std::move(Flows);
  }
}

std::optional<std::vector<unsigned>>
TranslationUnitAnalysis::returnedParams(const FunctionDecl *Target) {
  if (findAnnotation(Target, AnnotationKind::Anonymize))
    return std::vector<unsigned>();
  std::optional<std::vector<unsigned>> Params;
  for (const CatalogEntry *E : catalogEntries(Target)) {
    if (E->Value.K != ValueRef::Return)
      continue;
    if (E->Kind == CatalogEntryKind::Anonymizer && !Params)
      Params.emplace();
    if (E->Kind != CatalogEntryKind::Propagator)
      continue;
    if (!Params)
      Params.emplace();
    for (unsigned I = 0; I < Target->getNumParams(); ++I)
      if (E->Args.contains(static_cast<int>(I)) &&
          std::find(Params->begin(), Params->end(), I) == Params->end())
        Params->push_back(I);
  }
  return Params;
}

void TranslationUnitAnalysis::exportValueReturns() {
  for (const auto &[Label, Fn] : FunctionLabels) {
    if (hasBody(Fn))
      continue;
    if (std::optional<std::vector<unsigned>> Params = returnedParams(Fn))
      Out->ValueReturns[Fn->getCanonicalDecl()] = std::move(*Params);
  }
}

} // namespace privacy::dataflow
