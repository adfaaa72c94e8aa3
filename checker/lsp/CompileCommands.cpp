//===- CompileCommands.cpp - the compile command of an open file ----------===//
#include "CompileCommands.h"

#include "CompileDatabase.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace privacy::lsp {

using namespace clang::tooling;
namespace path = llvm::sys::path;

CompileCommands::CompileCommands(std::string FixedDir, std::string RootDir,
                                 std::vector<std::string> FallbackFlags,
                                 std::string AnnotationsDir)
    : FixedDir(std::move(FixedDir)), FallbackFlags(std::move(FallbackFlags)),
      AnnotationsDir(std::move(AnnotationsDir)) {
  llvm::SmallString<256> Root(RootDir);
  path::remove_dots(Root, /*remove_dot_dot=*/true);
  while (Root.size() > 1 && Root.back() == '/')
    Root.pop_back();
  this->RootDir = Root.str().str();
}

std::string CompileCommands::buildDirFor(const std::string &File) const {
  if (!FixedDir.empty())
    return FixedDir;
  llvm::SmallString<256> Dir(File);
  path::remove_filename(Dir);
  // A file of the workspace is compiled as its project says: the search
  // ends at the workspace's root, so that a compile_commands.json above it
  // (another project's) is never taken.
  llvm::StringRef Stop;
  if (!RootDir.empty() && llvm::StringRef(Dir).starts_with(RootDir) &&
      (Dir.size() == RootDir.size() || Dir[RootDir.size()] == '/'))
    Stop = RootDir;
  for (llvm::StringRef D = Dir; !D.empty(); D = path::parent_path(D)) {
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Candidate(D);
      path::append(Candidate, Sub, "compile_commands.json");
      if (llvm::sys::fs::exists(Candidate)) {
        path::remove_filename(Candidate);
        return Candidate.str().str();
      }
    }
    if (!Stop.empty() && D == Stop)
      break;
  }
  return "";
}

const CompileCommands::Loaded &
CompileCommands::load(const std::string &BuildDir) {
  llvm::SmallString<256> Json(BuildDir);
  path::append(Json, "compile_commands.json");
  llvm::sys::fs::file_status Status;
  long long Modified = 0;
  if (!llvm::sys::fs::status(Json, Status))
    Modified = Status.getLastModificationTime().time_since_epoch().count();
  auto It = Databases.find(BuildDir);
  // A rebuilt database is read again.
  if (It != Databases.end() && It->second.ModifiedNs == Modified)
    return It->second;
  Loaded L;
  L.ModifiedNs = Modified;
  std::string Error;
  if (auto DB = scan::loadCompileDatabase(BuildDir, L.Diagnostics, Error))
    // A header or a new file the database does not list gets the command
    // of its closest neighbour, as in clangd.
    L.Database = inferMissingCompileCommands(std::move(DB));
  else
    L.Error = Error; // set by the loaders tried before the one that worked
                     // too, so it counts only when none did
  return Databases[BuildDir] = std::move(L);
}

CompileCommand CompileCommands::fallbackCommand(const std::string &File) const {
  llvm::SmallString<256> Dir(File);
  path::remove_filename(Dir);
  bool IsC = path::extension(File) == ".c";
  std::vector<std::string> Args = {IsC ? "clang" : "clang++"};
  if (!IsC)
    Args.push_back("-std=c++17");
  Args.push_back("-I" + Dir.str().str());
  if (!AnnotationsDir.empty())
    Args.push_back("-I" + AnnotationsDir);
  Args.insert(Args.end(), FallbackFlags.begin(), FallbackFlags.end());
  Args.push_back(File);
  return CompileCommand(Dir, File, std::move(Args), "");
}

CommandLookup CompileCommands::commandFor(const std::string &File) {
  CommandLookup Out;
  std::string BuildDir = buildDirFor(File);
  if (!BuildDir.empty()) {
    const Loaded &L = load(BuildDir);
    Out.Diagnostics = L.Diagnostics;
    Out.Error = L.Error;
    if (L.Database) {
      std::vector<CompileCommand> Commands =
          L.Database->getCompileCommands(File);
      if (!Commands.empty()) {
        // A file built several ways: the first command, as clangd does.
        Out.Command = std::move(Commands.front());
        Out.BuildDir = BuildDir;
        return Out;
      }
    }
  }
  Out.Command = fallbackCommand(File);
  return Out;
}

} // namespace privacy::lsp
