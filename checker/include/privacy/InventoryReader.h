//===- InventoryReader.h - a saved inventory, read back --------*- C++ -*-===//
//
// privacy-render reads the inventory privacy-scan wrote (docs/scan.md, "The
// inventory"): its syntax and its shape are checked against
// rules/schema/inventory.schema.json, as policies are against theirs, so a
// damaged or foreign file gets FILE:LINE:COL errors, not a crash.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_INVENTORYREADER_H
#define PRIVACY_INVENTORYREADER_H

#include "privacy/PolicyLoader.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace privacy {

struct InventoryReadResult {
  std::optional<nlohmann::json> Loaded; // none when any error was found
  std::vector<PolicyDiagnostic> Diagnostics;
};

/// Parses \p Text and validates it as an inventory; \p Path names it in
/// diagnostics.
InventoryReadResult parseInventory(const std::string &Text,
                                   const std::string &Path);

/// Reads the file \p Path and validates it as an inventory; a missing or
/// unreadable file is a diagnostic too.
InventoryReadResult readInventoryFile(const std::string &Path);

} // namespace privacy

#endif // PRIVACY_INVENTORYREADER_H
