//===- Join.cpp - the whole program from per-TU summaries -----------------===//
#include "Join.h"

#include "privacy/AnalysisLimits.h"
#include "privacy/FindingIdentity.h"
#include "privacy/FlowChecks.h"
#include "privacy/Label.h"
#include "privacy/Messages.h"
#include "privacy/PurposeLimitation.h"
#include "privacy/summary/SummaryJson.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace privacy::scan {

using nlohmann::json;
using summary::FactSite;
using summary::FlowKind;
using summary::Labels;
using summary::Note;
using summary::Site;
using Steps = std::vector<Note>;
using taint::Label;

namespace {

json labelJson(const privacy::Label &L) {
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
  for (auto [Key, L] :
       {std::pair<const char *, const privacy::Label *>{"until", &R.Until},
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

std::string siteKey(const Site &S) {
  return S.File + ":" + std::to_string(S.Line) + ":" + std::to_string(S.Column);
}
std::string siteKey(const std::optional<Site> &S) {
  return S ? siteKey(*S) : "";
}

/// Sorted by place, then function and symbol; each once.
json sortedSites(std::vector<FactSite> Sites) {
  auto Key = [](const FactSite &S) {
    return std::make_tuple(std::cref(S.File), S.Line, S.Column,
                           S.Function.value_or(""), S.Symbol.value_or(""));
  };
  std::sort(
      Sites.begin(), Sites.end(),
      [&](const FactSite &A, const FactSite &B) { return Key(A) < Key(B); });
  json Out = json::array();
  std::string Last;
  for (const FactSite &S : Sites) {
    std::string K =
        siteKey(S) + S.Function.value_or("") + S.Symbol.value_or("");
    if (K == Last)
      continue;
    Last = K;
    Out.push_back(summary::toJson(S));
  }
  return Out;
}

/// A note at \p At; at file "", line 0 when there is no site.
Note noteAt(const std::optional<Site> &At, std::string Message) {
  return {At.value_or(Site{}), std::move(Message)};
}

FactSite factSite(const std::optional<Site> &At) {
  FactSite S;
  static_cast<Site &>(S) = At.value_or(Site{});
  return S;
}

SinkKind sinkKindOf(FlowKind K) {
  switch (K) {
  case FlowKind::Transfer:
    return SinkKind::Transfer;
  case FlowKind::Store:
    return SinkKind::Store;
  case FlowKind::Network:
    return SinkKind::Network;
  case FlowKind::Purpose:
    return SinkKind::Purpose;
  default:
    return SinkKind::Log;
  }
}

/// The target as summaries spell it: purposes joined by commas.
std::string targetText(const summary::Flow &F) {
  return F.Kind == FlowKind::Purpose ? summary::joinPurposes(F.Purposes)
                                     : F.Target;
}

/// A note worded as the analysis words it (Messages.h).
template <typename NoteKind> std::string worded(NoteKind Note) {
  return noteMessage(PathNote{{}, std::move(Note)});
}

/// The text of a marker of kind \p Kind ("#fn:<USR>" → "<USR>").
std::optional<std::string> markerText(const Label &L, taint::MarkerKind Kind) {
  if (!L.isMarker(Kind))
    return std::nullopt;
  return L.as<taint::MarkerLabel>()->Text;
}

/// "$r:<file>:<N>", without fields, when \p L is what a call into another
/// file returned.
std::optional<std::string> globalReturnCall(const Label &L) {
  const auto *Returned = L.as<taint::ReturnPlaceholder>();
  if (!Returned || !Returned->File)
    return std::nullopt;
  return L.withoutFields().str();
}

std::optional<int> writtenParam(const summary::ExternalCall &Call,
                                const std::string &Global);

/// Empties \p Container and gives its room back.
template <typename T> void release(T &Container) { T().swap(Container); }

/// Moves \p From's elements to the end of \p Into.
template <typename T> void append(std::vector<T> &Into, std::vector<T> &From) {
  Into.insert(Into.end(), std::make_move_iterator(From.begin()),
              std::make_move_iterator(From.end()));
}

/// Strings the join holds many times (file names, messages, USRs), each
/// once, by a number.
class NameTable {
public:
  uint32_t id(const std::string &Name) {
    auto [It, New] = Ids.try_emplace(Name, static_cast<uint32_t>(Names.size()));
    if (New)
      Names.push_back(&It->first);
    return It->second;
  }
  /// The number of \p Name; none when it was never given one.
  std::optional<uint32_t> find(const std::string &Name) const {
    auto It = Ids.find(Name);
    return It == Ids.end() ? std::nullopt : std::optional(It->second);
  }
  const std::string &name(uint32_t Id) const { return *Names[Id]; }

private:
  std::unordered_map<std::string, uint32_t> Ids;
  std::vector<const std::string *> Names; // by id, in Ids
};

/// The steps of a path, each by its index in the join's NoteTable: the
/// paths of flows the join makes repeat the steps of the flows they come
/// from, and their copies were most of the join's memory (ZNC: 4.9 million
/// steps, 556 MiB, in 127,000 flows).
using StepIds = std::vector<uint32_t>;

/// Each step once, by its place and message; each file name and message
/// once (the same few messages recur in every file).
class NoteTable {
public:
  uint32_t idOf(const Note &N) {
    Step S{Texts.id(N.At.File), N.At.Line, N.At.Column, Texts.id(N.Message)};
    if (2 * (Table.size() + 1) > Slots.size())
      grow();
    size_t Mask = Slots.size() - 1;
    for (size_t At = hashOf(S) & Mask;; At = (At + 1) & Mask) {
      if (Slots[At] == 0) {
        Table.push_back(S);
        Slots[At] = static_cast<uint32_t>(Table.size()); // the id plus one
        return Slots[At] - 1;
      }
      if (Table[Slots[At] - 1] == S)
        return Slots[At] - 1;
    }
  }
  StepIds idsOf(const Steps &Trace) {
    StepIds Out;
    Out.reserve(Trace.size());
    for (const Note &N : Trace)
      Out.push_back(idOf(N));
    return Out;
  }
  Steps steps(const StepIds &Trace) const {
    Steps Out;
    Out.reserve(Trace.size());
    for (uint32_t Id : Trace) {
      const Step &S = Table[Id];
      Out.push_back(
          {{Texts.name(S.File), S.Line, S.Column}, Texts.name(S.Message)});
    }
    return Out;
  }

private:
  struct Step {
    uint32_t File, Line, Column, Message; // File and Message in Texts
    bool operator==(const Step &O) const {
      return File == O.File && Line == O.Line && Column == O.Column &&
             Message == O.Message;
    }
  };
  static size_t hashOf(const Step &S) {
    uint64_t H = S.File;
    for (uint32_t Part : {S.Line, S.Column, S.Message})
      H = H * 0x9E3779B97F4A7C15ULL + Part;
    return static_cast<size_t>(H ^ (H >> 29));
  }
  /// Twice the room, every step placed again.
  void grow() {
    std::vector<uint32_t>(std::max<size_t>(64, 2 * Slots.size())).swap(Slots);
    size_t Mask = Slots.size() - 1;
    for (uint32_t Id = 0; Id < Table.size(); ++Id) {
      size_t At = hashOf(Table[Id]) & Mask;
      while (Slots[At] != 0)
        At = (At + 1) & Mask;
      Slots[At] = Id + 1;
    }
  }
  NameTable Texts;
  std::vector<Step> Table; // by id
  /// Each step's id plus one, at its hash (open addressing, linear
  /// probing; 0 is empty): a hash map's node per step was most of the
  /// table's room (docs/scan.md, "Large programs").
  std::vector<uint32_t> Slots;
};

/// A label a flow carries, with its path.
struct FlowLabel {
  taint::Label Label;
  StepIds Trace;
  /// As summary::LabelledPath's.
  bool Held = false;
  bool Opaque = false;
};

/// A flow of a function, and whether the join made it (a flow of a callee
/// in terms of this function's parameters) rather than read it.
struct JoinedFlow {
  summary::Flow Flow; // without its Data: that is in Data below
  std::vector<FlowLabel> Data;
  bool Joined = false;
  /// The function whose purposes the sending code runs under, by USR: the
  /// first one with purposes of its own from the flow's function up
  /// through the callers that passed the data, else the last of them
  /// (privacy-undeclared-recipient compares them with the recipient's).
  std::string PurposeFrom;
};

/// Writes what the join keeps packed (PackedFlows, CallStore) as bytes:
/// numbers as base-128 varints, strings with their length first.
struct Packer {
  std::string &Out;
  void number(uint64_t N) {
    for (; N >= 0x80; N >>= 7)
      Out.push_back(static_cast<char>(N | 0x80));
    Out.push_back(static_cast<char>(N));
  }
  void text(std::string_view S) {
    number(S.size());
    Out += S;
  }
  void site(const std::optional<Site> &S) {
    number(S.has_value());
    if (!S)
      return;
    text(S->File);
    number(S->Line);
    number(S->Column);
  }
  template <typename T> void list(const std::vector<T> &Items) {
    number(Items.size());
    for (const T &Item : Items) {
      if constexpr (std::is_same_v<T, std::string>)
        text(Item);
      else
        number(Item);
    }
  }
  void label(const Label &L) { text(L.str()); }
  /// The flags of summary::LabelledPath and FlowLabel.
  void flags(bool Held, bool Opaque) { number(Held | Opaque << 1); }
  /// Labels with their paths, each step by its id in \p Notes.
  void labels(const Labels &Ls, NoteTable &Notes) {
    number(Ls.size());
    for (const summary::LabelledPath &L : Ls) {
      label(L.Label);
      list(Notes.idsOf(L.Trace));
      flags(L.Held, L.Opaque);
    }
  }
  void fieldLabels(const summary::FieldLabels &Fields, NoteTable &Notes) {
    number(Fields.size());
    for (const auto &[Field, Ls] : Fields) {
      text(Field);
      labels(Ls, Notes);
    }
  }
};

/// A label packed with Label::str(): parse() reads back every label a
/// summary or the join holds, and an empty item, which it rejects, comes
/// back as itself.
Label labelFromText(std::string Text) {
  std::optional<Label> L = Label::parse(Text);
  return L ? std::move(*L) : Label(taint::ItemLabel{std::move(Text)});
}

/// Reads what Packer wrote, in the same order.
struct Unpacker {
  std::string_view In;
  size_t At = 0;
  uint64_t number() {
    uint64_t N = 0;
    for (unsigned Shift = 0;; Shift += 7) {
      auto Byte = static_cast<unsigned char>(In[At++]);
      N |= uint64_t(Byte & 0x7f) << Shift;
      if (!(Byte & 0x80))
        return N;
    }
  }
  std::string text() {
    size_t Size = number();
    std::string S(In.substr(At, Size));
    At += Size;
    return S;
  }
  std::optional<Site> site() {
    if (!number())
      return std::nullopt;
    Site S;
    S.File = text();
    S.Line = number();
    S.Column = number();
    return S;
  }
  template <typename T> void list(std::vector<T> &Items) {
    Items.resize(number());
    for (T &Item : Items) {
      if constexpr (std::is_same_v<T, std::string>)
        Item = text();
      else
        Item = static_cast<T>(number());
    }
  }
  Label label() { return labelFromText(text()); }
  void flags(bool &Held, bool &Opaque) {
    uint64_t Flags = number();
    Held = Flags & 1;
    Opaque = Flags & 2;
  }
  Labels labels(const NoteTable &Notes) {
    Labels Ls(number());
    for (summary::LabelledPath &L : Ls) {
      L.Label = label();
      StepIds Trace;
      list(Trace);
      L.Trace = Notes.steps(Trace);
      flags(L.Held, L.Opaque);
    }
    return Ls;
  }
  summary::FieldLabels fieldLabels(const NoteTable &Notes) {
    summary::FieldLabels Fields;
    for (size_t N = number(); N > 0; --N) {
      std::string Field = text();
      Fields.emplace(std::move(Field), labels(Notes));
    }
    return Fields;
  }
};

/// Texts packed by their number in a NameTable, for the packers whose
/// texts (files, USRs, purposes, labels) recur from record to record.
class InternedTexts {
public:
  void text(Packer &W, const std::string &Text) { W.number(Names.id(Text)); }
  void texts(Packer &W, const std::vector<std::string> &List) {
    W.number(List.size());
    for (const std::string &Text : List)
      text(W, Text);
  }
  void site(Packer &W, const std::optional<Site> &At) {
    W.number(At.has_value());
    if (!At)
      return;
    text(W, At->File);
    W.number(At->Line);
    W.number(At->Column);
  }
  const std::string &text(Unpacker &R) const { return Names.name(R.number()); }
  void texts(Unpacker &R, std::vector<std::string> &List) const {
    List.resize(R.number());
    for (std::string &Text : List)
      Text = text(R);
  }
  /// A site packed by site(Packer &, ...), its file where the table holds
  /// it; false when there was none.
  bool site(Unpacker &R, const std::string *&File, unsigned &Line,
            unsigned &Column) const {
    if (!R.number())
      return false;
    File = &text(R);
    Line = R.number();
    Column = R.number();
    return true;
  }
  std::optional<Site> site(Unpacker &R) const {
    const std::string *File = nullptr;
    unsigned Line = 0, Column = 0;
    if (!site(R, File, Line, Column))
      return std::nullopt;
    return Site{*File, Line, Column};
  }
  Label label(Unpacker &R) const { return labelFromText(text(R)); }

private:
  NameTable Names;
};

/// The flows of functions that no call from another file has reached yet,
/// packed into bytes. Only such a call follows a function's flows (those
/// of its own calls were followed in its file), and on a large program
/// most functions are called from their own file only: their flows were
/// the largest part of the join's memory (docs/scan.md, "Large
/// programs"). A function's flows are unpacked, in their order, when a
/// call from another file reaches it; the flows the join makes for it
/// before then are packed after its own.
class PackedFlows {
public:
  /// Packs \p Own after the flows already packed for \p Usr, a key of the
  /// join's Functions (its view is kept) or a function packed before. A
  /// function's own flows take only their room; the flows the rounds add
  /// one call at a time grow it as a string grows.
  void pack(std::string_view Usr, const std::vector<JoinedFlow> &Own) {
    std::string &Bytes = Packed[Usr];
    bool First = Bytes.empty();
    Packer W{Bytes};
    for (const JoinedFlow &J : Own)
      packFlow(W, J, Usr);
    if (First)
      Bytes.shrink_to_fit();
  }
  bool has(std::string_view Usr) const { return Packed.count(Usr); }
  /// The flows packed for \p Usr, in the order packed, no longer kept
  /// here; none when none are.
  std::optional<std::vector<JoinedFlow>> take(std::string_view Usr) {
    auto It = Packed.find(Usr);
    if (It == Packed.end())
      return std::nullopt;
    Unpacker R{It->second};
    std::vector<JoinedFlow> Own;
    while (R.At < R.In.size())
      unpackFlow(R, Own.emplace_back(), Usr);
    Packed.erase(It);
    return Own;
  }

private:
  void packFlow(Packer &W, const JoinedFlow &J, std::string_view Usr) {
    const summary::Flow &F = J.Flow; // its Data is empty (readFlow)
    W.number(static_cast<unsigned>(F.Kind));
    Texts.text(W, F.Target);
    Texts.texts(W, F.Purposes);
    Texts.text(W, F.Via);
    Texts.text(W, F.Country);
    Texts.text(W, F.Catalog);
    Texts.site(W, F.DeclaredAt);
    Texts.site(W, F.At);
    W.number(F.Through.has_value());
    if (F.Through) {
      Texts.text(W, F.Through->Callee);
      W.list(F.Through->Params);
    }
    W.number(J.Data.size());
    for (const FlowLabel &L : J.Data) {
      Texts.text(W, L.Label.str());
      W.list(L.Trace);
      W.flags(L.Held, L.Opaque);
    }
    W.number(J.Joined);
    bool Own = J.PurposeFrom == Usr;
    W.number(Own);
    if (!Own)
      Texts.text(W, J.PurposeFrom);
  }
  void unpackFlow(Unpacker &R, JoinedFlow &J, std::string_view Usr) const {
    summary::Flow &F = J.Flow;
    F.Kind = static_cast<FlowKind>(R.number());
    F.Target = Texts.text(R);
    Texts.texts(R, F.Purposes);
    F.Via = Texts.text(R);
    F.Country = Texts.text(R);
    F.Catalog = Texts.text(R);
    F.DeclaredAt = Texts.site(R);
    F.At = Texts.site(R);
    if (R.number()) {
      F.Through.emplace();
      F.Through->Callee = Texts.text(R);
      R.list(F.Through->Params);
    }
    J.Data.resize(R.number());
    for (FlowLabel &L : J.Data) {
      L.Label = Texts.label(R);
      R.list(L.Trace);
      R.flags(L.Held, L.Opaque);
    }
    J.Joined = R.number();
    J.PurposeFrom = R.number() ? std::string(Usr) : Texts.text(R);
  }
  /// The same files, purposes, targets and labels recur in most flows.
  InternedTexts Texts;
  std::map<std::string_view, std::string> Packed; // by USR
};

/// The calls into other files, each packed into bytes as it is added and
/// unpacked where it is read: what their arguments and objects carried was
/// most of the join's memory on a real server (ZNC: 23,000 calls, 350,000
/// labels; docs/scan.md, "Large programs"). Each step of their paths is
/// held once, in the join's NoteTable. The caller and the callee are kept
/// unpacked, by number, for the indexes.
class CallStore {
public:
  explicit CallStore(NoteTable &Notes) : Notes(Notes) {}
  size_t size() const { return Calls.size(); }
  void add(const summary::ExternalCall &Call) {
    Entry E{Usrs.id(Call.Caller), Usrs.id(Call.Callee), {}};
    Packer W{E.Bytes};
    W.number(Call.Internal);
    W.text(Call.CalleeName);
    W.site(Call.At);
    W.number(Call.Args.size());
    for (const Labels &Arg : Call.Args)
      W.labels(Arg, Notes);
    W.number(Call.ArgFields.size());
    for (const summary::FieldLabels &Fields : Call.ArgFields)
      W.fieldLabels(Fields, Notes);
    W.list(Call.ExactArgFields);
    W.labels(Call.Object, Notes);
    W.number(Call.ObjectFields.has_value());
    if (Call.ObjectFields)
      W.fieldLabels(*Call.ObjectFields, Notes);
    W.labels(Call.Fallback, Notes);
    for (const std::optional<Label> *L : {&Call.ReturnsAs, &Call.ThrowsAs}) {
      W.number(L->has_value());
      if (*L)
        W.label(**L);
    }
    W.number(Call.WritesAs.size());
    for (const summary::ExternalCall::WrittenArg &Written : Call.WritesAs) {
      W.number(static_cast<uint64_t>(Written.Param + 1)); // -1: the object
      W.label(Written.As);
    }
    E.Bytes.shrink_to_fit();
    Calls.push_back(std::move(E));
  }
  /// Call \p I as it was added.
  summary::ExternalCall operator[](size_t I) const {
    const Entry &E = Calls[I];
    summary::ExternalCall Call;
    Call.Caller = Usrs.name(E.Caller);
    Call.Callee = Usrs.name(E.Callee);
    Unpacker R{E.Bytes};
    Call.Internal = R.number();
    Call.CalleeName = R.text();
    Call.At = R.site();
    Call.Args.resize(R.number());
    for (Labels &Arg : Call.Args)
      Arg = R.labels(Notes);
    Call.ArgFields.resize(R.number());
    for (summary::FieldLabels &Fields : Call.ArgFields)
      Fields = R.fieldLabels(Notes);
    R.list(Call.ExactArgFields);
    Call.Object = R.labels(Notes);
    if (R.number())
      Call.ObjectFields = R.fieldLabels(Notes);
    Call.Fallback = R.labels(Notes);
    for (std::optional<Label> *L : {&Call.ReturnsAs, &Call.ThrowsAs})
      if (R.number())
        *L = R.label();
    Call.WritesAs.resize(R.number());
    for (summary::ExternalCall::WrittenArg &Written : Call.WritesAs) {
      Written.Param = static_cast<int>(R.number()) - 1;
      Written.As = R.label();
    }
    return Call;
  }
  const std::string &caller(size_t I) const {
    return Usrs.name(Calls[I].Caller);
  }
  const std::string &callee(size_t I) const {
    return Usrs.name(Calls[I].Callee);
  }
  void clear() {
    release(Calls);
    Usrs = NameTable();
  }

private:
  struct Entry {
    uint32_t Caller, Callee; // in Usrs
    std::string Bytes;
  };
  NoteTable &Notes;
  NameTable Usrs;
  /// A deque: grows without moving the entries or leaving room it does
  /// not use.
  std::deque<Entry> Calls;
};

/// \p Ls as the join keeps them, each step by its number in \p Notes.
std::vector<FlowLabel> flowLabels(Labels &&Ls, NoteTable &Notes) {
  std::vector<FlowLabel> Out;
  Out.reserve(Ls.size());
  for (summary::LabelledPath &L : Ls)
    Out.push_back({std::move(L.Label), Notes.idsOf(L.Trace), L.Held, L.Opaque});
  return Out;
}

/// A call as the purposes' walk reads it: summary::Call with its names
/// pointing into the packed call graph, which holds each once (a program
/// has several calls per function; docs/scan.md, "Large programs").
struct JoinedCall {
  const std::string *Callee = nullptr; // USR
  const std::string *CalleeName = nullptr;
  const std::string *File = nullptr; // of the call's site; none: no site
  unsigned Line = 0, Column = 0;
  std::vector<std::string> Consents;
  std::vector<std::string> GuardedByCalls;
  std::optional<Site> at() const {
    if (!File)
      return std::nullopt;
    return Site{*File, Line, Column};
  }
};

/// A function as the join keeps it: summary::Function without its USR
/// (the key of the join's map), its flows (JoinedFlow, PackedFlows), the
/// overrides (Overriders) or its site (the join reports at the sites of
/// flows, calls and reads), with what few functions have apart and its
/// calls and reads only for the purposes' walk. A program has a function
/// per few lines; the summary's type, with a place for every list, was the
/// largest part of the join's memory on large programs (docs/scan.md,
/// "Large programs").
struct JoinedFunction {
  std::string Name; // qualified
  std::string ShortName;
  bool Analysed = false;
  bool DeclaredSink = false;
  std::unique_ptr<const summary::OwnPurposes> Own;
  /// What it returns and throws, each step by its number in the join's
  /// NoteTable; none where both are empty.
  struct Results {
    std::vector<FlowLabel> Returns;
    std::vector<FlowLabel> Throws;
  };
  std::unique_ptr<Results> Result;
  const std::vector<FlowLabel> &returns() const {
    return Result ? Result->Returns : none<FlowLabel>();
  }
  const std::vector<FlowLabel> &throws() const {
    return Result ? Result->Throws : none<FlowLabel>();
  }
  /// Its calls and reads, only for the purposes' walk (PackedCallGraph
  /// fills them).
  struct Graph {
    std::vector<JoinedCall> Calls;
    std::vector<summary::Read> Reads;
  };
  std::unique_ptr<Graph> Walk;
  const std::vector<JoinedCall> &calls() const {
    return Walk ? Walk->Calls : none<JoinedCall>();
  }
  const std::vector<summary::Read> &reads() const {
    return Walk ? Walk->Reads : none<summary::Read>();
  }
  /// As summary::Function's; none where they are all empty.
  struct Rare {
    std::optional<std::vector<unsigned>> KeptParams;
    std::optional<summary::FieldLabels> Builds;
    summary::FieldLabels Writes;
    std::vector<summary::IndirectCall> IndirectCalls;
    std::vector<std::string> WrapsConsents;
    std::vector<std::string> WrapsCalls;
  };
  std::unique_ptr<Rare> More;
  const Rare &more() const {
    static const Rare None;
    return More ? *More : None;
  }
  template <typename T> static const std::vector<T> &none() {
    static const std::vector<T> Empty;
    return Empty;
  }

  /// \p F (whose flows the join has taken) as the join keeps it.
  static JoinedFunction from(summary::Function &&F, NoteTable &Notes) {
    JoinedFunction J;
    J.Name = std::move(F.Name);
    J.ShortName = std::move(F.ShortName);
    J.Analysed = F.Analysed;
    J.DeclaredSink = F.DeclaredSink;
    if (F.Own)
      J.Own = std::make_unique<const summary::OwnPurposes>(std::move(*F.Own));
    if (!F.Returns.empty() || !F.Throws.empty())
      J.Result.reset(new Results{flowLabels(std::move(F.Returns), Notes),
                                 flowLabels(std::move(F.Throws), Notes)});
    if (F.KeptParams || F.Builds || !F.Writes.empty() ||
        !F.IndirectCalls.empty() || !F.WrapsConsents.empty() ||
        !F.WrapsCalls.empty()) {
      F.IndirectCalls.shrink_to_fit();
      J.More.reset(new Rare{std::move(F.KeptParams), std::move(F.Builds),
                            std::move(F.Writes), std::move(F.IndirectCalls),
                            std::move(F.WrapsConsents),
                            std::move(F.WrapsCalls)});
    }
    return J;
  }
};

/// The join's functions by USR, found by a view of one too.
using FunctionMap = std::map<std::string, JoinedFunction, std::less<>>;

/// Every function's calls and reads, packed while the calls across files
/// are followed, which never read them: only the purposes walk the call
/// graph, after the flows are freed (docs/scan.md, "Large programs").
/// Names (callees, files, consents, items, messages) are held once, and
/// the calls the walk reads refer to them until forgetCalls().
class PackedCallGraph {
public:
  /// Packs the calls and reads of the function Functions holds under
  /// \p Usr; replaces what was packed for it before.
  void pack(const std::string &Usr, const std::vector<summary::Call> &Calls,
            const std::vector<summary::Read> &Reads) {
    Entry &E = Packed[&Usr];
    E = Entry();
    for (const summary::Call &C : Calls)
      packCall(E, C);
    Packer W{E.Reads};
    for (const summary::Read &R : Reads) {
      Texts.text(W, R.Item);
      Texts.texts(W, R.Consents);
      Texts.site(W, R.At);
      Texts.text(W, R.What);
      Texts.site(W, R.Marker.At);
      Texts.text(W, R.Marker.Message);
      Texts.texts(W, R.GuardedByCalls);
    }
    E.Calls.shrink_to_fit();
    E.Reads.shrink_to_fit();
  }
  /// Packs \p C after the calls of the function Functions holds under
  /// \p Usr.
  void addCall(const std::string &Usr, const summary::Call &C) {
    packCall(Packed[&Usr], C);
  }
  /// Puts the calls and reads of every function of \p Functions there, in
  /// the order packed, and frees the bytes; the names stay.
  void unpackInto(FunctionMap &Functions) {
    for (auto &[Usr, F] : Functions) {
      auto It = Packed.find(&Usr);
      if (It == Packed.end())
        continue;
      F.Walk = std::make_unique<JoinedFunction::Graph>();
      Unpacker Calls{It->second.Calls};
      while (Calls.At < Calls.In.size()) {
        JoinedCall &C = F.Walk->Calls.emplace_back();
        C.Callee = &Texts.text(Calls);
        C.CalleeName = &Texts.text(Calls);
        Texts.site(Calls, C.File, C.Line, C.Column);
        Texts.texts(Calls, C.Consents);
        Texts.texts(Calls, C.GuardedByCalls);
      }
      Unpacker R{It->second.Reads};
      while (R.At < R.In.size()) {
        summary::Read &Read = F.Walk->Reads.emplace_back();
        Read.Item = Texts.text(R);
        Texts.texts(R, Read.Consents);
        Read.At = Texts.site(R);
        Read.What = Texts.text(R);
        Read.Marker.At = Texts.site(R).value_or(Site{});
        Read.Marker.Message = Texts.text(R);
        Texts.texts(R, Read.GuardedByCalls);
      }
      Packed.erase(It);
    }
    release(Packed);
  }

private:
  struct Entry {
    std::string Calls, Reads; // records until the end
  };
  void packCall(Entry &E, const summary::Call &C) {
    Packer W{E.Calls};
    Texts.text(W, C.Callee);
    Texts.text(W, C.CalleeName);
    Texts.site(W, C.At);
    Texts.texts(W, C.Consents);
    Texts.texts(W, C.GuardedByCalls);
  }
  InternedTexts Texts; // callees, files, consents, items, messages
  /// By the USR Functions holds (its nodes stay where they are).
  std::unordered_map<const std::string *, Entry> Packed;
};

/// The inventory facts of every file, packed as they are merged, texts
/// held once: only the inventory reads them, after everything else, and
/// they were a fifth of what the join held at 4,000 generated units. The
/// inventory reads them where they are packed, one record at a time:
/// unpacked whole, their lists took new room of the size they had
/// (docs/scan.md, "Large programs"). The sites data reaches are packed
/// once the join has dropped those a declared sink does not keep, and
/// those the join finds after them before the inventory.
class PackedFacts {
public:
  /// Packs and empties the lists of \p Inv but its sinks.
  void add(summary::InventoryFacts &Inv) {
    packEach(Declarations, Inv.Declarations);
    packEach(PurposeDeclarations, Inv.PurposeDeclarations);
    packEach(Erase, Inv.Erase);
    packEach(ConsentChecks, Inv.ConsentChecks);
    packEach(Transfers, Inv.TransferDeclarations);
    packEach(Stores, Inv.StoreDeclarations);
    packEach(Uses, Inv.Uses);
  }
  /// Packs and empties \p Reaches, after those packed before.
  void addSinks(std::vector<summary::SinkReach> &Reaches) {
    packEach(Sinks, Reaches);
  }

  /// The records of one list, in the order added, each unpacked as the
  /// iteration reaches it.
  template <typename T> class Records {
  public:
    class Iterator {
    public:
      Iterator() = default; // the end
      Iterator(const PackedFacts &Owner, std::string_view Bytes)
          : Owner(&Owner), R{Bytes}, Done(false) {
        next();
      }
      const T &operator*() const { return Current; }
      Iterator &operator++() {
        next();
        return *this;
      }
      bool operator!=(const Iterator &O) const { return Done != O.Done; }

    private:
      void next() {
        if (R.At >= R.In.size()) {
          Done = true;
          return;
        }
        Current = T();
        Owner->read(R, Current);
      }
      const PackedFacts *Owner = nullptr;
      Unpacker R{};
      T Current;
      bool Done = true;
    };
    Records(const PackedFacts &Owner, const std::string &Bytes)
        : Owner(Owner), Bytes(Bytes) {}
    Iterator begin() const { return Iterator(Owner, Bytes); }
    Iterator end() const { return Iterator(); }
    bool empty() const { return Bytes.empty(); }

  private:
    const PackedFacts &Owner;
    const std::string &Bytes;
  };
  Records<summary::ItemDeclaration> declarations() const {
    return {*this, Declarations};
  }
  Records<summary::PurposeDeclaration> purposeDeclarations() const {
    return {*this, PurposeDeclarations};
  }
  Records<summary::EraseDeclaration> erase() const { return {*this, Erase}; }
  Records<summary::ConsentCheck> consentChecks() const {
    return {*this, ConsentChecks};
  }
  Records<summary::TransferDeclaration> transferDeclarations() const {
    return {*this, Transfers};
  }
  Records<summary::StoreDeclaration> storeDeclarations() const {
    return {*this, Stores};
  }
  Records<summary::PurposedUse> uses() const { return {*this, Uses}; }
  Records<summary::SinkReach> sinks() const { return {*this, Sinks}; }

private:
  template <typename T>
  void packEach(std::string &Bytes, std::vector<T> &List) {
    Packer W{Bytes};
    for (const T &Item : List)
      write(W, Item);
    release(List);
  }
  // Six kinds of facts are a name and a site.
  static auto nameOf(const summary::ItemDeclaration *) {
    return &summary::ItemDeclaration::Item;
  }
  static auto nameOf(const summary::PurposeDeclaration *) {
    return &summary::PurposeDeclaration::Purpose;
  }
  static auto nameOf(const summary::EraseDeclaration *) {
    return &summary::EraseDeclaration::Store;
  }
  static auto nameOf(const summary::ConsentCheck *) {
    return &summary::ConsentCheck::Consent;
  }
  static auto nameOf(const summary::TransferDeclaration *) {
    return &summary::TransferDeclaration::Recipient;
  }
  static auto nameOf(const summary::StoreDeclaration *) {
    return &summary::StoreDeclaration::Store;
  }
  template <typename T> void write(Packer &W, const T &Fact) {
    Texts.text(W, Fact.*nameOf(&Fact));
    site(W, Fact.At);
  }
  template <typename T> void read(Unpacker &R, T &Fact) const {
    Fact.*nameOf(&Fact) = Texts.text(R);
    Fact.At = site(R);
  }
  void write(Packer &W, const summary::PurposedUse &U) {
    Texts.text(W, U.Item);
    Texts.text(W, U.Purpose);
    site(W, U.At);
    W.number(U.Allowed);
  }
  void read(Unpacker &R, summary::PurposedUse &U) const {
    U.Item = Texts.text(R);
    U.Purpose = Texts.text(R);
    U.At = site(R);
    U.Allowed = R.number();
  }
  void write(Packer &W, const summary::SinkReach &S) {
    W.number(static_cast<unsigned>(S.Kind));
    Texts.text(W, S.Target);
    Texts.text(W, S.Country);
    Texts.text(W, S.Item);
    Texts.text(W, S.Via);
    site(W, S.At);
    Texts.text(W, S.FunctionUsr);
    W.number(S.Through.has_value());
    if (S.Through) {
      Texts.text(W, S.Through->Callee);
      W.list(S.Through->Params);
    }
  }
  void read(Unpacker &R, summary::SinkReach &S) const {
    S.Kind = static_cast<FlowKind>(R.number());
    S.Target = Texts.text(R);
    S.Country = Texts.text(R);
    S.Item = Texts.text(R);
    S.Via = Texts.text(R);
    S.At = site(R);
    S.FunctionUsr = Texts.text(R);
    if (R.number()) {
      S.Through.emplace();
      S.Through->Callee = Texts.text(R);
      R.list(S.Through->Params);
    }
  }
  void site(Packer &W, const FactSite &At) {
    Texts.site(W, Site(At));
    for (const std::optional<std::string> *Name : {&At.Function, &At.Symbol}) {
      W.number(Name->has_value());
      if (*Name)
        Texts.text(W, **Name);
    }
  }
  FactSite site(Unpacker &R) const {
    FactSite At;
    static_cast<Site &>(At) = Texts.site(R).value_or(Site{});
    for (std::optional<std::string> *Name : {&At.Function, &At.Symbol})
      if (R.number())
        *Name = Texts.text(R);
    return At;
  }
  std::string Declarations, PurposeDeclarations, Erase, ConsentChecks,
      Transfers, Stores, Uses, Sinks;
  InternedTexts Texts; // items, purposes, files, functions, USRs
};

/// The function and code at the sites of flows and reads, for the
/// fingerprints of the findings the join makes there: tens per translation
/// unit, so kept as small records, each file and function name once
/// (docs/scan.md, "Large programs"). Filled while the summaries are
/// merged, then sealed; the first anchor added for a site is the one kept.
class AnchorTable {
public:
  void add(const summary::CodeAnchorAt &A) {
    Records.push_back({Names.id(A.At.File), A.At.Line, A.At.Column,
                       Names.id(A.Function),
                       static_cast<uint32_t>(Hashes.size()),
                       static_cast<uint32_t>(A.CodeHash.size())});
    Hashes += A.CodeHash;
  }
  /// Sorts the anchors by site, for find().
  void seal() {
    std::stable_sort(Records.begin(), Records.end(), bySite);
    Records.erase(std::unique(Records.begin(), Records.end(),
                              [](const Record &A, const Record &B) {
                                return !bySite(A, B) && !bySite(B, A);
                              }),
                  Records.end());
    Records.shrink_to_fit();
  }
  /// The anchor at \p At; none when no summary has one there.
  std::optional<summary::CodeAnchorAt> find(const Site &At) const {
    std::optional<uint32_t> File = Names.find(At.File);
    if (!File)
      return std::nullopt;
    Record Key{*File, At.Line, At.Column, 0, 0, 0};
    auto It = std::lower_bound(Records.begin(), Records.end(), Key, bySite);
    if (It == Records.end() || bySite(Key, *It))
      return std::nullopt;
    summary::CodeAnchorAt A;
    A.At = At;
    A.Function = Names.name(It->Function);
    A.CodeHash = Hashes.substr(It->HashAt, It->HashSize);
    return A;
  }

private:
  struct Record {
    uint32_t File;
    unsigned Line, Column;
    uint32_t Function;         // File and Function in Names
    uint32_t HashAt, HashSize; // in Hashes
  };
  /// Only equal sites matter (find()), so files compare by number.
  static bool bySite(const Record &A, const Record &B) {
    return std::tie(A.File, A.Line, A.Column) <
           std::tie(B.File, B.Line, B.Column);
  }
  NameTable Names; // files and functions
  std::vector<Record> Records;
  std::string Hashes;
};

/// Whether a flow of \p Own carries what a call into another file returned.
bool carriesReturns(const std::vector<JoinedFlow> &Own) {
  return llvm::any_of(Own, [](const JoinedFlow &J) {
    return llvm::any_of(J.Data, [](const FlowLabel &L) {
      return globalReturnCall(L.Label).has_value();
    });
  });
}

/// \p F without what it carries: the join gives each label its own flow.
summary::Flow withoutData(const summary::Flow &F) {
  summary::Flow Out;
  Out.Kind = F.Kind;
  Out.Target = F.Target;
  Out.Purposes = F.Purposes;
  Out.Via = F.Via;
  Out.Country = F.Country;
  Out.Catalog = F.Catalog;
  Out.DeclaredAt = F.DeclaredAt;
  Out.At = F.At;
  Out.Through = F.Through;
  return Out;
}

/// A transfer of an item the join found, judged against the recipient's
/// purposes once the purposes of every function are known.
struct JoinedTransfer {
  summary::Flow Flow;
  std::string Item;
  Steps Notes;
  std::string PurposeFrom;
};

/// A finding of the program, with the key that tells it apart.
std::string findingKey(const summary::Finding &F) {
  return F.Check + "|" + siteKey(F.At.value_or(Site{})) + "|" + F.Message;
}

class Joiner {
public:
  Joiner(JoinInput &In, const Policy &P) : In(In), P(P) {}
  json run();

private:
  void addFinding(summary::Finding F) {
    std::string Key = findingKey(F);
    Findings.emplace(std::move(Key), std::move(F));
  }
  /// A finding the join makes at \p At, about \p Item and \p Target
  /// (privacy/FindingIdentity.h); the function and code at \p At come from
  /// the summaries' anchors.
  void addFinding(const std::optional<Site> &At, std::string Check,
                  std::string Message, Steps Notes, std::string Item,
                  std::string Target) {
    addFinding(findingAt(At, std::move(Check), std::move(Message),
                         std::move(Notes), std::move(Item), std::move(Target)));
  }
  summary::Finding findingAt(const std::optional<Site> &At, std::string Check,
                             std::string Message, Steps Notes, std::string Item,
                             std::string Target) const {
    summary::Finding F;
    F.At = At;
    F.Check = std::move(Check);
    F.Message = std::move(Message);
    F.Notes = std::move(Notes);
    F.Item = std::move(Item);
    F.Target = std::move(Target);
    if (At)
      if (std::optional<summary::CodeAnchorAt> A = Anchors.find(*At)) {
        F.Function = std::move(A->Function);
        F.CodeHash = std::move(A->CodeHash);
      }
    return F;
  }
  void merge(summary::TuSummary &S);
  bool keptBy(const summary::ThroughDeclaredSink &Through) const;
  void dropWhatDeclaredSinksDoNotKeep();
  void consentWrappers();
  /// The consents the `true` of any of \p Usrs implies (consent wrappers).
  std::set<std::string> wrapped(const std::vector<std::string> &Usrs) const;
  /// The consents known at a call or read: those checked there, and those
  /// the bool functions of other files that returned true there imply.
  std::set<std::string>
  knownAt(const std::vector<std::string> &GuardedByCalls,
          const std::vector<std::string> &Consents) const {
    std::set<std::string> Known = wrapped(GuardedByCalls);
    Known.insert(Consents.begin(), Consents.end());
    return Known;
  }
  /// \p Callee, if it takes the purposes of the functions calling it: the
  /// join holds it, it has none of its own and is no declared sink.
  const FunctionMap::value_type *inheritor(const std::string &Callee) const {
    auto It = Functions.find(Callee);
    return It == Functions.end() || It->second.Own || It->second.DeclaredSink
               ? nullptr
               : &*It;
  }
  void inheritedPurposes();
  std::map<std::string_view, std::set<std::string>> entryConsents();
  /// \p Work(I) for each I below \p Count on In.Jobs threads, a batch at
  /// a time, and \p Take(I, result) on this thread in the order of I: the
  /// same as one thread would do when Work only reads what the join holds.
  template <typename Work, typename Take>
  void forEachBatch(size_t Count, Work &&Do, Take &&Use) const {
    using Result = std::invoke_result_t<Work &, size_t>;
    llvm::ThreadPoolStrategy Strategy = llvm::hardware_concurrency(In.Jobs);
    unsigned Threads = Strategy.compute_thread_count();
    if (Threads <= 1 || Count < 2) {
      for (size_t I = 0; I < Count; ++I)
        Use(I, Do(I));
      return;
    }
    llvm::DefaultThreadPool Pool(Strategy);
    // A batch's results wait to be taken: a few per thread, in tasks small
    // enough to even out.
    const size_t Batch = 256 * Threads, Task = 16;
    std::vector<std::optional<Result>> Results;
    for (size_t From = 0; From < Count; From += Batch) {
      size_t To = std::min(Count, From + Batch);
      Results.clear();
      Results.resize(To - From);
      for (size_t First = From; First < To; First += Task)
        Pool.async([&, First] {
          for (size_t I = First; I < std::min(To, First + Task); ++I)
            Results[I - From].emplace(Do(I));
        });
      Pool.wait();
      for (size_t I = From; I < To; ++I)
        Use(I, std::move(*Results[I - From]));
    }
  }
  /// What the walk down the call graph from one function with purposes of
  /// its own finds, in the order it finds it.
  struct PurposeWalk {
    std::vector<std::string_view> Inheritors; // callees taking its purposes
    std::vector<summary::Finding> Findings;
  };
  PurposeWalk walkPurposes(
      const std::string &EntryUsr, const JoinedFunction &Entry,
      const std::map<std::string_view, std::set<std::string>> &Guarded) const;
  /// Consents known on every path from \p EntryUsr to each function its
  /// walk reaches (greatest fixpoint over the calls between them).
  std::map<std::string_view, std::set<std::string>> consentsAlongPaths(
      const std::string &EntryUsr,
      const std::map<std::string_view, std::set<std::string>> &Guarded) const;
  std::optional<summary::Finding> judgeInheritedConsent(
      const PurposedUse &U, const summary::Read &Read,
      const std::map<std::string_view, std::set<std::string>> &Entry,
      const std::set<std::string> &AlongPaths, const std::string &EntryUsr,
      const std::string &ReaderUsr, const Steps &Chain) const;
  bool crossFileFlows();
  bool resolveIndirectCalls();
  bool resolveReturns();
  Labels returnedBy(const summary::ExternalCall &Call, bool Thrown,
                    int Depth = 0) const;
  Labels writtenBy(const summary::ExternalCall &Call, int Param,
                   const Label &Read, int Depth) const;
  Labels callbackResult(const JoinedFunction &Callee,
                        const summary::LabelledPath &Result,
                        const summary::ExternalCall &Call, int Depth) const;
  /// Functions defined nowhere used as values whose result is known, by
  /// USR (summary::ValueReturn).
  std::map<std::string, summary::ValueReturn> ValueReturns;
  Labels resultOf(const summary::ExternalCall &Call, bool Thrown,
                  const Label &Returned) const;
  Labels escapingThrows(const std::string &Usr, int Depth) const;
  const std::vector<size_t> &callsFrom(const std::string &Usr) const;
  /// Caller USR → its calls in External, indexed as far as CallsIndexed.
  mutable std::map<std::string, std::vector<size_t>> CallsFromIndex;
  mutable size_t CallsIndexed = 0;
  Labels expandOwnCalls(const Labels &Own, const std::string &Usr,
                        int Depth) const;
  void resolveIndirectCall(const std::string &Owner,
                           const summary::IndirectCall &IC, const Label &Callee,
                           const std::vector<Labels> &Args,
                           const std::vector<summary::FieldLabels> &ArgFields,
                           int Depth);
  void addCallTo(const std::string &Caller, const std::string &Target,
                 const std::optional<Site> &At,
                 const std::vector<std::string> &Consents,
                 const std::vector<Labels> &Args,
                 const std::vector<summary::FieldLabels> &ArgFields,
                 const Labels &Object = {});
  void callBoundValue(const std::string &Caller,
                      const summary::ExternalCall *Call, bool Returned,
                      const summary::IndirectCall &IC,
                      const summary::BoundValue &B,
                      const std::vector<Labels> &CallerArgs,
                      const std::vector<summary::FieldLabels> &CallerFields,
                      std::set<std::string> &Covered,
                      std::set<std::string> &BoundData);
  /// Values made by std::bind and its kin in every file, by label.
  std::map<std::string, summary::BoundValue> BoundValues;
  /// Fields and globals holding functions → the bind values stored there.
  std::map<std::string, std::set<std::string>> SlotBinds;
  void resolveReturnedFunctions(
      const std::string &Owner, const summary::IndirectCall &IC,
      const std::string &Returned, const std::vector<Labels> &Args,
      const std::vector<summary::FieldLabels> &ArgFields);
  /// Functions of the API catalogs used as values, by USR.
  std::map<std::string, summary::DeclaredSinkFunction> CatalogFunctions;
  void addCatalogFunctionFlows();
  void judgeFlowItem(const summary::Flow &Flow, const Label &Item,
                     const Steps &Trace, const std::string &PurposeFrom,
                     bool Held);
  void judgeRecipientPurposes();
  void forgetFlows();
  void forgetCalls();
  /// The function whose purposes apply when \p From passed data on at a
  /// call in \p Caller.
  std::string purposeFrom(const std::string &From,
                          const std::string &Caller) const {
    auto It = Functions.find(From);
    return It != Functions.end() && It->second.Own ? From : Caller;
  }
  std::string nameOf(const std::string &Usr) const;

  // The inventory, section by section (rules/schema/inventory.schema.json).
  struct SeenInCode;
  json inventory();
  json policySection() const;
  json analysisSection() const;
  json itemSection(const SeenInCode &Seen) const;
  json itemJson(const std::string &Id) const;
  json purposeSection(const SeenInCode &Seen) const;
  json recipientSection() const;
  std::string countryInCode(const std::string &Recipient) const;
  json storeSection(const SeenInCode &Seen, json &PolicyWarnings);
  json consentCheckSection() const;
  json findingSection() const;
  json policyDiff(const SeenInCode &Seen) const;
  /// The items reaching a sink of \p Kind and \p Target (any log for Log),
  /// and where.
  std::pair<std::vector<std::string>, json>
  reaching(FlowKind Kind, const std::string &Target) const;
  /// The purposes data reaches recipient \p Id for: those of the sending
  /// code, its own or inherited from its callers.
  std::vector<std::string> purposesReaching(const std::string &Id) const;

  JoinInput &In;
  const Policy &P;
  size_t Merged = 0; // summaries
  std::map<std::string, summary::Finding> Findings;
  /// Findings about the whole program, not a place (a store without an
  /// erase path), by key: their fingerprints leave the file out.
  std::set<std::string> ProgramFindings;
  /// The function and code at the sites of flows and reads, by siteKey.
  AnchorTable Anchors;
  FunctionMap Functions; // by USR
  /// The function \p Usr; there must be one.
  const JoinedFunction &function(std::string_view Usr) const {
    return Functions.find(Usr)->second;
  }
  std::map<std::string, std::vector<JoinedFlow>> Flows; // by USR, incl. joined
  /// Flows of functions no call from another file reached yet.
  PackedFlows Dormant;
  /// The functions' calls and reads until the purposes need them.
  PackedCallGraph CallGraph;
  /// Whether dropWhatDeclaredSinksDoNotKeep() ran: flows unpacked since
  /// are filtered as it would have.
  bool DeclaredSinksDropped = false;
  bool keptThrough(const std::optional<summary::ThroughDeclaredSink> &T) const {
    return !T || keptBy(*T);
  }
  /// The flows of \p Usr, unpacked when packed; null when it has none and
  /// \p Create is not set.
  std::vector<JoinedFlow> *flowsOf(const std::string &Usr, bool Create = true) {
    if (std::optional<std::vector<JoinedFlow>> Woken = Dormant.take(Usr)) {
      if (DeclaredSinksDropped)
        llvm::erase_if(*Woken, [&](const JoinedFlow &J) {
          return !keptThrough(J.Flow.Through);
        });
      std::vector<JoinedFlow> &Own = Flows[Usr]; // packed only if none
      Own = std::move(*Woken);
      return &Own;
    }
    if (auto It = Flows.find(Usr); It != Flows.end())
      return &It->second;
    return Create ? &Flows[Usr] : nullptr;
  }
  NoteTable Notes; // the steps of the paths in Flows and External
  /// \p Before's steps, a step at \p At, then \p After's.
  StepIds joinedSteps(const Steps &Before, const std::optional<Site> &At,
                      const std::string &Message, const StepIds &After) {
    StepIds Trace = Notes.idsOf(Before);
    Trace.push_back(Notes.idOf(noteAt(At, Message)));
    Trace.insert(Trace.end(), After.begin(), After.end());
    return Trace;
  }
  /// \p Ls with their paths' steps.
  Labels labelsOf(const std::vector<FlowLabel> &Ls) const {
    Labels Out;
    Out.reserve(Ls.size());
    for (const FlowLabel &L : Ls)
      Out.push_back({L.Label, Notes.steps(L.Trace), L.Held, L.Opaque});
    return Out;
  }
  /// A flow of a summary as the join keeps it.
  JoinedFlow readFlow(summary::Flow Flow, const std::string &Usr) {
    std::vector<FlowLabel> Data = flowLabels(std::move(Flow.Data), Notes);
    // The rest of the flow is moved, not copied: the join keeps every flow.
    summary::Labels().swap(Flow.Data);
    return JoinedFlow{std::move(Flow), std::move(Data), false, Usr};
  }
  /// Virtual method USR → the USRs of its overrides seen in any file.
  std::map<std::string, std::vector<std::string>> Overriders;
  /// The callee itself and every override a virtual call of it may run.
  std::vector<std::string> targetsOf(const std::string &Callee) const {
    std::vector<std::string> Out;
    forEachTarget(Callee, [&](const std::string &T) { Out.push_back(T); });
    return Out;
  }
  /// targetsOf() without copies: \p Callee, then the overrides Overriders
  /// holds.
  template <typename Visit>
  void forEachTarget(const std::string &Callee, Visit &&Each) const {
    Each(Callee);
    auto It = Overriders.find(Callee);
    if (It != Overriders.end())
      for (const std::string &Override : It->second)
        Each(Override);
  }
  CallStore External{Notes};
  /// Function USR → the calls in External that may run it.
  std::map<std::string, std::vector<size_t>> CallsTo;
  void addExternal(summary::ExternalCall Call) {
    for (const std::string &T : targetsOf(Call.Callee))
      CallsTo[T].push_back(External.size());
    External.add(Call);
  }
  /// The inventory facts of every file and what the join adds, packed.
  PackedFacts StoredFacts;
  /// The sites data reaches not packed yet: they are packed once the join
  /// dropped those a declared sink does not keep, and those the rounds add
  /// before the inventory.
  std::vector<summary::SinkReach> NewSinks;
  unsigned long long FunctionsAnalysed = 0, Annotations = 0; // of all files
  /// Flows already followed through a call (caller, site, sink, label).
  std::set<std::string> KnownFlows;
  /// Per call of External and target of it, how many of the target's
  /// flows crossFileFlows followed through it.
  std::vector<std::vector<size_t>> FlowsFollowed;
  /// Per function, how many of its flows resolveReturns followed.
  std::map<std::string, size_t> ReturnsFollowed;
  /// Fields and globals holding functions → the functions stored there.
  std::map<std::string, std::set<std::string>> SlotTargets;
  /// Calls through function values already resolved (caller, site, target).
  std::set<std::string> KnownIndirect;
  std::set<std::string> KnownIndirectSteps;
  /// "$r:file:N" → the calls into other files whose result it stands for.
  std::map<std::string, std::vector<size_t>> ReturnCalls;
  /// The same for what calls inside a try block may throw.
  std::map<std::string, std::vector<size_t>> ThrowCalls;
  std::set<std::string> KnownReturns;
  /// Functions whose declared sinks some file described, by USR.
  std::map<std::string, std::string> DeclaredSinkNames;
  /// Consent wrappers of the program, by USR: the consents their `true`
  /// implies.
  std::map<std::string, std::set<std::string>> WrapperConsents;
  std::vector<JoinedTransfer> Transfers;
  /// Functions without purposes of their own → the functions with purposes
  /// they run for (inheritedPurposes()).
  /// Views of the USRs Functions holds (docs/scan.md, "Large programs").
  std::map<std::string_view, std::set<std::string_view>> InheritsFrom;
};

/// \p Before's steps, a step at \p At, then \p After's steps.
Steps joinedTrace(const Steps &Before, const std::optional<Site> &At,
                  const std::string &Message, const Steps &After) {
  Steps Trace = Before;
  Trace.push_back(noteAt(At, Message));
  Trace.insert(Trace.end(), After.begin(), After.end());
  return Trace;
}

/// \p Actual as it comes out along \p Along (a callee's placeholder, or the
/// path of a call's result), with \p Trace; none where an object's held
/// items would come out of unknown code (privacy::passesThrough).
std::optional<summary::LabelledPath>
passedOn(const summary::LabelledPath &Actual,
         const summary::LabelledPath &Along, Steps Trace) {
  if (!taint::heldItemPasses(Actual.Held, Along.Opaque))
    return std::nullopt;
  return summary::LabelledPath{Actual.Label, std::move(Trace),
                               Actual.Held || Along.Held,
                               Actual.Opaque || Along.Opaque};
}

/// \p Whole's placeholders narrowed to \p Field ("$p0" → "$p0.f"): what a
/// field holds that the summary does not list, where its fields are exact.
Labels narrowedTo(const Labels &Whole, const std::string &Field) {
  Labels Out;
  for (const summary::LabelledPath &L : Whole) {
    if (!L.Label.isPlaceholder())
      continue;
    summary::LabelledPath Narrowed = L;
    Narrowed.Label.fields()->push_back(Field);
    Out.push_back(std::move(Narrowed));
  }
  return Out;
}

/// What a call passed for a placeholder of its callee: "$p0" is argument 0,
/// "$p0.ip" only what that field of it held, "$this" the object and
/// "$this.ip" that field of it. Null when the call passed nothing for it;
/// \p Storage holds labels built here.
const Labels *actualOf(const summary::ExternalCall &Call, const Label &L,
                       Labels &Storage) {
  const Labels *Whole = nullptr;
  const summary::FieldLabels *Fields = nullptr;
  bool Exact = false;
  const taint::FieldPath *Path = L.fields();
  if (L.as<taint::ThisPlaceholder>()) {
    Whole = &Call.Object;
    if (Call.ObjectFields) {
      Fields = &*Call.ObjectFields;
      Exact = true;
    }
  } else if (const auto *Param = L.as<taint::ParamPlaceholder>()) {
    size_t Index = Param->Index;
    if (Index < Call.Args.size())
      Whole = &Call.Args[Index];
    if (Index < Call.ArgFields.size()) {
      Fields = &Call.ArgFields[Index];
      Exact = std::find(Call.ExactArgFields.begin(), Call.ExactArgFields.end(),
                        Index) != Call.ExactArgFields.end();
    }
  }
  if (!Whole || !Path || Path->empty() || !Fields)
    return Whole;
  auto It = Fields->find(Path->front());
  if (It != Fields->end())
    return &It->second;
  if (!Exact)
    return Whole;
  Storage = narrowedTo(*Whole, Path->front());
  return &Storage;
}

/// \p Callee's labels in terms of what \p Call passed.
Labels substituteThrough(const Labels &Callee,
                         const summary::ExternalCall &Call) {
  Labels Out;
  for (const summary::LabelledPath &L : Callee) {
    if (!L.Label.isPlaceholder()) {
      Out.push_back(L);
      continue;
    }
    Labels Storage;
    const Labels *Actual = actualOf(Call, L.Label, Storage);
    if (!Actual)
      continue;
    for (const summary::LabelledPath &A : *Actual)
      if (auto Passed = passedOn(
              A, L,
              joinedTrace(A.Trace, Call.At,
                          "passed to '" + Call.CalleeName + "' here", L.Trace)))
        Out.push_back(std::move(*Passed));
  }
  return Out;
}

std::vector<Labels> substituteThrough(const std::vector<Labels> &Args,
                                      const summary::ExternalCall &Call) {
  std::vector<Labels> Out;
  for (const Labels &A : Args)
    Out.push_back(substituteThrough(A, Call));
  return Out;
}

std::vector<summary::FieldLabels>
substituteThrough(const std::vector<summary::FieldLabels> &ArgFields,
                  const summary::ExternalCall &Call) {
  std::vector<summary::FieldLabels> Out;
  for (const summary::FieldLabels &Fields : ArgFields) {
    summary::FieldLabels F;
    for (const auto &[Name, Ls] : Fields)
      F[Name] = substituteThrough(Ls, Call);
    Out.push_back(std::move(F));
  }
  return Out;
}

void Joiner::consentWrappers() {
  // A wrapper of a wrapper in another file wraps its consents too (least
  // fixpoint; docs/consent-and-erasure.md).
  for (const auto &[Usr, F] : Functions)
    if (!F.more().WrapsConsents.empty())
      WrapperConsents[Usr].insert(F.more().WrapsConsents.begin(),
                                  F.more().WrapsConsents.end());
  // Until nothing changes: the sets only grow, and no larger than the
  // consents the program checks, so the rounds end; a bound on them would
  // miss a wrapper deeper than the bound (a use reported although guarded).
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Usr, F] : Functions)
      for (const std::string &Inner : F.more().WrapsCalls) {
        auto It = WrapperConsents.find(Inner);
        if (It == WrapperConsents.end())
          continue;
        std::set<std::string> Consents = It->second;
        std::set<std::string> &Own = WrapperConsents[Usr];
        size_t Before = Own.size();
        Own.insert(Consents.begin(), Consents.end());
        Changed |= Own.size() != Before;
      }
  }
}

std::set<std::string>
Joiner::wrapped(const std::vector<std::string> &Usrs) const {
  std::set<std::string> Out;
  for (const std::string &Usr : Usrs) {
    auto It = WrapperConsents.find(Usr);
    if (It != WrapperConsents.end())
      Out.insert(It->second.begin(), It->second.end());
  }
  return Out;
}

std::map<std::string_view, std::set<std::string>> Joiner::entryConsents() {
  // What every call site of a function, in any file, knows: a guard in a
  // caller covers its callee (greatest fixpoint from "everything").
  // A program has many calls and few guards: each callee is a number, each
  // call site its caller's number and the number of what the site itself
  // knows (one set for every site that knows the same; most know nothing),
  // and a callee is met again only after one of its callers changed, which
  // is all that could change its meet (docs/scan.md, "Large programs").
  // Callees and callers are views of the USRs the join holds.
  constexpr uint32_t NoCallee = UINT32_MAX; // a caller nothing calls
  std::map<std::string_view, uint32_t> Numbers;
  for (const auto &[Usr, F] : Functions)
    for (const JoinedCall &Call : F.calls())
      forEachTarget(*Call.Callee,
                    [&](const std::string &Target) { Numbers[Target]; });
  uint32_t Count = 0;
  for (auto &[Usr, Number] : Numbers)
    Number = Count++;
  struct CallSite {
    uint32_t Caller;
    uint32_t Knows; // in SiteKnowledge
  };
  std::vector<std::vector<CallSite>> Sites(Count);
  std::vector<std::vector<uint32_t>> CalleesOf(Count);
  std::vector<std::set<std::string>> SiteKnowledge(1); // 0: nothing
  std::map<std::set<std::string>, uint32_t> KnowledgeNumbers{{{}, 0}};
  for (const auto &[Usr, F] : Functions) {
    auto CallerIt = Numbers.find(Usr);
    uint32_t Caller = CallerIt == Numbers.end() ? NoCallee : CallerIt->second;
    for (const JoinedCall &Call : F.calls()) {
      uint32_t Knows = 0;
      if (!Call.GuardedByCalls.empty() || !Call.Consents.empty()) {
        std::set<std::string> Known =
            knownAt(Call.GuardedByCalls, Call.Consents);
        auto [It, New] =
            KnowledgeNumbers.try_emplace(Known, SiteKnowledge.size());
        if (New)
          SiteKnowledge.push_back(std::move(Known));
        Knows = It->second;
      }
      forEachTarget(*Call.Callee, [&](const std::string &Target) {
        uint32_t Callee = Numbers.find(Target)->second;
        Sites[Callee].push_back({Caller, Knows});
        if (Caller != NoCallee)
          CalleesOf[Caller].push_back(Callee);
      });
    }
  }
  release(KnowledgeNumbers);
  std::vector<std::optional<std::set<std::string>>> Known(Count); // none: all
  std::vector<bool> Due(Count, true);
  // Until nothing changes: a callee's set, once met, only shrinks as its
  // callers' do, so the rounds end. A bound on them would stop a path
  // without the guard short of the callee (each round may advance one
  // call), and its use would be taken for guarded.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (uint32_t Callee = 0; Callee < Count; ++Callee) {
      if (!Due[Callee])
        continue;
      Due[Callee] = false;
      std::optional<std::set<std::string>> Meet;
      for (const CallSite &Site : Sites[Callee]) {
        const std::set<std::string> *ByCaller = nullptr;
        if (Site.Caller != NoCallee) {
          if (!Known[Site.Caller])
            continue;
          ByCaller = &*Known[Site.Caller];
        }
        const std::set<std::string> &AtSite = SiteKnowledge[Site.Knows];
        auto KnownHere = [&](const std::string &Consent) {
          return AtSite.count(Consent) ||
                 (ByCaller && ByCaller->count(Consent));
        };
        if (!Meet) {
          Meet = AtSite;
          if (ByCaller)
            Meet->insert(ByCaller->begin(), ByCaller->end());
        } else {
          for (auto It = Meet->begin(); It != Meet->end();)
            It = KnownHere(*It) ? std::next(It) : Meet->erase(It);
        }
        if (Meet->empty())
          break; // nothing is known at every site
      }
      if (Meet && Meet != Known[Callee]) {
        Known[Callee] = std::move(Meet);
        Changed = true;
        for (uint32_t Next : CalleesOf[Callee])
          Due[Next] = true;
      }
    }
  }
  std::map<std::string_view, std::set<std::string>> Out;
  for (const auto &[Usr, Number] : Numbers)
    if (Known[Number])
      Out.emplace(Usr, std::move(*Known[Number]));
  return Out;
}

void Joiner::inheritedPurposes() {
  std::map<std::string_view, std::set<std::string>> Guarded = entryConsents();
  // A missing-consent finding of one file whose function every caller, in
  // any file, calls under the consent is no finding of the program.
  for (auto It = Findings.begin(); It != Findings.end();) {
    const summary::Finding &F = It->second;
    bool Covered = false;
    if (F.Check == "privacy-missing-consent" && F.FunctionUsr) {
      // Every caller checks it, or a wrapper from another file does here.
      std::set<std::string> Known = wrapped(F.GuardedByCalls);
      auto E = Guarded.find(*F.FunctionUsr);
      if (E != Guarded.end())
        Known.insert(E->second.begin(), E->second.end());
      for (const std::string &C : F.NeedsConsents)
        Covered |= Known.count(C) > 0;
    }
    It = Covered ? Findings.erase(It) : std::next(It);
  }
  // Breadth first from every function with a purpose of its own, through
  // callees without one, across every file. The walks only read what the
  // join holds: they run on In.Jobs threads, a batch at a time, and what
  // each finds is added in the order of the functions, as one thread
  // would (docs/scan.md, "Large programs").
  std::vector<std::pair<const std::string *, const JoinedFunction *>> Entries;
  for (const auto &[Usr, F] : Functions)
    if (F.Own)
      Entries.push_back({&Usr, &F});
  forEachBatch(
      Entries.size(),
      [&](size_t Index) {
        return walkPurposes(*Entries[Index].first, *Entries[Index].second,
                            Guarded);
      },
      [&](size_t Index, PurposeWalk Walk) {
        for (std::string_view Inheritor : Walk.Inheritors)
          InheritsFrom[Inheritor].insert(*Entries[Index].first);
        for (summary::Finding &F : Walk.Findings)
          addFinding(std::move(F));
      });
}

Joiner::PurposeWalk Joiner::walkPurposes(
    const std::string &EntryUsr, const JoinedFunction &Entry,
    const std::map<std::string_view, std::set<std::string>> &Guarded) const {
  PurposeWalk Out;
  // Uses that may need a consent, judged once the walk knows every path
  // from the entry to them.
  struct ConsentUse {
    PurposedUse U;
    const summary::Read *Read;
    const std::string *Reader;
    Steps Chain;
  };
  std::vector<ConsentUse> ConsentUses;
  std::deque<std::pair<std::string_view, Steps>> Work{{EntryUsr, {}}};
  std::set<std::string_view> Seen{EntryUsr};
  while (!Work.empty()) {
    auto [Usr, Chain] = std::move(Work.front());
    Work.pop_front();
    const JoinedFunction &F = function(Usr);
    for (const JoinedCall &Call : F.calls())
      forEachTarget(*Call.Callee, [&](const std::string &Callee) {
        const FunctionMap::value_type *It = inheritor(Callee);
        if (!It || !Seen.insert(It->first).second)
          return;
        Out.Inheritors.push_back(It->first);
        Steps Next = Chain;
        Next.push_back(noteAt(
            Call.at(), worded(note::Calls{F.ShortName, *Call.CalleeName})));
        for (const summary::Read &Read : It->second.reads()) {
          for (const std::string &Purpose : Entry.Own->Purposes) {
            PurposedUse U;
            U.Item = Read.Item;
            U.Purpose = Purpose;
            U.Use = {DataUse::Read, Read.Item, ""};
            U.CalledFrom = Entry.ShortName;
            std::optional<reason::PurposeNotAllowed> Reason =
                judgePurposedUse(P, U);
            if (!Reason) {
              ConsentUses.push_back({std::move(U), &Read, &It->first, Next});
              continue;
            }
            // The summary words the read (its source is in that file).
            std::string Message = findingMessage(*Reason, Read.What);
            Steps Notes{noteAt(Entry.Own->DeclaredAt,
                               worded(note::PurposeDeclared{{U.Purpose}}))};
            Notes.insert(Notes.end(), Next.begin(), Next.end());
            Notes.push_back(Read.Marker);
            Out.Findings.push_back(
                findingAt(Read.At, "privacy-purpose-limitation", Message,
                          std::move(Notes), Read.Item, Purpose));
          }
        }
        Work.push_back({It->first, std::move(Next)});
      });
  }
  if (ConsentUses.empty())
    return Out;
  std::map<std::string_view, std::set<std::string>> Along =
      consentsAlongPaths(EntryUsr, Guarded);
  for (const ConsentUse &C : ConsentUses)
    if (std::optional<summary::Finding> Missing =
            judgeInheritedConsent(C.U, *C.Read, Guarded, Along[*C.Reader],
                                  EntryUsr, *C.Reader, C.Chain))
      Out.Findings.push_back(std::move(*Missing));
  return Out;
}

std::map<std::string_view, std::set<std::string>> Joiner::consentsAlongPaths(
    const std::string &EntryUsr,
    const std::map<std::string_view, std::set<std::string>> &Guarded) const {
  // The entry starts with what every caller of it knows; a callee gets what
  // its caller knew plus what the call site itself knows (a guard around
  // the call), met over every call from the functions the walk reaches.
  // A set, once met, only shrinks, so the worklist ends.
  std::map<std::string_view, std::set<std::string>> Known;
  auto Callers = Guarded.find(EntryUsr);
  Known[EntryUsr] =
      Callers != Guarded.end() ? Callers->second : std::set<std::string>{};
  std::deque<std::string_view> Due{EntryUsr};
  while (!Due.empty()) {
    std::string_view Usr = Due.front();
    Due.pop_front();
    const std::set<std::string> Here = Known.find(Usr)->second;
    for (const JoinedCall &Call : function(Usr).calls()) {
      std::set<std::string> AtCall =
          knownAt(Call.GuardedByCalls, Call.Consents);
      AtCall.insert(Here.begin(), Here.end());
      forEachTarget(*Call.Callee, [&](const std::string &Callee) {
        const FunctionMap::value_type *It = inheritor(Callee);
        if (!It)
          return;
        auto [Mine, New] = Known.try_emplace(It->first, AtCall);
        if (!New) {
          size_t Before = Mine->second.size();
          for (auto C = Mine->second.begin(); C != Mine->second.end();)
            C = AtCall.count(*C) ? std::next(C) : Mine->second.erase(C);
          if (Mine->second.size() == Before)
            return;
        }
        Due.push_back(It->first);
      });
    }
  }
  return Known;
}

std::optional<summary::Finding> Joiner::judgeInheritedConsent(
    const PurposedUse &U, const summary::Read &Read,
    const std::map<std::string_view, std::set<std::string>> &Entry,
    const std::set<std::string> &AlongPaths, const std::string &EntryUsr,
    const std::string &ReaderUsr, const Steps &Chain) const {
  if (!P.item(U.Item) || !P.purpose(U.Purpose) || !P.allows(U.Item, U.Purpose))
    return std::nullopt;
  std::vector<std::string> Needed = P.consentsRequiredFor(U.Item, U.Purpose);
  if (Needed.empty())
    return std::nullopt;
  std::set<std::string> Known = knownAt(Read.GuardedByCalls, Read.Consents);
  auto E = Entry.find(ReaderUsr);
  if (E != Entry.end())
    Known.insert(E->second.begin(), E->second.end());
  // Guarded on every path from this entry, though not from every caller.
  Known.insert(AlongPaths.begin(), AlongPaths.end());
  for (const std::string &C : Needed)
    if (Known.count(C))
      return std::nullopt;
  const JoinedFunction &EntryFn = Functions.at(EntryUsr);
  Steps Notes{noteAt(EntryFn.Own->DeclaredAt,
                     worded(note::PurposeDeclared{{U.Purpose}}))};
  Notes.insert(Notes.end(), Chain.begin(), Chain.end());
  Notes.push_back(Read.Marker);
  reason::ConsentMissing Reason{U.Use, U.Purpose, U.CalledFrom, Needed};
  return findingAt(Read.At, "privacy-missing-consent",
                   findingMessage(Reason, Read.What), std::move(Notes), U.Item,
                   U.Purpose);
}

void Joiner::judgeFlowItem(const summary::Flow &Flow, const Label &Item,
                           const Steps &Trace, const std::string &PurposeFrom,
                           bool Held) {
  if (Flow.Kind == FlowKind::Slot) {
    // A function stored into a field or global, from another file.
    if (std::optional<std::string> Usr =
            markerText(Item, taint::MarkerKind::Function))
      SlotTargets[Flow.Target].insert(*Usr);
    return;
  }
  if (!Item.isItem() || Item.as<taint::ItemLabel>()->Item.empty())
    return; // a function or a slot, not personal data
  const std::string &ItemId = Item.as<taint::ItemLabel>()->Item;
  Steps Notes = Trace;
  if (Flow.DeclaredAt)
    Notes.push_back(noteAt(
        Flow.DeclaredAt,
        worded(note::SinkDeclared{sinkKindOf(Flow.Kind), targetText(Flow)})));
  else if (!Flow.Catalog.empty())
    Notes.push_back(
        noteAt(Flow.At, worded(note::CatalogSink{sinkKindOf(Flow.Kind),
                                                 Flow.Via, Flow.Catalog})));
  if (Flow.Kind == FlowKind::Purpose) {
    // What an object handed to the function holds is not a use there; what
    // the function reads of it is (SPEC §1).
    if (Held)
      return;
    for (const std::string &Purpose : Flow.Purposes) {
      PurposedUse U;
      U.Item = ItemId;
      U.Purpose = Purpose;
      U.Use = {DataUse::PassedTo, ItemId, Flow.Via};
      if (std::optional<reason::PurposeNotAllowed> Reason =
              judgePurposedUse(P, U))
        addFinding(Flow.At, "privacy-purpose-limitation",
                   findingMessage(*Reason), Notes, ItemId, Purpose);
    }
    return;
  }
  SinkSite Site;
  Site.Kind = sinkKindOf(Flow.Kind);
  Site.Target = Flow.Target;
  Site.Country = Flow.Country;
  Site.Via = Flow.Via;
  Site.CatalogEntry = Flow.Catalog;
  // The sink as the analysis names it (FindingIdentity.cpp): its id, or
  // the function that logs or sends.
  std::string Target = Flow.Target.empty() ? Flow.Via : Flow.Target;
  for (const Finding &F : judgeSinkItem(P, Site, ItemId))
    addFinding(Flow.At, checkName(F.Check).str(), F.Message, Notes, ItemId,
               Target);
  if (Flow.Kind == FlowKind::Transfer)
    Transfers.push_back({withoutData(Flow), ItemId, Notes, PurposeFrom});
  // The inventory counts this reach too, in the function it is in.
  FactSite Reached = factSite(Flow.At);
  if (Flow.At)
    if (std::optional<summary::CodeAnchorAt> A = Anchors.find(*Flow.At);
        A && !A->Function.empty())
      Reached.Function = std::move(A->Function);
  NewSinks.push_back({Flow.Kind, Flow.Target, Flow.Country, ItemId, Flow.Via,
                      Reached, PurposeFrom});
}

void Joiner::judgeRecipientPurposes() {
  // The rule of the per-file check (UndeclaredRecipient.cpp), with the
  // purposes of the whole program: own purposes each; inherited ones only
  // when none of them is declared for the recipient.
  for (const JoinedTransfer &T : Transfers) {
    const RecipientDef *R = P.recipient(T.Flow.Target);
    auto Fn = Functions.find(T.PurposeFrom);
    if (!R || !R->PurposesListed || Fn == Functions.end())
      continue;
    // (purpose, annotated caller or "", where the purpose is declared)
    std::vector<std::tuple<std::string, std::string, std::optional<Site>>>
        Purposes;
    if (Fn->second.Own) {
      for (const std::string &Purpose : Fn->second.Own->Purposes)
        Purposes.push_back({Purpose, "", Fn->second.Own->DeclaredAt});
    } else {
      auto Entries = InheritsFrom.find(T.PurposeFrom);
      if (Entries == InheritsFrom.end())
        continue;
      bool AnyDeclared = false;
      for (std::string_view EntryUsr : Entries->second) {
        const JoinedFunction &Entry = function(EntryUsr);
        for (const std::string &Purpose : Entry.Own->Purposes) {
          AnyDeclared |= Policy::recipientAllowsPurpose(*R, Purpose);
          Purposes.push_back({Purpose, Entry.ShortName, Entry.Own->DeclaredAt});
        }
      }
      if (AnyDeclared)
        continue;
    }
    std::set<std::pair<std::string, std::string>> Seen;
    for (const auto &[Purpose, CalledFrom, DeclaredAt] : Purposes) {
      auto Reason =
          judgeRecipientPurpose(P, R->Id, T.Item, Purpose, CalledFrom);
      if (!Reason || !Seen.insert({Purpose, CalledFrom}).second)
        continue;
      Steps Notes = T.Notes;
      Notes.push_back(
          noteAt(DeclaredAt, worded(note::PurposeDeclared{{Purpose}})));
      FindingSubject Subject = findingSubject(*Reason);
      addFinding(T.Flow.At, "privacy-undeclared-recipient",
                 findingMessage(*Reason), std::move(Notes), Subject.Item,
                 Subject.Target);
    }
  }
}

bool Joiner::crossFileFlows() {
  // Apply callees' summaries at calls made from other files; what still
  // depends on the caller's parameters goes on up, to a fixpoint.
  bool Any = false;
  for (int Round = 0; Round < MaxJoinFlowRounds; ++Round) {
    bool Changed = false;
    FlowsFollowed.resize(External.size());
    for (size_t CallIndex = 0; CallIndex < External.size(); ++CallIndex) {
      std::vector<std::string> Targets = targetsOf(External.callee(CallIndex));
      std::vector<size_t> &Followed = FlowsFollowed[CallIndex];
      Followed.resize(Targets.size());
      // Unpacked once, when a target has flows to follow.
      std::optional<summary::ExternalCall> Unpacked;
      for (size_t TargetIndex = 0; TargetIndex < Targets.size();
           ++TargetIndex) {
        std::vector<JoinedFlow> *Found = flowsOf(Targets[TargetIndex], false);
        if (!Found)
          continue;
        // The flows this call followed in an earlier round would find only
        // known keys again (KnownFlows): they are skipped, in the same
        // order as before. Flows made here for a recursive call wait for
        // the next round, as before.
        std::vector<JoinedFlow> &CalleeFlows = *Found;
        size_t End = CalleeFlows.size();
        if (Followed[TargetIndex] >= End)
          continue;
        if (!Unpacked)
          Unpacked = External[CallIndex];
        const summary::ExternalCall &Call = *Unpacked;
        std::vector<JoinedFlow> Pending;
        for (size_t FlowIndex = Followed[TargetIndex]; FlowIndex < End;
             ++FlowIndex) {
          const JoinedFlow &J = CalleeFlows[FlowIndex];
          // A call within one file was followed there; only what the join
          // learnt about the callee is new.
          if (Call.Internal && !J.Joined)
            continue;
          std::string From = purposeFrom(J.PurposeFrom, Call.Caller);
          // A declared sink: where it is called.
          const std::optional<Site> &At = J.Flow.At ? J.Flow.At : Call.At;
          // Only labels standing for what the call passed, each in terms
          // of what it passed; the path is built only for a new flow.
          for (const FlowLabel &L : J.Data) {
            Labels Storage;
            const Labels *Actual = actualOf(Call, L.Label, Storage);
            if (!Actual)
              continue;
            for (const summary::LabelledPath &A : *Actual) {
              // What an object holds does not come out of unknown code.
              if (!taint::heldItemPasses(A.Held, L.Opaque))
                continue;
              std::string Key = Call.Caller + "|" + siteKey(At) + "|" +
                                summary::flowKindName(J.Flow.Kind) + "|" +
                                targetText(J.Flow) + "|" + A.Label.str();
              if (!KnownFlows.insert(Key).second)
                continue;
              StepIds Trace = joinedSteps(
                  A.Trace, Call.At, "passed to '" + Call.CalleeName + "' here",
                  L.Trace);
              summary::Flow Flow = J.Flow;
              Flow.At = At;
              if (!A.Label.isPlaceholder()) {
                judgeFlowItem(Flow, A.Label, Notes.steps(Trace), From,
                              A.Held || L.Held);
                Any = true;
                continue;
              }
              Pending.push_back({std::move(Flow),
                                 {{A.Label, std::move(Trace), A.Held || L.Held,
                                   A.Opaque || L.Opaque}},
                                 true,
                                 From});
              Changed = Any = true;
            }
          }
        }
        Followed[TargetIndex] = End;
        if (Pending.empty())
          continue;
        // A caller no call from another file reached yet keeps them
        // packed, with its own (PackedFlows).
        if (Dormant.has(Call.Caller) && !carriesReturns(Pending)) {
          Dormant.pack(Call.Caller, Pending);
          continue;
        }
        std::vector<JoinedFlow> &CallerFlows = *flowsOf(Call.Caller);
        CallerFlows.insert(CallerFlows.end(),
                           std::make_move_iterator(Pending.begin()),
                           std::make_move_iterator(Pending.end()));
      }
    }
    if (!Changed)
      break;
  }
  return Any;
}

std::string Joiner::nameOf(const std::string &Usr) const {
  auto It = Functions.find(Usr);
  if (It != Functions.end())
    return It->second.ShortName;
  auto Declared = DeclaredSinkNames.find(Usr);
  if (Declared != DeclaredSinkNames.end())
    return Declared->second;
  auto Catalogued = CatalogFunctions.find(Usr);
  if (Catalogued != CatalogFunctions.end())
    return Catalogued->second.Name;
  auto Valued = ValueReturns.find(Usr);
  return Valued != ValueReturns.end() ? Valued->second.Name : "";
}

void Joiner::addCallTo(const std::string &Caller, const std::string &Target,
                       const std::optional<Site> &At,
                       const std::vector<std::string> &Consents,
                       const std::vector<Labels> &Args,
                       const std::vector<summary::FieldLabels> &ArgFields,
                       const Labels &Object) {
  std::string Key = Caller + "|" + siteKey(At) + "|" + Target;
  if (!KnownIndirect.insert(Key).second)
    return;
  std::string Name = nameOf(Target);
  summary::ExternalCall Call;
  Call.Caller = Caller;
  Call.Callee = Target;
  Call.CalleeName = Name;
  Call.At = At;
  Call.Args = Args;
  Call.ArgFields = ArgFields;
  Call.Object = Object;
  addExternal(std::move(Call));
  // The call graph too: purposes and consent reach the target.
  auto CallerIt = Functions.find(Caller);
  if (CallerIt != Functions.end())
    CallGraph.addCall(CallerIt->first, {Target, Name, At, Consents});
}

void Joiner::resolveIndirectCall(
    const std::string &Owner, const summary::IndirectCall &IC,
    const Label &Callee, const std::vector<Labels> &Args,
    const std::vector<summary::FieldLabels> &ArgFields, int Depth) {
  if (std::optional<std::string> Slot =
          markerText(Callee, taint::MarkerKind::Slot)) {
    // Every function any file stores in that field or global; a bind value
    // stored there runs its functions with its fixed arguments.
    std::set<std::string> Covered, BoundData;
    if (auto Binds = SlotBinds.find(*Slot); Binds != SlotBinds.end())
      for (const std::string &Id : Binds->second)
        if (auto Bound = BoundValues.find(Id); Bound != BoundValues.end())
          callBoundValue(IC.In, nullptr, false, IC, Bound->second, Args,
                         ArgFields, Covered, BoundData);
    auto It = SlotTargets.find(*Slot);
    if (It == SlotTargets.end())
      return;
    for (const std::string &Target : It->second)
      if (!Covered.count(Target))
        addCallTo(IC.In, Target, IC.At, IC.Consents, Args, ArgFields);
    return;
  }
  if (std::optional<std::string> Returned = globalReturnCall(Callee)) {
    resolveReturnedFunctions(Owner, IC, *Returned, Args, ArgFields);
    return;
  }
  if (!Callee.isPlaceholder() || Depth > MaxJoinCallbackDepth)
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
             .insert(siteKey(IC.At) + "|" + Owner + "|" + Callee.str() + "|" +
                     std::to_string(I))
             .second)
      continue;
    const summary::ExternalCall Call = External[I];
    if (Call.Internal)
      continue; // its file resolved the callbacks it passes
    Labels Storage;
    const Labels *Actual = actualOf(Call, Callee, Storage);
    if (!Actual)
      continue;
    std::vector<Labels> CallerArgs = substituteThrough(Args, Call);
    std::vector<summary::FieldLabels> CallerFields =
        substituteThrough(ArgFields, Call);
    // A bind value runs the functions it binds with its fixed arguments in
    // their places; what it fixed is data, not a callback.
    std::set<std::string> Covered, BoundData;
    for (const summary::LabelledPath &A : *Actual)
      if (auto Bound = BoundValues.find(A.Label.str());
          Bound != BoundValues.end())
        callBoundValue(Call.Caller, &Call, false, IC, Bound->second, CallerArgs,
                       CallerFields, Covered, BoundData);
    for (const summary::LabelledPath &A : *Actual) {
      if (A.Label.isMarker(taint::MarkerKind::Bind) ||
          BoundData.count(A.Label.str()))
        continue;
      std::optional<std::string> Target =
          markerText(A.Label, taint::MarkerKind::Function);
      if (Target && Covered.count(*Target))
        continue;
      if (!Target) {
        resolveIndirectCall(Call.Caller, IC, A.Label, CallerArgs, CallerFields,
                            Depth + 1);
        continue;
      }
      // Say where the callback was chosen.
      Note Chosen = noteAt(Call.At, "'" + nameOf(*Target) + "' is given to '" +
                                        Call.CalleeName +
                                        "' here as the function to call");
      auto Named = [&](Labels Ls) {
        for (summary::LabelledPath &L : Ls)
          L.Trace.push_back(Chosen);
        return Ls;
      };
      std::vector<Labels> NamedArgs;
      for (const Labels &Ls : CallerArgs)
        NamedArgs.push_back(Named(Ls));
      std::vector<summary::FieldLabels> NamedFields;
      for (const summary::FieldLabels &Fields : CallerFields) {
        summary::FieldLabels F;
        for (const auto &[Name, Ls] : Fields)
          F[Name] = Named(Ls);
        NamedFields.push_back(std::move(F));
      }
      addCallTo(Call.Caller, *Target, IC.At, IC.Consents, NamedArgs,
                NamedFields);
    }
  }
}

/// A call through the bind value \p B, made at \p IC's site on behalf of
/// \p Caller: the function that passed the value to the function making
/// \p IC, by the call into another file \p Call; the one calling it when
/// \p Call returned the value (\p Returned); the one making \p IC when a
/// field or global held it (no \p Call). Each bound function runs with the
/// fixed arguments and \p CallerArgs (what \p IC passes, in terms of
/// \p Caller) where the bind expression puts them; a method takes the first
/// as its object. The fixed arguments' placeholders
/// count only where \p Caller evaluated the bind expression
/// (docs/limitations.md, "Calls through function values"). \p Covered gets
/// the functions run, \p BoundData the labels the fixed arguments carried.
void Joiner::callBoundValue(
    const std::string &Caller, const summary::ExternalCall *Call, bool Returned,
    const summary::IndirectCall &IC, const summary::BoundValue &B,
    const std::vector<Labels> &CallerArgs,
    const std::vector<summary::FieldLabels> &CallerFields,
    std::set<std::string> &Covered, std::set<std::string> &BoundData) {
  bool MadeByCaller = B.In == Caller;
  std::vector<Labels> Placed;
  std::vector<summary::FieldLabels> PlacedFields;
  auto Passed = [&](size_t Index) {
    if (Index >= CallerArgs.size())
      return false; // a placeholder the call does not pass
    Placed.push_back(CallerArgs[Index]);
    PlacedFields.push_back(Index < CallerFields.size()
                               ? CallerFields[Index]
                               : summary::FieldLabels());
    return true;
  };
  auto Fixed = [&](const summary::BoundValue::Argument &A) {
    Labels Here;
    for (const summary::LabelledPath &L : A.Fixed) {
      BoundData.insert(L.Label.str());
      if (MadeByCaller || !L.Label.isPlaceholder() || globalReturnCall(L.Label))
        Here.push_back(L);
    }
    Placed.push_back(std::move(Here));
    PlacedFields.emplace_back();
  };
  using Order = summary::BoundValue::Order;
  if (B.Passed != Order::Placeholders) {
    if (B.Passed == Order::BeforeFixed)
      for (size_t I = 0; I < CallerArgs.size(); ++I)
        Passed(I);
    for (const summary::BoundValue::Argument &A : B.Args)
      Fixed(A);
    if (B.Passed == Order::AfterFixed)
      for (size_t I = 0; I < CallerArgs.size(); ++I)
        Passed(I);
  } else {
    for (const summary::BoundValue::Argument &A : B.Args) {
      if (!A.Placeholder)
        Fixed(A);
      else if (!Passed(*A.Placeholder))
        return;
    }
  }
  for (const summary::BoundValue::Callee &C : B.Callees) {
    Covered.insert(C.Usr);
    std::vector<Labels> Args = Placed;
    std::vector<summary::FieldLabels> Fields = PlacedFields;
    Labels Object;
    if (C.Method) {
      if (Args.empty())
        continue;
      Object = std::move(Args.front());
      Args.erase(Args.begin());
      Fields.erase(Fields.begin());
    }
    std::string Name = nameOf(C.Usr);
    std::optional<Note> Chosen;
    if (Call)
      Chosen = noteAt(
          Call->At, "'" + (Name.empty() ? C.Name : Name) +
                        (Returned ? "' is returned by '" : "' is given to '") +
                        Call->CalleeName + "' here as the function to call");
    auto Named = [&](Labels &Ls) {
      if (Chosen)
        for (summary::LabelledPath &L : Ls)
          L.Trace.push_back(*Chosen);
    };
    for (Labels &Ls : Args)
      Named(Ls);
    for (summary::FieldLabels &ByField : Fields)
      for (auto &[FieldName, Ls] : ByField)
        Named(Ls);
    Named(Object);
    addCallTo(Caller, C.Usr, IC.At, IC.Consents, Args, Fields, Object);
  }
}

/// A call through the value a call into another file returned (`Deliver d
/// = makeMail(m, v); d(x);`): the functions and bind values the functions
/// it may run return, called on behalf of \p Owner, in whose terms \p Args
/// are.
void Joiner::resolveReturnedFunctions(
    const std::string &Owner, const summary::IndirectCall &IC,
    const std::string &Returned, const std::vector<Labels> &Args,
    const std::vector<summary::FieldLabels> &ArgFields) {
  auto Calls = ReturnCalls.find(Returned);
  if (Calls == ReturnCalls.end())
    return;
  const std::vector<size_t> Indices = Calls->second;
  for (size_t Index : Indices) {
    const summary::ExternalCall Call = External[Index]; // External may grow
    Labels Values = returnedBy(Call, false);
    std::set<std::string> Covered, BoundData;
    for (const summary::LabelledPath &V : Values)
      if (auto Bound = BoundValues.find(V.Label.str());
          Bound != BoundValues.end())
        callBoundValue(Owner, &Call, true, IC, Bound->second, Args, ArgFields,
                       Covered, BoundData);
    for (const summary::LabelledPath &V : Values)
      if (std::optional<std::string> Target =
              markerText(V.Label, taint::MarkerKind::Function);
          Target && !Covered.count(*Target))
        addCallTo(Owner, *Target, IC.At, IC.Consents, Args, ArgFields);
  }
}

bool Joiner::resolveReturns() {
  // A flow that carries what a call into another file returned: what the
  // callee returns, in terms of what that call passed.
  bool Changed = false;
  for (auto &[Usr, Own] : Flows) {
    // Flows followed in an earlier round would find only known keys again
    // (KnownReturns); flows made here wait for the next round, as before.
    size_t &Followed = ReturnsFollowed[Usr];
    size_t End = Own.size();
    std::vector<JoinedFlow> Pending;
    for (size_t FlowIndex = Followed; FlowIndex < End; ++FlowIndex) {
      const JoinedFlow &J = Own[FlowIndex];
      const summary::Flow &Flow = J.Flow;
      if (!Flow.At)
        continue; // a declared sink of a function, not a flow in it
      for (const FlowLabel &Returned : J.Data) {
        // "$r:file:N.field": what the call returned, whole.
        std::optional<std::string> L = globalReturnCall(Returned.Label);
        if (!L)
          continue;
        // What the callee returns, or, for a handler around the call, what
        // its exceptions carry (docs/limitations.md, "Exceptions").
        auto Calls = ReturnCalls.find(*L);
        bool Thrown = Calls == ReturnCalls.end();
        if (Thrown && (Calls = ThrowCalls.find(*L)) == ThrowCalls.end())
          continue;
        for (size_t Index : Calls->second) {
          const summary::ExternalCall &Call = External[Index];
          for (summary::LabelledPath &R :
               resultOf(Call, Thrown, Returned.Label)) {
            if (!taint::heldItemPasses(R.Held, Returned.Opaque))
              continue;
            std::string Item = R.Label.str();
            std::string Key = Usr + "|" + siteKey(Flow.At) + "|" +
                              summary::flowKindName(Flow.Kind) + "|" +
                              targetText(Flow) + "|" + *L + "|" + Item;
            if (!KnownReturns.insert(Key).second)
              continue;
            StepIds Trace =
                joinedSteps(R.Trace, Call.At,
                            (Thrown                   ? "thrown out of '"
                             : writtenParam(Call, *L) ? "written into it by '"
                                                      : "returned by '") +
                                Call.CalleeName + "' here",
                            Returned.Trace);
            bool Held = R.Held || Returned.Held;
            if (!R.Label.isPlaceholder()) {
              judgeFlowItem(Flow, R.Label, Notes.steps(Trace), J.PurposeFrom,
                            Held);
              continue;
            }
            // Another call's result, or the caller's parameters when the
            // flow is in the caller itself; else its context is lost.
            if (!globalReturnCall(R.Label) && Usr != Call.Caller)
              continue;
            Pending.push_back({Flow,
                               {{std::move(R.Label), std::move(Trace), Held,
                                 R.Opaque || Returned.Opaque}},
                               true,
                               J.PurposeFrom});
            Changed = true;
          }
        }
      }
    }
    Followed = End;
    Own.insert(Own.end(), std::make_move_iterator(Pending.begin()),
               std::make_move_iterator(Pending.end()));
  }
  return Changed;
}

Labels Joiner::returnedBy(const summary::ExternalCall &Call, bool Thrown,
                          int Depth) const {
  // What the functions the call may run return (or throw), in terms of
  // what it passed; when no file defines any of them, the rule for unknown
  // code its own file applied to the result (SPEC §1).
  Labels Out;
  bool Defined = false;
  for (const std::string &Target : targetsOf(Call.Callee)) {
    auto F = Functions.find(Target);
    if (F == Functions.end() || !F->second.Analysed)
      continue;
    Defined = true;
    Labels All =
        Thrown ? escapingThrows(Target, Depth) : labelsOf(F->second.returns());
    // What its calls through function values it was passed return
    // ("$k<N>"): decided by what this call passes.
    Labels Plain;
    bool Callbacks = false;
    for (const summary::LabelledPath &L : All)
      Callbacks |= L.Label.as<taint::CallbackResultPlaceholder>() != nullptr;
    if (Callbacks)
      for (const summary::LabelledPath &L : All) {
        if (!L.Label.as<taint::CallbackResultPlaceholder>()) {
          Plain.push_back(L);
          continue;
        }
        Labels Result = callbackResult(F->second, L, Call, Depth);
        Out.insert(Out.end(), std::make_move_iterator(Result.begin()),
                   std::make_move_iterator(Result.end()));
      }
    const Labels &Own = Callbacks ? Plain : All;
    Labels Returned =
        substituteThrough(expandOwnCalls(Own, Target, Depth), Call);
    Out.insert(Out.end(), std::make_move_iterator(Returned.begin()),
               std::make_move_iterator(Returned.end()));
  }
  return Defined || Thrown ? Out : Call.Fallback;
}

/// What the call through a function value \p Callee was passed returns
/// (\p Result, "$k<N>": its call N of IndirectCalls), at \p Call: each
/// function the caller passes as the value, called with that call's
/// arguments in the caller's terms; a target no file defines returns what
/// its file says (ValueReturns: an anonymiser nothing) or its arguments;
/// a value that is no function of the program, what it and the arguments
/// carry (docs/limitations.md, "Calls through function values").
Labels Joiner::callbackResult(const JoinedFunction &Callee,
                              const summary::LabelledPath &Result,
                              const summary::ExternalCall &Call,
                              int Depth) const {
  Labels Out;
  const auto *K = Result.Label.as<taint::CallbackResultPlaceholder>();
  const std::vector<summary::IndirectCall> &Indirect =
      Callee.more().IndirectCalls;
  if (!K || K->Call >= Indirect.size())
    return Out;
  const summary::IndirectCall &IC = Indirect[K->Call];
  Labels Value = substituteThrough(Labels{{IC.Callee, {}, false, false}}, Call);
  std::vector<Labels> Args = substituteThrough(IC.Args, Call);
  for (const summary::LabelledPath &V : Value) {
    std::optional<std::string> Target =
        markerText(V.Label, taint::MarkerKind::Function);
    if (!Target || Depth >= MaxJoinReturnDepth) {
      Out.push_back(V);
      for (const Labels &A : Args)
        Out.insert(Out.end(), A.begin(), A.end());
      continue;
    }
    summary::ExternalCall Through;
    Through.Caller = Call.Caller;
    Through.Callee = *Target;
    Through.CalleeName = nameOf(*Target);
    Through.At = IC.At;
    Through.Args = Args;
    auto Known = ValueReturns.find(*Target);
    for (size_t I = 0; I < Args.size(); ++I)
      if (Known == ValueReturns.end() ||
          std::count(Known->second.Params.begin(), Known->second.Params.end(),
                     I))
        Through.Fallback.insert(Through.Fallback.end(), Args[I].begin(),
                                Args[I].end());
    Labels Returned = returnedBy(Through, false, Depth + 1);
    Out.insert(Out.end(), std::make_move_iterator(Returned.begin()),
               std::make_move_iterator(Returned.end()));
  }
  return Out;
}

Labels Joiner::expandOwnCalls(const Labels &Own, const std::string &Usr,
                              int Depth) const {
  // A callee that returns what its own call into a third file returns
  // ("$r:file:N"): that call's result in the callee's terms, so that what
  // it passes on of its parameters reaches the caller's arguments.
  Labels Out;
  for (const summary::LabelledPath &L : Own) {
    std::optional<std::string> Global = globalReturnCall(L.Label);
    auto Calls = Global && Depth < MaxJoinReturnDepth
                     ? ReturnCalls.find(*Global)
                     : ReturnCalls.end();
    bool Expanded = false;
    if (Calls != ReturnCalls.end())
      for (size_t Index : Calls->second) {
        const summary::ExternalCall &Inner = External[Index];
        if (Inner.Caller != Usr)
          continue;
        Expanded = true;
        std::optional<int> Param = writtenParam(Inner, *Global);
        for (summary::LabelledPath &R :
             Param ? writtenBy(Inner, *Param, L.Label, Depth + 1)
                   : returnedBy(Inner, false, Depth + 1))
          if (auto Through =
                  passedOn(R, L,
                           joinedTrace(R.Trace, Inner.At,
                                       (Param ? "written into it by '"
                                              : "returned by '") +
                                           Inner.CalleeName + "' here",
                                       L.Trace)))
            Out.push_back(std::move(*Through));
      }
    if (!Expanded)
      Out.push_back(L);
  }
  return Out;
}

/// What a call into another file gives back where \p Returned is read:
/// what the callee returns or throws; for a constructor, what it put into
/// the field of the object \p Returned reads ("$r:file:N.note"), or into
/// any field when the whole object is read.
/// What \p Call writes through its parameter \p Param (-1: into its
/// object), where \p Read reads it ("$r:file:N.name": that field): what the
/// callee's summary says it writes there, in terms of what the call
/// passed. A callee no file defines writes nothing (SPEC §1).
Labels Joiner::writtenBy(const summary::ExternalCall &Call, int Param,
                         const Label &Read, int Depth) const {
  std::string Place =
      Param < 0
          ? Label(taint::ThisPlaceholder{}).str()
          : Label(taint::ParamPlaceholder{static_cast<unsigned>(Param), {}})
                .str();
  const taint::FieldPath *Path = Read.fields();
  Labels Out;
  for (const std::string &Target : targetsOf(Call.Callee)) {
    auto F = Functions.find(Target);
    if (F == Functions.end() || !F->second.Analysed)
      continue;
    Labels Own;
    for (const auto &[Key, Ls] : F->second.more().Writes) {
      std::optional<Label> Written = Label::parse(Key);
      if (!Written || Written->withoutFields().str() != Place)
        continue;
      const taint::FieldPath *Into = Written->fields();
      if (!Path || Path->empty() || !Into || Into->empty() ||
          Into->front() == Path->front())
        Own.insert(Own.end(), Ls.begin(), Ls.end());
    }
    Labels Written =
        substituteThrough(expandOwnCalls(Own, Target, Depth), Call);
    Out.insert(Out.end(), std::make_move_iterator(Written.begin()),
               std::make_move_iterator(Written.end()));
  }
  return Out;
}

/// The parameter \p Call writes what \p Global stands for into (-1: its
/// object); nullopt when \p Global is not one of its writes.
std::optional<int> writtenParam(const summary::ExternalCall &Call,
                                const std::string &Global) {
  for (const summary::ExternalCall::WrittenArg &W : Call.WritesAs)
    if (W.As.str() == Global)
      return W.Param;
  return std::nullopt;
}

Labels Joiner::resultOf(const summary::ExternalCall &Call, bool Thrown,
                        const Label &Returned) const {
  if (std::optional<std::string> Global = globalReturnCall(Returned);
      Global && !Thrown)
    if (std::optional<int> Param = writtenParam(Call, *Global))
      return writtenBy(Call, *Param, Returned, 0);
  auto F = Functions.find(Call.Callee);
  if (Thrown || F == Functions.end() || !F->second.Analysed ||
      !F->second.more().Builds)
    return returnedBy(Call, Thrown);
  const taint::FieldPath *Path = Returned.fields();
  Labels Own;
  for (const auto &[Field, Ls] : *F->second.more().Builds)
    if (!Path || Path->empty() || Field.empty() || Field == Path->front())
      Own.insert(Own.end(), Ls.begin(), Ls.end());
  return substituteThrough(expandOwnCalls(Own, F->first, 0), Call);
}

const std::vector<size_t> &Joiner::callsFrom(const std::string &Usr) const {
  for (; CallsIndexed < External.size(); ++CallsIndexed)
    CallsFromIndex[External.caller(CallsIndexed)].push_back(CallsIndexed);
  return CallsFromIndex[Usr];
}

/// What the exceptions escaping \p Usr may carry: what it throws itself
/// (with what its handlers caught and throw again), and what escapes the
/// functions of other files it calls outside a try block, through up to
/// MaxJoinReturnDepth files (docs/limitations.md, "Exceptions").
Labels Joiner::escapingThrows(const std::string &Usr, int Depth) const {
  Labels Out;
  auto F = Functions.find(Usr);
  if (F == Functions.end())
    return Out;
  for (const summary::LabelledPath &L : labelsOf(F->second.throws())) {
    std::optional<std::string> Global = globalReturnCall(L.Label);
    auto Calls = Global && Depth < MaxJoinReturnDepth ? ThrowCalls.find(*Global)
                                                      : ThrowCalls.end();
    if (Calls == ThrowCalls.end()) {
      Out.push_back(L);
      continue;
    }
    for (size_t Index : Calls->second) // `throw;` of what a handler caught
      if (External.caller(Index) == Usr)
        for (summary::LabelledPath &R :
             returnedBy(External[Index], /*Thrown=*/true, Depth + 1)) {
          R.Trace.append(L.Trace);
          Out.push_back(std::move(R));
        }
  }
  if (Depth >= MaxJoinReturnDepth)
    return Out;
  for (size_t Index : callsFrom(Usr)) {
    const summary::ExternalCall &Inner = External[Index];
    // Caught by a handler of its own (ThrowsAs). A call within the file
    // (Internal) brings what escapes the callee's own calls into other
    // files; what the callee throws itself its file followed already, and
    // comes again here as the same items.
    if (Inner.ThrowsAs)
      continue;
    for (summary::LabelledPath &R : returnedBy(Inner, true, Depth + 1))
      Out.push_back(
          {R.Label,
           joinedTrace(R.Trace, Inner.At,
                       "thrown out of '" + Inner.CalleeName + "' here", {})});
  }
  return Out;
}

bool Joiner::resolveIndirectCalls() {
  size_t Before = External.size();
  // Resolving adds calls to the functions' Calls, never to their
  // IndirectCalls, and the map's nodes stay where they are.
  std::vector<std::pair<const std::string *, const summary::IndirectCall *>>
      Work;
  for (const auto &[Usr, F] : Functions)
    for (const summary::IndirectCall &IC : F.more().IndirectCalls)
      Work.push_back({&Usr, &IC});
  for (const auto &[Usr, IC] : Work)
    resolveIndirectCall(*Usr, *IC, IC->Callee, IC->Args, IC->ArgFields, 0);
  return External.size() != Before;
}

/// The catalog sinks of the functions of the API catalogs used as values,
/// run where a call through a function value reaches them; a function some
/// file defines is that file's (a catalog describes only code without a
/// body in the program).
void Joiner::addCatalogFunctionFlows() {
  for (auto &[Usr, D] : CatalogFunctions) {
    auto Defined = Functions.find(Usr);
    if ((Defined != Functions.end() && Defined->second.Analysed) ||
        DeclaredSinkNames.count(Usr))
      continue;
    for (summary::Flow &F : D.Flows)
      flowsOf(Usr)->push_back(readFlow(std::move(F), Usr));
    std::vector<summary::Flow>().swap(D.Flows);
  }
}

void Joiner::merge(summary::TuSummary &S) {
  for (summary::Finding &F : S.Findings)
    addFinding(std::move(F));
  for (const summary::CodeAnchorAt &A : S.Anchors)
    Anchors.add(A);
  for (summary::Function &F : S.Functions) {
    if (F.Usr.empty())
      continue;
    // An inline function seen by several files: once. A file that only
    // calls a function must not hide the file that defines it.
    if (auto Seen = Functions.find(F.Usr);
        Seen != Functions.end() && (Seen->second.Analysed || !F.Analysed))
      continue;
    bool First = !Functions.count(F.Usr);
    if (First)
      for (const std::string &Base : F.Overrides)
        Overriders[Base].push_back(F.Usr);
    // The join keeps the function for the rest of the run as a
    // JoinedFunction, whose map key is the only copy of its USR.
    std::vector<summary::Flow> OwnFlows = std::move(F.Flows);
    std::string Moved = std::move(F.Usr);
    auto [It, New] = Functions.insert_or_assign(
        std::move(Moved), JoinedFunction::from(std::move(F), Notes));
    const std::string &Usr = It->first;
    if (!OwnFlows.empty()) { // a function without flows has no entry
      std::vector<JoinedFlow> Own;
      Own.reserve(OwnFlows.size());
      for (summary::Flow &Flow : OwnFlows)
        Own.push_back(readFlow(std::move(Flow), Usr));
      // What a call into another file returned is followed whatever calls
      // the function (resolveReturns): such flows are never packed.
      if (!Flows.count(Usr) && !Dormant.has(Usr) && !carriesReturns(Own))
        Dormant.pack(Usr, Own);
      else
        append(*flowsOf(Usr), Own);
    }
    CallGraph.pack(Usr, F.Calls, F.Reads);
  }
  // Indexed once every override is known.
  for (const summary::ExternalCall &Call : S.ExternalCalls)
    External.add(Call);
  // Sinks declared on functions called through function values.
  for (summary::DeclaredSinkFunction &D : S.DeclaredSinks)
    if (DeclaredSinkNames.emplace(D.Usr, D.Name).second)
      for (summary::Flow &F : D.Flows)
        flowsOf(D.Usr)->push_back(readFlow(std::move(F), D.Usr));
  for (const summary::FunctionSlot &Slot : S.FunctionSlots) {
    SlotTargets[Slot.Slot].insert(Slot.Targets.begin(), Slot.Targets.end());
    SlotBinds[Slot.Slot].insert(Slot.Binds.begin(), Slot.Binds.end());
  }
  for (summary::DeclaredSinkFunction &D : S.CatalogFunctions) {
    std::string Usr = D.Usr;
    CatalogFunctions.emplace(std::move(Usr), std::move(D));
  }
  for (summary::ValueReturn &R : S.ValueReturns) {
    std::string Usr = R.Usr;
    ValueReturns.emplace(std::move(Usr), std::move(R));
  }
  for (summary::BoundValue &B : S.BoundValues) {
    std::string Id = B.Id;
    BoundValues.emplace(std::move(Id), std::move(B));
  }
  summary::InventoryFacts &Inv = S.Inventory;
  StoredFacts.add(Inv);
  append(NewSinks, Inv.Sinks);
  FunctionsAnalysed += Inv.Functions;
  Annotations += Inv.Annotations;
}

/// Whether the function declared as a sink that data went through may keep
/// it: unless another file analysed its body, which keeps none of the
/// parameters the data was passed to.
bool Joiner::keptBy(const summary::ThroughDeclaredSink &Through) const {
  auto It = Functions.find(Through.Callee);
  if (It == Functions.end() || !It->second.Analysed ||
      !It->second.more().KeptParams)
    return true;
  const std::vector<unsigned> &Kept = *It->second.more().KeptParams;
  return std::any_of(
      Through.Params.begin(), Through.Params.end(), [&](unsigned P) {
        return std::find(Kept.begin(), Kept.end(), P) != Kept.end();
      });
}

/// What reached a function declared as a sink, whose body is in another
/// file, only through parameters that body does not keep is left out: the
/// findings, the inventory's reaches and the flows still to follow
/// (docs/scan.md, "Functions declared as sinks").
void Joiner::dropWhatDeclaredSinksDoNotKeep() {
  auto NotKept = [&](const std::optional<summary::ThroughDeclaredSink> &T) {
    return !keptThrough(T);
  };
  for (auto It = Findings.begin(); It != Findings.end();)
    It = NotKept(It->second.Through) ? Findings.erase(It) : std::next(It);
  llvm::erase_if(NewSinks, [&](const summary::SinkReach &R) {
    return NotKept(R.Through);
  });
  for (auto &[Usr, Own] : Flows)
    llvm::erase_if(
        Own, [&](const JoinedFlow &J) { return NotKept(J.Flow.Through); });
  DeclaredSinksDropped = true; // and those unpacked later (flowsOf)
  StoredFacts.addSinks(NewSinks);
}

json Joiner::run() {
  auto Report = [&](const char *Stage, size_t Done, size_t Total) {
    if (In.Progress)
      In.Progress({Stage, Done, Total});
  };
  // Each summary is merged and freed before the next is taken.
  Report("merging summaries", 0, In.TranslationUnits);
  while (std::optional<summary::TuSummary> S = In.NextSummary()) {
    merge(*S);
    Report("merging summaries", ++Merged, In.TranslationUnits);
  }
  Anchors.seal();
  dropWhatDeclaredSinksDoNotKeep();
  addCatalogFunctionFlows();
  // Flows through calls, and calls through function values, each finding
  // more of the other.
  for (size_t I = 0; I < External.size(); ++I) {
    for (const std::string &T : targetsOf(External.callee(I)))
      CallsTo[T].push_back(I);
    summary::ExternalCall Call = External[I];
    if (Call.ReturnsAs)
      ReturnCalls[Call.ReturnsAs->str()].push_back(I);
    // What the callee writes into an argument is a result of the call too
    // (resultOf).
    for (const summary::ExternalCall::WrittenArg &W : Call.WritesAs)
      ReturnCalls[W.As.str()].push_back(I);
    if (Call.ThrowsAs)
      ThrowCalls[Call.ThrowsAs->str()].push_back(I);
  }
  for (int Round = 0; Round < MaxJoinRounds; ++Round) {
    Report("following calls across files", Round, MaxJoinRounds);
    crossFileFlows();
    bool Returned = resolveReturns();
    if (!resolveIndirectCalls() && !Returned)
      break;
  }
  forgetFlows();
  CallGraph.unpackInto(Functions);
  Report("purposes across files", 0, 0);
  consentWrappers();
  inheritedPurposes();
  judgeRecipientPurposes();
  forgetCalls();
  Report("writing the inventory", 0, 0);
  StoredFacts.addSinks(NewSinks);
  json Out = inventory();
  Out["analysis"]["functions"] = FunctionsAnalysed;
  Out["analysis"]["annotations"] = Annotations;
  return Out;
}

/// Frees what only following data needed, once the calls across files
/// are followed: the purposes' walk of the call graph then takes its room
/// (docs/scan.md, "Large programs").
void Joiner::forgetFlows() {
  release(Flows);
  Dormant = PackedFlows();
  Notes = NoteTable();
  External.clear();
  release(CallsTo);
  release(CallsFromIndex);
  CallsIndexed = 0;
  release(KnownFlows);
  release(FlowsFollowed);
  release(ReturnsFollowed);
  release(SlotTargets);
  release(SlotBinds);
  release(KnownIndirect);
  release(KnownIndirectSteps);
  release(ReturnCalls);
  release(ThrowCalls);
  release(KnownReturns);
  release(ValueReturns);
  release(BoundValues);
  release(CatalogFunctions);
  release(DeclaredSinkNames);
  for (auto &[Usr, F] : Functions) {
    F.Result.reset();
    if (!F.More)
      continue;
    // The consent wrappers are still to be walked.
    release(F.More->KeptParams);
    release(F.More->Builds);
    release(F.More->Writes);
    release(F.More->IndirectCalls);
  }
}

/// Frees what the purposes needed before the inventory is built, which
/// then takes its room: the inventory needs the findings, the facts, and
/// each function's own purposes.
void Joiner::forgetCalls() {
  release(WrapperConsents);
  release(Transfers);
  release(Overriders);
  Anchors = AnchorTable();
  for (auto &[Usr, F] : Functions) {
    F.Walk.reset();
    F.More.reset();
  }
  CallGraph = PackedCallGraph(); // the names the calls pointed to
}

//===--- the inventory ----------------------------------------------------===//

/// What the code shows of items, purposes and logs, as several sections
/// need it.
struct Joiner::SeenInCode {
  std::set<std::string> Items;
  std::map<std::string, std::vector<FactSite>> PurposeSites; // declared
  std::set<std::string> UsedPurposes;
  bool AnyLogs = false;
};

json Joiner::inventory() {
  SeenInCode Seen;
  for (const summary::ItemDeclaration &D : StoredFacts.declarations())
    Seen.Items.insert(D.Item);
  for (const summary::PurposedUse &U : StoredFacts.uses())
    Seen.Items.insert(U.Item);
  for (const summary::SinkReach &S : StoredFacts.sinks())
    Seen.Items.insert(S.Item);
  Seen.Items.erase("");
  for (const summary::PurposeDeclaration &D : StoredFacts.purposeDeclarations())
    Seen.PurposeSites[D.Purpose].push_back(D.At);
  for (const summary::PurposedUse &U : StoredFacts.uses())
    Seen.UsedPurposes.insert(U.Purpose);
  for (const summary::SinkReach &S : StoredFacts.sinks())
    Seen.AnyLogs |= S.Kind == FlowKind::Log;

  json Out;
  Out["tool"] = {{"name", "privacy-scan"}, {"version", "0.1.0"}};
  Out["policy"] = policySection();
  Out["project_root"] = In.ProjectRoot;
  Out["analysis"] = analysisSection();
  Out["items"] = itemSection(Seen);
  Out["purposes"] = purposeSection(Seen);
  Out["recipients"] = recipientSection();
  json PolicyWarnings = json::array();
  Out["stores"] = storeSection(Seen, PolicyWarnings); // adds findings
  Out["policy_warnings"] = std::move(PolicyWarnings);
  Out["consent_checks"] = consentCheckSection();
  Out["findings"] = findingSection();
  Out["policy_diff"] = policyDiff(Seen);
  return Out;
}

json Joiner::policySection() const {
  json Policy;
  Policy["path"] = In.PolicyPath;
  Policy["controller"] = {{"country", P.ControllerCountry}};
  put(Policy["controller"], "name", labelJson(P.ControllerName));
  Policy["activities"] = json::array();
  for (const Activity &A : P.Activities) {
    json J = {
        {"id", A.Id},
        {"basis", std::string(basisName(A.LegalBasis))},
        {"required", A.Required},
        {"items", A.Items.All ? std::vector<std::string>{"*"} : A.Items.Ids},
        {"purposes", A.Purposes}};
    if (!A.Consent.empty())
      J["consent"] = A.Consent;
    put(J, "label", labelJson(A.Name));
    Policy["activities"].push_back(std::move(J));
  }
  return Policy;
}

json Joiner::analysisSection() const {
  json Analysis;
  Analysis["translation_units"] = In.TranslationUnits;
  Analysis["analysed"] = Merged;
  Analysis["failed"] = json::array();
  for (const auto &[File, Error] : In.Failed)
    Analysis["failed"].push_back({{"file", File}, {"error", Error}});
  Analysis["personal_data_annotated"] = !StoredFacts.declarations().empty();
  return Analysis;
}

json Joiner::itemSection(const SeenInCode &Seen) const {
  std::set<std::string> ItemIds = Seen.Items;
  for (const auto &[Id, Def] : P.Items)
    ItemIds.insert(Id);
  json Items = json::array();
  for (const std::string &Id : ItemIds)
    Items.push_back(itemJson(Id));
  return Items;
}

json Joiner::itemJson(const std::string &Id) const {
  const ItemDef *Def = P.item(Id);
  json I;
  I["id"] = Id;
  if (Def) {
    put(I, "label", labelJson(Def->Name));
    if (!Def->Category.empty())
      I["category"] = Def->Category;
  }
  I["in_policy"] = Def != nullptr;
  std::vector<FactSite> Decls;
  for (const summary::ItemDeclaration &D : StoredFacts.declarations())
    if (D.Item == Id)
      Decls.push_back(D.At);
  I["declarations"] = sortedSites(Decls);
  std::map<std::string, std::vector<FactSite>> Uses;
  for (const summary::PurposedUse &U : StoredFacts.uses())
    if (U.Item == Id)
      Uses[U.Purpose].push_back(U.At);
  I["purposes"] = json::array();
  for (auto &[Purpose, Sites] : Uses)
    I["purposes"].push_back({{"id", Purpose},
                             {"allowed", P.allows(Id, Purpose)},
                             {"consents", P.consentsRequiredFor(Id, Purpose)},
                             {"uses", sortedSites(Sites)}});
  std::map<std::pair<FlowKind, std::string>, std::vector<FactSite>> Reach;
  std::vector<FactSite> Logs, Network;
  for (const summary::SinkReach &S : StoredFacts.sinks()) {
    if (S.Item != Id)
      continue;
    if (S.Kind == FlowKind::Log)
      Logs.push_back(S.At);
    else if (S.Kind == FlowKind::Network)
      Network.push_back(S.At);
    else
      Reach[{S.Kind, S.Target}].push_back(S.At);
  }
  I["recipients"] = json::array();
  I["stores"] = json::array();
  for (auto &[Key, Sites] : Reach) {
    const auto &[Kind, Target] = Key;
    json R = {{"id", Target}, {"sites", sortedSites(Sites)}};
    if (Kind == FlowKind::Transfer) {
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
  return I;
}

json Joiner::purposeSection(const SeenInCode &Seen) const {
  std::set<std::string> PurposeIds;
  for (const auto &[Id, Def] : P.Purposes)
    PurposeIds.insert(Id);
  for (const auto &[Id, Sites] : Seen.PurposeSites)
    PurposeIds.insert(Id);
  json Purposes = json::array();
  for (const std::string &Id : PurposeIds) {
    const PurposeDef *Def = P.purpose(Id);
    auto Declared = Seen.PurposeSites.find(Id);
    json J = {{"id", Id},
              {"in_policy", Def != nullptr},
              {"used_in_code", Declared != Seen.PurposeSites.end() ||
                                   Seen.UsedPurposes.count(Id) > 0},
              {"declared_at", sortedSites(Declared != Seen.PurposeSites.end()
                                              ? Declared->second
                                              : std::vector<FactSite>{})}};
    if (Def)
      put(J, "label", labelJson(Def->Name));
    Purposes.push_back(std::move(J));
  }
  return Purposes;
}

std::pair<std::vector<std::string>, json>
Joiner::reaching(FlowKind Kind, const std::string &Target) const {
  std::set<std::string> Ids;
  std::vector<FactSite> Sites;
  for (const summary::SinkReach &S : StoredFacts.sinks()) {
    bool Match = Kind == FlowKind::Log ? S.Kind == FlowKind::Log
                                       : S.Kind == Kind && S.Target == Target;
    if (Match) {
      Ids.insert(S.Item);
      Sites.push_back(S.At);
    }
  }
  return {std::vector<std::string>(Ids.begin(), Ids.end()), sortedSites(Sites)};
}

/// The country the code names for a recipient the policy does not name.
/// A recipient reached abroad anywhere is listed abroad (the first such
/// country by name, so that the output does not depend on the order of
/// the files).
std::string Joiner::countryInCode(const std::string &Recipient) const {
  std::set<std::string> Abroad, AtHome;
  for (const summary::SinkReach &S : StoredFacts.sinks())
    if (S.Kind == FlowKind::Transfer && S.Target == Recipient &&
        !S.Country.empty())
      (S.Country != P.ControllerCountry ? Abroad : AtHome).insert(S.Country);
  if (!Abroad.empty())
    return *Abroad.begin();
  return AtHome.empty() ? std::string() : *AtHome.begin();
}

std::vector<std::string> Joiner::purposesReaching(const std::string &Id) const {
  std::set<std::string> Purposes;
  auto Add = [&](const JoinedFunction &F) {
    Purposes.insert(F.Own->Purposes.begin(), F.Own->Purposes.end());
  };
  for (const summary::SinkReach &S : StoredFacts.sinks()) {
    if (S.Kind != FlowKind::Transfer || S.Target != Id)
      continue;
    auto F = Functions.find(S.FunctionUsr);
    if (F == Functions.end())
      continue;
    if (F->second.Own) {
      Add(F->second);
    } else if (auto Entries = InheritsFrom.find(S.FunctionUsr);
               Entries != InheritsFrom.end()) {
      for (std::string_view Entry : Entries->second)
        Add(function(Entry));
    }
  }
  return {Purposes.begin(), Purposes.end()};
}

json Joiner::recipientSection() const {
  std::set<std::string> RecipientIds;
  for (const auto &[Id, Def] : P.Recipients)
    RecipientIds.insert(Id);
  for (const summary::SinkReach &S : StoredFacts.sinks())
    if (S.Kind == FlowKind::Transfer)
      RecipientIds.insert(S.Target);
  for (const summary::TransferDeclaration &D :
       StoredFacts.transferDeclarations())
    RecipientIds.insert(D.Recipient);
  RecipientIds.erase("");
  json Recipients = json::array();
  for (const std::string &Id : RecipientIds) {
    const RecipientDef *R = P.recipient(Id);
    auto [ItemsReaching, Sites] = reaching(FlowKind::Transfer, Id);
    json J = {{"id", Id},
              {"in_policy", R != nullptr},
              {"items_reaching", ItemsReaching},
              {"purposes_reaching", purposesReaching(Id)},
              {"sites", Sites}};
    if (R) {
      put(J, "label", labelJson(R->Name));
      J["role"] = R->Role;
      J["country"] = R->Country;
      J["abroad"] = P.isAbroad(*R);
      put(J, "task", labelJson(R->Task));
      put(J, "recipient_purpose", labelJson(R->RecipientPurpose));
      put(J, "method", labelJson(R->Method));
      put(J, "retention", retentionJson(R->Keep));
      J["purposes"] =
          R->Purposes.All ? std::vector<std::string>{"*"} : R->Purposes.Ids;
      J["items_declared"] =
          R->Items.All ? std::vector<std::string>{"*"} : R->Items.Ids;
    } else if (std::string Country = countryInCode(Id); !Country.empty()) {
      // Not in the policy: where the code says it sends (SPEC §1).
      J["country"] = Country;
      J["abroad"] = Country != P.ControllerCountry;
    }
    Recipients.push_back(std::move(J));
  }
  return Recipients;
}

json Joiner::storeSection(const SeenInCode &Seen, json &PolicyWarnings) {
  std::set<std::string> StoreIds;
  for (const auto &[Id, Def] : P.Stores)
    StoreIds.insert(Id);
  for (const summary::SinkReach &S : StoredFacts.sinks())
    if (S.Kind == FlowKind::Store)
      StoreIds.insert(S.Target);
  for (const summary::StoreDeclaration &D : StoredFacts.storeDeclarations())
    StoreIds.insert(D.Store);
  if (Seen.AnyLogs)
    StoreIds.insert(std::string(LogsStoreId));
  StoreIds.erase("");
  json Stores = json::array();
  for (const std::string &Id : StoreIds) {
    const StoreDef *S = P.store(Id);
    auto [ItemsReaching, Sites] = Id == LogsStoreId
                                      ? reaching(FlowKind::Log, "")
                                      : reaching(FlowKind::Store, Id);
    std::vector<FactSite> Erase;
    for (const summary::EraseDeclaration &E : StoredFacts.erase())
      if (E.Store == Id)
        Erase.push_back(E.At);
    json J = {{"id", Id},
              {"in_policy", S != nullptr},
              {"items_reaching", ItemsReaching},
              {"sites", Sites},
              {"erase_functions", sortedSites(Erase)}};
    if (S) {
      put(J, "label", labelJson(S->Name));
      put(J, "retention", retentionJson(S->Keep));
      J["items_declared"] =
          S->Items.All ? std::vector<std::string>{"*"} : S->Items.Ids;
      if (S->Keep.empty() && !ItemsReaching.empty())
        PolicyWarnings.push_back("store '" + Id + "' receives personal data (" +
                                 joinIds(ItemsReaching) +
                                 ") but the policy states no retention for it");
    }
    // Erasure coverage: data subjects may demand deletion (PIPA Art. 36,
    // GDPR Art. 17) and retention ends in destruction (PIPA Art. 21).
    if (Id != LogsStoreId && !ItemsReaching.empty() && Erase.empty() &&
        !Sites.empty()) {
      // Shown at the first place data reaches the store, but about the
      // program: its fingerprint is the check and the store.
      summary::Finding F;
      F.At =
          Site{Sites.front().value("file", ""), Sites.front().value("line", 0u),
               Sites.front().value("column", 0u)};
      F.Check = "privacy-undeclared-storage";
      F.Message = findingMessage(reason::StoreWithoutErase{Id, ItemsReaching});
      F.Target = Id;
      ProgramFindings.insert(findingKey(F));
      addFinding(std::move(F));
    }
    Stores.push_back(std::move(J));
  }
  return Stores;
}

json Joiner::consentCheckSection() const {
  std::map<std::string, std::vector<FactSite>> Checks;
  for (const summary::ConsentCheck &C : StoredFacts.consentChecks())
    Checks[C.Consent].push_back(C.At);
  json ConsentChecks = json::array();
  for (auto &[Consent, Sites] : Checks) {
    json J = {{"consent", Consent}, {"functions", sortedSites(Sites)}};
    if (const ConsentDef *C = P.consent(Consent))
      put(J, "label", labelJson(C->Name));
    ConsentChecks.push_back(std::move(J));
  }
  return ConsentChecks;
}

json Joiner::findingSection() const {
  // Sorted by place, with fingerprints: identical findings (same facts)
  // are told apart by their order.
  std::vector<std::pair<const std::string *, const summary::Finding *>> Sorted;
  for (const auto &[Key, F] : Findings)
    Sorted.push_back({&Key, &F});
  // The order's tuple refers to the site: to the finding's own, or to one
  // that outlives it (a temporary Site{} would leave the file's reference
  // dangling, and the order to whatever its memory then held).
  static const Site NoSite;
  auto Order = [](const summary::Finding &F) {
    const Site &At = F.At ? *F.At : NoSite;
    return std::make_tuple(std::cref(At.File), At.Line, At.Column,
                           std::cref(F.Check), std::cref(F.Message));
  };
  std::sort(Sorted.begin(), Sorted.end(), [&](const auto &A, const auto &B) {
    return Order(*A.second) < Order(*B.second);
  });
  std::map<std::string, unsigned> Occurrences;
  // The first of the findings that say the same thing on one line (runChecks'
  // rule, for what the join found).
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> OnLine;
  json FindingList = json::array();
  for (const auto &[Key, F] : Sorted) {
    if (F->At &&
        !OnLine.emplace(F->At->File, F->At->Line, F->Check, F->Message).second)
      continue;
    FingerprintFacts Facts{
        F->Check,    ProgramFindings.count(*Key) || !F->At ? "" : F->At->File,
        F->Item,     F->Target,
        F->Function, F->CodeHash};
    std::string Base = fingerprintOf(Facts, 0);
    json J = summary::toJson(*F);
    J.erase("code_hash");             // in the fingerprint
    J.erase("through_declared_sink"); // decided by the join already
    J["fingerprint"] = fingerprintOf(Facts, Occurrences[Base]++);
    J["baselined"] = false;
    FindingList.push_back(std::move(J));
  }
  return FindingList;
}

json Joiner::policyDiff(const SeenInCode &Seen) const {
  auto Diff = [](const std::set<std::string> &Declared,
                 const std::set<std::string> &InCode) {
    json D = {{"declared_not_seen", json::array()},
              {"seen_not_declared", json::array()}};
    for (const std::string &Id : Declared)
      if (!InCode.count(Id))
        D["declared_not_seen"].push_back(Id);
    for (const std::string &Id : InCode)
      if (!Declared.count(Id))
        D["seen_not_declared"].push_back(Id);
    return D;
  };
  auto Ids = [](const auto &ById) {
    std::set<std::string> Out;
    for (const auto &Entry : ById)
      Out.insert(Entry.first);
    return Out;
  };
  // A purpose is seen in code when a PRIVACY_PURPOSE declares it or data
  // is used under it (the purposes section's used_in_code).
  std::set<std::string> CodePurposes = Seen.UsedPurposes;
  for (const auto &[Id, Sites] : Seen.PurposeSites)
    CodePurposes.insert(Id);
  std::set<std::string> CodeRecipients, CodeStores;
  for (const summary::TransferDeclaration &D :
       StoredFacts.transferDeclarations())
    CodeRecipients.insert(D.Recipient);
  for (const summary::StoreDeclaration &D : StoredFacts.storeDeclarations())
    CodeStores.insert(D.Store);
  for (const summary::SinkReach &S : StoredFacts.sinks()) {
    if (S.Kind == FlowKind::Transfer)
      CodeRecipients.insert(S.Target);
    if (S.Kind == FlowKind::Store)
      CodeStores.insert(S.Target);
  }
  if (Seen.AnyLogs)
    CodeStores.insert(std::string(LogsStoreId));
  for (auto *Set : {&CodePurposes, &CodeRecipients, &CodeStores})
    Set->erase("");
  return {{"items", Diff(Ids(P.Items), Seen.Items)},
          {"purposes", Diff(Ids(P.Purposes), CodePurposes)},
          {"recipients", Diff(Ids(P.Recipients), CodeRecipients)},
          {"stores", Diff(Ids(P.Stores), CodeStores)}};
}

} // namespace

std::string fingerprintOf(const FingerprintFacts &F, unsigned Occurrence) {
  // 64 bits (stableHash): enough to tell findings apart. The version is
  // hashed in, so that fingerprints of another version never match by
  // chance.
  std::string Text = "v" + std::to_string(FingerprintVersion);
  for (const std::string *Part :
       {&F.Check, &F.File, &F.Item, &F.Target, &F.Function, &F.CodeHash})
    Text += '\0' + *Part;
  Text += '\0' + std::to_string(Occurrence);
  return stableHash(Text);
}

json joinSummaries(JoinInput &In, const Policy &P) {
  return Joiner(In, P).run();
}

void AnnotationMatches::add(const summary::TuSummary &S) {
  for (const summary::AnnotationsFileUse &Use : S.AnnotationsFiles) {
    Tally &T = Files[Use.Path];
    ++T.Applied;
    for (const summary::UnmatchedEntry &E : Use.Unmatched) {
      auto &[Count, Entry] = T.Entries[E.Index];
      if (Count++ == 0 || Entry.Why.empty())
        Entry = E; // keep a reason when some translation unit had one
    }
  }
}

std::vector<UnmatchedAnnotation> AnnotationMatches::unmatched() const {
  std::vector<UnmatchedAnnotation> Out;
  for (const auto &[Path, T] : Files)
    for (const auto &[Index, CountAndEntry] : T.Entries)
      if (CountAndEntry.first == T.Applied) {
        const summary::UnmatchedEntry &E = CountAndEntry.second;
        Out.push_back({Path, E.Line, E.Column, E.Decl, E.Why});
      }
  return Out;
}

} // namespace privacy::scan
