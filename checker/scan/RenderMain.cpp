//===- RenderMain.cpp - privacy-render: reports from a saved inventory ----===//
//
// privacy-render --format markdown|html|sarif [--lang ko|en] INVENTORY.json
//                [-o OUT]
//
// Renders an inventory written by `privacy-scan --format json` again, in
// another format or language, without re-analysing the code. The output
// file is written whole or not at all (privacy/OutputFile.h).
//
// Exit codes: 0 written; 2 usage error, unreadable or invalid inventory,
// or the output cannot be written.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "Reports.h"
#include "privacy/JsonInput.h"

#include "privacy/InventoryReader.h"
#include "privacy/JsonWriter.h"
#include "privacy/OutputFile.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <system_error>

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

const char *const Tool = "privacy-render";

int error(const std::string &Message) {
  std::cerr << "privacy-render: error: " << Message << "\n";
  return 2;
}

enum class ReportFormat { Markdown, Html, Sarif };
enum class ReportLanguage { En, Ko };

} // namespace

int main(int argc, char **argv) {
  namespace cl = llvm::cl;
  static cl::OptionCategory Category("privacy-render options");
  static cl::opt<ReportFormat, false,
                 privacy::tools::ChoiceParser<ReportFormat>>
      FormatOption(
          "format", cl::desc("What to write (required)"),
          cl::values(clEnumValN(ReportFormat::Markdown, "markdown",
                                "a Markdown report"),
                     clEnumValN(ReportFormat::Html, "html", "an HTML report"),
                     clEnumValN(ReportFormat::Sarif, "sarif", "SARIF 2.1.0")),
          cl::cat(Category));
  static cl::opt<ReportLanguage, false,
                 privacy::tools::ChoiceParser<ReportLanguage>>
      LangOption("lang", cl::desc("Language of the report"),
                 cl::values(clEnumValN(ReportLanguage::En, "en", "English"),
                            clEnumValN(ReportLanguage::Ko, "ko", "Korean")),
                 cl::init(ReportLanguage::En), cl::cat(Category));
  static cl::opt<std::string> InputOption(
      cl::Positional, cl::desc("<inventory.json, or - for standard input>"),
      cl::cat(Category));
  static cl::opt<std::string> OutputOption(
      "o",
      cl::desc("Write there instead of standard output, whole or not at all"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::alias OutputLong("output", cl::desc("Alias for -o"), cl::NotHidden,
                              cl::aliasopt(OutputOption), cl::cat(Category));
  if (!privacy::tools::parseCommandLine(
          argc, argv, Tool, Category,
          "renders an inventory written by privacy-scan --format json again,\n"
          "in another format or language, without analysing the code\n"))
    return privacy::tools::UsageExitStatus;
  // Checked here rather than with cl::Required, whose complaint llvm::cl
  // prints itself, in another form than the other usage errors.
  if (FormatOption.getNumOccurrences() == 0)
    return privacy::tools::usageError(Tool, "--format is required");
  if (InputOption.empty())
    return privacy::tools::usageError(Tool, "no inventory file");
  const ReportFormat Format = FormatOption;
  const std::string Lang = LangOption == ReportLanguage::Ko ? "ko" : "en";
  const std::string Input = InputOption, Output = OutputOption;
  if (!Output.empty())
    if (std::error_code EC = privacy::checkOutputWritable(Output))
      return error(privacy::describeWriteError(Output, EC));

  std::string Text;
  if (Input == "-") {
    Text.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else {
    std::error_code EC;
    if (!fs::exists(Input, EC))
      return error(Input + ": inventory file not found");
    if (fs::is_directory(Input, EC))
      return error(Input + ": is a directory, not an inventory file");
    std::ifstream In(Input, std::ios::binary);
    if (!In)
      return error(Input + ": cannot read the inventory file");
    Text.assign(std::istreambuf_iterator<char>(In), {});
    if (In.bad())
      return error(Input + ": cannot read the inventory file");
  }

  privacy::InventoryReadResult Read =
      privacy::parseInventory(Text, Input == "-" ? "<stdin>" : Input);
  for (const privacy::PolicyDiagnostic &D : Read.Diagnostics)
    std::cerr << D.format() << "\n";
  if (!Read.Loaded)
    return error((Input == "-" ? "standard input" : Input) +
                 ": not a privacy-scan inventory; nothing was written");
  const json &Inventory = *Read.Loaded;

  std::string Out;
  if (Format == ReportFormat::Markdown)
    Out = privacy::scan::renderMarkdown(Inventory, Lang);
  else if (Format == ReportFormat::Html)
    Out = privacy::scan::renderHtml(Inventory, Lang);
  else
    Out = privacy::jsonText(privacy::scan::renderSarif(Inventory), 2) + "\n";

  const std::string Target = Output.empty() ? "-" : Output;
  if (std::error_code EC = privacy::writeOutput(Target, Out))
    return error(privacy::describeWriteError(Target, EC));
  return 0;
}
