//===- HoverText.h - what a hover says about annotated code ----*- C++ -*-===//
//
// The Markdown of a hover over an annotated declaration or a use of one:
// the item and its label, its policy entry (allowed purposes, recipients,
// stores and their retention), and what the last privacy-scan inventory
// says the code does with it, each place linked (docs/editors.md).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_HOVERTEXT_H
#define PRIVACY_LSP_HOVERTEXT_H

#include "DocumentAnalysis.h"
#include "Inventory.h"

#include <string>

namespace privacy {
class Policy;
}

namespace privacy::lsp {

/// \p P and \p Inv may be null; \p InventoryNote says why there is no
/// inventory when \p Inv is null ("no inventory at FILE: run privacy-scan").
std::string hoverMarkdown(const HoverTarget &T, const Policy *P,
                          const Inventory *Inv,
                          const std::string &InventoryNote);

} // namespace privacy::lsp

#endif // PRIVACY_LSP_HOVERTEXT_H
