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
      // A reference bound to a stream stands for it.
      if (!VD || !VD->getType()->isReferenceType() || !VD->getInit())
        return false;
      E = VD->getInit();
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return false;
    if (Named(Call->getDirectCallee()))
      return true;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call))
      E = OC->getNumArgs() ? OC->getArg(0) : nullptr;
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      E = MC->getImplicitObjectArgument();
    else
      return false;
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
  if (!RD || !RD->hasDefinition())
    return false;
  auto Named = [&](const CXXRecordDecl *C) {
    return std::find(E.ObjectTypeIn.begin(), E.ObjectTypeIn.end(),
                     catalogName(C)) != E.ObjectTypeIn.end();
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
  if (!E.ReceiverIn.empty()) {
    // Free operator<< takes the stream as argument 0.
    const Expr *Stream = Object ? Object : (Args.empty() ? nullptr : Args[0]);
    if (!streamIsReceiver(Stream, E.ReceiverIn))
      return;
  }
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
void FunctionAnalyzer::applyCatalogSinksTo(const FunctionDecl *Target,
                                           SourceLocation Loc,
                                           const GivenArgs &Given) {
  std::string Name = catalogName(Target);
  for (const CatalogEntry *E : TU.catalogEntries(Target)) {
    if (E->Kind != CatalogEntryKind::Sink || E->WhenArg >= 0 ||
        !E->ReceiverIn.empty() || E->Statement || !E->FdFrom.empty() ||
        !E->ObjectTypeIn.empty())
      continue;
    Taint In;
    for (size_t I = 0; I < Given.Args.size(); ++I)
      if (E->Args.contains(static_cast<int>(I)))
        In.merge(Given.Args[I]);
    recordFlow(catalogSinkSite(*E, Name, Loc), In);
  }
}

} // namespace privacy::dataflow
