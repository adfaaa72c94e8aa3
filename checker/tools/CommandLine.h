//===- CommandLine.h - what the command-line tools share -------*- C++ -*-===//
//
// privacy-scan, privacy-render and privacy-policy-check parse their
// arguments with llvm::cl. This adds what llvm::cl leaves to each program:
// --help that lists only the tool's own options, usage errors as one line
// "<tool>: error: ..." with exit status 2 (docs/scan.md), and parsers for
// values with a fixed set of names or a range, whose errors read the same.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_TOOLS_COMMANDLINE_H
#define PRIVACY_TOOLS_COMMANDLINE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace privacy::tools {

/// The exit status of a usage error, an unreadable input or an output that
/// cannot be written (docs/scan.md).
constexpr int UsageExitStatus = 2;

/// Where the parsers below put their complaints while llvm::cl runs;
/// parseCommandLine() turns them into one line.
llvm::raw_ostream &usageMessages();

/// Parses \p Argv with llvm::cl; --help and -h list only the options of
/// \p Category. False after printing a usage error as one line.
bool parseCommandLine(int Argc, const char *const *Argv, llvm::StringRef Tool,
                      llvm::cl::OptionCategory &Category,
                      llvm::StringRef Overview);

/// Prints "<Tool>: error: <Message>" and returns UsageExitStatus.
int usageError(llvm::StringRef Tool, const llvm::Twine &Message);

/// The parser of an option whose value is one of the names given with
/// cl::values; an unknown name is a usage error that lists the names.
template <class T> class ChoiceParser : public llvm::cl::parser<T> {
public:
  using llvm::cl::parser<T>::parser;

  bool parse(llvm::cl::Option &O, llvm::StringRef ArgName, llvm::StringRef Arg,
             T &Value) {
    std::string Names;
    for (const auto &Choice : this->Values) {
      if (Choice.Name == Arg) {
        Value = Choice.V.getValue();
        return false;
      }
      Names += (Names.empty() ? "" : ", ") + Choice.Name.str();
    }
    return O.error("unknown value '" + Arg + "' (" + Names + ")", ArgName,
                   usageMessages());
  }
};

/// The parser of -j: a number of parallel jobs, from 1 to 1024.
class JobsParser : public llvm::cl::parser<unsigned> {
public:
  using llvm::cl::parser<unsigned>::parser;
  bool parse(llvm::cl::Option &O, llvm::StringRef ArgName, llvm::StringRef Arg,
             unsigned &Value);
};

} // namespace privacy::tools

#endif // PRIVACY_TOOLS_COMMANDLINE_H
