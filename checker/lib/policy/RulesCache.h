//===--- RulesCache.h - loading sets of rules files -----------*- C++ -*-===//
//
// The API catalogs and the classifiers are sets of files (a directory's
// *.json and the user's extra files), merged into one set of rules, that
// every translation unit of a clang-tidy run or a scan needs; they are
// loaded once per set and again only when a file of the set changes,
// appears or goes away.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_POLICY_RULESCACHE_H
#define PRIVACY_POLICY_RULESCACHE_H

#include "privacy/ApiCatalog.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace privacy {

/// Loads \p Dir's rules files and \p Extra (rulesFiles, \p Kind) one by one
/// with \p LoadOne and merges them into one \p Rules; every file's
/// diagnostics are kept, and nothing is loaded when one of them has any.
/// \p Check may add diagnostics about the merged set (true: it is fine).
template <typename LoadResult, typename Rules, typename LoadOneFn,
          typename CheckFn>
LoadResult loadRulesSet(const std::string &Dir, const std::string &Kind,
                        const std::vector<std::string> &Extra,
                        LoadOneFn LoadOne, CheckFn Check) {
  LoadResult Result;
  std::vector<std::string> Files =
      rulesFiles(Dir, Kind, Extra, Result.Diagnostics);
  bool Failed = !Result.Diagnostics.empty();
  auto Merged = std::make_shared<Rules>();
  for (const std::string &File : Files) {
    LoadResult One = LoadOne(File);
    Result.Diagnostics.insert(Result.Diagnostics.end(), One.Diagnostics.begin(),
                              One.Diagnostics.end());
    if (One.ok())
      Merged->merge(*One.Loaded);
    else
      Failed = true;
  }
  if (!Check(*Merged, Result.Diagnostics))
    Failed = true;
  if (!Failed)
    Result.Loaded = std::move(Merged);
  return Result;
}

/// The result of \p Load(Dir, Extra), loaded once per (\p Dir, \p Extra):
/// a set's fingerprint is its list of files (rulesFiles, \p Kind) with their
/// modification times.
template <typename LoadResult, typename LoadFn>
std::shared_ptr<const LoadResult>
loadRulesCached(const std::string &Dir, const std::string &Kind,
                const std::vector<std::string> &Extra, LoadFn Load) {
  using Fingerprint =
      std::vector<std::pair<std::string, std::filesystem::file_time_type>>;
  struct Entry {
    Fingerprint Files;
    std::shared_ptr<const LoadResult> Result;
  };
  static std::mutex CacheMutex;
  static std::map<std::pair<std::string, std::vector<std::string>>, Entry>
      Cache;
  std::vector<PolicyDiagnostic> Ignored;
  Fingerprint Files;
  for (const std::string &File : rulesFiles(Dir, Kind, Extra, Ignored)) {
    std::error_code EC;
    Files.emplace_back(File, std::filesystem::last_write_time(File, EC));
  }
  std::lock_guard<std::mutex> Lock(CacheMutex);
  Entry &Cached = Cache[{Dir, Extra}];
  if (!Cached.Result || Cached.Files != Files) {
    Cached.Result = std::make_shared<const LoadResult>(Load(Dir, Extra));
    Cached.Files = std::move(Files);
  }
  return Cached.Result;
}

} // namespace privacy

#endif // PRIVACY_POLICY_RULESCACHE_H
