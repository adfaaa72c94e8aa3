//===- SummaryReader.cpp - summaries read a few at a time -----------------===//
#include "SummaryReader.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Threading.h"

#include <algorithm>

namespace privacy::scan {

/// A read under way: the pool's future and the result the read fills (a
/// shared future gives its value only as const, and a summary is moved
/// on).
struct SummaryReader::Pending {
  size_t Index; // in Paths
  std::shared_future<void> Done;
  summary::SummaryReadResult Result;
};

SummaryReader::SummaryReader(std::string Dir, unsigned Jobs) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".json"))
      Paths.push_back(It->path());
  if (EC) {
    Error = "cannot read the summaries in '" + Dir + "': " + EC.message();
    Paths.clear();
    return;
  }
  if (Paths.empty()) {
    Error = "no summaries (*.json) in '" + Dir + "'";
    return;
  }
  std::sort(Paths.begin(), Paths.end());
  llvm::ThreadPoolStrategy Strategy = llvm::hardware_concurrency(Jobs);
  unsigned Threads = Strategy.compute_thread_count();
  // Two reads a thread: one being read, one waiting to be merged.
  Window = 2 * std::max(1u, Threads);
  Pool = std::make_unique<llvm::DefaultThreadPool>(Strategy);
}

SummaryReader::~SummaryReader() {
  if (Pool)
    Pool->wait(); // the reads ahead write into Pending objects freed here
}

void SummaryReader::startReads() {
  while (Started < Paths.size() && Ahead.size() < Window) {
    auto Read = std::make_unique<Pending>();
    Pending *Into = Read.get();
    Into->Index = Started++;
    Into->Done = Pool->async([Into, &Path = Paths[Into->Index]] {
      Into->Result = summary::readSummaryFile(Path);
    });
    Ahead.push_back(std::move(Read));
  }
}

std::optional<summary::TuSummary> SummaryReader::next(
    const std::function<void(const PolicyDiagnostic &)> &Diagnose,
    const std::function<void(const std::string &, const std::string &)>
        &Failed) {
  while (true) {
    startReads();
    if (Ahead.empty())
      return std::nullopt;
    std::unique_ptr<Pending> Read = std::move(Ahead.front());
    Ahead.pop_front();
    Read->Done.wait();
    startReads(); // keep the threads busy while this one is merged
    for (const PolicyDiagnostic &D : Read->Result.Diagnostics)
      Diagnose(D);
    if (Read->Result.Summary)
      return std::move(Read->Result.Summary);
    Failed(Paths[Read->Index], Read->Result.Diagnostics.empty()
                                   ? "not a summary"
                                   : Read->Result.Diagnostics.front().Message);
  }
}

} // namespace privacy::scan
