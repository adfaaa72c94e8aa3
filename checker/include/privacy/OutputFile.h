//===- OutputFile.h - writing a report or a summary safely -----*- C++ -*-===//
//
// One way for every front to write what it produces (docs/scan.md, "Output
// files"): a regular file, or a path that does not exist yet, is replaced
// whole or not at all (a temporary file beside it, then a rename, through
// llvm::writeToOutput); a symbolic link keeps being a link and its target
// is replaced; a character device or a pipe is written straight through,
// since it cannot be renamed over. "-" is standard output.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_OUTPUTFILE_H
#define PRIVACY_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <system_error>

namespace privacy {

/// Why \p Path cannot be written, or no error when it presumably can: it is
/// not a directory, and the directory it would be created or replaced in
/// exists and is writable (a device or a pipe: is writable itself). Lets a
/// front stop before a long analysis rather than after it.
std::error_code checkOutputWritable(llvm::StringRef Path);

/// Creates the directory \p Path (and its parents) if needed; why files
/// cannot be written in it, or no error. For outputs that are a folder,
/// such as privacy-scan's --summaries-dir.
std::error_code prepareOutputDirectory(llvm::StringRef Path);

/// Writes \p Text to \p Path ("-": standard output) as the file comment
/// says; the error of the first step that failed.
std::error_code writeOutput(llvm::StringRef Path, llvm::StringRef Text);
/// The same for text \p Write puts into the stream it is given, written as
/// it comes (a large report need not be held whole).
std::error_code
writeOutput(llvm::StringRef Path,
            llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// Flushes standard output and returns (and clears) the error of any write
/// to it, such as a full disk. Every front calls it before exiting.
std::error_code flushStandardOutput();

/// "cannot write 'PATH': REASON", or "cannot write to standard output:
/// REASON" for "-".
std::string describeWriteError(llvm::StringRef Path, std::error_code Error);

} // namespace privacy

#endif // PRIVACY_OUTPUTFILE_H
