//===- Catalog.cpp - calls the API catalog describes ----------------------===//
//
// A call of a function without a body here that rules/sinks/*.json or the
// user's catalogs describe: a sink, a propagator, an anonymizer or a source
// (rules/schema/sinks.schema.json describes the entries).
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

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

/// The stream a chain of << starts from: `std::cout << a << b`.
static const VarDecl *streamRoot(const Expr *E) {
  for (int Depth = 0; E && Depth < MaxStreamChain; ++Depth) {
    E = ignoreNoise(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      E = OC->getNumArgs() ? OC->getArg(0) : nullptr;
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      E = MC->getImplicitObjectArgument();
      continue;
    }
    return nullptr;
  }
  return nullptr;
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

bool FunctionAnalyzer::applyCatalog(const FunctionDecl *Callee,
                                    const Expr *Call, const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args,
                                    Taint &Result) {
  if (!TU.Catalog || !Callee)
    return false;
  const auto &Entries = TU.Catalog->lookup(catalogName(Callee));
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
    const VarDecl *Root = streamRoot(Stream);
    if (!Root ||
        std::find(E.ReceiverIn.begin(), E.ReceiverIn.end(),
                  Root->getQualifiedNameAsString()) == E.ReceiverIn.end())
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
  recordFlow(Site, catalogFlowing(E, Object, Args));
}

} // namespace privacy::dataflow
