//===- Join.h - the whole program from per-TU summaries --------*- C++ -*-===//
//
// Joins the summaries of every translation unit: purposes propagate down
// the whole call graph (a purpose set in one file covers a callee in
// another), flows cross files through calls into functions defined
// elsewhere, and what only the whole program shows is judged (a store with
// personal data and no PRIVACY_ERASE anywhere). The result is the
// inventory of rules/schema/inventory.schema.json, sorted and with paths
// relative to the project root, so the same input gives the same bytes.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_JOIN_H
#define PRIVACY_SCAN_JOIN_H

#include "privacy/Policy.h"
#include "privacy/summary/TuSummary.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace privacy::scan {

/// How far the join is, for privacy-scan's progress line: \p Done of
/// \p Total steps of \p Stage (Total 0: unknown).
struct JoinProgress {
  const char *Stage;
  size_t Done = 0, Total = 0;
};

struct JoinInput {
  /// Gives the summaries one at a time, in an order that does not change
  /// from one scan to the next, and none at the end. The join merges each
  /// and frees it: it holds what it keeps of the summaries, never all of
  /// them (docs/scan.md, "Large programs").
  std::function<std::optional<summary::TuSummary>()> NextSummary;
  std::vector<std::pair<std::string, std::string>> Failed; // file, error
  size_t TranslationUnits = 0;
  std::string PolicyPath;  // as shown in reports
  std::string ProjectRoot; // as shown in reports
  /// Threads for the walks of the call graph once the summaries are
  /// merged; 0: as many as the machine has. The output does not depend on
  /// it.
  unsigned Jobs = 1;
  /// Called as the join goes; may be empty.
  std::function<void(const JoinProgress &)> Progress;
};

/// Joins the summaries In.NextSummary gives into the inventory. In.Failed
/// is read at the end, so the source may add to it as it goes.
nlohmann::json joinSummaries(JoinInput &In, const Policy &P);

/// An entry of an annotations file that no translation unit matched
/// (SPEC §6): reported once, whatever the number of translation units.
struct UnmatchedAnnotation {
  std::string File; // the annotations file, as the summaries name it
  unsigned Line = 0, Column = 0;
  std::string Decl;
  std::string Why; // why the declarations of that name did not fit, or ""
};

/// Which entries of the annotations files matched nothing in any
/// translation unit: told every summary before the join takes it.
class AnnotationMatches {
public:
  void add(const summary::TuSummary &S);
  /// The entries that matched nothing, by file and entry.
  std::vector<UnmatchedAnnotation> unmatched() const;

private:
  struct Tally {
    size_t Applied = 0; // translation units the file was applied to
    std::map<size_t, std::pair<size_t, summary::UnmatchedEntry>> Entries;
  };
  std::map<std::string, Tally> Files;
};

/// A finding's fingerprint: its check, file and message (no line numbers,
/// so unrelated edits keep it), and its rank among identical ones.
std::string fingerprintOf(const nlohmann::json &Finding, unsigned Occurrence);

/// The version of fingerprintOf: baselines record it, and a baseline of
/// another version is reported (docs/scan.md, "Fingerprints and
/// baselines"). Version 1 hashed the message.
inline constexpr int FingerprintVersion = 2;

/// What a finding's fingerprint is made of (privacy/FindingIdentity.h):
/// never its wording, the policy's contents or a line number.
struct FingerprintFacts {
  std::string Check;
  std::string File; // empty for a finding about the whole program
  std::string Item, Target, Function, CodeHash;
};

/// A finding's fingerprint: its facts and its rank among findings with the
/// same facts, in the order of their places.
std::string fingerprintOf(const FingerprintFacts &Facts, unsigned Occurrence);

} // namespace privacy::scan

#endif // PRIVACY_SCAN_JOIN_H
