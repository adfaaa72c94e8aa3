//===- PrivacyDiff.h - what a change does to privacy -----------*- C++ -*-===//
//
// privacy-scan --compare BASE.json (SPEC §7, docs/review.md) compares the
// inventory of the base of a change with the inventory of its head and
// says what the change does to privacy as a reviewer reads it: items the
// code starts or stops handling, what each item is newly used for, sent to,
// written to or logged by, recipients and countries, erase paths, and new
// and fixed findings. The diff is typed data; JSON (privacy-diff.schema.json)
// and Markdown are made from it at the edge.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_PRIVACYDIFF_H
#define PRIVACY_SCAN_PRIVACYDIFF_H

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace privacy::scan {

/// A place in the code: lines are shown, never compared.
struct DiffSite {
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Function; // the function it is in, when known
};

/// What an item can reach or be used for.
enum class ReachKind { Purpose, Recipient, Store, Log, Network };

/// An item newly used for a purpose, sent to a recipient, written to a
/// store, logged or sent over the network, in one function; or no longer.
/// Places count by file and function, not by line, so code that only moves
/// is no change.
struct ReachChange {
  ReachKind Kind = ReachKind::Log;
  std::string Item;
  std::string Target;  // purpose, recipient or store id; empty for logs and
                       // the network
  std::string Country; // Recipient: its country, when the policy names it
  bool Allowed = true; // Purpose: whether the policy allows it; Recipient
                       // and Store: whether the policy declares it for the
                       // item
  std::vector<DiffSite> Sites; // in the head when added, in the base when
                               // dropped
};

/// A recipient that personal data reaches, or a country it goes to.
struct DestinationChange {
  std::string Id; // recipient id, or country code
  std::string Country;
  std::vector<std::string> Items; // the items that reach it
};

/// A function marked PRIVACY_ERASE for a store.
struct EraseChange {
  std::string Store;
  DiffSite At; // Function: the erasing function's name
};

struct FindingChange {
  std::string Fingerprint, Check, Message, Item, Target;
  DiffSite At;
  bool Baselined = false; // new, but accepted in the --baseline
};

template <typename T> struct AddedDropped {
  std::vector<T> Added, Dropped;
  bool empty() const { return Added.empty() && Dropped.empty(); }
  size_t size() const { return Added.size() + Dropped.size(); }
};

struct PrivacyDiff {
  std::string BasePath;            // as given
  AddedDropped<std::string> Items; // items the code handles
  AddedDropped<ReachChange> Reaches;
  AddedDropped<DestinationChange> Recipients;
  AddedDropped<DestinationChange> Countries;
  AddedDropped<EraseChange> ErasePaths;
  std::vector<FindingChange> NewFindings, FixedFindings;
  size_t UnchangedFindings = 0;

  /// New findings that the baseline does not accept: what fails CI.
  size_t newFindingsOutsideBaseline() const;
  /// Changes other than findings.
  size_t processingChanges() const;
};

/// The difference from \p Base to \p Head, two inventories
/// (rules/schema/inventory.schema.json) already validated.
PrivacyDiff comparePrivacy(const nlohmann::json &Base,
                           const nlohmann::json &Head,
                           const std::string &BasePath);

/// The diff as rules/schema/privacy-diff.schema.json describes it.
nlohmann::json privacyDiffJson(const PrivacyDiff &D);

/// The diff as a pull-request comment: the most important first (new
/// findings, new recipients and countries), short, and one line when
/// nothing changed.
std::string renderPrivacyDiffMarkdown(const PrivacyDiff &D);

} // namespace privacy::scan

#endif // PRIVACY_SCAN_PRIVACYDIFF_H
