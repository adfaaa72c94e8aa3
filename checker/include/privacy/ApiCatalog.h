//===- ApiCatalog.h - what third-party functions do with data --*- C++ -*-===//
//
// Code that cannot be annotated (libcurl, sockets, stdio, syslog, spdlog,
// SQLite...) is described by catalog files, rules/sinks/*.json, validated
// against rules/schema/sinks.schema.json: which functions are sources of a
// policy item, sinks (transfer, store, log, unknown network), propagators
// and anonymisers, by qualified name and argument index, in the spirit of
// the Clang Static Analyzer's taint configuration.
//
// No Clang here: names are matched by the analysis (see catalogName()).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_APICATALOG_H
#define PRIVACY_APICATALOG_H

#include "privacy/PolicyLoader.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privacy {

/// Which value of a call an entry speaks of.
struct ValueRef {
  enum Kind { Return, Argument, Object }; // Object: the implicit `this`
  Kind K = Return;
  int Index = 0; // for Argument
};

/// A set of arguments: listed indices, and every index from VariadicFrom
/// on (-1: none). All arguments: VariadicFrom = 0.
struct ArgumentSet {
  std::vector<int> Indices;
  int VariadicFrom = -1;
  bool contains(int Index) const;
};

enum class CatalogEntryKind { Source, Sink, Propagator, Anonymizer, Statement };
enum class CatalogSinkKind { Transfer, Store, Log, Network };

struct CatalogEntry {
  std::string Function; // qualified, without template arguments:
                        // "curl_easy_setopt", "spdlog::logger::info",
                        // "std::operator<<"
  CatalogEntryKind Kind = CatalogEntryKind::Sink;

  // Source: `Value` of each call is personal data item `Item`.
  std::string Item;
  ValueRef Value;

  // Sink: what flows into `Args` (or the object) goes to the sink.
  CatalogSinkKind Sink = CatalogSinkKind::Log;
  std::string Target;  // recipient (Transfer) or store (Store) id; may be
                       // empty for Store ("an unnamed store")
  std::string Country; // Transfer: where the API sends it, optional
  ArgumentSet Args;
  bool IncludesObject = false; // the implicit object flows in too

  // Sink and propagator condition: argument `WhenArg` is a constant (an
  // enumerator or macro spelled in the call) named in `WhenIn`;
  // WhenArg < 0: no condition.
  int WhenArg = -1;
  std::vector<std::string> WhenIn;

  // Sink condition for streams: the stream object (the implicit object, or
  // the first argument of a free operator<<, through chained calls) is one
  // of these variables ("std::cout"), or what a call of one of these
  // functions returned ("google::LogMessage::stream"), directly or through
  // a reference variable initialised with it.
  std::vector<std::string> ReceiverIn;

  // Sink condition for streams: the stream (found as for ReceiverIn) is a
  // variable or temporary constructed over an object of one of these
  // classes or of a class derived from one, given by pointer or reference
  // ("QFileDevice": `QTextStream out(&file)` writes to a file;
  // `QTextStream out(&text)` into a string).
  std::vector<std::string> ReceiverOver;

  // Sink condition for text commands: the first word of the text of
  // argument `CommandArg` is one of `CommandIn`, compared without case
  // ("SET", "HSET": Redis commands that write). A text the call does not
  // show (built at run time) meets the condition (docs/limitations.md,
  // "Sinks"). CommandArg < 0: no condition.
  int CommandArg = -1;
  std::vector<std::string> CommandIn;

  // Sink and propagator condition: the implicit object is of one of these
  // classes or derives from one ("QFileDevice": QIODevice::write on a file,
  // not on a socket).
  std::vector<std::string> ObjectTypeIn;

  // Sink condition for file descriptors: argument 0 comes from a call of
  // one of these functions ("socket", "accept"), so write(2) is a network
  // sink only on a socket.
  std::vector<std::string> FdFrom;

  // Store sink condition: the SQL statement the data is bound to or spelled
  // into (the text itself, or a handle a Statement entry prepared). Only a
  // statement that writes persists; one whose text the function does not
  // show counts as reading (docs/limitations.md, "SQL statements").
  std::optional<ValueRef> Statement;

  // Propagator: what flows into `Args` (and the object) reaches `Value`.
  // Anonymizer: `Value` is clean whatever flows in.
  // Statement: the SQL text `Sql` is prepared or run as the statement
  // `Value` (a handle or a query object).
  ValueRef Sql;

  // Propagator: `Value` holds only what flows in afterwards; what it held
  // before is gone (`s.assign(x)`, `s.clear()`, `p.reset()`). Nothing may
  // flow in: then the call empties `Value`.
  bool Overwrites = false;

  // Where the entry was read, for messages: "rules/sinks/libcurl.json:12:5"
  std::string DeclaredAt;
  std::string Note; // the entry's "description", if any
};

class ApiCatalog {
public:
  ApiCatalog() = default;
  // The index points into Entries: a copy indexes its own entries; a move
  // keeps the vector's buffer, hence the pointers.
  ApiCatalog(const ApiCatalog &Other);
  ApiCatalog &operator=(const ApiCatalog &Other);
  ApiCatalog(ApiCatalog &&) = default;
  ApiCatalog &operator=(ApiCatalog &&) = default;

  /// Entries for a qualified function name (empty when none).
  const std::vector<const CatalogEntry *> &
  lookup(const std::string &Name) const;
  const std::vector<CatalogEntry> &entries() const { return Entries; }
  bool empty() const { return Entries.empty(); }

  /// Adds the entries of \p Other (user catalogs extend the shipped ones).
  void merge(const ApiCatalog &Other);

private:
  friend struct ApiCatalogLoader;
  void index();
  std::vector<CatalogEntry> Entries;
  std::map<std::string, std::vector<const CatalogEntry *>> ByName;
};

struct ApiCatalogLoadResult {
  std::shared_ptr<const ApiCatalog> Loaded; // null when any error was found
  std::vector<PolicyDiagnostic> Diagnostics;
  bool ok() const { return Loaded != nullptr; }
};

/// Loads one catalog file (syntax, schema, then sanity checks such as an
/// argument index used twice), reporting every problem with file, line and
/// column like the policy loader. The schema checks each entry's shape
/// (an index listed twice in "args" included); the loader then rejects what
/// it cannot express: the constant tested by "when" listed among the data
/// arguments, a sink or propagator into which nothing flows, a propagator
/// that copies a value onto itself; and warns about an entry that repeats
/// an earlier one of the file (the repeat is dropped).
ApiCatalogLoadResult loadApiCatalogFile(const std::string &Path);
ApiCatalogLoadResult parseApiCatalog(const std::string &Text,
                                     const std::string &Path);

/// Loads every *.json in \p Dir (sorted by name) and each extra file, and
/// merges them. Errors of any file make the result fail.
ApiCatalogLoadResult loadApiCatalogs(const std::string &Dir,
                                     const std::vector<std::string> &Extra);

/// Same, cached per process (thread-safe) by the directory and file list.
std::shared_ptr<const ApiCatalogLoadResult>
loadApiCatalogsCached(const std::string &Dir,
                      const std::vector<std::string> &Extra);

/// The rules/sinks directory of this build or install: $PRIVACY_TIDY_RULES_DIR
/// + "/sinks" when that variable is set (even if it does not exist, so that
/// a wrong setting shows). Else found from the file this code was loaded
/// from (libprivacy-tidy.so, or the executable it is linked into), the
/// first existing of <dir>/../rules/sinks, <dir>/../../rules/sinks (the
/// source tree seen from build/lib and build/bin) and
/// <dir>/../share/privacy-tidy/rules/sinks (installed). "" when none is.
std::string defaultApiCatalogDir();
/// What the fronts say when defaultApiCatalogDir() is "": the checks then
/// see only annotations, not the library calls the catalogs describe.
inline constexpr const char *MissingRulesMessage =
    "the shipped rules (rules/sinks) were not found beside this plugin: "
    "calls of libraries (logging, HTTP, SQL) are not checked; set "
    "PRIVACY_TIDY_RULES_DIR to the rules directory";
/// The directory rules/<Name> of this build or install, found the same way
/// (rules/classifiers: Classifier.h).
std::string defaultRulesSubdirectory(const std::string &Name);
/// The files a loader of rules reads, in order: the *.json regular files of
/// \p Dir (by file name; none when \p Dir is ""), then \p Extra. A
/// diagnostic naming \p Dir, worded with \p Kind ("catalog",
/// "classifier"), when it is missing, not a directory or cannot be listed.
std::vector<std::string> rulesFiles(const std::string &Dir,
                                    const std::string &Kind,
                                    const std::vector<std::string> &Extra,
                                    std::vector<PolicyDiagnostic> &Problems);

} // namespace privacy

#endif // PRIVACY_APICATALOG_H
