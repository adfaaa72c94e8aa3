//===- PrivacyDiff.cpp - what a change does to privacy --------------------===//
#include "PrivacyDiff.h"

#include <map>
#include <set>
#include <tuple>

namespace privacy::scan {

using nlohmann::json;

namespace {

//===--- reading an inventory (the edge) ----------------------------------===//

std::string str(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : "";
}
unsigned num(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_number_unsigned() ? It->get<unsigned>() : 0;
}
bool flag(const json &J, const char *Key, bool Default) {
  auto It = J.find(Key);
  return It != J.end() && It->is_boolean() ? It->get<bool>() : Default;
}
const json &arr(const json &J, const char *Key) {
  static const json Empty = json::array();
  auto It = J.find(Key);
  return It != J.end() && It->is_array() ? *It : Empty;
}
DiffSite siteOf(const json &J) {
  return {str(J, "file"), num(J, "line"), num(J, "column"), str(J, "function")};
}
std::vector<DiffSite> sitesOf(const json &J) {
  std::vector<DiffSite> Out;
  for (const json &S : J)
    Out.push_back(siteOf(S));
  return Out;
}

/// What compares two reaches: lines do not count.
using ReachKey = std::tuple<ReachKind, std::string, std::string, std::string,
                            std::string>; // kind, item, target, file, function

/// An inventory as the diff reads it.
struct View {
  std::set<std::string> Handled; // items the code declares or uses
  std::map<ReachKey, ReachChange> Reaches;
  std::map<std::string, DestinationChange> Recipients, Countries;
  std::map<std::tuple<std::string, std::string, std::string>, EraseChange>
      Erase;                                     // store, function, file
  std::map<std::string, FindingChange> Findings; // by fingerprint
};

void addReach(View &V, ReachKind Kind, const std::string &Item,
              const std::string &Target, const std::string &Country,
              bool Allowed, const json &Sites) {
  for (DiffSite S : sitesOf(Sites)) {
    ReachKey Key{Kind, Item, Target, S.File, S.Function};
    auto [It, New] = V.Reaches.try_emplace(Key);
    if (New) {
      It->second.Kind = Kind;
      It->second.Item = Item;
      It->second.Target = Target;
      It->second.Country = Country;
      It->second.Allowed = Allowed;
    }
    It->second.Sites.push_back(std::move(S));
  }
}

View viewOf(const json &Inv) {
  View V;
  for (const json &I : arr(Inv, "items")) {
    std::string Id = str(I, "id");
    bool Handled = !arr(I, "declarations").empty();
    for (const json &P : arr(I, "purposes")) {
      addReach(V, ReachKind::Purpose, Id, str(P, "id"), "",
               flag(P, "allowed", true), arr(P, "uses"));
      Handled = true;
    }
    for (const json &R : arr(I, "recipients")) {
      addReach(V, ReachKind::Recipient, Id, str(R, "id"), str(R, "country"),
               flag(R, "declared_for_item", true), arr(R, "sites"));
      Handled = true;
    }
    for (const json &S : arr(I, "stores")) {
      addReach(V, ReachKind::Store, Id, str(S, "id"), "",
               flag(S, "declared_for_item", true), arr(S, "sites"));
      Handled = true;
    }
    addReach(V, ReachKind::Log, Id, "", "", true, arr(I, "logs"));
    addReach(V, ReachKind::Network, Id, "", "", true, arr(I, "network"));
    Handled |= !arr(I, "logs").empty() || !arr(I, "network").empty();
    if (Handled)
      V.Handled.insert(Id);
  }
  for (const json &R : arr(Inv, "recipients")) {
    const json &Items = arr(R, "items_reaching");
    if (Items.empty())
      continue;
    DestinationChange D{str(R, "id"), str(R, "country"), {}};
    for (const json &I : Items)
      if (I.is_string())
        D.Items.push_back(I.get<std::string>());
    if (!D.Country.empty()) {
      DestinationChange &C = V.Countries[D.Country];
      C.Id = C.Country = D.Country;
      C.Items.insert(C.Items.end(), D.Items.begin(), D.Items.end());
    }
    V.Recipients[D.Id] = std::move(D);
  }
  for (auto &[Code, C] : V.Countries) {
    std::set<std::string> Unique(C.Items.begin(), C.Items.end());
    C.Items.assign(Unique.begin(), Unique.end());
  }
  for (const json &S : arr(Inv, "stores"))
    for (const json &E : arr(S, "erase_functions")) {
      DiffSite At = siteOf(E);
      // The erasing function is the annotated declaration.
      if (std::string Symbol = str(E, "symbol"); !Symbol.empty())
        At.Function = Symbol;
      V.Erase[{str(S, "id"), At.Function, At.File}] = {str(S, "id"), At};
    }
  for (const json &F : arr(Inv, "findings")) {
    FindingChange C;
    C.Fingerprint = str(F, "fingerprint");
    C.Check = str(F, "check");
    C.Message = str(F, "message");
    C.Item = str(F, "item");
    C.Target = str(F, "target");
    C.At = siteOf(F);
    C.Baselined = flag(F, "baselined", false);
    V.Findings.emplace(C.Fingerprint, std::move(C));
  }
  return V;
}

/// What is in \p From and not in \p Other, by key.
template <typename Map>
std::vector<typename Map::mapped_type> onlyIn(const Map &From,
                                              const Map &Other) {
  std::vector<typename Map::mapped_type> Out;
  for (const auto &[Key, Value] : From)
    if (!Other.count(Key))
      Out.push_back(Value);
  return Out;
}

} // namespace

size_t PrivacyDiff::newFindingsOutsideBaseline() const {
  size_t N = 0;
  for (const FindingChange &F : NewFindings)
    N += !F.Baselined;
  return N;
}

size_t PrivacyDiff::processingChanges() const {
  return Items.size() + Reaches.size() + Recipients.size() + Countries.size() +
         ErasePaths.size();
}

PrivacyDiff comparePrivacy(const json &Base, const json &Head,
                           const std::string &BasePath) {
  View B = viewOf(Base), H = viewOf(Head);
  PrivacyDiff D;
  D.BasePath = BasePath;
  for (const std::string &Id : H.Handled)
    if (!B.Handled.count(Id))
      D.Items.Added.push_back(Id);
  for (const std::string &Id : B.Handled)
    if (!H.Handled.count(Id))
      D.Items.Dropped.push_back(Id);
  D.Reaches = {onlyIn(H.Reaches, B.Reaches), onlyIn(B.Reaches, H.Reaches)};
  D.Recipients = {onlyIn(H.Recipients, B.Recipients),
                  onlyIn(B.Recipients, H.Recipients)};
  D.Countries = {onlyIn(H.Countries, B.Countries),
                 onlyIn(B.Countries, H.Countries)};
  D.ErasePaths = {onlyIn(H.Erase, B.Erase), onlyIn(B.Erase, H.Erase)};
  D.NewFindings = onlyIn(H.Findings, B.Findings);
  D.FixedFindings = onlyIn(B.Findings, H.Findings);
  D.UnchangedFindings = H.Findings.size() - D.NewFindings.size();
  return D;
}

//===--- JSON -------------------------------------------------------------===//

namespace {

const char *reachKindName(ReachKind K) {
  switch (K) {
  case ReachKind::Purpose:
    return "purpose";
  case ReachKind::Recipient:
    return "recipient";
  case ReachKind::Store:
    return "store";
  case ReachKind::Log:
    return "log";
  case ReachKind::Network:
    return "network";
  }
  return "log";
}

json siteJson(const DiffSite &S) {
  json J = {{"file", S.File}, {"line", S.Line}, {"column", S.Column}};
  if (!S.Function.empty())
    J["function"] = S.Function;
  return J;
}

json reachJson(const ReachChange &R) {
  json J = {{"kind", reachKindName(R.Kind)}, {"item", R.Item}};
  if (!R.Target.empty())
    J["target"] = R.Target;
  if (!R.Country.empty())
    J["country"] = R.Country;
  if (R.Kind == ReachKind::Purpose)
    J["allowed"] = R.Allowed;
  if (R.Kind == ReachKind::Recipient || R.Kind == ReachKind::Store)
    J["declared_for_item"] = R.Allowed;
  J["sites"] = json::array();
  for (const DiffSite &S : R.Sites)
    J["sites"].push_back(siteJson(S));
  return J;
}

json destinationJson(const DestinationChange &D, bool Recipient) {
  json J = {{"id", D.Id}, {"items", D.Items}};
  if (Recipient && !D.Country.empty())
    J["country"] = D.Country;
  return J;
}

json findingJson(const FindingChange &F) {
  json J = siteJson(F.At);
  J["fingerprint"] = F.Fingerprint;
  J["check"] = F.Check;
  J["message"] = F.Message;
  if (!F.Item.empty())
    J["item"] = F.Item;
  if (!F.Target.empty())
    J["target"] = F.Target;
  J["baselined"] = F.Baselined;
  return J;
}

template <typename T, typename Fn>
json addedDropped(const AddedDropped<T> &AD, Fn ToJson) {
  json J = {{"added", json::array()}, {"dropped", json::array()}};
  for (const T &V : AD.Added)
    J["added"].push_back(ToJson(V));
  for (const T &V : AD.Dropped)
    J["dropped"].push_back(ToJson(V));
  return J;
}

} // namespace

json privacyDiffJson(const PrivacyDiff &D) {
  json J;
  J["format"] = "privacy-tidy/privacy-diff/1";
  J["base"] = D.BasePath;
  J["summary"] = {
      {"new_findings", D.NewFindings.size()},
      {"new_findings_outside_baseline", D.newFindingsOutsideBaseline()},
      {"fixed_findings", D.FixedFindings.size()},
      {"unchanged_findings", D.UnchangedFindings},
      {"processing_changes", D.processingChanges()}};
  J["items"] = addedDropped(D.Items, [](const std::string &S) { return S; });
  J["reaches"] = addedDropped(D.Reaches, reachJson);
  J["recipients"] = addedDropped(D.Recipients, [](const DestinationChange &C) {
    return destinationJson(C, true);
  });
  J["countries"] = addedDropped(D.Countries, [](const DestinationChange &C) {
    return destinationJson(C, false);
  });
  J["erase_paths"] = addedDropped(D.ErasePaths, [](const EraseChange &E) {
    json S = siteJson(E.At);
    S["store"] = E.Store;
    return S;
  });
  J["findings"] = {{"new", json::array()}, {"fixed", json::array()}};
  for (const FindingChange &F : D.NewFindings)
    J["findings"]["new"].push_back(findingJson(F));
  for (const FindingChange &F : D.FixedFindings)
    J["findings"]["fixed"].push_back(findingJson(F));
  return J;
}

//===--- Markdown ---------------------------------------------------------===//

namespace {

/// A pull-request comment stays short: longer lists end with a count.
constexpr size_t MaxLinesPerList = 20;
/// Places shown per line.
constexpr size_t MaxSitesPerLine = 2;

std::string escaped(const std::string &Text) {
  std::string Out;
  for (char C : Text) {
    if (std::string("\\`*_[]<>|#").find(C) != std::string::npos)
      Out += '\\';
    Out += C;
  }
  return Out;
}

std::string code(const std::string &Text) {
  std::string Tick = Text.find('`') == std::string::npos ? "`" : "`` ";
  std::string Close = Tick == "`" ? "`" : " ``";
  return Tick + Text + Close;
}

std::string place(const DiffSite &S) {
  std::string Out = code(S.File + ":" + std::to_string(S.Line));
  if (!S.Function.empty())
    Out = "in " + code(S.Function) + " (" + Out + ")";
  else
    Out = "at " + Out;
  return Out;
}

std::string places(const std::vector<DiffSite> &Sites) {
  std::string Out;
  for (size_t I = 0; I < Sites.size() && I < MaxSitesPerLine; ++I)
    Out += (I ? ", " : " ") + place(Sites[I]);
  if (Sites.size() > MaxSitesPerLine)
    Out += " and " + std::to_string(Sites.size() - MaxSitesPerLine) +
           " more places";
  return Out;
}

std::string reachLine(const ReachChange &R, bool Added) {
  std::string Now = Added ? " is now " : " is no longer ";
  std::string Item = code(R.Item);
  std::string Line;
  switch (R.Kind) {
  case ReachKind::Purpose:
    Line = Item + Now + "used for purpose " + code(R.Target);
    if (Added && !R.Allowed)
      Line += " (**not allowed** by the policy)";
    break;
  case ReachKind::Recipient:
    Line = Item + Now + "sent to recipient " + code(R.Target);
    if (!R.Country.empty())
      Line += " (" + R.Country + ")";
    if (Added && !R.Allowed)
      Line += " (**not declared** for it in the policy)";
    break;
  case ReachKind::Store:
    Line = Item + Now + "written to store " + code(R.Target);
    if (Added && !R.Allowed)
      Line += " (**not declared** for it in the policy)";
    break;
  case ReachKind::Log:
    Line = Item + Now + "logged";
    break;
  case ReachKind::Network:
    Line = Item + Now + "sent over the network (no recipient named)";
    break;
  }
  return "- " + Line + places(R.Sites) + "\n";
}

std::string findingLine(const FindingChange &F) {
  std::string Line = "- **" + escaped(F.Check) + "** " + place(F.At) + ": " +
                     escaped(F.Message);
  if (F.Baselined)
    Line += " (in the baseline)";
  return Line + "\n";
}

/// A section: its title and at most MaxLinesPerList of its lines.
void section(std::string &Out, const std::string &Title,
             const std::vector<std::string> &Lines) {
  if (Lines.empty())
    return;
  Out += "\n### " + Title + "\n\n";
  for (size_t I = 0; I < Lines.size() && I < MaxLinesPerList; ++I)
    Out += Lines[I];
  if (Lines.size() > MaxLinesPerList)
    Out += "- … and " + std::to_string(Lines.size() - MaxLinesPerList) +
           " more (`--format json` lists them all)\n";
}

std::string plural(size_t N, const std::string &One) {
  return std::to_string(N) + " " + One + (N == 1 ? "" : "s");
}

std::string itemsText(const std::vector<std::string> &Items) {
  std::string Out;
  for (const std::string &I : Items)
    Out += (Out.empty() ? "" : ", ") + code(I);
  return Out;
}

} // namespace

std::string renderPrivacyDiffMarkdown(const PrivacyDiff &D) {
  std::string Base = code(D.BasePath);
  if (D.NewFindings.empty() && D.FixedFindings.empty() &&
      D.processingChanges() == 0)
    return "**privacy-scan**: no change to privacy compared with " + Base +
           ": no new or fixed findings, and the code handles personal data "
           "as before.\n";

  std::string Out = "## Privacy review\n\n**privacy-scan** compared with " +
                    Base + ": " + plural(D.NewFindings.size(), "new finding") +
                    ", " + std::to_string(D.FixedFindings.size()) + " fixed, " +
                    plural(D.processingChanges(), "change") +
                    " to how the code handles personal data.\n";

  std::vector<std::string> Lines;
  for (const FindingChange &F : D.NewFindings)
    Lines.push_back(findingLine(F));
  section(Out, "New findings (" + std::to_string(D.NewFindings.size()) + ")",
          Lines);

  // Where data goes first: a new recipient or country is what a privacy
  // policy and its notices must name.
  Lines.clear();
  for (const DestinationChange &C : D.Countries.Added)
    Lines.push_back("- personal data now goes to country **" + escaped(C.Id) +
                    "**: " + itemsText(C.Items) + "\n");
  for (const DestinationChange &R : D.Recipients.Added)
    Lines.push_back("- new recipient " + code(R.Id) +
                    (R.Country.empty() ? "" : " (" + R.Country + ")") + ": " +
                    itemsText(R.Items) + "\n");
  for (const EraseChange &E : D.ErasePaths.Dropped)
    Lines.push_back("- store " + code(E.Store) + " is no longer erased by " +
                    place(E.At) + "\n");
  section(Out, "Where personal data goes", Lines);

  Lines.clear();
  for (const std::string &Id : D.Items.Added)
    Lines.push_back("- the code now handles item " + code(Id) + "\n");
  for (const ReachChange &R : D.Reaches.Added)
    Lines.push_back(reachLine(R, true));
  for (const EraseChange &E : D.ErasePaths.Added)
    Lines.push_back("- store " + code(E.Store) + " is now erased by " +
                    place(E.At) + "\n");
  section(Out, "New processing", Lines);

  Lines.clear();
  for (const std::string &Id : D.Items.Dropped)
    Lines.push_back("- the code no longer handles item " + code(Id) + "\n");
  for (const ReachChange &R : D.Reaches.Dropped)
    Lines.push_back(reachLine(R, false));
  for (const DestinationChange &R : D.Recipients.Dropped)
    Lines.push_back("- no personal data goes to recipient " + code(R.Id) +
                    " any more\n");
  for (const DestinationChange &C : D.Countries.Dropped)
    Lines.push_back("- no personal data goes to country **" + escaped(C.Id) +
                    "** any more\n");
  section(Out, "No longer", Lines);

  Lines.clear();
  for (const FindingChange &F : D.FixedFindings)
    Lines.push_back(findingLine(F));
  section(Out,
          "Fixed findings (" + std::to_string(D.FixedFindings.size()) + ")",
          Lines);
  return Out;
}

} // namespace privacy::scan
