//===- HoverText.cpp - what a hover says about annotated code -------------===//
#include "HoverText.h"
#include "Protocol.h"

#include "privacy/Policy.h"

#include "llvm/Support/Path.h"

namespace privacy::lsp {

namespace {

/// The English text of a label, else its first language.
std::string text(const Label &L) {
  if (auto It = L.find("en"); It != L.end())
    return It->second;
  return L.empty() ? "" : L.begin()->second;
}

std::string place(const InventorySite &S) {
  std::string Shown = llvm::sys::path::filename(S.File).str() + ":" +
                      std::to_string(S.Line) + ":" + std::to_string(S.Column);
  std::string Out = "[" + Shown + "](" + uriFromPath(S.File) + "#L" +
                    std::to_string(S.Line) + ")";
  if (!S.Symbol.empty())
    Out += " in `" + S.Symbol + "`";
  return Out;
}

std::string places(const std::vector<InventorySite> &Sites) {
  std::string Out;
  for (size_t I = 0; I < Sites.size(); ++I)
    Out += (I ? ", " : "") + place(Sites[I]);
  return Out;
}

std::string retention(const Retention &R) {
  std::string Out = R.Period;
  std::string Until = text(R.Until);
  if (!Until.empty())
    Out += (Out.empty() ? "" : ", ") + Until;
  std::string Basis = text(R.LegalBasis);
  if (!Basis.empty())
    Out += " (" + Basis + ")";
  return Out.empty() ? "not stated" : Out;
}

void policyEntry(std::string &Out, const std::string &Item, const Policy &P) {
  const ItemDef *Def = P.item(Item);
  if (!Def) {
    Out += "\n**Not in the policy** (`" + P.Path + "`).\n";
    return;
  }
  Out += "\n**Policy** (`" + llvm::sys::path::filename(P.Path).str() + "`)\n\n";
  if (!Def->Category.empty())
    Out += "- category: " + Def->Category + "\n";
  Out += "- purposes allowed: " + joinIds(P.purposesAllowedFor(Item)) + "\n";
  std::vector<std::string> Recipients, Stores;
  for (const auto &[Id, R] : P.Recipients)
    if (R.Items.contains(Item))
      Recipients.push_back(Id + " (" + R.Country + ")");
  Out += "- recipients allowed: " + joinIds(Recipients) + "\n";
  for (const auto &[Id, S] : P.Stores)
    if (S.Items.contains(Item))
      Out += "- store `" + Id + "`, kept: " + retention(S.Keep) + "\n";
}

void section(std::string &Out, const char *Title,
             const std::vector<InventoryUse> &Uses, bool WithIds) {
  if (Uses.empty())
    return;
  Out += "- " + std::string(Title) + ":";
  if (!WithIds) {
    std::vector<InventorySite> Sites;
    for (const InventoryUse &U : Uses)
      Sites.insert(Sites.end(), U.Sites.begin(), U.Sites.end());
    Out += " " + places(Sites) + "\n";
    return;
  }
  Out += "\n";
  for (const InventoryUse &U : Uses) {
    Out += "  - `" + U.Id + "`";
    if (!U.Country.empty())
      Out += " (" + U.Country + ")";
    if (!U.Allowed)
      Out += " **not declared for this item**";
    if (!U.Consents.empty())
      Out += ", consent " + joinIds(U.Consents);
    if (!U.Sites.empty())
      Out += ": " + places(U.Sites);
    Out += "\n";
  }
}

} // namespace

std::string hoverMarkdown(const HoverTarget &T, const Policy *P,
                          const Inventory *Inv,
                          const std::string &InventoryNote) {
  std::string Out = "**" + T.Subject + "** `" + T.QualifiedName + "`";
  if (!T.Item.empty()) {
    Out += " — personal data `" + T.Item + "`";
    if (P)
      if (const ItemDef *Def = P->item(T.Item); Def && !text(Def->Name).empty())
        Out += " (" + text(Def->Name) + ")";
  }
  Out += "\n";
  for (const std::string &A : T.Annotations)
    Out += "\n`" + A + "`";
  if (!T.Annotations.empty())
    Out += "\n";
  if (T.Item.empty())
    return Out;
  if (P)
    policyEntry(Out, T.Item, *P);
  if (!Inv) {
    Out += "\n_" + InventoryNote + "_\n";
    return Out;
  }
  auto It = Inv->Items.find(T.Item);
  Out += "\n**In the code** (`" + llvm::sys::path::filename(Inv->Path).str() +
         "`)\n\n";
  if (It == Inv->Items.end()) {
    Out += "- not seen in the code privacy-scan analysed: run it again\n";
    return Out;
  }
  const InventoryItem &I = It->second;
  if (!I.Declarations.empty())
    Out += "- declared: " + places(I.Declarations) + "\n";
  section(Out, "purposes", I.Purposes, true);
  section(Out, "recipients", I.Recipients, true);
  section(Out, "stores", I.Stores, true);
  section(Out, "logs", I.Logs, false);
  section(Out, "network", I.Network, false);
  bool Unused = I.Purposes.empty() && I.Recipients.empty() &&
                I.Stores.empty() && I.Logs.empty() && I.Network.empty();
  if (Unused && I.Declarations.empty())
    // The inventory lists every item of the policy, seen in code or not.
    Out += "- not seen in the code privacy-scan analysed: run it again\n";
  else if (Unused)
    Out += "- used for no purpose and reaching no recipient, store or log\n";
  return Out;
}

} // namespace privacy::lsp
