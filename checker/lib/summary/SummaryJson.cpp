//===- SummaryJson.cpp - per-TU summaries as JSON -------------------------===//
#include "privacy/summary/SummaryJson.h"

#include "JsonValidation.h"
#include "privacy/JsonWriter.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/xxhash.h"

#include <cstdio>
#include <map>
#include <unordered_map>

namespace privacy::summary {

using nlohmann::json;

namespace {

// Every key of the format (docs/scan.md, "Per-TU summaries"), once.
namespace key {
constexpr const char *Format = "format";
constexpr const char *Seal = "seal";
constexpr const char *File = "file";
constexpr const char *Line = "line";
constexpr const char *Column = "column";
constexpr const char *Message = "message";
constexpr const char *Function = "function";
constexpr const char *Symbol = "symbol";
constexpr const char *Check = "check";
constexpr const char *FunctionUsr = "function_usr";
constexpr const char *NeedsConsents = "needs_consents";
constexpr const char *GuardedByCalls = "guarded_by_calls";
constexpr const char *WrapsConsents = "wraps_consents";
constexpr const char *WrapsCalls = "wraps_calls";
constexpr const char *Notes = "notes";
constexpr const char *Label = "label";
constexpr const char *Trace = "trace";
constexpr const char *Traces = "traces";
constexpr const char *Held = "held";
constexpr const char *Opaque = "opaque";
constexpr const char *Kind = "kind";
constexpr const char *Target = "target";
constexpr const char *Country = "country";
constexpr const char *Via = "via";
constexpr const char *Catalog = "catalog";
constexpr const char *Site = "site";
constexpr const char *DeclaredAt = "declared_at";
constexpr const char *Labels = "labels";
constexpr const char *Callee = "callee";
constexpr const char *CalleeName = "callee_name";
constexpr const char *Consents = "consents";
constexpr const char *Item = "item";
constexpr const char *What = "what";
constexpr const char *Marker = "marker";
constexpr const char *In = "in";
constexpr const char *InName = "in_name";
constexpr const char *Args = "args";
constexpr const char *ArgFields = "arg_fields";
constexpr const char *Usr = "usr";
constexpr const char *Name = "name";
constexpr const char *ShortName = "short_name";
constexpr const char *Calls = "calls";
constexpr const char *Reads = "reads";
constexpr const char *Flows = "flows";
constexpr const char *DeclaredSink = "declared_sink";
constexpr const char *Overrides = "overrides";
constexpr const char *OwnPurposes = "own_purposes";
constexpr const char *PurposeSite = "purpose_site";
constexpr const char *Returns = "returns";
constexpr const char *Throws = "throws";
constexpr const char *Builds = "builds";
constexpr const char *IndirectCalls = "indirect_calls";
constexpr const char *Caller = "caller";
constexpr const char *Object = "object";
constexpr const char *Internal = "internal";
constexpr const char *ReturnsAs = "returns_as";
constexpr const char *ExactArgFields = "exact_arg_fields";
constexpr const char *ObjectFields = "object_fields";
constexpr const char *Fallback = "fallback";
constexpr const char *ThrowsAs = "throws_as";
constexpr const char *WritesAs = "writes_as";
constexpr const char *Writes = "writes";
constexpr const char *Param = "param";
constexpr const char *As = "as";
constexpr const char *Slot = "slot";
constexpr const char *Targets = "targets";
constexpr const char *Findings = "findings";
constexpr const char *Functions = "functions";
constexpr const char *ExternalCalls = "external_calls";
constexpr const char *FunctionSlots = "function_slots";
constexpr const char *DeclaredSinks = "declared_sinks";
constexpr const char *Inventory = "inventory";
constexpr const char *Declarations = "declarations";
constexpr const char *PurposeDeclarations = "purpose_declarations";
constexpr const char *Erase = "erase";
constexpr const char *ConsentChecks = "consent_checks";
constexpr const char *TransferDeclarations = "transfer_declarations";
constexpr const char *StoreDeclarations = "store_declarations";
constexpr const char *Uses = "uses";
constexpr const char *Sinks = "sinks";
constexpr const char *Annotations = "annotations";
constexpr const char *Purpose = "purpose";
constexpr const char *Allowed = "allowed";
constexpr const char *Store = "store";
constexpr const char *Consent = "consent";
constexpr const char *Recipient = "recipient";
constexpr const char *AnnotationsFiles = "annotations_files";
constexpr const char *Path = "path";
constexpr const char *Unmatched = "unmatched";
constexpr const char *Index = "index";
constexpr const char *Decl = "decl";
constexpr const char *Why = "why";
constexpr const char *CodeHash = "code_hash";
constexpr const char *Through = "through_declared_sink";
constexpr const char *Params = "params";
constexpr const char *KeptParams = "kept_params";
constexpr const char *Category = "category";
constexpr const char *SuggestedItem = "suggested_item";
constexpr const char *Anchors = "anchors";
constexpr const char *Fixes = "fixes";
constexpr const char *Insert = "insert";
constexpr const char *BoundValues = "bound_values";
constexpr const char *CatalogFunctions = "catalog_functions";
constexpr const char *ValueReturns = "value_returns";
constexpr const char *Binds = "binds";
constexpr const char *Id = "id";
constexpr const char *Order = "order";
constexpr const char *Placeholder = "placeholder";
constexpr const char *Fixed = "fixed";
constexpr const char *Callees = "callees";
constexpr const char *Method = "method";
} // namespace key

//===--- writing ----------------------------------------------------------===//

json siteFields(const Site &S) {
  return {{key::File, S.File}, {key::Line, S.Line}, {key::Column, S.Column}};
}

/// While toJson(const TuSummary &) writes a summary: each shared list of
/// notes once, in "traces", and a label's "trace" its index there (a large
/// file's labels share a few thousand paths; docs/scan.md, "Per-TU
/// summaries"). Per thread, as summaries are written on several.
struct TraceTable {
  std::unordered_map<const void *, size_t> IndexOf;
  json Lists = json::array();
};
thread_local TraceTable *WritingTraces = nullptr;

json traceJson(const SharedNotes &Trace) {
  auto Inline = [&] {
    json Out = json::array();
    for (const Note &N : Trace)
      Out.push_back(summary::toJson(N));
    return Out;
  };
  if (!WritingTraces || Trace.empty())
    return Inline();
  auto [It, New] = WritingTraces->IndexOf.try_emplace(
      Trace.identity(), WritingTraces->Lists.size());
  if (New)
    WritingTraces->Lists.push_back(Inline());
  return It->second;
}

json toJson(const LabelledPath &L) {
  json Out = {{key::Label, L.Label.str()}, {key::Trace, traceJson(L.Trace)}};
  if (L.Held)
    Out[key::Held] = true;
  if (L.Opaque)
    Out[key::Opaque] = true;
  return Out;
}

json toJson(const Labels &Ls) {
  json Out = json::array();
  for (const LabelledPath &L : Ls)
    Out.push_back(toJson(L));
  return Out;
}

json toJson(const std::vector<Labels> &Args) {
  json Out = json::array();
  for (const Labels &A : Args)
    Out.push_back(toJson(A));
  return Out;
}

json toJson(const FieldLabels &Fields) {
  json J = json::object();
  for (const auto &[Name, Ls] : Fields)
    J[Name] = toJson(Ls);
  return J;
}

json toJson(const std::vector<FieldLabels> &ArgFields) {
  json Out = json::array();
  for (const FieldLabels &Fields : ArgFields)
    Out.push_back(toJson(Fields));
  return Out;
}

/// Adds "through_declared_sink" when \p Through is set.
void addThrough(json &J, const std::optional<ThroughDeclaredSink> &Through) {
  if (Through)
    J[key::Through] = {{key::Callee, Through->Callee},
                       {key::Params, Through->Params}};
}

json toJson(const Flow &F) {
  json J = {{key::Kind, flowKindName(F.Kind)},
            {key::Target,
             F.Kind == FlowKind::Purpose ? joinPurposes(F.Purposes) : F.Target},
            {key::Via, F.Via},
            {key::Site, summary::toJson(F.At)},
            {key::Labels, toJson(F.Data)}};
  if (F.Kind != FlowKind::Slot) {
    J[key::Country] = F.Country;
    J[key::Catalog] = F.Catalog;
    J[key::DeclaredAt] = summary::toJson(F.DeclaredAt);
  }
  addThrough(J, F.Through);
  return J;
}

json toJson(const std::vector<Flow> &Flows) {
  json Out = json::array();
  for (const Flow &F : Flows)
    Out.push_back(toJson(F));
  return Out;
}

json toJson(const Function &F) {
  json J = {{key::Usr, F.Usr},
            {key::Name, F.Name},
            {key::ShortName, F.ShortName},
            {key::DeclaredSink, F.DeclaredSink},
            {key::Calls, json::array()},
            {key::Reads, json::array()},
            {key::Flows, toJson(F.Flows)}};
  if (F.Analysed)
    J[key::Site] = summary::toJson(F.At);
  if (F.KeptParams)
    J[key::KeptParams] = *F.KeptParams;
  if (!F.Overrides.empty())
    J[key::Overrides] = F.Overrides;
  if (F.Own) {
    J[key::OwnPurposes] = F.Own->Purposes;
    J[key::PurposeSite] = summary::toJson(F.Own->DeclaredAt);
  }
  for (const Call &C : F.Calls) {
    json Call = {{key::Callee, C.Callee},
                 {key::CalleeName, C.CalleeName},
                 {key::Site, summary::toJson(C.At)},
                 {key::Consents, C.Consents}};
    if (!C.GuardedByCalls.empty())
      Call[key::GuardedByCalls] = C.GuardedByCalls;
    J[key::Calls].push_back(std::move(Call));
  }
  for (const Read &R : F.Reads) {
    json Read = {{key::Item, R.Item},
                 {key::Consents, R.Consents},
                 {key::Site, summary::toJson(R.At)},
                 {key::What, R.What},
                 {key::Marker, summary::toJson(R.Marker)}};
    if (!R.GuardedByCalls.empty())
      Read[key::GuardedByCalls] = R.GuardedByCalls;
    J[key::Reads].push_back(std::move(Read));
  }
  if (!F.WrapsConsents.empty())
    J[key::WrapsConsents] = F.WrapsConsents;
  if (!F.WrapsCalls.empty())
    J[key::WrapsCalls] = F.WrapsCalls;
  if (!F.Returns.empty())
    J[key::Returns] = toJson(F.Returns);
  if (!F.Throws.empty())
    J[key::Throws] = toJson(F.Throws);
  if (F.Builds)
    J[key::Builds] = toJson(*F.Builds);
  if (!F.Writes.empty())
    J[key::Writes] = toJson(F.Writes);
  for (const IndirectCall &IC : F.IndirectCalls)
    J[key::IndirectCalls].push_back({{key::Callee, IC.Callee.str()},
                                     {key::In, IC.In},
                                     {key::InName, IC.InName},
                                     {key::Site, summary::toJson(IC.At)},
                                     {key::Consents, IC.Consents},
                                     {key::Args, toJson(IC.Args)},
                                     {key::ArgFields, toJson(IC.ArgFields)}});
  return J;
}

json toJson(const ExternalCall &C) {
  json J = {
      {key::Caller, C.Caller},         {key::Callee, C.Callee},
      {key::CalleeName, C.CalleeName}, {key::Site, summary::toJson(C.At)},
      {key::Args, toJson(C.Args)},     {key::ArgFields, toJson(C.ArgFields)},
      {key::Object, toJson(C.Object)}, {key::Internal, C.Internal}};
  if (C.ReturnsAs)
    J[key::ReturnsAs] = C.ReturnsAs->str();
  if (!C.ExactArgFields.empty())
    J[key::ExactArgFields] = C.ExactArgFields;
  if (C.ObjectFields)
    J[key::ObjectFields] = toJson(*C.ObjectFields);
  if (!C.Fallback.empty())
    J[key::Fallback] = toJson(C.Fallback);
  if (C.ThrowsAs)
    J[key::ThrowsAs] = C.ThrowsAs->str();
  for (const ExternalCall::WrittenArg &W : C.WritesAs)
    J[key::WritesAs].push_back({{key::Param, W.Param}, {key::As, W.As.str()}});
  return J;
}

/// {"<Key>": Id, "site": ...}: the shape of most inventory facts.
json fact(const char *Key, const std::string &Id, const FactSite &At) {
  return {{Key, Id}, {key::Site, summary::toJson(At)}};
}

json toJson(const InventoryFacts &I) {
  json J;
  auto List = [&](const char *Name) -> json & {
    return J[Name] = json::array();
  };
  json &Declarations = List(key::Declarations);
  for (const ItemDeclaration &D : I.Declarations)
    Declarations.push_back(fact(key::Item, D.Item, D.At));
  json &Purposes = List(key::PurposeDeclarations);
  for (const PurposeDeclaration &D : I.PurposeDeclarations)
    Purposes.push_back(fact(key::Purpose, D.Purpose, D.At));
  json &Erase = List(key::Erase);
  for (const EraseDeclaration &D : I.Erase)
    Erase.push_back(fact(key::Store, D.Store, D.At));
  json &Checks = List(key::ConsentChecks);
  for (const ConsentCheck &D : I.ConsentChecks)
    Checks.push_back(fact(key::Consent, D.Consent, D.At));
  json &Transfers = List(key::TransferDeclarations);
  for (const TransferDeclaration &D : I.TransferDeclarations)
    Transfers.push_back(fact(key::Recipient, D.Recipient, D.At));
  json &Stores = List(key::StoreDeclarations);
  for (const StoreDeclaration &D : I.StoreDeclarations)
    Stores.push_back(fact(key::Store, D.Store, D.At));
  json &Uses = List(key::Uses);
  for (const PurposedUse &U : I.Uses)
    Uses.push_back({{key::Item, U.Item},
                    {key::Purpose, U.Purpose},
                    {key::Site, summary::toJson(U.At)},
                    {key::Allowed, U.Allowed}});
  json &Sinks = List(key::Sinks);
  for (const SinkReach &S : I.Sinks) {
    Sinks.push_back({{key::Kind, flowKindName(S.Kind)},
                     {key::Target, S.Target},
                     {key::Country, S.Country},
                     {key::Item, S.Item},
                     {key::Via, S.Via},
                     {key::Site, summary::toJson(S.At)}});
    if (!S.FunctionUsr.empty())
      Sinks.back()[key::FunctionUsr] = S.FunctionUsr;
    addThrough(Sinks.back(), S.Through);
  }
  J[key::Annotations] = I.Annotations;
  J[key::Functions] = I.Functions;
  return J;
}

json toJson(const BoundValue &B) {
  json Args = json::array();
  for (const BoundValue::Argument &A : B.Args)
    Args.push_back(A.Placeholder ? json{{key::Placeholder, *A.Placeholder}}
                                 : json{{key::Fixed, toJson(A.Fixed)}});
  json Callees = json::array();
  for (const BoundValue::Callee &C : B.Callees)
    Callees.push_back(
        {{key::Usr, C.Usr}, {key::Name, C.Name}, {key::Method, C.Method}});
  return {{key::Id, B.Id},
          {key::In, B.In},
          {key::Order, bindOrderName(B.Passed)},
          {key::Args, std::move(Args)},
          {key::Callees, std::move(Callees)}};
}

json toJson(const DeclaredSinkFunction &D) {
  return {
      {key::Usr, D.Usr}, {key::Name, D.Name}, {key::Flows, toJson(D.Flows)}};
}

json toJson(const ValueReturn &R) {
  return {{key::Usr, R.Usr}, {key::Name, R.Name}, {key::Params, R.Params}};
}

template <typename T> json listJson(const std::vector<T> &Items) {
  json Out = json::array();
  for (const T &Item : Items)
    Out.push_back(toJson(Item));
  return Out;
}

//===--- reading ----------------------------------------------------------===//

/// Builds the model from a document the schema accepted; what the schema
/// cannot say (the grammar of labels) is reported at its place.
class ModelReader {
public:
  explicit ModelReader(JsonReader &Json) : Json(Json) {}

  TuSummary summary(const json &J) {
    TuSummary S;
    Traces.clear();
    if (auto It = J.find(key::Traces); It != J.end())
      for (const json &List : *It)
        Traces.push_back(notes(List));
    S.File = string(J, key::File);
    for (const Each &E : each(J, key::Findings, ""))
      S.Findings.push_back(finding(E.Value));
    for (const Each &E : each(J, key::Functions, ""))
      S.Functions.push_back(function(E.Value, E.Pointer));
    for (const Each &E : each(J, key::ExternalCalls, ""))
      S.ExternalCalls.push_back(externalCall(E.Value, E.Pointer));
    for (const Each &E : each(J, key::FunctionSlots, ""))
      S.FunctionSlots.push_back({string(E.Value, key::Slot),
                                 strings(E.Value, key::Targets),
                                 strings(E.Value, key::Binds)});
    for (const Each &E : each(J, key::DeclaredSinks, ""))
      S.DeclaredSinks.push_back(sinkFunction(E.Value, E.Pointer));
    for (const Each &E : each(J, key::BoundValues, ""))
      S.BoundValues.push_back(boundValue(E.Value, E.Pointer));
    for (const Each &E : each(J, key::CatalogFunctions, ""))
      S.CatalogFunctions.push_back(sinkFunction(E.Value, E.Pointer));
    for (const Each &E : each(J, key::ValueReturns, ""))
      S.ValueReturns.push_back(
          {string(E.Value, key::Usr), string(E.Value, key::Name),
           E.Value.at(key::Params).get<std::vector<unsigned>>()});
    if (auto It = J.find(key::Inventory); It != J.end())
      S.Inventory = inventory(*It, std::string("/") + key::Inventory);
    for (const Each &F : each(J, key::AnnotationsFiles, "")) {
      AnnotationsFileUse Use{string(F.Value, key::Path), {}};
      for (const Each &E : each(F.Value, key::Unmatched, F.Pointer))
        Use.Unmatched.push_back({E.Value.at(key::Index).get<size_t>(),
                                 E.Value.at(key::Line).get<unsigned>(),
                                 E.Value.at(key::Column).get<unsigned>(),
                                 string(E.Value, key::Decl),
                                 string(E.Value, key::Why)});
      S.AnnotationsFiles.push_back(std::move(Use));
    }
    for (const Each &E : each(J, key::Anchors, ""))
      S.Anchors.push_back({plainSite(E.Value), string(E.Value, key::Function),
                           string(E.Value, key::CodeHash)});
    return S;
  }

private:
  struct Each {
    const json &Value;
    std::string Pointer;
  };
  /// The elements of the array \p J[Key] (none when absent), with their
  /// JSON pointers under \p Pointer.
  std::vector<Each> each(const json &J, const char *Key,
                         const std::string &Pointer) const {
    std::vector<Each> Out;
    auto It = J.find(Key);
    if (It == J.end())
      return Out;
    std::string Base = Pointer + "/" + Key + "/";
    for (size_t I = 0; I < It->size(); ++I)
      Out.push_back({(*It)[I], Base + std::to_string(I)});
    return Out;
  }
  static std::string string(const json &J, const char *Key) {
    auto It = J.find(Key);
    return It == J.end() ? "" : It->get<std::string>();
  }
  static std::vector<std::string> strings(const json &J, const char *Key) {
    auto It = J.find(Key);
    return It == J.end() ? std::vector<std::string>{}
                         : It->get<std::vector<std::string>>();
  }
  static std::optional<ThroughDeclaredSink> through(const json &J) {
    auto It = J.find(key::Through);
    if (It == J.end())
      return std::nullopt;
    return ThroughDeclaredSink{
        It->at(key::Callee).get<std::string>(),
        It->at(key::Params).get<std::vector<unsigned>>()};
  }
  static bool boolean(const json &J, const char *Key) {
    auto It = J.find(Key);
    return It != J.end() && It->get<bool>();
  }
  static Site plainSite(const json &J) {
    return {J.at(key::File).get<std::string>(), J.at(key::Line).get<unsigned>(),
            J.at(key::Column).get<unsigned>()};
  }
  static std::optional<Site> site(const json &J, const char *Key) {
    auto It = J.find(Key);
    if (It == J.end() || It->is_null())
      return std::nullopt;
    return plainSite(*It);
  }
  static FactSite factSite(const json &J) {
    FactSite S;
    static_cast<Site &>(S) = plainSite(J);
    if (auto It = J.find(key::Function); It != J.end())
      S.Function = It->get<std::string>();
    if (auto It = J.find(key::Symbol); It != J.end())
      S.Symbol = It->get<std::string>();
    return S;
  }
  static Note note(const json &J) {
    return {plainSite(J), J.at(key::Message).get<std::string>()};
  }
  static std::vector<Note> notes(const json &List) {
    std::vector<Note> Out;
    for (const json &N : List)
      Out.push_back(note(N));
    return Out;
  }
  static std::vector<Note> notes(const json &J, const char *Key) {
    auto It = J.find(Key);
    return It == J.end() ? std::vector<Note>{} : notes(*It);
  }
  /// A label's path: its notes, or the index of a list in "traces".
  SharedNotes trace(const json &J, const std::string &Pointer) {
    if (!J.is_number_unsigned())
      return notes(J);
    size_t Index = J.get<size_t>();
    if (Index < Traces.size())
      return Traces[Index];
    Json.error(Pointer, "trace " + std::to_string(Index) +
                            " is not in \"traces\" (it has " +
                            std::to_string(Traces.size()) + ")");
    return {};
  }

  taint::Label label(const json &J, const std::string &Pointer) {
    std::string Text = J.get<std::string>();
    if (std::optional<taint::Label> L = taint::Label::parse(Text))
      return *L;
    Json.error(Pointer, "'" + Text +
                            "' is not a label (docs/scan.md, "
                            "\"Per-TU summaries\")");
    return taint::Label();
  }
  Labels labels(const json &J, const std::string &Pointer) {
    Labels Out;
    for (size_t I = 0; I < J.size(); ++I) {
      std::string At = Pointer + "/" + std::to_string(I);
      Out.push_back({label(J[I].at(key::Label), At + "/" + key::Label),
                     trace(J[I].at(key::Trace), At + "/" + key::Trace),
                     boolean(J[I], key::Held), boolean(J[I], key::Opaque)});
    }
    return Out;
  }
  Labels labels(const json &J, const char *Key, const std::string &Pointer) {
    auto It = J.find(Key);
    return It == J.end() ? Labels{} : labels(*It, Pointer + "/" + Key);
  }
  std::vector<Labels> args(const json &J, const std::string &Pointer) {
    std::vector<Labels> Out;
    for (const Each &A : each(J, key::Args, Pointer))
      Out.push_back(labels(A.Value, A.Pointer));
    return Out;
  }
  FieldLabels fieldLabels(const json &J, const std::string &Pointer) {
    FieldLabels Fields;
    for (auto It = J.begin(); It != J.end(); ++It)
      Fields[It.key()] = labels(It.value(), Pointer + "/" + It.key());
    return Fields;
  }
  std::vector<FieldLabels> argFields(const json &J,
                                     const std::string &Pointer) {
    std::vector<FieldLabels> Out;
    for (const Each &A : each(J, key::ArgFields, Pointer))
      Out.push_back(fieldLabels(A.Value, A.Pointer));
    return Out;
  }

  Finding finding(const json &J) {
    Finding F;
    if (J.contains(key::File))
      F.At = plainSite(J);
    F.Check = string(J, key::Check);
    F.Message = string(J, key::Message);
    if (auto It = J.find(key::FunctionUsr); It != J.end())
      F.FunctionUsr = It->get<std::string>();
    F.NeedsConsents = strings(J, key::NeedsConsents);
    F.GuardedByCalls = strings(J, key::GuardedByCalls);
    F.Notes = notes(J, key::Notes);
    F.Item = string(J, key::Item);
    F.Target = string(J, key::Target);
    F.Function = string(J, key::Function);
    F.CodeHash = string(J, key::CodeHash);
    F.Category = string(J, key::Category);
    F.SuggestedItem = string(J, key::SuggestedItem);
    if (auto It = J.find(key::Fixes); It != J.end())
      for (const json &Fix : *It)
        F.Fixes.push_back(
            {plainSite(Fix), Fix.at(key::Insert).get<std::string>()});
    F.Through = through(J);
    return F;
  }

  Flow flow(const json &J, const std::string &Pointer) {
    Flow F;
    F.Kind = *flowKindNamed(J.at(key::Kind).get<std::string>());
    if (F.Kind == FlowKind::Purpose)
      F.Purposes = splitPurposes(string(J, key::Target));
    else
      F.Target = string(J, key::Target);
    F.Via = string(J, key::Via);
    F.Country = string(J, key::Country);
    F.Catalog = string(J, key::Catalog);
    F.DeclaredAt = site(J, key::DeclaredAt);
    F.At = site(J, key::Site);
    F.Data = labels(J, key::Labels, Pointer);
    F.Through = through(J);
    return F;
  }

  Function function(const json &J, const std::string &Pointer) {
    Function F;
    F.Usr = string(J, key::Usr);
    F.Name = string(J, key::Name);
    F.ShortName = string(J, key::ShortName);
    F.Analysed = J.contains(key::Site);
    F.At = site(J, key::Site);
    F.DeclaredSink = boolean(J, key::DeclaredSink);
    if (auto It = J.find(key::KeptParams); It != J.end())
      F.KeptParams = It->get<std::vector<unsigned>>();
    F.Overrides = strings(J, key::Overrides);
    if (J.contains(key::OwnPurposes))
      F.Own =
          OwnPurposes{strings(J, key::OwnPurposes), site(J, key::PurposeSite)};
    for (const Each &C : each(J, key::Calls, Pointer))
      F.Calls.push_back(
          {string(C.Value, key::Callee), string(C.Value, key::CalleeName),
           site(C.Value, key::Site), strings(C.Value, key::Consents),
           strings(C.Value, key::GuardedByCalls)});
    for (const Each &R : each(J, key::Reads, Pointer))
      F.Reads.push_back({string(R.Value, key::Item),
                         strings(R.Value, key::Consents),
                         site(R.Value, key::Site), string(R.Value, key::What),
                         note(R.Value.at(key::Marker)),
                         strings(R.Value, key::GuardedByCalls)});
    F.WrapsConsents = strings(J, key::WrapsConsents);
    F.WrapsCalls = strings(J, key::WrapsCalls);
    for (const Each &Fl : each(J, key::Flows, Pointer))
      F.Flows.push_back(flow(Fl.Value, Fl.Pointer));
    F.Returns = labels(J, key::Returns, Pointer);
    F.Throws = labels(J, key::Throws, Pointer);
    if (auto It = J.find(key::Builds); It != J.end())
      F.Builds = fieldLabels(*It, Pointer + "/" + std::string(key::Builds));
    if (auto It = J.find(key::Writes); It != J.end())
      F.Writes = fieldLabels(*It, Pointer + "/" + std::string(key::Writes));
    for (const Each &IC : each(J, key::IndirectCalls, Pointer)) {
      IndirectCall Call;
      Call.Callee =
          label(IC.Value.at(key::Callee), IC.Pointer + "/" + key::Callee);
      Call.In = string(IC.Value, key::In);
      Call.InName = string(IC.Value, key::InName);
      Call.At = site(IC.Value, key::Site);
      Call.Consents = strings(IC.Value, key::Consents);
      Call.Args = args(IC.Value, IC.Pointer);
      Call.ArgFields = argFields(IC.Value, IC.Pointer);
      F.IndirectCalls.push_back(std::move(Call));
    }
    return F;
  }

  ExternalCall externalCall(const json &J, const std::string &Pointer) {
    ExternalCall C;
    C.Caller = string(J, key::Caller);
    C.Callee = string(J, key::Callee);
    C.CalleeName = string(J, key::CalleeName);
    C.At = site(J, key::Site);
    C.Args = args(J, Pointer);
    C.ArgFields = argFields(J, Pointer);
    C.Object = labels(J, key::Object, Pointer);
    C.Internal = boolean(J, key::Internal);
    if (auto It = J.find(key::ReturnsAs); It != J.end())
      C.ReturnsAs = label(*It, Pointer + "/" + key::ReturnsAs);
    if (auto It = J.find(key::ExactArgFields); It != J.end())
      C.ExactArgFields = It->get<std::vector<unsigned>>();
    if (auto It = J.find(key::ObjectFields); It != J.end())
      C.ObjectFields =
          fieldLabels(*It, Pointer + "/" + std::string(key::ObjectFields));
    C.Fallback = labels(J, key::Fallback, Pointer);
    if (auto It = J.find(key::ThrowsAs); It != J.end())
      C.ThrowsAs = label(*It, Pointer + "/" + key::ThrowsAs);
    for (const Each &W : each(J, key::WritesAs, Pointer))
      C.WritesAs.push_back(
          {W.Value.at(key::Param).get<int>(),
           label(W.Value.at(key::As), W.Pointer + "/" + key::As)});
    return C;
  }

  DeclaredSinkFunction sinkFunction(const json &J, const std::string &Pointer) {
    DeclaredSinkFunction D{string(J, key::Usr), string(J, key::Name), {}};
    for (const Each &F : each(J, key::Flows, Pointer))
      D.Flows.push_back(flow(F.Value, F.Pointer));
    return D;
  }

  BoundValue boundValue(const json &J, const std::string &Pointer) {
    BoundValue B;
    // "#bind:..." (the schema's pattern): its grammar is checked here.
    B.Id = label(J.at(key::Id), Pointer + "/" + key::Id).str();
    B.In = string(J, key::In);
    // One of the schema's names.
    B.Passed = bindOrderNamed(string(J, key::Order))
                   .value_or(BoundValue::Order::Placeholders);
    for (const Each &A : each(J, key::Args, Pointer)) {
      BoundValue::Argument Arg;
      if (auto It = A.Value.find(key::Placeholder); It != A.Value.end())
        Arg.Placeholder = It->get<unsigned>();
      else
        Arg.Fixed = labels(A.Value, key::Fixed, A.Pointer);
      B.Args.push_back(std::move(Arg));
    }
    for (const Each &C : each(J, key::Callees, Pointer))
      B.Callees.push_back({string(C.Value, key::Usr),
                           string(C.Value, key::Name),
                           boolean(C.Value, key::Method)});
    return B;
  }

  InventoryFacts inventory(const json &J, const std::string &Pointer) {
    InventoryFacts I;
    auto Facts = [&](const char *List, const char *Id, auto &Into) {
      for (const Each &E : each(J, List, Pointer))
        Into.push_back({string(E.Value, Id), factSite(E.Value.at(key::Site))});
    };
    Facts(key::Declarations, key::Item, I.Declarations);
    Facts(key::PurposeDeclarations, key::Purpose, I.PurposeDeclarations);
    Facts(key::Erase, key::Store, I.Erase);
    Facts(key::ConsentChecks, key::Consent, I.ConsentChecks);
    Facts(key::TransferDeclarations, key::Recipient, I.TransferDeclarations);
    Facts(key::StoreDeclarations, key::Store, I.StoreDeclarations);
    for (const Each &E : each(J, key::Uses, Pointer))
      I.Uses.push_back(
          {string(E.Value, key::Item), string(E.Value, key::Purpose),
           factSite(E.Value.at(key::Site)), boolean(E.Value, key::Allowed)});
    for (const Each &E : each(J, key::Sinks, Pointer))
      I.Sinks.push_back(
          {*flowKindNamed(E.Value.at(key::Kind).get<std::string>()),
           string(E.Value, key::Target), string(E.Value, key::Country),
           string(E.Value, key::Item), string(E.Value, key::Via),
           factSite(E.Value.at(key::Site)), string(E.Value, key::FunctionUsr),
           through(E.Value)});
    if (auto It = J.find(key::Annotations); It != J.end())
      I.Annotations = It->get<unsigned long long>();
    if (auto It = J.find(key::Functions); It != J.end())
      I.Functions = It->get<unsigned long long>();
    return I;
  }

  JsonReader &Json;
  /// The summary's "traces", each list shared by the labels naming it.
  std::vector<SharedNotes> Traces;
};

/// Wording for the keys of this schema; "" leaves the generic wording.
std::string describeSummaryError(const SchemaError &E) {
  if (E.Key == key::Trace)
    return "expected a list of notes or the index of one in \"traces\"" +
           E.found();
  if (E.Key == key::Seal)
    return "expected the seal privacy-tidy writes, 16 hexadecimal digits" +
           E.found();
  if (E.Kind == SchemaErrorKind::NotInEnum && E.Key == key::Format)
    return std::string("not a summary of format '") + FormatVersion + "'" +
           E.found();
  // The type the schema expects, in words.
  const json *Node = E.Schema && !E.Pointer.empty()
                         ? schemaNodeAt(*E.Schema, E.Pointer)
                         : nullptr;
  if (E.Kind == SchemaErrorKind::WrongType && Node && Node->contains("type") &&
      Node->at("type").is_string()) {
    static const std::map<std::string, std::string> Types = {
        {"string", "a string"},
        {"boolean", "true or false"},
        {"integer", "an integer"},
        {"array", "a list"},
        {"object", "an object"}};
    auto It = Types.find(Node->at("type").get<std::string>());
    if (It != Types.end())
      return "expected " + It->second + E.found();
  }
  return "";
}

// rules/schema/tu-summary.schema.json, embedded at build time; parsed on
// first use.
const JsonSchema &summarySchema() {
  static const JsonSchema Schema(
#include "tu-summary.schema.inc"
      , "summary", describeSummaryError);
  return Schema;
}

} // namespace

json toJson(const std::optional<Site> &S) {
  return S ? siteFields(*S) : json(nullptr);
}

json toJson(const FactSite &S) {
  json J = siteFields(S);
  if (S.Function)
    J[key::Function] = *S.Function;
  if (S.Symbol)
    J[key::Symbol] = *S.Symbol;
  return J;
}

json toJson(const Note &N) {
  json J = siteFields(N.At);
  J[key::Message] = N.Message;
  return J;
}

json toJson(const Finding &F) {
  json J = F.At ? siteFields(*F.At) : json::object();
  J[key::Check] = F.Check;
  J[key::Message] = F.Message;
  if (F.FunctionUsr) {
    J[key::FunctionUsr] = *F.FunctionUsr;
    J[key::NeedsConsents] = F.NeedsConsents;
    if (!F.GuardedByCalls.empty())
      J[key::GuardedByCalls] = F.GuardedByCalls;
  }
  J[key::Notes] = json::array();
  for (const Note &N : F.Notes)
    J[key::Notes].push_back(toJson(N));
  // Only what there is: the schema has no empty ids.
  for (auto [Key, Value] :
       {std::pair<const char *, const std::string *>{key::Item, &F.Item},
        {key::Target, &F.Target},
        {key::Function, &F.Function},
        {key::CodeHash, &F.CodeHash},
        {key::Category, &F.Category},
        {key::SuggestedItem, &F.SuggestedItem}})
    if (!Value->empty())
      J[Key] = *Value;
  for (const Insertion &Fix : F.Fixes) {
    json Insert = siteFields(Fix.At);
    Insert[key::Insert] = Fix.Text;
    J[key::Fixes].push_back(std::move(Insert));
  }
  addThrough(J, F.Through);
  return J;
}

json toJson(const TuSummary &S) {
  TraceTable Traces;
  struct Writing {
    explicit Writing(TraceTable &T) : Outer(WritingTraces) {
      WritingTraces = &T;
    }
    ~Writing() { WritingTraces = Outer; }
    TraceTable *Outer;
  } Guard(Traces);
  json J;
  J[key::Format] = FormatVersion;
  J[key::File] = S.File;
  J[key::Findings] = listJson(S.Findings);
  J[key::Functions] = listJson(S.Functions);
  J[key::ExternalCalls] = listJson(S.ExternalCalls);
  J[key::FunctionSlots] = json::array();
  for (const FunctionSlot &Slot : S.FunctionSlots) {
    json Entry = {{key::Slot, Slot.Slot}, {key::Targets, Slot.Targets}};
    if (!Slot.Binds.empty())
      Entry[key::Binds] = Slot.Binds;
    J[key::FunctionSlots].push_back(std::move(Entry));
  }
  J[key::DeclaredSinks] = listJson(S.DeclaredSinks);
  // Only with bind values passed into other files: summaries without them
  // stay as they were.
  if (!S.BoundValues.empty())
    J[key::BoundValues] = listJson(S.BoundValues);
  if (!S.CatalogFunctions.empty())
    J[key::CatalogFunctions] = listJson(S.CatalogFunctions);
  if (!S.ValueReturns.empty())
    J[key::ValueReturns] = listJson(S.ValueReturns);
  J[key::Inventory] = toJson(S.Inventory);
  if (!Traces.Lists.empty())
    J[key::Traces] = std::move(Traces.Lists);
  // Only with annotations files: summaries without them stay as they were.
  if (!S.AnnotationsFiles.empty()) {
    J[key::AnnotationsFiles] = json::array();
    for (const AnnotationsFileUse &F : S.AnnotationsFiles) {
      json Unmatched = json::array();
      for (const UnmatchedEntry &E : F.Unmatched)
        Unmatched.push_back({{key::Index, E.Index},
                             {key::Line, E.Line},
                             {key::Column, E.Column},
                             {key::Decl, E.Decl},
                             {key::Why, E.Why}});
      J[key::AnnotationsFiles].push_back(
          {{key::Path, F.Path}, {key::Unmatched, std::move(Unmatched)}});
    }
  }
  J[key::Anchors] = json::array();
  for (const CodeAnchorAt &A : S.Anchors) {
    json Anchor = siteFields(A.At);
    Anchor[key::Function] = A.Function;
    Anchor[key::CodeHash] = A.CodeHash;
    J[key::Anchors].push_back(std::move(Anchor));
  }
  return J;
}

namespace {

// A summary privacy-tidy wrote opens with its seal, a hash of the rest of
// its text: read back unchanged, it needs no check against the schema,
// which is most of the time of reading it (docs/scan.md, "Per-TU
// summaries").
constexpr llvm::StringLiteral SealOpening = "{\n \"seal\": \"";
constexpr size_t SealDigits = 16;
constexpr llvm::StringLiteral SealClosing = "\",";

/// The seal of \p Sealed, the text after the seal. The format's version is
/// hashed in: a summary of another format never passes as this one's.
std::string sealOf(llvm::StringRef Sealed) {
  uint64_t Hash = llvm::xxh3_64bits(Sealed) ^
                  llvm::xxh3_64bits(llvm::StringRef(FormatVersion));
  char Digits[SealDigits + 1];
  std::snprintf(Digits, sizeof Digits, "%016llx",
                static_cast<unsigned long long>(Hash));
  return Digits;
}

/// Whether \p Text is a summary as privacy-tidy wrote it: sealed, and not
/// changed since.
bool sealHolds(llvm::StringRef Text) {
  if (!Text.consume_front(SealOpening) || Text.size() < SealDigits)
    return false;
  llvm::StringRef Seal = Text.take_front(SealDigits);
  Text = Text.drop_front(SealDigits);
  return Text.consume_front(SealClosing) && Seal == sealOf(Text);
}

} // namespace

std::string summaryText(const TuSummary &S) {
  std::string Text =
      SealOpening.str() + std::string(SealDigits, '0') + SealClosing.str();
  size_t SealedFrom = Text.size();
  // The JSON after its opening brace ("{\n \"anchors\": ..."), written
  // straight after the seal rather than held twice.
  bool Opening = true;
  writeJsonText(toJson(S), 1, [&](std::string_view Piece) {
    if (Opening && !Piece.empty()) {
      Piece.remove_prefix(1);
      Opening = false;
    }
    Text.append(Piece);
  });
  Text += '\n';
  std::string Seal = sealOf(llvm::StringRef(Text).drop_front(SealedFrom));
  Text.replace(SealOpening.size(), SealDigits, Seal);
  return Text;
}

SummaryReadResult parseSummary(const std::string &Text,
                               const std::string &Path) {
  SummaryReadResult Result;
  JsonReader Json(Text, Path);
  // A sealed summary is as privacy-tidy wrote it: from a JSON object, with
  // no key twice, and matching the schema.
  bool Sealed = sealHolds(Text);
  if (Json.parse(Sealed ? JsonReader::DuplicateKeys::Impossible
                        : JsonReader::DuplicateKeys::Checked) &&
      (Sealed || Json.validate(summarySchema()))) {
    TuSummary S = ModelReader(Json).summary(Json.document());
    if (!Json.hasErrors())
      Result.Summary = std::move(S);
  }
  Result.Diagnostics = Json.takeDiagnostics();
  return Result;
}

SummaryReadResult readSummaryFile(const std::string &Path) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem =
          readJsonFile(Path, "summary", Text)) {
    SummaryReadResult R;
    R.Diagnostics.push_back(std::move(*Problem));
    return R;
  }
  return parseSummary(Text, Path);
}

} // namespace privacy::summary
