//===- Classifier.h - which names and types look like personal data -*- C++
//-*-===//
//
// privacy-unannotated-personal-data judges declarations by their names and
// types. What it looks for is data, not code: the categories of personal
// data (rules/classifiers/*.json, checked against
// rules/schema/classifier.schema.json), each with the name patterns, type
// hints, exclusions and policy item ids that stand for it. Users add files
// of their own (docs/checks/unannotated-personal-data.md). No Clang here:
// the check peels the types, this code matches names.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_CLASSIFIER_H
#define PRIVACY_CLASSIFIER_H

#include "privacy/Policy.h"
#include "privacy/PolicyLoader.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privacy {

/// The words of an identifier: lower-case ASCII words split at '_' and
/// other punctuation, at lower→upper case changes, at the end of an acronym
/// ("IPAddress" → ip, address) and between letters and digits; a run of
/// non-ASCII characters (Hangul) is one word, kept as written. Member
/// prefixes carry no meaning and are dropped: a leading "m", "g", "s" or
/// "k" word, then a Hungarian type prefix ("m_sNick" → nick).
std::vector<std::string> identifierWords(const std::string &Name);

/// One name pattern of a classifier file (docs: "Name patterns").
struct NamePattern {
  std::string Text;               // as written, for messages
  std::vector<std::string> Words; // ASCII words, or one non-ASCII word
  bool AtStart = false;           // "^is": the name's first word
  bool AtEnd = false;             // "hash$": the name's last word
  bool Inside = false;            // "*passwd*": inside one word
  bool NonAscii = false;          // "이메일": inside a non-ASCII word
};

struct ClassifierCategory {
  std::string Id;               // "email": also the item a draft policy gets
  std::string Looks;            // "an e-mail address"
  std::string LabelEn, LabelKo; // for draft policy items
  bool Sensitive = false;       // GDPR Art. 9/10, PIPA Art. 23/24
  std::vector<NamePattern> Names;
  std::vector<std::string> Types; // qualified type names
  std::vector<NamePattern> Exclude;
  std::vector<std::string> PolicyItems; // policy item ids that stand for it
  std::string File;                     // where it is defined, for messages
  unsigned Line = 0, Column = 0;
};

/// What a name or type looks like.
struct Classification {
  const ClassifierCategory *Category = nullptr;
  bool ByType = false; // a type hint, not the name
};

class Classifier {
public:
  /// The category \p Words look like, unless an exclusion says the name
  /// only talks about the data ("emailTemplateId", "phoneVerified").
  /// Words that the category's own pattern covers never exclude it
  /// ("accountKey" is a credential although "key" alone excludes).
  const ClassifierCategory *
  classifyWords(const std::vector<std::string> &Words) const;
  /// Same for an identifier.
  const ClassifierCategory *classifyName(const std::string &Name) const;
  /// The category whose type hints name \p QualifiedType ("in_addr",
  /// "boost::asio::ip::address"), or null.
  const ClassifierCategory *
  classifyType(const std::string &QualifiedType) const;
  /// True when an exclusion matches \p Words (for names classified by
  /// their type: "serverAddr" of type sockaddr_in).
  bool excluded(const std::vector<std::string> &Words,
                const ClassifierCategory &C) const;

  /// The items of \p P that stand for \p C: listed in its "policy_items",
  /// or whose id or English label is classified as \p C.
  std::vector<std::string> policyItemsFor(const ClassifierCategory &C,
                                          const Policy &P) const;

  const std::vector<ClassifierCategory> &categories() const {
    return Categories;
  }
  const ClassifierCategory *category(const std::string &Id) const;
  /// Adds the categories and exclusions of \p Other; a category with an id
  /// already known extends it (more names, types, exclusions, items).
  void merge(const Classifier &Other);

private:
  friend class ClassifierReader;
  std::vector<ClassifierCategory> Categories;
  std::vector<NamePattern> Exclusions; // for every category
};

struct ClassifierLoadResult {
  std::shared_ptr<const Classifier> Loaded; // null on any error
  std::vector<PolicyDiagnostic> Diagnostics;
  bool ok() const { return Loaded != nullptr; }
};

/// Loads one classifier file: JSON syntax, the schema, then the patterns
/// (each problem with file, line and column).
ClassifierLoadResult loadClassifierFile(const std::string &Path);
ClassifierLoadResult parseClassifier(const std::string &Text,
                                     const std::string &Path);
/// Every *.json of \p Dir (sorted by name), then each extra file, merged.
ClassifierLoadResult loadClassifiers(const std::string &Dir,
                                     const std::vector<std::string> &Extra);
/// Same, cached per process (thread-safe); reloaded when a file changes.
std::shared_ptr<const ClassifierLoadResult>
loadClassifiersCached(const std::string &Dir,
                      const std::vector<std::string> &Extra);
/// The shipped rules/classifiers directory, found as defaultApiCatalogDir
/// finds rules/sinks ($PRIVACY_TIDY_RULES_DIR/classifiers when set).
std::string defaultClassifierDir();

} // namespace privacy

#endif // PRIVACY_CLASSIFIER_H
