//===- Label.h - what one label of a taint stands for ----------*- C++ -*-===//
//
// A taint is a set of labels (Taint.h). A label is a policy item, a
// placeholder for what a caller passes (a parameter, the object, a captured
// variable, or what a call into another file returns), or a marker that is
// no personal data (a function, a slot, a socket). Its canonical string
// (docs/scan.md, "Per-TU summaries") is the key of a Taint and of the
// summaries; this is the one place that reads and writes that string.
//
// (privacy::Label in Policy.h is a policy's translated text; hence the
// namespace.)
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LABEL_H
#define PRIVACY_LABEL_H

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace privacy::taint {

/// Fields below a placeholder, outermost first: "$p1.address.city" is
/// {"address", "city"} of parameter 1.
using FieldPath = std::vector<std::string>;

/// "email": an item of the policy (or of a PRIVACY_DATA annotation).
struct ItemLabel {
  std::string Item;
};
/// "$p<Index>[.field...]": what the caller passes as parameter Index.
struct ParamPlaceholder {
  unsigned Index = 0;
  FieldPath Fields;
};
/// "$this[.field...]": the object a method is called on.
struct ThisPlaceholder {
  FieldPath Fields;
};
/// "$c<Name>@<Id>[.field...]": a variable a lambda captures; Id tells
/// variables of one name apart within one translation unit.
struct CapturePlaceholder {
  std::string Name;
  std::string Id;
  FieldPath Fields;
};
/// What a call into another file returns: "$r<Call>" inside one
/// translation unit; "$r:<File>:<Call>[.field...]" in summaries, where the
/// file makes it unique in the program.
struct ReturnPlaceholder {
  std::optional<std::string> File;
  unsigned Call = 0;
  FieldPath Fields;
};

/// "$k<Call>[.field...]": what a call through a function value the caller
/// passes returns (the result of `fn(s)` where `fn` is a parameter); Call
/// numbers such calls within one translation unit. Resolved where the
/// function making the call is called, by the target the caller passes
/// (docs/limitations.md, "Calls through function values"); never in
/// summaries, which carry what the call may return instead.
struct CallbackResultPlaceholder {
  unsigned Call = 0;
  FieldPath Fields;
};
enum class MarkerKind {
  Function,       // "#fn:<function>": the value may be that function
  Slot,           // "#slot:<field or global>": read from there
  FileDescriptor, // "#fd:<call>": a file descriptor that call returned
  Bind            // "#bind:<call>": made by that std::bind expression
};
/// "#<kind>:<Text>": a fact about a value that is not personal data. Text
/// is opaque (a pointer in one translation unit, a USR in summaries).
struct MarkerLabel {
  MarkerKind Kind = MarkerKind::Function;
  std::string Text;
};

/// The kind of a canonical label, from its first characters alone: cheap
/// enough for Taint's every insertion. Anything not starting with '$' or
/// '#' is an item; parse() tells whether the rest is well formed.
enum class LabelKind {
  Item,
  Param,
  This,
  Capture,
  Return,
  CallbackResult,
  Marker,
  Malformed
};
LabelKind labelKind(std::string_view Canonical);

class Label {
public:
  using Parts = std::variant<ItemLabel, ParamPlaceholder, ThisPlaceholder,
                             CapturePlaceholder, ReturnPlaceholder,
                             CallbackResultPlaceholder, MarkerLabel>;

  /// An empty item: a label to be assigned.
  Label() : Value(ItemLabel{}) {}
  Label(Parts P) : Value(std::move(P)) {}
  template <typename T, typename = std::enable_if_t<
                            std::is_constructible_v<Parts, T &&> &&
                            !std::is_same_v<std::decay_t<T>, Parts> &&
                            !std::is_same_v<std::decay_t<T>, Label>>>
  Label(T &&Alternative) : Value(std::forward<T>(Alternative)) {}

  /// The label a canonical string stands for; nullopt when it is not one.
  static std::optional<Label> parse(std::string_view Canonical);
  /// The canonical string: parse(L.str()) == L.
  std::string str() const;

  const Parts &parts() const { return Value; }
  template <typename T> const T *as() const { return std::get_if<T>(&Value); }
  template <typename T> T *as() { return std::get_if<T>(&Value); }

  /// A placeholder: filled with what a caller passes (or a call returns).
  bool isPlaceholder() const;
  bool isMarker() const { return as<MarkerLabel>() != nullptr; }
  bool isMarker(MarkerKind K) const {
    const MarkerLabel *M = as<MarkerLabel>();
    return M && M->Kind == K;
  }
  /// A policy item: neither a placeholder nor a marker.
  bool isItem() const { return as<ItemLabel>() != nullptr; }

  /// The fields below a placeholder; null for items and markers.
  const FieldPath *fields() const;
  FieldPath *fields();
  /// The same placeholder without its fields ("$p0.ip" → "$p0").
  Label withoutFields() const;

  bool operator==(const Label &O) const;
  bool operator!=(const Label &O) const { return !(*this == O); }

private:
  Parts Value;
};

// The analysis keeps labels as their canonical strings (Taint's keys) and
// edits them on its hot paths; these do it without building a Label, and
// write what Label::str() would.

/// \p Canonical, a placeholder, narrowed to its field \p Field
/// ("$p0" → "$p0.name").
void appendField(std::string &Canonical, std::string_view Field);
/// The fields a placeholder names ("$p0.a.b" → 2); 0 for items and markers.
size_t fieldCount(std::string_view Canonical);
/// A placeholder without its fields ("$p0.ip" → "$p0"); items and markers
/// whole.
std::string_view withoutFields(std::string_view Canonical);
/// A placeholder with at most \p Keep of its fields ("$p0.a.b.c", 2 →
/// "$p0.a.b"), as parse(), FieldPath::resize() and str() would give it;
/// none when \p Canonical does not parse.
std::optional<std::string> withFieldsCut(std::string_view Canonical,
                                         size_t Keep);
/// Whether \p Canonical is a marker of kind \p Kind ("#slot:...").
bool isMarkerOf(std::string_view Canonical, MarkerKind Kind);

/// Whether an item that went along a path into a call comes out along the
/// callee's path: not when the object held it (\p InHeld) and the callee's
/// path goes through what unknown code returned (\p OutOpaque). The flags
/// are those of privacy::TraceNode and summary::LabelledPath
/// (docs/limitations.md, "Objects and their fields").
constexpr bool heldItemPasses(bool InHeld, bool OutOpaque) {
  return !(InHeld && OutOpaque);
}

} // namespace privacy::taint

#endif // PRIVACY_LABEL_H
