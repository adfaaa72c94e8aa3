//===- CommandLine.cpp ----------------------------------------------------===//
#include "CommandLine.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"

namespace privacy::tools {

namespace {

std::string &pendingUsageMessages() {
  static std::string Text;
  return Text;
}

/// llvm::cl's complaints, "<program>: Unknown command line argument '-x'.
/// Try: ..." and "<program>: Did you mean '-y'?", as one line without the
/// program name: "unknown command line argument '-x' (did you mean '-y'?)".
std::string oneLine(llvm::StringRef Text, llvm::StringRef Program) {
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Text.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  std::string Message, Hint;
  for (llvm::StringRef Line : Lines) {
    Line.consume_front(Program);
    Line.consume_front(": ");
    Line = Line.trim();
    if (Line.consume_front("Did you mean ")) {
      Hint = (" (did you mean " + Line.rtrim('?') + "?)").str();
      continue;
    }
    if (!Message.empty())
      continue;
    Line = Line.split(".  Try:").first;
    Line = Line.rtrim("!.");
    Message = Line.str();
    if (!Message.empty() && Message[0] >= 'A' && Message[0] <= 'Z' &&
        !(Message.size() > 1 && Message[1] >= 'A' && Message[1] <= 'Z'))
      Message[0] = static_cast<char>(Message[0] - 'A' + 'a');
  }
  return Message + Hint;
}

} // namespace

llvm::raw_ostream &usageMessages() {
  static llvm::raw_string_ostream Stream(pendingUsageMessages());
  return Stream;
}

bool parseCommandLine(int Argc, const char *const *Argv, llvm::StringRef Tool,
                      llvm::cl::OptionCategory &Category,
                      llvm::StringRef Overview) {
  // -h is the short form the tools always had; llvm::cl only knows --help.
  static llvm::cl::alias ShortHelp(
      "h", llvm::cl::desc("Alias for --help"), llvm::cl::NotHidden,
      llvm::cl::aliasopt(*llvm::cl::getRegisteredOptions()["help"]),
      llvm::cl::cat(Category));
  llvm::cl::HideUnrelatedOptions(Category);
  // llvm::cl says "requires a value!" of a last option without its value
  // itself, in another form; say it as every other usage error.
  llvm::StringMap<llvm::cl::Option *> &Options =
      llvm::cl::getRegisteredOptions();
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--")
      break;
    if (!Arg.starts_with("-") || Arg.contains('='))
      continue;
    auto Named = Options.find(Arg.ltrim('-'));
    if (Named == Options.end() ||
        Named->second->getValueExpectedFlag() != llvm::cl::ValueRequired)
      continue;
    if (I + 1 == Argc) {
      usageError(Tool, Arg + " needs a value");
      return false;
    }
    ++I; // its value, whatever it looks like
  }
  llvm::raw_ostream &Messages = usageMessages();
  bool Parsed =
      llvm::cl::ParseCommandLineOptions(Argc, Argv, Overview, &Messages);
  Messages.flush();
  if (Parsed)
    return true;
  // Complaints llvm::cl prints itself (not into Messages) are already out.
  std::string Line =
      oneLine(pendingUsageMessages(), llvm::sys::path::filename(Argv[0]));
  if (!Line.empty())
    usageError(Tool, Line);
  return false;
}

int usageError(llvm::StringRef Tool, const llvm::Twine &Message) {
  llvm::errs() << Tool << ": error: " << Message << "\n";
  return UsageExitStatus;
}

bool JobsParser::parse(llvm::cl::Option &O, llvm::StringRef ArgName,
                       llvm::StringRef Arg, unsigned &Value) {
  if (!Arg.getAsInteger(10, Value) && Value >= 1 && Value <= 1024)
    return false;
  return O.error("needs a number from 1 to 1024, not '" + Arg + "'", ArgName,
                 usageMessages());
}

} // namespace privacy::tools
