//===- SqlStatements.cpp - does the statement a value is bound to write? --===//
//
// A store sink of the API catalog may be conditioned on the SQL statement
// the data is bound to or spelled into (SPEC §6, "statement" in
// rules/schema/sinks.schema.json): `sqlite3_bind_text` into a SELECT reads,
// into an INSERT persists. The statement is the SQL text of the call itself
// (`PQexecParams(conn, "INSERT ...", ...)`), or a handle or query object
// that a "statement" entry of the catalog prepared in the same function
// (`sqlite3_prepare_v2(db, "SELECT ...", -1, &stmt, 0)`,
// `query.prepare("SELECT ...")`). A statement whose text the function does
// not show counts as reading (docs/limitations.md, "SQL statements").
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace privacy::dataflow {

using namespace clang;

namespace {

enum class SqlEffect { Unknown, Reads, Writes };

bool isWritingKeyword(llvm::StringRef Word) {
  return Word.equals_insensitive("insert") ||
         Word.equals_insensitive("update") ||
         Word.equals_insensitive("replace") ||
         Word.equals_insensitive("upsert") || Word.equals_insensitive("merge");
}

/// The words of \p Text, without comments and quoted literals.
std::vector<llvm::StringRef> sqlWords(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Words;
  size_t I = 0;
  while (I < Text.size()) {
    char C = Text[I];
    if (Text.substr(I).starts_with("--")) {
      I = Text.find('\n', I);
      continue;
    }
    if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      I = End == llvm::StringRef::npos ? End : End + 2;
      continue;
    }
    if (C == '\'' || C == '"' || C == '`') {
      size_t End = Text.find(C, I + 1);
      I = End == llvm::StringRef::npos ? End : End + 1;
      continue;
    }
    if (llvm::isAlpha(C) || C == '_') {
      size_t Start = I;
      while (I < Text.size() && (llvm::isAlnum(Text[I]) || Text[I] == '_'))
        ++I;
      Words.push_back(Text.slice(Start, I));
      continue;
    }
    ++I;
  }
  return Words;
}

/// Whether the statement \p Text writes: its first keyword, or for a
/// common table expression (`WITH ... INSERT`) any writing keyword in it.
SqlEffect classifySql(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Words = sqlWords(Text);
  if (Words.empty())
    return SqlEffect::Unknown;
  if (Words.front().equals_insensitive("with")) {
    for (llvm::StringRef W : Words)
      if (isWritingKeyword(W))
        return SqlEffect::Writes;
    return SqlEffect::Reads;
  }
  return isWritingKeyword(Words.front()) ? SqlEffect::Writes : SqlEffect::Reads;
}

/// The first string literal spelled in \p Range of the file, for macros
/// that build strings (QStringLiteral, QLatin1String, tr).
std::optional<std::string>
firstQuoted(SourceRange Range, const SourceManager &SM, const LangOptions &LO) {
  // The whole macro call as written in the file.
  CharSourceRange Spelled = SM.getExpansionRange(Range);
  if (Spelled.isInvalid())
    return std::nullopt;
  llvm::StringRef Text = Lexer::getSourceText(Spelled, SM, LO);
  size_t Open = Text.find('"');
  if (Open == llvm::StringRef::npos)
    return std::nullopt;
  size_t Close = Text.find('"', Open + 1);
  if (Close == llvm::StringRef::npos)
    return std::nullopt;
  return Text.slice(Open + 1, Close).str();
}

/// The SQL text \p E spells, as far as one function shows it: a string
/// literal, a string built from one (`QString("...")`, `"..." + x`,
/// `QString("... %1").arg(x)`), or a constant or local variable
/// initialised with one.
std::optional<std::string> sqlTextOf(const Expr *E, const SourceManager &SM,
                                     const LangOptions &LO, unsigned Depth);

std::optional<std::string> sqlTextOfNode(const Expr *E, const SourceManager &SM,
                                         const LangOptions &LO,
                                         unsigned Depth) {
  if (const auto *SL = dyn_cast<StringLiteral>(E))
    return SL->getCharByteWidth() == 1 ? std::optional(SL->getString().str())
                                       : std::nullopt;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return CE->getNumArgs() ? sqlTextOf(CE->getArg(0), SM, LO, Depth + 1)
                            : std::nullopt;
  if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
    return sqlTextOf(FC->getSubExpr(), SM, LO, Depth + 1);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Plus && OC->getNumArgs() == 2
               ? sqlTextOf(OC->getArg(0), SM, LO, Depth + 1)
               : std::nullopt;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->getOpcode() == BO_Add
               ? sqlTextOf(BO->getLHS(), SM, LO, Depth + 1)
               : std::nullopt;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return sqlTextOf(MC->getImplicitObjectArgument(), SM, LO, Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && VD->getInit() &&
        (VD->getType().isConstQualified() || VD->isLocalVarDecl()))
      return sqlTextOf(VD->getInit(), SM, LO, Depth + 1);
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> sqlTextOf(const Expr *E, const SourceManager &SM,
                                     const LangOptions &LO, unsigned Depth) {
  if (!E || Depth > MaxSqlTextDepth)
    return std::nullopt;
  E = ignoreNoise(E);
  if (std::optional<std::string> Text = sqlTextOfNode(E, SM, LO, Depth))
    return Text;
  // A macro that builds the string (QStringLiteral expands to a lambda).
  if (E->getBeginLoc().isMacroID())
    return firstQuoted(E->getSourceRange(), SM, LO);
  return std::nullopt;
}

SqlEffect sqlEffectOf(const Expr *E, const SourceManager &SM,
                      const LangOptions &LO) {
  std::optional<std::string> Text = sqlTextOf(E, SM, LO, 0);
  return Text ? classifySql(*Text) : SqlEffect::Unknown;
}

/// Whether \p Callee has one of \p Names as its unqualified name, the last
/// part of its catalogName().
bool hasNameIn(const FunctionDecl *Callee, const llvm::StringSet<> &Names) {
  if (!Callee)
    return false;
  DeclarationName Name = Callee->getDeclName();
  if (const IdentifierInfo *Id = Name.getAsIdentifierInfo())
    return Names.contains(Id->getName());
  return Names.contains(Name.getAsString()); // an operator
}

/// Calls \p Each on every call under \p S of a function named in \p Names,
/// with its callee, object and arguments as the transfer functions see
/// them.
void forEachCallOf(const Stmt *S, const llvm::StringSet<> &Names,
                   llvm::function_ref<void(const FunctionDecl *, const Expr *,
                                           llvm::ArrayRef<const Expr *>)>
                       Each) {
  if (!S)
    return;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    if (hasNameIn(MC->getMethodDecl(), Names)) {
      std::vector<const Expr *> Args(MC->arg_begin(), MC->arg_end());
      Each(MC->getMethodDecl(), MC->getImplicitObjectArgument(), Args);
    }
  } else if (const auto *Call = dyn_cast<CallExpr>(S);
             Call && !isa<CXXOperatorCallExpr>(Call)) {
    if (hasNameIn(Call->getDirectCallee(), Names)) {
      std::vector<const Expr *> Args(Call->arg_begin(), Call->arg_end());
      Each(Call->getDirectCallee(), nullptr, Args);
    }
  }
  for (const Stmt *Child : S->children())
    forEachCallOf(Child, Names, Each);
}

/// The last part of a qualified name as the catalog schema spells it
/// (rules/schema/sinks.schema.json, "qualifiedName"): identifiers joined by
/// "::", then a name that may be an operator ("std::operator<<").
llvm::StringRef unqualifiedName(llvm::StringRef Qualified) {
  llvm::StringRef Rest = Qualified;
  for (;;) {
    size_t End = 0;
    while (End < Rest.size() && (llvm::isAlnum(Rest[End]) || Rest[End] == '_'))
      ++End;
    if (End == 0 || !Rest.substr(End).starts_with("::"))
      return Rest;
    Rest = Rest.substr(End + 2);
  }
}

} // namespace

std::optional<std::string> spelledText(const Expr *E, const SourceManager &SM,
                                       const LangOptions &LO) {
  return sqlTextOf(E, SM, LO, 0);
}

llvm::StringSet<> statementFunctionNames(const ApiCatalog &Catalog) {
  llvm::StringSet<> Names;
  for (const CatalogEntry &E : Catalog.entries())
    if (E.Kind == CatalogEntryKind::Statement)
      Names.insert(unqualifiedName(E.Function));
  return Names;
}

void FunctionAnalyzer::collectPreparedStatements(const Stmt *Body) {
  // A walk of the body before the transfer pass, so that a statement
  // prepared anywhere in the function is known at every sink; only calls
  // named as a statement entry's function pay for their catalogName().
  if (!TU.Catalog || TU.StatementFunctionNames.empty())
    return;
  forEachCallOf(Body, TU.StatementFunctionNames,
                [&](const FunctionDecl *Callee, const Expr *Object,
                    llvm::ArrayRef<const Expr *> Args) {
                  for (const CatalogEntry *E : TU.catalogEntries(Callee)) {
                    if (E->Kind != CatalogEntryKind::Statement)
                      continue;
                    const Expr *Handle = catalogTarget(E->Value, Object, Args);
                    const Expr *Sql = catalogTarget(E->Sql, Object, Args);
                    std::optional<Path> P =
                        Handle ? pathOf(Handle) : std::nullopt;
                    if (!P || !Sql)
                      continue; // `query.exec()` runs what was prepared
                    SqlEffect Effect = sqlEffectOf(Sql, SM, Ctx.getLangOpts());
                    PreparedStatements[*P] |= Effect == SqlEffect::Writes;
                  }
                });
}

bool FunctionAnalyzer::statementMayWrite(const CatalogEntry &Sink,
                                         const Expr *Object,
                                         llvm::ArrayRef<const Expr *> Args) {
  // A statement the function does not show writing is taken to read: the
  // guess that keeps real code quiet, where SQL is loaded from files or
  // prepared elsewhere (docs/limitations.md, "SQL statements").
  const Expr *Statement = catalogTarget(*Sink.Statement, Object, Args);
  if (!Statement)
    return false;
  // The SQL text itself, as PQexecParams and QSqlQuery::exec take it.
  SqlEffect Effect = sqlEffectOf(Statement, SM, Ctx.getLangOpts());
  if (Effect != SqlEffect::Unknown)
    return Effect == SqlEffect::Writes;
  // A handle or query object prepared in this function.
  std::optional<Path> P = pathOf(Statement);
  auto It = P ? PreparedStatements.find(*P) : PreparedStatements.end();
  if (It != PreparedStatements.end())
    return It->second;
  return chainStatementWrites(Statement);
}

/// A statement made earlier in the same chain of calls, by a "statement"
/// entry whose value is what it returns: Poco's `session << "INSERT ...",
/// use(x), now` binds x into what `Session::operator<<` returned.
bool FunctionAnalyzer::chainStatementWrites(const Expr *E) {
  for (int Depth = 0; E && Depth < MaxStreamChain; ++Depth) {
    const auto *Call = dyn_cast<CallExpr>(ignoreNoise(E));
    if (!Call)
      return false;
    const Expr *Object = nullptr;
    std::vector<const Expr *> Args(Call->arg_begin(), Call->arg_end());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      Object = MC->getImplicitObjectArgument();
    } else if (isa<CXXOperatorCallExpr>(Call) &&
               isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()) &&
               !Args.empty()) {
      Object = Args.front();
      Args.erase(Args.begin());
    }
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      for (const CatalogEntry *S : TU.catalogEntries(Callee))
        if (S->Kind == CatalogEntryKind::Statement &&
            S->Value.K == ValueRef::Return)
          if (const Expr *Sql = catalogTarget(S->Sql, Object, Args))
            return sqlEffectOf(Sql, SM, Ctx.getLangOpts()) == SqlEffect::Writes;
    E = Object ? Object : (Args.empty() ? nullptr : Args.front());
  }
  return false;
}

} // namespace privacy::dataflow
