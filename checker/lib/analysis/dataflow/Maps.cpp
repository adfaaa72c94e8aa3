//===- Maps.cpp - keys and mapped values of the standard maps -------------===//
//
// A map's elements are one value, as every container's are
// (docs/limitations.md, "Within a function"), but its keys and mapped values
// are told apart where the code says which is which: `emplace(k, v)`,
// `try_emplace(k, args...)`, `insert_or_assign(k, v)` and `emplace_hint`
// put `k` into the keys (so does `m[k]`, which adds k when it is missing),
// and `at(k)` and `m[k]` read a mapped value, which holds no key. An item
// counts as a key only while every write into the map the function makes puts
// it in as a key: any other write (an `insert` of a pair, `m[k] = v`, a
// callee's write) makes it a value.
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace privacy::dataflow {

using namespace clang;

bool isStdContainerNamed(const CXXRecordDecl *RD,
                         std::initializer_list<StringRef> Names) {
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  StringRef Name = RD->getName();
  return std::find(Names.begin(), Names.end(), Name) != Names.end();
}

bool isMapContainer(const CXXRecordDecl *RD) {
  return isStdContainerNamed(
      RD, {"map", "multimap", "unordered_map", "unordered_multimap"});
}

bool isSetContainer(const CXXRecordDecl *RD) {
  return isStdContainerNamed(
      RD, {"set", "multiset", "unordered_set", "unordered_multiset"});
}

/// Whether \p F's first parameter is a position (`emplace_hint(hint, ...)`,
/// `try_emplace(hint, k, ...)`).
static bool takesPosition(const FunctionDecl *F) {
  return F->getNumParams() > 0 &&
         StringRef(
             F->getParamDecl(0)->getType().getNonReferenceType().getAsString())
             .contains("iterator");
}

const FieldDecl *mapKeyField(const CXXRecordDecl *Map) {
  if (!isMapContainer(Map))
    return nullptr;
  for (const NamedDecl *D :
       Map->lookup(&Map->getASTContext().Idents.get("value_type")))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      if (const auto *Pair = TD->getUnderlyingType()->getAsCXXRecordDecl())
        if (const CXXRecordDecl *Def = Pair->getDefinition())
          return fieldNamed(Def, "first");
  return nullptr;
}

std::optional<unsigned> mapKeyArgument(const FunctionDecl *F, size_t NumArgs) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(F);
  if (!MD || !MD->getIdentifier() || !isMapContainer(MD->getParent()))
    return std::nullopt;
  StringRef Name = MD->getName();
  if (Name != "emplace" && Name != "emplace_hint" && Name != "try_emplace" &&
      Name != "insert_or_assign")
    return std::nullopt;
  unsigned Key = Name == "emplace_hint" || takesPosition(MD) ? 1 : 0;
  // emplace's arguments build the pair: a key and a mapped value, unless
  // given piecewise or as one pair.
  if ((Name == "emplace" || Name == "emplace_hint") && NumArgs != Key + 2)
    return std::nullopt;
  if (NumArgs < Key + 2)
    return std::nullopt;
  return Key;
}

std::optional<FunctionAnalyzer::MapInsertion>
FunctionAnalyzer::beginMapInsertion(const FunctionDecl *Callee,
                                    const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args) {
  std::optional<unsigned> Key = mapKeyArgument(Callee, Args.size());
  // `m[k]` puts k in as a key when it is not there yet.
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
      !Key && MD && MD->getOverloadedOperator() == OO_Subscript &&
      isMapContainer(MD->getParent()) && Args.size() == 1)
    Key = 0;
  if (!Key || !Object)
    return std::nullopt;
  std::optional<Path> Container = pathOf(Object);
  if (!Container)
    return std::nullopt;
  MapInsertion Insertion;
  Insertion.Container = *Container;
  Insertion.Before = readPath(*Container);
  Insertion.Key = value(Args[*Key]);
  for (const Expr *A : Args.drop_front(*Key + 1))
    Insertion.Mapped.merge(value(A));
  InsertingInto = Insertion.Container;
  return Insertion;
}

void FunctionAnalyzer::finishMapInsertion(const MapInsertion &Insertion) {
  InsertingInto.reset();
  std::set<std::string> &Keys = MapKeys[Insertion.Container];
  std::set<std::string> &Values = MapValues[Insertion.Container];
  size_t Known = Keys.size() + Values.size();
  for (const auto &[Label, Tr] : Insertion.Mapped.labels())
    Values.insert(Label);
  for (const auto &[Label, Tr] : Insertion.Key.labels()) {
    bool WasKeyOnly = Keys.count(Label) && !Values.count(Label);
    if (Insertion.Mapped.has(Label))
      continue;
    if (!Insertion.Before.has(Label) || WasKeyOnly)
      Keys.insert(Label);
    else
      Values.insert(Label); // already in the map some other way
  }
  if (Keys.size() + Values.size() != Known)
    ++TU.FactsVersion;
}

void FunctionAnalyzer::noteMapWrite(const Path &P, const Taint &Stored) {
  for (auto &[Container, Keys] : MapKeys) {
    if (!Container.covers(P) && !P.covers(Container))
      continue;
    bool Inserting =
        InsertingInto && !(*InsertingInto < P) && !(P < *InsertingInto);
    if (Inserting && !(Container < P) && !(P < Container))
      continue; // the insertion's own write: finishMapInsertion sorts it
    std::set<std::string> &Values = MapValues[Container];
    for (const auto &[Label, Tr] : Stored.labels())
      TU.FactsVersion += Values.insert(Label).second;
  }
}

void FunctionAnalyzer::dropMapKeys(const FunctionDecl *Callee,
                                   const Expr *Object, Taint &Result) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (MapKeys.empty() || !Object || !MD || !isMapContainer(MD->getParent()))
    return;
  bool ReadsMapped = MD->getOverloadedOperator() == OO_Subscript ||
                     (MD->getIdentifier() && MD->getName() == "at");
  if (!ReadsMapped)
    return;
  std::optional<Path> Container = pathOf(Object);
  if (!Container)
    return;
  auto Keys = MapKeys.find(*Container);
  if (Keys == MapKeys.end())
    return;
  const std::set<std::string> &Values = MapValues[*Container];
  Taint Mapped;
  for (const auto &[Label, Tr] : Result.labels())
    if (!Keys->second.count(Label) || Values.count(Label))
      Mapped.add(Label, Tr);
  Result = Mapped;
}

} // namespace privacy::dataflow
