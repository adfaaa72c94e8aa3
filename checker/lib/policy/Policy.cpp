//===- Policy.cpp - questions the checks ask of a policy ------------------===//
#include "privacy/Policy.h"

#include <algorithm>
#include <set>

namespace privacy {

static constexpr std::pair<Basis, std::string_view> BasisNames[] = {
    {Basis::Consent, "consent"},
    {Basis::Contract, "contract"},
    {Basis::LegalObligation, "legal_obligation"},
    {Basis::VitalInterests, "vital_interests"},
    {Basis::PublicTask, "public_task"},
    {Basis::LegitimateInterests, "legitimate_interests"},
};

std::string_view basisName(Basis B) {
  for (const auto &[Value, Name] : BasisNames)
    if (Value == B)
      return Name;
  return "unknown";
}

std::optional<Basis> parseBasis(std::string_view Name) {
  for (const auto &[Value, Spelling] : BasisNames)
    if (Spelling == Name)
      return Value;
  return std::nullopt;
}

bool IdSet::contains(std::string_view Id) const {
  return All || namesExplicitly(Id);
}

bool IdSet::namesExplicitly(std::string_view Id) const {
  return std::find(Ids.begin(), Ids.end(), Id) != Ids.end();
}

bool Retention::empty() const {
  return Period.empty() && Until.empty() && From.empty() &&
         LegalBasis.empty() && Records.empty() && Text.empty();
}

template <typename Map>
static const typename Map::mapped_type *lookup(const Map &M,
                                               std::string_view Id) {
  auto It = M.find(std::string(Id));
  return It == M.end() ? nullptr : &It->second;
}

template <typename Map> static std::vector<std::string> keys(const Map &M) {
  std::vector<std::string> Out;
  for (const auto &Entry : M)
    Out.push_back(Entry.first);
  return Out;
}

const ItemDef *Policy::item(std::string_view Id) const {
  return lookup(Items, Id);
}
const PurposeDef *Policy::purpose(std::string_view Id) const {
  return lookup(Purposes, Id);
}
const ConsentDef *Policy::consent(std::string_view Id) const {
  return lookup(Consents, Id);
}
const RecipientDef *Policy::recipient(std::string_view Id) const {
  return lookup(Recipients, Id);
}
const StoreDef *Policy::store(std::string_view Id) const {
  return lookup(Stores, Id);
}

std::vector<std::string> Policy::itemIds() const { return keys(Items); }
std::vector<std::string> Policy::purposeIds() const { return keys(Purposes); }
std::vector<std::string> Policy::consentIds() const { return keys(Consents); }
std::vector<std::string> Policy::recipientIds() const {
  return keys(Recipients);
}
std::vector<std::string> Policy::storeIds() const { return keys(Stores); }

std::vector<const Activity *>
Policy::activitiesAllowing(std::string_view Item,
                           std::string_view Purpose) const {
  std::vector<const Activity *> Out;
  for (const Activity &A : Activities)
    if (A.Items.contains(Item) &&
        std::find(A.Purposes.begin(), A.Purposes.end(), Purpose) !=
            A.Purposes.end())
      Out.push_back(&A);
  return Out;
}

std::vector<std::string>
Policy::purposesAllowedFor(std::string_view Item) const {
  std::set<std::string> Out;
  for (const Activity &A : Activities)
    if (A.Items.contains(Item))
      Out.insert(A.Purposes.begin(), A.Purposes.end());
  return {Out.begin(), Out.end()};
}

std::vector<std::string>
Policy::consentsRequiredFor(std::string_view Item,
                            std::string_view Purpose) const {
  std::set<std::string> Consents;
  for (const Activity *A : activitiesAllowing(Item, Purpose)) {
    if (A->LegalBasis != Basis::Consent)
      return {};
    Consents.insert(A->Consent);
  }
  return {Consents.begin(), Consents.end()};
}

std::string joinIds(const std::vector<std::string> &Ids) {
  if (Ids.empty())
    return "none";
  std::string Out;
  for (const std::string &Id : Ids) {
    if (!Out.empty())
      Out += ", ";
    Out += Id;
  }
  return Out;
}

} // namespace privacy
