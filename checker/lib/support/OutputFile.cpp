//===- OutputFile.cpp -----------------------------------------------------===//
#include "privacy/OutputFile.h"

#include "llvm/Support/Errc.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace privacy {

namespace fs = llvm::sys::fs;

namespace {

using Writer = llvm::function_ref<void(llvm::raw_ostream &)>;

/// Writes what \p Write gives to \p Out and takes back the error it met,
/// so that the stream does not abort the program for an unchecked error
/// when it is destroyed.
std::error_code writeAll(llvm::raw_fd_ostream &Out, Writer Write) {
  Write(Out);
  Out.flush();
  std::error_code EC = Out.error();
  Out.clear_error();
  return EC;
}

/// A device, a pipe, a dangling link: opened and written as it is.
std::error_code writeThrough(llvm::StringRef Path, Writer Write) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC, fs::OF_None);
  if (EC)
    return EC;
  if ((EC = writeAll(Out, Write)))
    return EC;
  Out.close();
  EC = Out.error();
  Out.clear_error();
  return EC;
}

/// A regular file, or a new one: a temporary beside it, then a rename.
std::error_code replaceWhole(llvm::StringRef Path, Writer Write) {
  llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &Out) {
    // writeToOutput hands a raw_fd_ostream on the temporary file; its
    // error must be taken back, or the stream aborts when destroyed.
    if (Out.get_kind() == llvm::raw_ostream::OStreamKind::OK_FDStream)
      return llvm::errorCodeToError(
          writeAll(static_cast<llvm::raw_fd_ostream &>(Out), Write));
    Write(Out);
    return llvm::Error(llvm::Error::success());
  });
  return llvm::errorToErrorCode(std::move(E));
}

} // namespace

std::error_code prepareOutputDirectory(llvm::StringRef Path) {
  if (std::error_code EC = fs::create_directories(Path))
    return EC;
  if (!fs::is_directory(Path))
    return llvm::make_error_code(llvm::errc::not_a_directory);
  return fs::access(Path, fs::AccessMode::Write);
}

std::error_code checkOutputWritable(llvm::StringRef Path) {
  if (Path == "-")
    return {};
  fs::file_status Status;
  if (!fs::status(Path, Status)) {
    if (Status.type() == fs::file_type::directory_file)
      return llvm::make_error_code(llvm::errc::is_a_directory);
    if (Status.type() != fs::file_type::regular_file)
      return fs::access(Path, fs::AccessMode::Write);
  }
  // Replaced or created in its directory (for a link: its target's).
  llvm::SmallString<256> Target(Path);
  llvm::SmallString<256> Real;
  if (!fs::real_path(Path, Real))
    Target = Real;
  llvm::SmallString<256> Dir = llvm::sys::path::parent_path(Target);
  if (Dir.empty())
    Dir = ".";
  fs::file_status DirStatus;
  if (std::error_code EC = fs::status(Dir, DirStatus))
    return EC;
  if (DirStatus.type() != fs::file_type::directory_file)
    return llvm::make_error_code(llvm::errc::not_a_directory);
  return fs::access(Dir, fs::AccessMode::Write);
}

std::error_code writeOutput(llvm::StringRef Path, llvm::StringRef Text) {
  return writeOutput(Path, [&](llvm::raw_ostream &Out) { Out << Text; });
}

std::error_code writeOutput(llvm::StringRef Path, Writer Write) {
  if (Path == "-")
    return writeAll(llvm::outs(), Write);
  fs::file_status Status;
  if (std::error_code EC = fs::status(Path, Status)) {
    // A link whose target does not exist yet creates it.
    if (EC == std::errc::no_such_file_or_directory &&
        !fs::status(Path, Status, /*Follow=*/false) &&
        Status.type() == fs::file_type::symlink_file)
      return writeThrough(Path, Write);
    return replaceWhole(Path, Write);
  }
  switch (Status.type()) {
  case fs::file_type::directory_file:
    return llvm::make_error_code(llvm::errc::is_a_directory);
  case fs::file_type::regular_file: {
    llvm::SmallString<256> Real;
    if (std::error_code EC = fs::real_path(Path, Real))
      return EC;
    return replaceWhole(Real, Write);
  }
  default:
    return writeThrough(Path, Write);
  }
}

std::error_code flushStandardOutput() {
  llvm::outs().flush();
  std::error_code EC = llvm::outs().error();
  llvm::outs().clear_error();
  return EC;
}

std::string describeWriteError(llvm::StringRef Path, std::error_code Error) {
  if (Path == "-")
    return "cannot write to standard output: " + Error.message();
  return "cannot write '" + Path.str() + "': " + Error.message();
}

} // namespace privacy
