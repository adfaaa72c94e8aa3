//===- InventoryReader.cpp ------------------------------------------------===//
#include "privacy/InventoryReader.h"

#include "JsonValidation.h"

#include <map>

namespace privacy {

// A wrong type names the type the schema wants ("'findings' must be an
// array"); the generic wording covers the rest.
static std::string describeInventoryError(const SchemaError &E) {
  if (E.Kind != SchemaErrorKind::WrongType)
    return "";
  if (E.Pointer.empty())
    return "an inventory must be a JSON object";
  const nlohmann::json *Node = schemaNodeAt(*E.Schema, E.Pointer);
  if (!Node || !Node->is_object() || !Node->contains("type") ||
      !(*Node)["type"].is_string())
    return "";
  static const std::map<std::string, std::string> Kinds = {
      {"object", "an object"}, {"array", "an array"},
      {"string", "a string"},  {"integer", "an integer"},
      {"number", "a number"},  {"boolean", "true or false"}};
  std::string Type = (*Node)["type"].get<std::string>();
  auto Kind = Kinds.find(Type);
  return "'" + E.Key + "' must be " +
         (Kind == Kinds.end() ? Type : Kind->second) + E.found();
}

// rules/schema/inventory.schema.json, embedded at build time; parsed on
// first use.
static const JsonSchema &inventorySchema() {
  static const JsonSchema Schema(
#include "inventory.schema.inc"
      , "inventory", describeInventoryError);
  return Schema;
}

InventoryReadResult parseInventory(const std::string &Text,
                                   const std::string &Path) {
  InventoryReadResult R;
  JsonReader Json(Text, Path);
  if (Json.parse() && Json.validate(inventorySchema()))
    R.Loaded = Json.document();
  R.Diagnostics = Json.takeDiagnostics();
  return R;
}

InventoryReadResult readInventoryFile(const std::string &Path) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem =
          readJsonFile(Path, "inventory", Text)) {
    InventoryReadResult R;
    R.Diagnostics.push_back(std::move(*Problem));
    return R;
  }
  return parseInventory(Text, Path);
}

} // namespace privacy
