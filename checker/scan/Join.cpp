//===- Join.cpp - the whole program from per-TU summaries -----------------===//
#include "Join.h"

#include "privacy/FlowChecks.h"
#include "privacy/Label.h"
#include "privacy/PurposeLimitation.h"
#include "privacy/summary/SummaryJson.h"

#include <deque>
#include <map>
#include <optional>
#include <set>

namespace privacy::scan {

using nlohmann::json;

namespace {

/// \p J's member \p Key, or null (an empty range) when there is none;
/// json::value would copy the whole member.
const json &member(const json &J, const char *Key) {
  static const json None;
  if (!J.is_object())
    return None;
  auto It = J.find(Key);
  return It != J.end() ? *It : None;
}
json &member(json &J, const char *Key) {
  static json None;
  None = nullptr; // whatever a caller did to it last time
  if (!J.is_object())
    return None;
  auto It = J.find(Key);
  return It != J.end() ? *It : None;
}

json labelJson(const Label &L) {
  if (L.empty())
    return nullptr;
  if (L.size() == 1 && L.count(""))
    return L.at("");
  json Out = json::object();
  for (const auto &[Lang, Text] : L)
    Out[Lang.empty() ? "text" : Lang] = Text;
  return Out;
}

json retentionJson(const Retention &R) {
  if (R.empty())
    return nullptr;
  json Out = json::object();
  if (!R.Period.empty())
    Out["period"] = R.Period;
  for (auto [Key, L] : {std::pair<const char *, const Label *>{"until", &R.Until},
                        {"from", &R.From},
                        {"basis", &R.LegalBasis},
                        {"records", &R.Records},
                        {"text", &R.Text}})
    if (!L->empty())
      Out[Key] = labelJson(*L);
  return Out;
}

/// Sets \p Key only when there is something to say: the schema has no
/// nulls.
void put(json &Into, const char *Key, json Value) {
  if (!Value.is_null())
    Into[Key] = std::move(Value);
}

std::string siteKey(const json &Site) {
  if (!Site.is_object())
    return "";
  return Site.value("file", "") + ":" + std::to_string(Site.value("line", 0)) +
         ":" + std::to_string(Site.value("column", 0));
}

bool siteLess(const json &A, const json &B) {
  auto Key = [](const json &S) {
    return std::make_tuple(S.value("file", ""), S.value("line", 0),
                           S.value("column", 0), S.value("function", ""),
                           S.value("symbol", ""));
  };
  return Key(A) < Key(B);
}

json sortedSites(std::vector<json> Sites) {
  std::sort(Sites.begin(), Sites.end(), siteLess);
  json Out = json::array();
  std::string Last;
  for (json &S : Sites) {
    std::string K = siteKey(S) + S.value("function", "") + S.value("symbol", "");
    if (K == Last)
      continue;
    Last = K;
    Out.push_back(std::move(S));
  }
  return Out;
}

json note(const json &Site, const std::string &Message) {
  json N = Site.is_object() ? Site : json{{"file", ""}, {"line", 0}, {"column", 0}};
  N.erase("function");
  N.erase("symbol");
  N["message"] = Message;
  return N;
}

SinkKind sinkKindOf(const std::string &Name) {
  if (Name == "transfer")
    return SinkKind::Transfer;
  if (Name == "store")
    return SinkKind::Store;
  if (Name == "network")
    return SinkKind::Network;
  if (Name == "purpose")
    return SinkKind::Purpose;
  return SinkKind::Log;
}

std::string declaredNote(const json &Flow) {
  std::string Kind = Flow.value("kind", "");
  if (Kind == "transfer")
    return "recipient '" + Flow.value("target", "") + "' is declared here";
  if (Kind == "store")
    return "store '" + Flow.value("target", "") + "' is declared here";
  if (Kind == "purpose")
    return "purpose '" + Flow.value("target", "") + "' is declared here";
  return "logging is declared here";
}

class Joiner {
public:
  Joiner(JoinInput &In, const Policy &P) : In(In), P(P) {}
  json run();

private:
  void addFinding(json F) {
    std::string Key = F.value("check", "") + "|" + siteKey(F) + "|" +
                      F.value("message", "");
    Findings.emplace(Key, std::move(F));
  }
  void inheritedPurposes();
  std::map<std::string, std::set<std::string>> entryConsents();
  void judgeInheritedConsent(const PurposedUse &U, const json &Read,
                             const std::map<std::string, std::set<std::string>> &Entry,
                             const std::string &EntryUsr,
                             const std::string &ReaderUsr,
                             const std::vector<json> &Chain);
  bool crossFileFlows();
  bool resolveIndirectCalls();
  bool resolveReturns();
  void resolveIndirectCall(const std::string &Owner, const json &IC,
                           const std::string &Callee, const json &Args,
                           const json &ArgFields, int Depth);
  void addCallTo(const std::string &Caller, const std::string &Target,
                 const json &Site, const json &Consents, const json &Args,
                 const json &ArgFields);
  void judgeFlowItem(const json &Flow, const std::string &Item,
                     const json &Trace);
  json inventory();

  JoinInput &In;
  const Policy &P;
  std::map<std::string, json> Findings;
  std::map<std::string, json> Functions; // by USR
  std::map<std::string, std::vector<json>> Flows; // by USR, incl. joined
  /// Virtual method USR → the USRs of its overrides seen in any file.
  std::map<std::string, std::vector<std::string>> Overriders;
  /// The callee itself and every override a virtual call of it may run.
  std::vector<std::string> targetsOf(const std::string &Callee) const {
    std::vector<std::string> Out{Callee};
    auto It = Overriders.find(Callee);
    if (It != Overriders.end())
      Out.insert(Out.end(), It->second.begin(), It->second.end());
    return Out;
  }
  std::vector<json> External;
  /// Function USR → the calls in External that may run it.
  std::map<std::string, std::vector<size_t>> CallsTo;
  void addExternal(json Call) {
    for (const std::string &T : targetsOf(Call.value("callee", "")))
      CallsTo[T].push_back(External.size());
    External.push_back(std::move(Call));
  }
  json Facts = json::object(); // merged inventory facts
  /// Flows already followed through a call (caller, site, sink, label).
  std::set<std::string> KnownFlows;
  /// Fields and globals holding functions → the functions stored there.
  std::map<std::string, std::set<std::string>> SlotTargets;
  /// Calls through function values already resolved (caller, site, target).
  std::set<std::string> KnownIndirect;
  std::set<std::string> KnownIndirectSteps;
  /// "$r:file:N" → the calls into other files whose result it stands for.
  std::map<std::string, std::vector<size_t>> ReturnCalls;
  std::set<std::string> KnownReturns;
  /// Functions whose declared sinks some file described, by USR.
  std::map<std::string, std::string> DeclaredSinkNames;
};

/// Whether \p Label stands for something a caller passes or a call returns
/// (a placeholder, or a string that is no item nor marker).
bool standsForCallerValue(const std::string &Label) {
  taint::LabelKind Kind = taint::labelKind(Label);
  return Kind != taint::LabelKind::Item && Kind != taint::LabelKind::Marker;
}

/// The text of a marker of kind \p Kind ("#fn:<USR>" → "<USR>").
std::optional<std::string> markerText(const std::string &Label,
                                      taint::MarkerKind Kind) {
  std::optional<taint::Label> Parsed = taint::Label::parse(Label);
  if (!Parsed || !Parsed->isMarker(Kind))
    return std::nullopt;
  return Parsed->as<taint::MarkerLabel>()->Text;
}

/// "$r:<file>:<N>", without fields, when \p Label is what a call into
/// another file returned.
std::optional<std::string> globalReturnCall(const std::string &Label) {
  std::optional<taint::Label> Parsed = taint::Label::parse(Label);
  const auto *Returned =
      Parsed ? Parsed->as<taint::ReturnPlaceholder>() : nullptr;
  if (!Returned || !Returned->File)
    return std::nullopt;
  return Parsed->withoutFields().str();
}

/// \p Before's steps, a step at \p Site, then \p After's steps.
json joinedTrace(const json &Before, const json &Site, const std::string &Message,
                 const json &After) {
  json Trace = Before;
  Trace.push_back(note(Site, Message));
  for (const json &Step : After)
    Trace.push_back(Step);
  return Trace;
}

/// What a call passed for a placeholder of its callee: "$p0" is argument 0,
/// "$p0.ip" only what that field of it held, "$this" the object.
const json *actualOf(const json &Call, const std::string &Label) {
  std::optional<taint::Label> Parsed = taint::Label::parse(Label);
  if (Parsed && Parsed->as<taint::ThisPlaceholder>())
    return Call.contains("object") ? &Call["object"] : nullptr;
  const auto *Param = Parsed ? Parsed->as<taint::ParamPlaceholder>() : nullptr;
  if (!Param)
    return nullptr;
  size_t Index = Param->Index;
  const json *Actual = nullptr;
  if (Index < Call["args"].size())
    Actual = &Call["args"][Index];
  if (!Param->Fields.empty() && Call.contains("arg_fields") &&
      Index < Call["arg_fields"].size()) {
    const std::string &Field = Param->Fields.front();
    const json &Fields = Call["arg_fields"][Index];
    if (Fields.contains(Field))
      Actual = &Fields[Field];
  }
  return Actual;
}

/// \p Labels of a callee in terms of what \p Call passed.
json substituteThrough(const json &Labels, const json &Call) {
  json Out = json::array();
  for (const json &Label : Labels) {
    if (!standsForCallerValue(Label.value("label", ""))) {
      Out.push_back(Label);
      continue;
    }
    const json *Actual = actualOf(Call, Label.value("label", ""));
    if (!Actual)
      continue;
    for (const json &A : *Actual)
      Out.push_back(
          {{"label", A.value("label", "")},
           {"trace", joinedTrace(A["trace"], Call["site"],
                                 "passed to '" + Call.value("callee_name", "") +
                                     "' here",
                                 Label["trace"])}});
  }
  return Out;
}

std::map<std::string, std::set<std::string>> Joiner::entryConsents() {
  // What every call site of a function, in any file, knows: a guard in a
  // caller covers its callee (greatest fixpoint from "everything").
  std::map<std::string, std::vector<std::pair<std::string, const json *>>> Callers;
  for (const auto &[Usr, F] : Functions)
    for (const json &Call : F["calls"])
      for (const std::string &Target : targetsOf(Call.value("callee", "")))
        Callers[Target].push_back({Usr, &Call});
  std::map<std::string, std::optional<std::set<std::string>>> Entry;
  for (const auto &[Callee, Sites] : Callers)
    Entry[Callee] = std::nullopt;
  for (int Round = 0; Round < 16; ++Round) {
    bool Changed = false;
    for (const auto &[Callee, Sites] : Callers) {
      std::optional<std::set<std::string>> Meet;
      for (const auto &[Caller, Call] : Sites) {
        std::set<std::string> Known;
        for (const json &C : Call->value("consents", json::array()))
          Known.insert(C.get<std::string>());
        auto It = Entry.find(Caller);
        if (It != Entry.end()) {
          if (!It->second)
            continue;
          Known.insert(It->second->begin(), It->second->end());
        }
        if (!Meet) {
          Meet = Known;
        } else {
          std::set<std::string> Both;
          for (const std::string &C : *Meet)
            if (Known.count(C))
              Both.insert(C);
          Meet = Both;
        }
      }
      if (Meet && Meet != Entry[Callee]) {
        Entry[Callee] = Meet;
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  std::map<std::string, std::set<std::string>> Out;
  for (auto &[Usr, Known] : Entry)
    if (Known)
      Out[Usr] = *Known;
  return Out;
}

void Joiner::inheritedPurposes() {
  std::map<std::string, std::set<std::string>> Guarded = entryConsents();
  // A missing-consent finding of one file whose function every caller, in
  // any file, calls under the consent is no finding of the program.
  for (auto It = Findings.begin(); It != Findings.end();) {
    const json &F = It->second;
    bool Covered = false;
    if (F.value("check", "") == "privacy-missing-consent" &&
        F.contains("function_usr")) {
      auto E = Guarded.find(F.value("function_usr", ""));
      if (E != Guarded.end())
        for (const json &C : member(F, "needs_consents"))
          Covered |= E->second.count(C.get<std::string>()) > 0;
    }
    It = Covered ? Findings.erase(It) : std::next(It);
  }
  // Breadth first from every function with a purpose of its own, through
  // callees without one, across every file.
  for (const auto &[EntryUsr, Entry] : Functions) {
    if (!Entry.contains("own_purposes"))
      continue;
    std::deque<std::pair<std::string, std::vector<json>>> Work{{EntryUsr, {}}};
    std::set<std::string> Seen{EntryUsr};
    while (!Work.empty()) {
      auto [Usr, Chain] = Work.front();
      Work.pop_front();
      const json &F = Functions.at(Usr);
      for (const json &Call : F["calls"])
      for (const std::string &Callee : targetsOf(Call.value("callee", ""))) {
        auto It = Functions.find(Callee);
        if (It == Functions.end() || It->second.contains("own_purposes") ||
            It->second.value("declared_sink", false) ||
            !Seen.insert(Callee).second)
          continue;
        std::vector<json> Next = Chain;
        Next.push_back(note(Call["site"], "'" + F.value("short_name", "") +
                                              "' calls '" +
                                              Call.value("callee_name", "") +
                                              "' here"));
        for (const json &Read : It->second["reads"]) {
          for (const json &Purpose : Entry["own_purposes"]) {
            PurposedUse U;
            U.Item = Read.value("item", "");
            U.Purpose = Purpose.get<std::string>();
            U.What = Read.value("what", "");
            U.Context = " (as called from '" + Entry.value("short_name", "") + "')";
            std::string Message = purposeLimitationMessage(P, U);
            if (Message.empty()) {
              judgeInheritedConsent(U, Read, Guarded, EntryUsr, It->first, Next);
              continue;
            }
            json Finding = Read["site"];
            Finding["check"] = "privacy-purpose-limitation";
            Finding["message"] = Message;
            Finding["notes"] = json::array();
            Finding["notes"].push_back(note(Entry["purpose_site"],
                                            "purpose '" + U.Purpose +
                                                "' is declared here"));
            for (const json &Step : Next)
              Finding["notes"].push_back(Step);
            Finding["notes"].push_back(Read["marker"]);
            addFinding(std::move(Finding));
          }
        }
        Work.push_back({Callee, Next});
      }
    }
  }
}

void Joiner::judgeInheritedConsent(
    const PurposedUse &U, const json &Read,
    const std::map<std::string, std::set<std::string>> &Entry,
    const std::string &EntryUsr, const std::string &ReaderUsr,
    const std::vector<json> &Chain) {
  if (!P.item(U.Item) || !P.purpose(U.Purpose) || !P.allows(U.Item, U.Purpose))
    return;
  std::vector<std::string> Needed = P.consentsRequiredFor(U.Item, U.Purpose);
  if (Needed.empty())
    return;
  std::set<std::string> Known;
  for (const json &C : member(Read, "consents"))
    Known.insert(C.get<std::string>());
  auto E = Entry.find(ReaderUsr);
  if (E != Entry.end())
    Known.insert(E->second.begin(), E->second.end());
  for (const std::string &C : Needed)
    if (Known.count(C))
      return;
  std::string Consents;
  for (const std::string &C : Needed)
    Consents += (Consents.empty() ? "'" : " or '") + C + "'";
  json Finding = Read["site"];
  Finding["check"] = "privacy-missing-consent";
  Finding["message"] = U.What + " for purpose '" + U.Purpose + "'" + U.Context +
                       " needs consent " + Consents +
                       ", but no PRIVACY_CONSENT_CHECK for it guards every "
                       "path to this use";
  Finding["notes"] = json::array();
  const json &EntryFn = Functions.at(EntryUsr);
  Finding["notes"].push_back(note(EntryFn["purpose_site"],
                                  "purpose '" + U.Purpose + "' is declared here"));
  for (const json &Step : Chain)
    Finding["notes"].push_back(Step);
  Finding["notes"].push_back(Read["marker"]);
  addFinding(std::move(Finding));
}

void Joiner::judgeFlowItem(const json &Flow, const std::string &Item,
                           const json &Trace) {
  if (Flow.value("kind", "") == "slot") {
    // A function stored into a field or global, from another file.
    if (std::optional<std::string> Usr = markerText(Item, taint::MarkerKind::Function))
      SlotTargets[Flow.value("target", "")].insert(*Usr);
    return;
  }
  if (Item.empty() || taint::labelKind(Item) == taint::LabelKind::Marker)
    return; // a function or a slot, not personal data
  json Notes = Trace;
  json Declared = Flow["declared_at"];
  if (Declared.is_object())
    Notes.push_back(note(Declared, declaredNote(Flow)));
  else if (!Flow.value("catalog", "").empty())
    Notes.push_back(note(Flow["site"], Flow.value("via", "") + " is a " +
                                           Flow.value("kind", "") +
                                           " sink of the API catalog (" +
                                           Flow.value("catalog", "") + ")"));
  auto Emit = [&](const std::string &Check, const std::string &Message) {
    json F = Flow["site"];
    F["check"] = Check;
    F["message"] = Message;
    F["notes"] = Notes;
    addFinding(std::move(F));
  };
  if (Flow.value("kind", "") == "purpose") {
    std::string Rest = Flow.value("target", "");
    std::vector<std::string> Purposes;
    for (size_t Comma; (Comma = Rest.find(',')) != std::string::npos;
         Rest = Rest.substr(Comma + 1))
      Purposes.push_back(Rest.substr(0, Comma));
    Purposes.push_back(Rest);
    for (const std::string &Purpose : Purposes) {
      PurposedUse U;
      U.Item = Item;
      U.Purpose = Purpose;
      U.What = "using personal data '" + Item + "' passed to " +
               Flow.value("via", "");
      std::string Message = purposeLimitationMessage(P, U);
      if (!Message.empty())
        Emit("privacy-purpose-limitation", Message);
    }
    return;
  }
  SinkSite Site;
  Site.Kind = sinkKindOf(Flow.value("kind", ""));
  Site.Target = Flow.value("target", "");
  Site.Country = Flow.value("country", "");
  Site.Via = Flow.value("via", "");
  Site.CatalogEntry = Flow.value("catalog", "");
  for (const Finding &F : judgeSinkItem(P, Site, Item))
    Emit(checkName(F.Check).str(), F.Message);
  // The inventory counts this reach too.
  json Sink = {{"kind", Flow.value("kind", "")}, {"target", Site.Target},
               {"country", Site.Country}, {"item", Item}, {"via", Site.Via},
               {"site", Flow["site"]}};
  Facts["sinks"].push_back(std::move(Sink));
}

bool Joiner::crossFileFlows() {
  // Apply callees' summaries at calls made from other files; what still
  // depends on the caller's parameters goes on up, to a fixpoint.
  bool Any = false;
  for (int Round = 0; Round < 16; ++Round) {
    bool Changed = false;
    for (size_t CallIndex = 0; CallIndex < External.size(); ++CallIndex)
    for (const std::string &Target :
         targetsOf(External[CallIndex].value("callee", ""))) {
      const json Call = External[CallIndex]; // External may grow below
      auto FlowIt = Flows.find(Target);
      if (FlowIt == Flows.end())
        continue;
      std::vector<json> CalleeFlows = FlowIt->second; // may grow below
      // A call within one file was followed there; only what the join
      // learnt about the callee is new.
      bool Internal = Call.value("internal", false);
      for (json Flow : CalleeFlows) {
        if (Internal && !Flow.value("joined", false))
          continue;
        if (Flow["site"].is_null())
          Flow["site"] = Call["site"]; // a declared sink: where it is called
        // Only labels standing for what the call passed.
        json Passed = json::array();
        for (const json &Label : Flow["labels"])
          if (actualOf(Call, Label.value("label", "")))
            Passed.push_back(Label);
        for (const json &A : substituteThrough(Passed, Call)) {
          std::string ActualLabel = A.value("label", "");
          std::string Key = Call.value("caller", "") + "|" +
                            siteKey(Flow["site"]) + "|" +
                            Flow.value("kind", "") + "|" +
                            Flow.value("target", "") + "|" + ActualLabel;
          if (!KnownFlows.insert(Key).second)
            continue;
          if (!standsForCallerValue(ActualLabel)) {
            judgeFlowItem(Flow, ActualLabel, A["trace"]);
            Any = true;
            continue;
          }
          json Pending = Flow;
          Pending["joined"] = true;
          Pending["labels"] = json::array({A});
          Flows[Call.value("caller", "")].push_back(std::move(Pending));
          Changed = Any = true;
        }
      }
    }
    if (!Changed)
      break;
  }
  return Any;
}

void Joiner::addCallTo(const std::string &Caller, const std::string &Target,
                       const json &Site, const json &Consents,
                       const json &Args, const json &ArgFields) {
  std::string Key = Caller + "|" + siteKey(Site) + "|" + Target;
  if (!KnownIndirect.insert(Key).second)
    return;
  auto It = Functions.find(Target);
  std::string Name = It != Functions.end() ? It->second.value("short_name", "")
                     : DeclaredSinkNames.count(Target) ? DeclaredSinkNames[Target]
                                                       : "";
  json Call = {{"caller", Caller},       {"callee", Target},
               {"callee_name", Name},    {"site", Site},
               {"args", Args},           {"arg_fields", ArgFields},
               {"object", json::array()}};
  addExternal(Call);
  // The call graph too: purposes and consent reach the target.
  auto CallerIt = Functions.find(Caller);
  if (CallerIt != Functions.end())
    CallerIt->second["calls"].push_back({{"callee", Target},
                                         {"callee_name", Name},
                                         {"site", Site},
                                         {"consents", Consents}});
}

void Joiner::resolveIndirectCall(const std::string &Owner, const json &IC,
                                 const std::string &Callee, const json &Args,
                                 const json &ArgFields, int Depth) {
  const json Consents = IC.value("consents", json::array());
  if (std::optional<std::string> Slot = markerText(Callee, taint::MarkerKind::Slot)) {
    // Every function any file stores in that field or global.
    auto It = SlotTargets.find(*Slot);
    if (It == SlotTargets.end())
      return;
    for (const std::string &Target : It->second)
      addCallTo(IC.value("in", Owner), Target, IC["site"], Consents, Args,
                ArgFields);
    return;
  }
  if (!standsForCallerValue(Callee) || Depth > 4)
    return;
  // A callback the owner was given: what each caller in another file
  // passed decides the targets, with that caller's arguments.
  auto Calls = CallsTo.find(Owner);
  if (Calls == CallsTo.end())
    return;
  const std::vector<size_t> Indices = Calls->second; // may grow below
  for (size_t I : Indices) {
    // Each call once per callback and site: callers of callers multiply.
    if (!KnownIndirectSteps
             .insert(siteKey(IC["site"]) + "|" + Owner + "|" + Callee + "|" +
                     std::to_string(I))
             .second)
      continue;
    const json Call = External[I];
    if (Call.value("internal", false))
      continue; // its file resolved the callbacks it passes
    const json *Actual = actualOf(Call, Callee);
    if (!Actual)
      continue;
    json CallerArgs = json::array(), CallerFields = json::array();
    for (const json &A : Args)
      CallerArgs.push_back(substituteThrough(A, Call));
    for (const json &Fields : ArgFields) {
      json F = json::object();
      for (auto It = Fields.begin(); It != Fields.end(); ++It)
        F[It.key()] = substituteThrough(It.value(), Call);
      CallerFields.push_back(std::move(F));
    }
    std::string Caller = Call.value("caller", "");
    for (const json &A : *Actual) {
      std::string L = A.value("label", "");
      if (std::optional<std::string> Target =
              markerText(L, taint::MarkerKind::Function)) {
        // Say where the callback was chosen.
        auto Named = [&](json Labels) {
          auto It = Functions.find(*Target);
          std::string Name =
              It != Functions.end() ? It->second.value("short_name", "")
              : DeclaredSinkNames.count(*Target) ? DeclaredSinkNames[*Target]
                                                 : "";
          for (json &Label : Labels)
            Label["trace"].push_back(note(
                Call["site"], "'" + Name + "' is given to '" +
                                  Call.value("callee_name", "") +
                                  "' here as the function to call"));
          return Labels;
        };
        json NamedArgs = json::array(), NamedFields = json::array();
        for (const json &A : CallerArgs)
          NamedArgs.push_back(Named(A));
        for (const json &Fields : CallerFields) {
          json F = json::object();
          for (auto It = Fields.begin(); It != Fields.end(); ++It)
            F[It.key()] = Named(It.value());
          NamedFields.push_back(std::move(F));
        }
        addCallTo(Caller, *Target, IC["site"], Consents, NamedArgs,
                  NamedFields);
      }
      else
        resolveIndirectCall(Caller, IC, L, CallerArgs, CallerFields, Depth + 1);
    }
  }
}

bool Joiner::resolveReturns() {
  // A flow that carries what a call into another file returned: what the
  // callee returns, in terms of what that call passed.
  bool Changed = false;
  std::vector<std::string> Owners;
  for (const auto &[Usr, List] : Flows)
    Owners.push_back(Usr);
  for (const std::string &Usr : Owners) {
    std::vector<json> Own = Flows[Usr]; // may grow below
    for (const json &Flow : Own) {
      if (Flow["site"].is_null())
        continue; // a declared sink of a function, not a flow in it
      for (const json &Label : Flow["labels"]) {
        // "$r:file:N.field": what the call returned, whole.
        std::optional<std::string> L =
            globalReturnCall(Label.value("label", ""));
        if (!L)
          continue;
        auto Calls = ReturnCalls.find(*L);
        if (Calls == ReturnCalls.end())
          continue;
        for (size_t Index : Calls->second) {
          const json Call = External[Index];
          for (const std::string &Target : targetsOf(Call.value("callee", ""))) {
            auto F = Functions.find(Target);
            if (F == Functions.end() || !F->second.contains("returns"))
              continue;
            for (const json &R : substituteThrough(F->second["returns"], Call)) {
              std::string Item = R.value("label", "");
              std::string Key = Usr + "|" + siteKey(Flow["site"]) + "|" +
                                Flow.value("kind", "") + "|" +
                                Flow.value("target", "") + "|" + *L + "|" + Item;
              if (Item.empty() || !KnownReturns.insert(Key).second)
                continue;
              json Trace = joinedTrace(R["trace"], Call["site"],
                                       "returned by '" +
                                           Call.value("callee_name", "") +
                                           "' here",
                                       Label["trace"]);
              if (!standsForCallerValue(Item)) {
                judgeFlowItem(Flow, Item, Trace);
                continue;
              }
              // Another call's result, or the caller's parameters when the
              // flow is in the caller itself; else its context is lost.
              if (!globalReturnCall(Item) && Usr != Call.value("caller", ""))
                continue;
              json Pending = Flow;
              Pending["joined"] = true;
              Pending["labels"] =
                  json::array({{{"label", Item}, {"trace", Trace}}});
              Flows[Usr].push_back(std::move(Pending));
              Changed = true;
            }
          }
        }
      }
    }
  }
  return Changed;
}

bool Joiner::resolveIndirectCalls() {
  size_t Before = External.size();
  std::vector<std::pair<std::string, json>> Work;
  for (const auto &[Usr, F] : Functions)
    for (const json &IC : member(F, "indirect_calls"))
      Work.push_back({Usr, IC});
  for (const auto &[Usr, IC] : Work)
    resolveIndirectCall(Usr, IC, IC.value("callee", ""), IC["args"],
                        IC.value("arg_fields", json::array()), 0);
  return External.size() != Before;
}

json Joiner::run() {
  for (const char *Key : {"declarations", "purpose_declarations", "erase",
                          "consent_checks", "transfer_declarations",
                          "store_declarations", "uses", "sinks"})
    Facts[Key] = json::array();
  size_t FunctionCount = 0, Annotations = 0;
  for (summary::TuSummary &Typed : In.Summaries) {
    json S = summary::toJson(Typed);
    Typed = summary::TuSummary(); // its contents live on in the join
    for (const json &F : member(S, "findings"))
      addFinding(F);
    for (json &F : member(S, "functions")) {
      std::string Usr = F.value("usr", "");
      if (Usr.empty() || Functions.count(Usr))
        continue; // an inline function seen by several files: once
      for (json &Flow : member(F, "flows"))
        Flows[Usr].push_back(std::move(Flow)); // read from Flows only
      for (const json &Base : member(F, "overrides"))
        Overriders[Base.get<std::string>()].push_back(Usr);
      Functions[Usr] = std::move(F);
    }
    for (json &C : member(S, "external_calls"))
      External.push_back(std::move(C)); // indexed once every override is known
    // Sinks declared on functions called through function values.
    for (const json &D : member(S, "declared_sinks")) {
      std::string Usr = D.value("usr", "");
      if (DeclaredSinkNames.emplace(Usr, D.value("name", "")).second)
        for (const json &F : member(D, "flows"))
          Flows[Usr].push_back(F);
    }
    for (const json &Slot : member(S, "function_slots"))
      for (const json &T : member(Slot, "targets"))
        SlotTargets[Slot.value("slot", "")].insert(T.get<std::string>());
    json &Inv = member(S, "inventory");
    for (auto It = Inv.begin(); It != Inv.end(); ++It)
      if (It.value().is_array())
        for (json &Fact : It.value())
          Facts[It.key()].push_back(std::move(Fact));
    if (Inv.is_object()) {
      FunctionCount += Inv.value("functions", 0);
      Annotations += Inv.value("annotations", 0);
    }
  }
  // Flows through calls, and calls through function values, each finding
  // more of the other.
  for (size_t I = 0; I < External.size(); ++I)
    for (const std::string &T : targetsOf(External[I].value("callee", "")))
      CallsTo[T].push_back(I);
  for (size_t I = 0; I < External.size(); ++I)
    if (External[I].contains("returns_as"))
      ReturnCalls[External[I].value("returns_as", "")].push_back(I);
  for (int Round = 0; Round < 8; ++Round) {
    crossFileFlows();
    bool Returned = resolveReturns();
    if (!resolveIndirectCalls() && !Returned)
      break;
  }
  inheritedPurposes();
  json Out = inventory();
  Out["analysis"]["functions"] = FunctionCount;
  Out["analysis"]["annotations"] = Annotations;
  return Out;
}

json Joiner::inventory() {
  json Out;
  Out["tool"] = {{"name", "privacy-scan"}, {"version", "0.1.0"}};
  json Policy;
  Policy["path"] = In.PolicyPath;
  Policy["controller"] = {{"country", P.ControllerCountry}};
  put(Policy["controller"], "name", labelJson(P.ControllerName));
  Policy["activities"] = json::array();
  for (const Activity &A : P.Activities) {
    json J = {{"id", A.Id},
              {"basis", std::string(basisName(A.LegalBasis))},
              {"required", A.Required},
              {"items", A.Items.All ? std::vector<std::string>{"*"} : A.Items.Ids},
              {"purposes", A.Purposes}};
    if (!A.Consent.empty())
      J["consent"] = A.Consent;
    put(J, "label", labelJson(A.Name));
    Policy["activities"].push_back(std::move(J));
  }
  Out["policy"] = std::move(Policy);
  Out["project_root"] = In.ProjectRoot;

  json Analysis;
  Analysis["translation_units"] = In.TranslationUnits;
  Analysis["analysed"] = In.Summaries.size();
  Analysis["failed"] = json::array();
  for (const auto &[File, Error] : In.Failed)
    Analysis["failed"].push_back({{"file", File}, {"error", Error}});
  Analysis["personal_data_annotated"] = !Facts["declarations"].empty();
  Out["analysis"] = std::move(Analysis);

  // Items.
  std::set<std::string> ItemIds;
  for (const auto &[Id, Def] : P.Items)
    ItemIds.insert(Id);
  std::set<std::string> SeenItems;
  for (const char *Key : {"declarations", "uses", "sinks"})
    for (const json &F : Facts[Key])
      SeenItems.insert(F.value("item", ""));
  SeenItems.erase("");
  ItemIds.insert(SeenItems.begin(), SeenItems.end());
  json Items = json::array();
  for (const std::string &Id : ItemIds) {
    const ItemDef *Def = P.item(Id);
    json I;
    I["id"] = Id;
    if (Def) {
      put(I, "label", labelJson(Def->Name));
      if (!Def->Category.empty())
        I["category"] = Def->Category;
    }
    I["in_policy"] = Def != nullptr;
    std::vector<json> Decls;
    for (const json &D : Facts["declarations"])
      if (D.value("item", "") == Id)
        Decls.push_back(D["site"]);
    I["declarations"] = sortedSites(Decls);
    std::map<std::string, std::vector<json>> Uses;
    for (const json &U : Facts["uses"])
      if (U.value("item", "") == Id)
        Uses[U.value("purpose", "")].push_back(U["site"]);
    I["purposes"] = json::array();
    for (auto &[Purpose, Sites] : Uses)
      I["purposes"].push_back({{"id", Purpose},
                               {"allowed", P.allows(Id, Purpose)},
                               {"consents", P.consentsRequiredFor(Id, Purpose)},
                               {"uses", sortedSites(Sites)}});
    std::map<std::pair<std::string, std::string>, std::vector<json>> Reach;
    std::vector<json> Logs, Network;
    for (const json &S : Facts["sinks"]) {
      if (S.value("item", "") != Id)
        continue;
      std::string Kind = S.value("kind", "");
      if (Kind == "log")
        Logs.push_back(S["site"]);
      else if (Kind == "network")
        Network.push_back(S["site"]);
      else
        Reach[{Kind, S.value("target", "")}].push_back(S["site"]);
    }
    I["recipients"] = json::array();
    I["stores"] = json::array();
    for (auto &[Key, Sites] : Reach) {
      const auto &[Kind, Target] = Key;
      json R = {{"id", Target}, {"sites", sortedSites(Sites)}};
      if (Kind == "transfer") {
        const RecipientDef *Rec = P.recipient(Target);
        R["in_policy"] = Rec != nullptr;
        R["declared_for_item"] = Rec && Rec->Items.contains(Id);
        if (Rec)
          R["country"] = Rec->Country;
        I["recipients"].push_back(std::move(R));
      } else {
        const StoreDef *Store = P.store(Target);
        R["in_policy"] = Store != nullptr;
        R["declared_for_item"] = Store && Store->Items.contains(Id);
        I["stores"].push_back(std::move(R));
      }
    }
    I["logs"] = sortedSites(Logs);
    I["network"] = sortedSites(Network);
    Items.push_back(std::move(I));
  }
  Out["items"] = std::move(Items);

  // Purposes.
  std::set<std::string> PurposeIds;
  for (const auto &[Id, Def] : P.Purposes)
    PurposeIds.insert(Id);
  std::map<std::string, std::vector<json>> PurposeSites;
  for (const json &D : Facts["purpose_declarations"])
    PurposeSites[D.value("purpose", "")].push_back(D["site"]);
  std::set<std::string> UsedPurposes;
  for (const json &U : Facts["uses"])
    UsedPurposes.insert(U.value("purpose", ""));
  for (const auto &[Id, Sites] : PurposeSites)
    PurposeIds.insert(Id);
  json Purposes = json::array();
  for (const std::string &Id : PurposeIds) {
    const PurposeDef *Def = P.purpose(Id);
    json J = {{"id", Id},
              {"in_policy", Def != nullptr},
              {"used_in_code", PurposeSites.count(Id) > 0 || UsedPurposes.count(Id) > 0},
              {"declared_at", sortedSites(PurposeSites[Id])}};
    if (Def)
      put(J, "label", labelJson(Def->Name));
    Purposes.push_back(std::move(J));
  }
  Out["purposes"] = std::move(Purposes);

  // Recipients and stores, with what reaches them.
  auto Reaching = [&](const std::string &Kind, const std::string &Target) {
    std::set<std::string> Ids;
    std::vector<json> Sites;
    for (const json &S : Facts["sinks"]) {
      bool Match = S.value("kind", "") == Kind && S.value("target", "") == Target;
      if (Kind == "log")
        Match = S.value("kind", "") == "log";
      if (Match) {
        Ids.insert(S.value("item", ""));
        Sites.push_back(S["site"]);
      }
    }
    return std::make_pair(std::vector<std::string>(Ids.begin(), Ids.end()),
                          sortedSites(Sites));
  };
  std::set<std::string> RecipientIds;
  for (const auto &[Id, Def] : P.Recipients)
    RecipientIds.insert(Id);
  for (const json &S : Facts["sinks"])
    if (S.value("kind", "") == "transfer")
      RecipientIds.insert(S.value("target", ""));
  for (const json &D : Facts["transfer_declarations"])
    RecipientIds.insert(D.value("recipient", ""));
  RecipientIds.erase("");
  json Recipients = json::array();
  for (const std::string &Id : RecipientIds) {
    const RecipientDef *R = P.recipient(Id);
    auto [ItemsReaching, Sites] = Reaching("transfer", Id);
    json J = {{"id", Id}, {"in_policy", R != nullptr},
              {"items_reaching", ItemsReaching}, {"sites", Sites}};
    if (R) {
      put(J, "label", labelJson(R->Name));
      J["role"] = R->Role;
      J["country"] = R->Country;
      J["abroad"] = P.isAbroad(*R);
      put(J, "task", labelJson(R->Task));
      put(J, "recipient_purpose", labelJson(R->RecipientPurpose));
      put(J, "method", labelJson(R->Method));
      put(J, "retention", retentionJson(R->Keep));
      J["purposes"] = R->Purposes.All ? std::vector<std::string>{"*"} : R->Purposes.Ids;
      J["items_declared"] = R->Items.All ? std::vector<std::string>{"*"} : R->Items.Ids;
    }
    Recipients.push_back(std::move(J));
  }
  Out["recipients"] = std::move(Recipients);

  std::set<std::string> StoreIds;
  for (const auto &[Id, Def] : P.Stores)
    StoreIds.insert(Id);
  for (const json &S : Facts["sinks"])
    if (S.value("kind", "") == "store")
      StoreIds.insert(S.value("target", ""));
  for (const json &D : Facts["store_declarations"])
    StoreIds.insert(D.value("store", ""));
  bool AnyLogs = false;
  for (const json &S : Facts["sinks"])
    AnyLogs |= S.value("kind", "") == "log";
  if (AnyLogs)
    StoreIds.insert(std::string(LogsStoreId));
  StoreIds.erase("");
  json Stores = json::array();
  json PolicyWarnings = json::array();
  for (const std::string &Id : StoreIds) {
    const StoreDef *S = P.store(Id);
    auto [ItemsReaching, Sites] =
        Id == LogsStoreId ? Reaching("log", "") : Reaching("store", Id);
    std::vector<json> Erase;
    for (const json &E : Facts["erase"])
      if (E.value("store", "") == Id)
        Erase.push_back(E["site"]);
    json J = {{"id", Id}, {"in_policy", S != nullptr},
              {"items_reaching", ItemsReaching}, {"sites", Sites},
              {"erase_functions", sortedSites(Erase)}};
    if (S) {
      put(J, "label", labelJson(S->Name));
      put(J, "retention", retentionJson(S->Keep));
      J["items_declared"] = S->Items.All ? std::vector<std::string>{"*"} : S->Items.Ids;
      if (S->Keep.empty() && !ItemsReaching.empty())
        PolicyWarnings.push_back(
            "store '" + Id + "' receives personal data (" + joinIds(ItemsReaching) +
            ") but the policy states no retention for it");
    }
    // Erasure coverage: data subjects may demand deletion (PIPA Art. 36,
    // GDPR Art. 17) and retention ends in destruction (PIPA Art. 21).
    if (Id != LogsStoreId && !ItemsReaching.empty() && Erase.empty() &&
        !Sites.empty()) {
      json F = Sites.front();
      F.erase("function");
      F["check"] = "privacy-undeclared-storage";
      F["message"] = "store '" + Id + "' receives personal data (" +
                     joinIds(ItemsReaching) +
                     ") but no function in the program is marked "
                     "PRIVACY_ERASE(\"" + Id +
                     "\"); erasure on request and destruction at the end of "
                     "retention have no code path";
      F["notes"] = json::array();
      addFinding(std::move(F));
    }
    Stores.push_back(std::move(J));
  }
  Out["stores"] = std::move(Stores);
  Out["policy_warnings"] = std::move(PolicyWarnings);

  std::map<std::string, std::vector<json>> Checks;
  for (const json &C : Facts["consent_checks"])
    Checks[C.value("consent", "")].push_back(C["site"]);
  json ConsentChecks = json::array();
  for (auto &[Consent, Sites] : Checks) {
    json J = {{"consent", Consent}, {"functions", sortedSites(Sites)}};
    if (const ConsentDef *C = P.consent(Consent))
      put(J, "label", labelJson(C->Name));
    ConsentChecks.push_back(std::move(J));
  }
  Out["consent_checks"] = std::move(ConsentChecks);

  // Findings, sorted, with fingerprints.
  std::vector<json> Sorted;
  for (auto &[Key, F] : Findings)
    Sorted.push_back(F);
  std::sort(Sorted.begin(), Sorted.end(), [](const json &A, const json &B) {
    return std::make_tuple(A.value("file", ""), A.value("line", 0),
                           A.value("column", 0), A.value("check", ""),
                           A.value("message", "")) <
           std::make_tuple(B.value("file", ""), B.value("line", 0),
                           B.value("column", 0), B.value("check", ""),
                           B.value("message", ""));
  });
  std::map<std::string, unsigned> Occurrences;
  json FindingList = json::array();
  for (json &F : Sorted) {
    std::string Base = fingerprintOf(F, 0);
    F["fingerprint"] = fingerprintOf(F, Occurrences[Base]++);
    F["baselined"] = false;
    FindingList.push_back(std::move(F));
  }
  Out["findings"] = std::move(FindingList);

  // The policy against the code.
  auto Diff = [](const std::set<std::string> &Declared,
                 const std::set<std::string> &Seen) {
    json D = {{"declared_not_seen", json::array()},
              {"seen_not_declared", json::array()}};
    for (const std::string &Id : Declared)
      if (!Seen.count(Id))
        D["declared_not_seen"].push_back(Id);
    for (const std::string &Id : Seen)
      if (!Declared.count(Id))
        D["seen_not_declared"].push_back(Id);
    return D;
  };
  std::set<std::string> PolicyItems, PolicyPurposes, PolicyRecipients,
      PolicyStores, CodePurposes, CodeRecipients, CodeStores;
  for (const auto &[Id, D] : P.Items)
    PolicyItems.insert(Id);
  for (const auto &[Id, D] : P.Purposes)
    PolicyPurposes.insert(Id);
  for (const auto &[Id, D] : P.Recipients)
    PolicyRecipients.insert(Id);
  for (const auto &[Id, D] : P.Stores)
    PolicyStores.insert(Id);
  for (const auto &[Id, Sites] : PurposeSites)
    CodePurposes.insert(Id);
  CodePurposes.insert(UsedPurposes.begin(), UsedPurposes.end());
  for (const json &D : Facts["transfer_declarations"])
    CodeRecipients.insert(D.value("recipient", ""));
  for (const json &S : Facts["sinks"])
    if (S.value("kind", "") == "transfer")
      CodeRecipients.insert(S.value("target", ""));
  for (const json &D : Facts["store_declarations"])
    CodeStores.insert(D.value("store", ""));
  for (const json &S : Facts["sinks"])
    if (S.value("kind", "") == "store")
      CodeStores.insert(S.value("target", ""));
  if (AnyLogs)
    CodeStores.insert(std::string(LogsStoreId));
  for (auto *Set : {&CodePurposes, &CodeRecipients, &CodeStores, &SeenItems})
    Set->erase("");
  Out["policy_diff"] = {{"items", Diff(PolicyItems, SeenItems)},
                        {"purposes", Diff(PolicyPurposes, CodePurposes)},
                        {"recipients", Diff(PolicyRecipients, CodeRecipients)},
                        {"stores", Diff(PolicyStores, CodeStores)}};
  return Out;
}

} // namespace

std::string fingerprintOf(const json &Finding, unsigned Occurrence) {
  // FNV-1a, 64 bits: stable, and enough to tell findings apart.
  std::string Text = Finding.value("check", "") + '\0' +
                     Finding.value("file", "") + '\0' +
                     Finding.value("message", "") + '\0' +
                     std::to_string(Occurrence);
  uint64_t Hash = 1469598103934665603ULL;
  for (unsigned char C : Text) {
    Hash ^= C;
    Hash *= 1099511628211ULL;
  }
  char Buf[17];
  snprintf(Buf, sizeof Buf, "%016llx", static_cast<unsigned long long>(Hash));
  return Buf;
}

json joinSummaries(JoinInput &In, const Policy &P) {
  return Joiner(In, P).run();
}

} // namespace privacy::scan
