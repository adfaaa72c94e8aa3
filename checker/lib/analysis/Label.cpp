//===- Label.cpp - what one label of a taint stands for -------------------===//
#include "privacy/Label.h"

#include <algorithm>
#include <cctype>

namespace privacy::taint {

namespace {

constexpr std::string_view ThisText = "$this";

struct MarkerName {
  MarkerKind Kind;
  std::string_view Prefix;
};
constexpr MarkerName MarkerNames[] = {{MarkerKind::Function, "#fn:"},
                                      {MarkerKind::Slot, "#slot:"},
                                      {MarkerKind::FileDescriptor, "#fd:"},
                                      {MarkerKind::Bind, "#bind:"}};

bool startsWith(std::string_view S, std::string_view Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}

/// A decimal number as std::to_string writes it (no sign, no leading
/// zero), so that the printed label is the parsed one.
std::optional<unsigned> parseNumber(std::string_view S) {
  if (S.empty() || S.size() > 9 || (S.size() > 1 && S[0] == '0'))
    return std::nullopt;
  unsigned N = 0;
  for (char C : S) {
    if (!std::isdigit(static_cast<unsigned char>(C)))
      return std::nullopt;
    N = N * 10 + unsigned(C - '0');
  }
  return N;
}

/// ".a.b" after a placeholder's head; "" is no field.
std::optional<FieldPath> parseFields(std::string_view S) {
  FieldPath Fields;
  while (!S.empty()) {
    if (S[0] != '.')
      return std::nullopt;
    S.remove_prefix(1);
    size_t End = S.find('.');
    // An anonymous union or struct member has no name ("$this.._impl_"),
    // but a path ends with a named field.
    std::string_view Name = S.substr(0, End);
    if (Name.empty() && End == std::string_view::npos)
      return std::nullopt;
    Fields.emplace_back(Name);
    S.remove_prefix(Name.size());
  }
  return Fields;
}

/// Splits "<head>.<fields>" at the first dot.
std::pair<std::string_view, std::string_view> splitHead(std::string_view S) {
  size_t Dot = S.find('.');
  if (Dot == std::string_view::npos)
    return {S, {}};
  return {S.substr(0, Dot), S.substr(Dot)};
}

void printFields(std::string &Out, const FieldPath &Fields) {
  for (const std::string &F : Fields)
    Out += "." + F;
}

std::optional<Label> parsePlaceholder(std::string_view S) {
  switch (labelKind(S)) {
  case LabelKind::Param: {
    auto [Head, Rest] = splitHead(S.substr(2));
    auto Index = parseNumber(Head);
    auto Fields = parseFields(Rest);
    if (!Index || !Fields)
      return std::nullopt;
    return Label(ParamPlaceholder{*Index, std::move(*Fields)});
  }
  case LabelKind::This: {
    auto Fields = parseFields(S.substr(ThisText.size()));
    if (!Fields)
      return std::nullopt;
    return Label(ThisPlaceholder{std::move(*Fields)});
  }
  case LabelKind::Capture: {
    auto [Head, Rest] = splitHead(S.substr(2));
    size_t At = Head.find('@');
    auto Fields = parseFields(Rest);
    if (At == std::string_view::npos || At == 0 || At + 1 == Head.size() ||
        !Fields)
      return std::nullopt;
    return Label(CapturePlaceholder{std::string(Head.substr(0, At)),
                                    std::string(Head.substr(At + 1)),
                                    std::move(*Fields)});
  }
  case LabelKind::Return: {
    std::string_view Rest = S.substr(2);
    std::optional<std::string> File;
    if (startsWith(Rest, ":")) {
      // The file may hold ':' and '.'; fields hold neither, so the call's
      // number follows the last ':'.
      size_t Colon = Rest.rfind(':');
      if (Colon == 0)
        return std::nullopt;
      File = std::string(Rest.substr(1, Colon - 1));
      Rest = Rest.substr(Colon + 1);
    }
    auto [Head, FieldText] = splitHead(Rest);
    auto Call = parseNumber(Head);
    auto Fields = parseFields(FieldText);
    if (!Call || !Fields)
      return std::nullopt;
    return Label(ReturnPlaceholder{std::move(File), *Call, std::move(*Fields)});
  }
  case LabelKind::CallbackResult: {
    auto [Head, Rest] = splitHead(S.substr(2));
    auto Call = parseNumber(Head);
    auto Fields = parseFields(Rest);
    if (!Call || !Fields)
      return std::nullopt;
    return Label(CallbackResultPlaceholder{*Call, std::move(*Fields)});
  }
  default:
    return std::nullopt;
  }
}

} // namespace

LabelKind labelKind(std::string_view S) {
  if (S.empty() || (S[0] != '$' && S[0] != '#'))
    return LabelKind::Item;
  if (S[0] == '#')
    return LabelKind::Marker;
  if (S.size() < 2)
    return LabelKind::Malformed;
  switch (S[1]) {
  case 'p':
    return LabelKind::Param;
  case 'c':
    return LabelKind::Capture;
  case 'r':
    return LabelKind::Return;
  case 'k':
    return LabelKind::CallbackResult;
  case 't':
    return startsWith(S, ThisText) ? LabelKind::This : LabelKind::Malformed;
  default:
    return LabelKind::Malformed;
  }
}

std::optional<Label> Label::parse(std::string_view S) {
  if (S.empty())
    return std::nullopt;
  if (S[0] == '#') {
    for (const MarkerName &M : MarkerNames)
      if (startsWith(S, M.Prefix) && S.size() > M.Prefix.size())
        return Label(
            MarkerLabel{M.Kind, std::string(S.substr(M.Prefix.size()))});
    return std::nullopt;
  }
  if (S[0] == '$')
    return parsePlaceholder(S);
  return Label(ItemLabel{std::string(S)});
}

std::string Label::str() const {
  struct Printer {
    std::string operator()(const ItemLabel &L) const { return L.Item; }
    std::string operator()(const ParamPlaceholder &L) const {
      std::string Out = "$p" + std::to_string(L.Index);
      printFields(Out, L.Fields);
      return Out;
    }
    std::string operator()(const ThisPlaceholder &L) const {
      std::string Out(ThisText);
      printFields(Out, L.Fields);
      return Out;
    }
    std::string operator()(const CapturePlaceholder &L) const {
      std::string Out = "$c" + L.Name + "@" + L.Id;
      printFields(Out, L.Fields);
      return Out;
    }
    std::string operator()(const ReturnPlaceholder &L) const {
      std::string Out = "$r";
      if (L.File)
        Out += ":" + *L.File + ":";
      Out += std::to_string(L.Call);
      printFields(Out, L.Fields);
      return Out;
    }
    std::string operator()(const CallbackResultPlaceholder &L) const {
      std::string Out = "$k" + std::to_string(L.Call);
      printFields(Out, L.Fields);
      return Out;
    }
    std::string operator()(const MarkerLabel &L) const {
      for (const MarkerName &M : MarkerNames)
        if (M.Kind == L.Kind)
          return std::string(M.Prefix) + L.Text;
      return "#" + L.Text;
    }
  };
  return std::visit(Printer{}, Value);
}

bool Label::isPlaceholder() const { return !isItem() && !isMarker(); }

const FieldPath *Label::fields() const {
  return const_cast<Label *>(this)->fields();
}

FieldPath *Label::fields() {
  if (auto *P = as<ParamPlaceholder>())
    return &P->Fields;
  if (auto *T = as<ThisPlaceholder>())
    return &T->Fields;
  if (auto *C = as<CapturePlaceholder>())
    return &C->Fields;
  if (auto *R = as<ReturnPlaceholder>())
    return &R->Fields;
  if (auto *K = as<CallbackResultPlaceholder>())
    return &K->Fields;
  return nullptr;
}

Label Label::withoutFields() const {
  Label Out = *this;
  if (FieldPath *F = Out.fields())
    F->clear();
  return Out;
}

bool Label::operator==(const Label &O) const { return str() == O.str(); }

void appendField(std::string &Canonical, std::string_view Field) {
  Canonical += '.';
  Canonical += Field;
}

/// Where the fields of a placeholder start: after the head, whose own text
/// holds no '.' except a return placeholder's file, which ends at the last
/// ':'.
static size_t fieldsBegin(std::string_view S) {
  switch (labelKind(S)) {
  case LabelKind::Param:
  case LabelKind::This:
  case LabelKind::Capture:
  case LabelKind::CallbackResult:
    return S.find('.');
  case LabelKind::Return: {
    size_t HeadBegin = startsWith(S, "$r:") ? S.rfind(':') : 0;
    return S.find('.', HeadBegin);
  }
  default:
    return std::string_view::npos;
  }
}

size_t fieldCount(std::string_view S) {
  size_t Begin = fieldsBegin(S);
  if (Begin == std::string_view::npos)
    return 0;
  return static_cast<size_t>(std::count(S.begin() + Begin, S.end(), '.'));
}

std::string_view withoutFields(std::string_view S) {
  return S.substr(0, fieldsBegin(S));
}

std::optional<std::string> withFieldsCut(std::string_view S, size_t Keep) {
  size_t Begin = fieldsBegin(S);
  if (Begin == std::string_view::npos)
    return Label::parse(S) ? std::optional<std::string>(S) : std::nullopt;
  // The fields parse unless the last has no name; then the head decides,
  // and parsing it alone builds no list of fields.
  if (S.back() == '.' || !Label::parse(S.substr(0, Begin)))
    return std::nullopt;
  size_t End = Begin; // the dot before the first field not kept
  for (size_t Kept = 0; Kept < Keep && End != std::string_view::npos; ++Kept)
    End = S.find('.', End + 1);
  return std::string(S.substr(0, End));
}

bool isMarkerOf(std::string_view S, MarkerKind Kind) {
  for (const MarkerName &M : MarkerNames)
    if (M.Kind == Kind)
      return startsWith(S, M.Prefix);
  return false;
}

} // namespace privacy::taint
