//===- SummaryReader.h - summaries read a few at a time ---------*- C++ -*-===//
//
// privacy-scan --from-summaries DIR: the per-TU summaries the compiler
// plugin wrote, read in the order of their paths with a few read ahead in
// parallel (reading and checking a summary against its schema is most of
// the time of a join from summaries). The join merges each as it comes and
// frees it, so a scan holds a few summaries at a time, not all of them
// (docs/scan.md, "Large programs").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_SUMMARYREADER_H
#define PRIVACY_SCAN_SUMMARYREADER_H

#include "privacy/summary/SummaryJson.h"

#include "llvm/Support/ThreadPool.h"

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privacy::scan {

class SummaryReader {
public:
  /// The summaries (*.json) of \p Dir; \p Jobs threads read ahead (0: as
  /// many as the machine has).
  SummaryReader(std::string Dir, unsigned Jobs);
  ~SummaryReader();

  /// An error when the directory cannot be read or holds no summary.
  const std::string &error() const { return Error; }
  size_t size() const { return Paths.size(); }

  /// The next summary that could be read, in the order of the paths; none
  /// at the end. \p Diagnose sees the diagnostics of every file, \p Failed
  /// each file that is not a summary with the first error.
  std::optional<summary::TuSummary>
  next(const std::function<void(const PolicyDiagnostic &)> &Diagnose,
       const std::function<void(const std::string &File,
                                const std::string &Error)> &Failed);

private:
  struct Pending;
  void startReads();

  std::vector<std::string> Paths;
  std::string Error;
  size_t Started = 0;
  unsigned Window = 0; // reads started and not yet taken, at most
  std::unique_ptr<llvm::DefaultThreadPool> Pool;
  std::deque<std::unique_ptr<Pending>> Ahead;
};

} // namespace privacy::scan

#endif // PRIVACY_SCAN_SUMMARYREADER_H
