//===- Purposes.cpp - the purposes code runs under ------------------------===//
#include "privacy/Purposes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

namespace privacy {

using namespace clang;

std::optional<PurposeSource> purposeOfContext(const DeclContext *DC) {
  for (; DC; DC = DC->getParent()) {
    const auto *D = dyn_cast<Decl>(DC);
    // A lambda's class only links its call operator to the enclosing
    // function; the lambda itself is the call operator.
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC); RD && RD->isLambda())
      continue;
    if (!isa<FunctionDecl>(D) && !isa<RecordDecl>(D) && !isa<NamespaceDecl>(D))
      continue;
    // Library code carries no purposes; `namespace std` alone is reopened
    // a hundred times by the standard headers, each to be searched.
    const SourceManager &SM = D->getASTContext().getSourceManager();
    if (D->getLocation().isValid() && SM.isInSystemHeader(D->getLocation()))
      continue;
    if (auto A = findAnnotation(D, AnnotationKind::Purpose)) {
      PurposeSource Source;
      for (const std::string &P : A->Args)
        if (!P.empty())
          Source.Purposes.push_back(P);
      Source.From = std::move(*A);
      return Source;
    }
  }
  return std::nullopt;
}

} // namespace privacy
