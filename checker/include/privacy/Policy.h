//===- Policy.h - the privacy policy as the analysis sees it ---*- C++ -*-===//
//
// A loaded, validated policy (SPEC §2) and the questions the checks ask of
// it. Loading lives in PolicyLoader.h; this header has no JSON in it so that
// every analysis file can include it cheaply.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_POLICY_H
#define PRIVACY_POLICY_H

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privacy {

/// Text in one or more languages. A plain JSON string is stored under "".
using Label = std::map<std::string, std::string>;

enum class Basis {
  Consent,
  Contract,
  LegalObligation,
  VitalInterests,
  PublicTask,
  LegitimateInterests
};
std::string_view basisName(Basis B);
std::optional<Basis> parseBasis(std::string_view Name);

/// A list of ids from the policy where "*" means every id.
struct IdSet {
  bool All = false;
  std::vector<std::string> Ids; // without "*"
  bool contains(std::string_view Id) const;
  bool namesExplicitly(std::string_view Id) const;
};

/// Where in the policy file something was declared: a JSON pointer.
struct PolicyLocation {
  std::string Pointer;
  unsigned Line = 0, Column = 0;
};

struct Described {
  std::string Id;
  Label Name; // "label"
  Label Description;
  PolicyLocation Where;
};

struct PurposeDef : Described {};
struct ItemDef : Described {
  std::string Category;
};
struct ConsentDef : Described {
  std::string GivenBy = "data_subject";
  int AppliesBelowAge = 0; // 0: every data subject
};

struct Retention {
  std::string Period; // ISO 8601 duration, may be empty
  Label Until, From, LegalBasis, Records, Text;
  bool empty() const;
};

struct Activity {
  std::string Id;
  Label Name, Description;
  Basis LegalBasis = Basis::Contract;
  std::string Consent; // when LegalBasis == Consent
  bool Required = false;
  IdSet Items;
  std::vector<std::string> Purposes;
  PolicyLocation Where;
};

struct RecipientDef : Described {
  std::string Role; // processor | third_party
  std::string Country;
  std::string Contact;
  IdSet Items;
  IdSet Purposes;
  /// Whether the policy lists the recipient's purposes; without the key it
  /// may receive data for any purpose.
  bool PurposesListed = false;
  Label Task, RecipientPurpose, Method, Timing;
  Retention Keep;
};

struct StoreDef : Described {
  IdSet Items;
  Retention Keep;
};

/// The store id that stands for every log sink (SPEC §2).
inline constexpr std::string_view LogsStoreId = "logs";

class Policy {
public:
  std::string Path;
  Label ControllerName;
  std::string ControllerCountry;
  std::map<std::string, PurposeDef> Purposes;
  std::map<std::string, ItemDef> Items;
  std::map<std::string, ConsentDef> Consents;
  std::vector<Activity> Activities;
  std::map<std::string, RecipientDef> Recipients;
  std::map<std::string, StoreDef> Stores;

  const ItemDef *item(std::string_view Id) const;
  const PurposeDef *purpose(std::string_view Id) const;
  const ConsentDef *consent(std::string_view Id) const;
  const RecipientDef *recipient(std::string_view Id) const;
  const StoreDef *store(std::string_view Id) const;

  /// Activities that list both \p Item and \p Purpose.
  std::vector<const Activity *>
  activitiesAllowing(std::string_view Item, std::string_view Purpose) const;
  bool allows(std::string_view Item, std::string_view Purpose) const {
    return !activitiesAllowing(Item, Purpose).empty();
  }
  /// Every purpose some activity allows \p Item for, sorted.
  std::vector<std::string> purposesAllowedFor(std::string_view Item) const;
  /// Consents that would allow \p Item for \p Purpose when every activity
  /// allowing it has basis consent; empty when some other basis allows it.
  std::vector<std::string> consentsRequiredFor(std::string_view Item,
                                               std::string_view Purpose) const;
  /// Whether \p R may receive data sent for \p Purpose.
  static bool recipientAllowsPurpose(const RecipientDef &R,
                                     std::string_view Purpose) {
    return !R.PurposesListed || R.Purposes.contains(Purpose);
  }
  bool isAbroad(const RecipientDef &R) const {
    return R.Country != ControllerCountry;
  }

  std::vector<std::string> itemIds() const;
  std::vector<std::string> purposeIds() const;
  std::vector<std::string> consentIds() const;
  std::vector<std::string> recipientIds() const;
  std::vector<std::string> storeIds() const;
};

/// Joins ids as "a, b, c" (or "none" when empty) for messages.
std::string joinIds(const std::vector<std::string> &Ids);

} // namespace privacy

#endif // PRIVACY_POLICY_H
