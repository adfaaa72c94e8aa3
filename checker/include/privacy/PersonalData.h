//===- PersonalData.h - which values are personal data ---------*- C++ -*-===//
#ifndef PRIVACY_PERSONALDATA_H
#define PRIVACY_PERSONALDATA_H

#include "privacy/Annotations.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include <optional>
#include <string>
#include <vector>

namespace privacy {

/// Where a personal-data value comes from.
struct DataOrigin {
  std::string Item;
  const clang::Decl *Source = nullptr; // field, variable, parameter, function
  Annotation Marker; // the PRIVACY_DATA that makes it personal data
};

/// The record a value of type \p T is, or points or refers to, through
/// references, pointers and arrays.
const clang::RecordDecl *recordOfType(clang::QualType T);

/// The item a declaration holds: its own PRIVACY_DATA, else (for fields)
/// the PRIVACY_DATA of its class, else that of its type's class.
std::optional<DataOrigin> dataOfDecl(const clang::Decl *D);

/// The item an expression reads directly: a reference to annotated data, a
/// call of an annotated function, or a part (member, element, pointee) of
/// such a value.
std::optional<DataOrigin> dataOfExpr(const clang::Expr *E);

/// "field 'Customer::email'", "parameter 'phone'", ... for messages.
std::string describeSource(const clang::Decl *D);

/// A read of personal data in the program.
struct PersonalDataUse {
  const clang::Expr *Use;
  DataOrigin Origin;
  const clang::DeclContext *Context; // the function/class/namespace it is in
};

/// Every read of personal data in the translation unit outside system
/// headers: writes, unevaluated operands and casts to void are not reads,
/// and a member chain is one read (its outermost expression).
std::vector<PersonalDataUse> collectPersonalDataUses(clang::ASTContext &Ctx);

} // namespace privacy

#endif // PRIVACY_PERSONALDATA_H
