//===- LogLeakCheck.cpp - privacy-log-leak ------------------------===//
#include "LogLeakCheck.h"

#include "privacy/FlowChecks.h"

namespace privacy::tidy {

void LogLeakCheck::analyze(clang::ASTContext &Ctx, const Policy *P) {
  checkLogLeak(flows(Ctx), *P, *this);
}

} // namespace privacy::tidy
