//===- Inventory.cpp - the inventory's JSON, as hovers need it ------------===//
#include "Inventory.h"

#include "privacy/InventoryReader.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace privacy::lsp {

using nlohmann::json;

namespace {

// The schema (rules/schema/inventory.schema.json) has been checked before
// these run, so the members they read exist with their types; value()
// keeps them safe on what the schema leaves optional.

InventorySite readSite(const json &J, const std::string &Root,
                       const char *SymbolKey) {
  InventorySite S;
  llvm::SmallString<256> File(J.value("file", std::string()));
  if (llvm::sys::path::is_relative(File) && !Root.empty()) {
    llvm::SmallString<256> Abs(Root);
    llvm::sys::path::append(Abs, File);
    File = Abs;
  }
  S.File = File.str().str();
  S.Line = J.value("line", 0u);
  S.Column = J.value("column", 0u);
  S.Symbol = J.value(SymbolKey, std::string());
  return S;
}

std::vector<InventorySite> readSites(const json &J, const char *Key,
                                     const std::string &Root,
                                     const char *SymbolKey = "symbol") {
  std::vector<InventorySite> Out;
  if (auto It = J.find(Key); It != J.end() && It->is_array())
    for (const json &S : *It)
      if (S.is_object())
        Out.push_back(readSite(S, Root, SymbolKey));
  return Out;
}

std::vector<InventoryUse> readUses(const json &Item, const char *Key,
                                   const char *AllowedKey, const char *SitesKey,
                                   const std::string &Root) {
  std::vector<InventoryUse> Out;
  auto It = Item.find(Key);
  if (It == Item.end() || !It->is_array())
    return Out;
  for (const json &U : *It) {
    if (!U.is_object())
      continue;
    InventoryUse Use;
    // Logs and network sites are bare places.
    if (U.contains("file")) {
      Use.Sites.push_back(readSite(U, Root, "function"));
      Out.push_back(std::move(Use));
      continue;
    }
    Use.Id = U.value("id", std::string());
    Use.Allowed = U.value(AllowedKey, true);
    Use.Country = U.value("country", std::string());
    if (auto C = U.find("consents"); C != U.end() && C->is_array())
      for (const json &Id : *C)
        if (Id.is_string())
          Use.Consents.push_back(Id.get<std::string>());
    Use.Sites = readSites(U, SitesKey, Root, "function");
    Out.push_back(std::move(Use));
  }
  return Out;
}

/// The directory the inventory's paths are relative to. privacy-scan
/// writes --root as it was given ("." by default), relative to a working
/// directory the file does not record; the first of the workspace's root,
/// the inventory's directory and its parent in which the first declared
/// file exists is taken (docs/editors.md).
std::string rootOf(const std::string &Root, const json &J,
                   const std::string &Path, const std::string &WorkspaceRoot) {
  if (llvm::sys::path::is_absolute(Root))
    return Root;
  std::string Probe;
  for (const json &I : J["items"])
    if (auto D = I.find("declarations"); D != I.end() && D->is_array())
      for (const json &Site : *D)
        if (Probe.empty() && Site.is_object())
          Probe = Site.value("file", std::string());
  llvm::SmallString<256> InventoryDir(Path);
  llvm::sys::fs::make_absolute(InventoryDir);
  llvm::sys::path::remove_filename(InventoryDir);
  std::vector<std::string> Bases;
  if (!WorkspaceRoot.empty())
    Bases.push_back(WorkspaceRoot);
  Bases.push_back(InventoryDir.str().str());
  Bases.push_back(llvm::sys::path::parent_path(InventoryDir).str());
  std::string First;
  for (const std::string &Base : Bases) {
    llvm::SmallString<256> Dir(Base);
    llvm::sys::path::append(Dir, Root);
    llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    if (First.empty())
      First = Dir.str().str();
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Probe);
    if (!Probe.empty() && llvm::sys::fs::exists(Candidate))
      return Dir.str().str();
  }
  return First;
}

} // namespace

InventoryLoad readInventoryFile(const std::string &Path,
                                const std::string &WorkspaceRoot) {
  InventoryLoad Out;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    PolicyDiagnostic D;
    D.File = Path;
    D.Message = "cannot read the inventory: " + Buffer.getError().message();
    Out.Diagnostics.push_back(D);
    return Out;
  }
  InventoryReadResult Read = parseInventory((*Buffer)->getBuffer().str(), Path);
  Out.Diagnostics = std::move(Read.Diagnostics);
  if (!Read.Loaded)
    return Out;
  const json &J = *Read.Loaded;
  std::string Root =
      rootOf(J.value("project_root", std::string()), J, Path, WorkspaceRoot);
  Inventory Inv;
  Inv.Path = Path;
  for (const json &I : J["items"]) {
    InventoryItem Item;
    Item.Id = I.value("id", std::string());
    Item.Declarations = readSites(I, "declarations", Root);
    Item.Purposes = readUses(I, "purposes", "allowed", "uses", Root);
    Item.Recipients =
        readUses(I, "recipients", "declared_for_item", "sites", Root);
    Item.Stores = readUses(I, "stores", "declared_for_item", "sites", Root);
    Item.Logs = readUses(I, "logs", "allowed", "sites", Root);
    Item.Network = readUses(I, "network", "allowed", "sites", Root);
    Inv.Items[Item.Id] = std::move(Item);
  }
  Out.Loaded = std::move(Inv);
  return Out;
}

} // namespace privacy::lsp
