//===- SummaryCache.h - per-TU summaries kept between scans ----*- C++ -*-===//
//
// privacy-scan --cache-dir DIR (docs/scan.md, "Incremental scans"): a
// translation unit whose compile command and configuration are those of an
// earlier scan, and every file of which still has the content that scan
// read, is not analysed again: its summary comes from the cache.
//
// An entry is named by the key of its compile command and configuration
// (the analysis itself, the policy, the API catalogs, the annotations
// files, the project root). It lists every file the translation unit read
// with the hash of the text the compiler parsed, and is used only while
// each file still has that content. Why the files and not the preprocessed
// text: docs/scan.md, "Incremental scans".
//
// Entries are written whole or not at all (a temporary file renamed), so
// concurrent scans sharing a directory never see half an entry; an entry
// that is unreadable, of another format or for another key is a miss.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_SUMMARYCACHE_H
#define PRIVACY_SCAN_SUMMARYCACHE_H

#include "privacy/summary/TuSummary.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/BLAKE3.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace privacy::scan {

/// The hash by which the cache compares contents and keys: 32 hex digits
/// (BLAKE3, 128 bits).
std::string contentHash(llvm::StringRef Bytes);

/// Builds a key from parts; each part is framed by its length, so no two
/// different lists of parts give the same key.
class CacheKeyBuilder {
public:
  void add(llvm::StringRef Part);
  /// Adds the content of the file at \p Path, or a mark that it could not
  /// be read (the key then differs from any key of a readable file).
  void addFileContent(const std::string &Path);
  std::string key() const;

private:
  llvm::BLAKE3 Hasher;
};

/// A file a translation unit read, with the hash of the text it parsed.
struct CacheInput {
  std::string Path; // absolute
  std::string Hash; // contentHash of the text
};

/// A summary found in the cache.
struct CachedSummary {
  summary::TuSummary Summary;
  /// Its JSON as privacy-scan writes it (--summaries-dir).
  std::string SummaryText;
  /// The bounds the analysis reached (docs/limitations.md).
  std::vector<std::string> LimitNotes;
};

class SummaryCache {
public:
  /// A cache in the existing directory \p Dir, for scans whose
  /// configuration has the key \p Configuration.
  SummaryCache(std::string Dir, std::string Configuration);

  /// The key of one compile command under this configuration.
  std::string keyOf(llvm::StringRef Directory, llvm::StringRef File,
                    const std::vector<std::string> &CommandLine) const;

  /// The summary stored under \p Key, if every file it read still has the
  /// content it had; nullopt for a miss, whatever the reason.
  std::optional<CachedSummary> lookup(const std::string &Key);

  /// Stores \p SummaryText (the summary's JSON) and \p LimitNotes under
  /// \p Key, with the files the translation unit read.
  std::error_code store(const std::string &Key,
                        const std::vector<CacheInput> &Inputs,
                        const std::string &SummaryText,
                        const std::vector<std::string> &LimitNotes);

  /// The version of the entries' format; an entry of another is a miss.
  static constexpr const char *FormatVersion = "privacy-tidy/scan-cache/1";

private:
  std::string pathOf(const std::string &Key) const;
  /// The hash of the file's content now, or "" when it cannot be read.
  /// Each file is read once per scan: scans do not expect sources to
  /// change under them.
  std::string currentHash(const std::string &Path);

  std::string Dir, Configuration;
  std::mutex Mutex;
  std::map<std::string, std::string> CurrentHashes;
};

} // namespace privacy::scan

#endif // PRIVACY_SCAN_SUMMARYCACHE_H
