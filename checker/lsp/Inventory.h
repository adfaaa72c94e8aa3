//===- Inventory.h - what hovers show of the last privacy-scan -*- C++ -*-===//
//
// The part of privacy-scan's inventory (--format json, docs/scan.md) that a
// hover shows, per item: where it is declared, the purposes it is used
// for, the recipients, stores and logs it reaches, each with its places.
// The file is read with InventoryReader.h (syntax and schema checked, so a
// damaged file is an error with file:line:col) and turned into these types
// here, the only place privacy-lsp reads the inventory's JSON.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_INVENTORY_H
#define PRIVACY_LSP_INVENTORY_H

#include "privacy/PolicyLoader.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace privacy::lsp {

struct InventorySite {
  std::string File; // absolute
  unsigned Line = 0, Column = 0;
  std::string Symbol; // the declaration or the function, when known
};

/// A purpose, recipient, store or log an item reaches.
struct InventoryUse {
  std::string Id;                    // empty for logs
  bool Allowed = true;               // by the policy, for this item
  std::string Country;               // recipients only
  std::vector<std::string> Consents; // purposes only
  std::vector<InventorySite> Sites;
};

struct InventoryItem {
  std::string Id;
  std::vector<InventorySite> Declarations;
  std::vector<InventoryUse> Purposes, Recipients, Stores, Logs, Network;
};

struct Inventory {
  std::string Path;
  std::map<std::string, InventoryItem> Items;
};

struct InventoryLoad {
  std::optional<Inventory> Loaded;
  std::vector<PolicyDiagnostic> Diagnostics;
};

/// Reads \p Path; paths in it are made absolute against its project_root
/// (a relative one is looked for from \p WorkspaceRoot, then from the
/// inventory's directory and its parent).
InventoryLoad readInventoryFile(const std::string &Path,
                                const std::string &WorkspaceRoot);

} // namespace privacy::lsp

#endif // PRIVACY_LSP_INVENTORY_H
