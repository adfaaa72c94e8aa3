//===- DraftAnnotations.cpp - privacy-scan --suggest ----------------------===//
#include "DraftAnnotations.h"

#include <map>
#include <set>
#include <tuple>

namespace privacy::scan {

using nlohmann::json;

static const char *const UnannotatedCheck = "privacy-unannotated-personal-data";

void addDraftEntries(const summary::TuSummary &Summary,
                     std::vector<DraftEntry> &Into) {
  for (const summary::Finding &F : Summary.Findings)
    if (F.Check == UnannotatedCheck && !F.Category.empty() && F.At)
      Into.push_back({F.Target, F.Category,
                      F.SuggestedItem.empty() ? F.Category : F.SuggestedItem,
                      *F.At});
}

std::vector<DraftEntry> stillReported(std::vector<DraftEntry> Entries,
                                      const json &Inventory) {
  std::set<std::tuple<std::string, unsigned, unsigned>> Kept;
  for (const json &F : Inventory["findings"])
    if (F.value("check", "") == UnannotatedCheck)
      Kept.insert(
          {F.value("file", ""), F.value("line", 0u), F.value("column", 0u)});
  std::vector<DraftEntry> Out;
  for (DraftEntry &E : Entries)
    if (Kept.count({E.At.File, E.At.Line, E.At.Column}))
      Out.push_back(std::move(E));
  return Out;
}

Drafts makeDrafts(const std::vector<DraftEntry> &Entries,
                  const Classifier &Classes, const Policy &P) {
  // By declaration: a header's field is seen by every file that includes it.
  std::map<std::string, const DraftEntry *> ByDecl;
  for (const DraftEntry &E : Entries)
    ByDecl.emplace(E.Decl, &E);
  Drafts D;
  D.Annotations = {
      {"description",
       "Draft written by privacy-scan --suggest: one entry per field or "
       "variable that looks like personal data. Check each item; add the "
       "items of the policy-items draft that the policy lacks, then pass "
       "this file with --annotations (docs/scan.md)."},
      {"annotations", json::array()}};
  json Items = json::object();
  for (const auto &[Decl, E] : ByDecl) {
    D.Annotations["annotations"].push_back({{"decl", Decl}, {"data", E->Item}});
    if (P.item(E->Item) || Items.contains(E->Item))
      continue;
    json Item = json::object();
    if (const ClassifierCategory *C = Classes.category(E->Category)) {
      json Label = json::object();
      if (!C->LabelEn.empty())
        Label["en"] = C->LabelEn;
      if (!C->LabelKo.empty())
        Label["ko"] = C->LabelKo;
      if (!Label.empty())
        Item["label"] = Label;
      if (C->Sensitive)
        Item["sensitive"] = true;
    }
    Items[E->Item] = Item;
  }
  D.NewItems = Items.size();
  D.PolicyItems = {
      {"description",
       "Draft policy items written by privacy-scan --suggest for the "
       "categories found in the code that the policy has no item for: add "
       "them to the policy's \"items\", with the activities that use them."},
      {"items", Items}};
  return D;
}

} // namespace privacy::scan
