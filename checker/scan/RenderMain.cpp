//===- RenderMain.cpp - privacy-render: reports from a saved inventory ----===//
//
// privacy-render --format markdown|html|sarif [--lang ko|en] INVENTORY.json
//                [-o OUT]
//
// Renders an inventory written by `privacy-scan --format json` again, in
// another format or language, without re-analysing the code. The output
// file is written whole or not at all (temporary file, then rename).
//
// Exit codes: 0 written; 2 usage error, unreadable or invalid inventory,
// or the output cannot be written.
//
//===----------------------------------------------------------------------===//

#include "Reports.h"
#include "privacy/JsonInput.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <system_error>

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

const char *const Usage =
    "usage: privacy-render --format markdown|html|sarif [--lang ko|en] "
    "INVENTORY.json [-o OUT]\n";

int usageError(const std::string &Message) {
  std::cerr << "privacy-render: error: " << Message << "\n" << Usage;
  return 2;
}

int error(const std::string &Message) {
  std::cerr << "privacy-render: error: " << Message << "\n";
  return 2;
}

/// Writes \p Text to \p Path through a temporary file in the same directory
/// and a rename, so a reader never sees half a report.
bool writeAtomically(const std::string &Path, const std::string &Text,
                     std::string &Why) {
  fs::path Target(Path);
  std::error_code EC;
  if (fs::is_directory(Target, EC)) {
    Why = "is a directory";
    return false;
  }
  std::random_device Seed;
  fs::path Temp = Target;
  Temp += ".tmp-" + std::to_string(Seed());
  {
    std::ofstream Out(Temp, std::ios::binary | std::ios::trunc);
    if (!Out) {
      Why = "cannot create a file in its directory";
      return false;
    }
    Out.write(Text.data(), static_cast<std::streamsize>(Text.size()));
    Out.close();
    if (!Out) {
      fs::remove(Temp, EC);
      Why = "write failed";
      return false;
    }
  }
  fs::rename(Temp, Target, EC);
  if (EC) {
    Why = EC.message();
    fs::remove(Temp, EC);
    return false;
  }
  return true;
}

/// The top-level keys every inventory has (rules/schema/inventory.schema.json)
/// and the JSON type each must be.
const char *notAnInventory(const json &J) {
  if (!J.is_object())
    return "the inventory must be a JSON object";
  struct Key {
    const char *Name;
    json::value_t Type;
  };
  static const Key Required[] = {
      {"tool", json::value_t::object},      {"policy", json::value_t::object},
      {"project_root", json::value_t::string}, {"analysis", json::value_t::object},
      {"items", json::value_t::array},      {"purposes", json::value_t::array},
      {"recipients", json::value_t::array}, {"stores", json::value_t::array},
      {"findings", json::value_t::array},   {"policy_diff", json::value_t::object}};
  static std::string Message;
  for (const Key &K : Required) {
    auto It = J.find(K.Name);
    if (It == J.end()) {
      Message = std::string("not a privacy-scan inventory: missing key '") + K.Name + "'";
      return Message.c_str();
    }
    if (It->type() != K.Type) {
      Message = std::string("not a privacy-scan inventory: '") + K.Name + "' must be " +
                (K.Type == json::value_t::object  ? "an object"
                 : K.Type == json::value_t::array ? "an array"
                                                  : "a string");
      return Message.c_str();
    }
  }
  return nullptr;
}

} // namespace

int main(int argc, char **argv) {
  std::string Format, Lang = "en", Input, Output;
  for (int I = 1; I < argc; ++I) {
    std::string A = argv[I];
    auto Value = [&](std::string &Into, const char *Flag) {
      std::string Prefix = std::string(Flag) + "=";
      if (A.rfind(Prefix, 0) == 0) {
        Into = A.substr(Prefix.size());
        return true;
      }
      if (A != Flag)
        return false;
      if (I + 1 >= argc) {
        Into.clear();
        return true;
      }
      Into = argv[++I];
      return true;
    };
    if (A == "-h" || A == "--help") {
      std::cout << Usage;
      return 0;
    }
    if (Value(Format, "--format")) {
      if (Format != "markdown" && Format != "html" && Format != "sarif")
        return usageError(Format.empty() ? "--format needs a value"
                                         : "unknown format '" + Format +
                                               "' (markdown, html, sarif)");
    } else if (Value(Lang, "--lang")) {
      if (Lang != "ko" && Lang != "en")
        return usageError("--lang takes ko or en");
    } else if (Value(Output, "-o") || Value(Output, "--output")) {
      if (Output.empty())
        return usageError("-o needs a file");
    } else if (A.size() > 1 && A[0] == '-') {
      return usageError("unknown option '" + A + "'");
    } else if (!Input.empty()) {
      return usageError("one inventory only (got '" + Input + "' and '" + A + "')");
    } else {
      Input = A;
    }
  }
  if (Format.empty())
    return usageError("--format is required");
  if (Input.empty())
    return usageError("no inventory file");

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

  // The library's bounded parse (privacy/JsonInput.h): a deep inventory is
  // an error with file:line:col, not a stack overflow.
  json Inventory;
  if (std::optional<privacy::PolicyDiagnostic> Bad =
          privacy::parseJsonText(Text, Input, Inventory))
    return error(Bad->formatWithoutLevel());
  if (const char *Why = notAnInventory(Inventory))
    return error(Input + ": " + Why);

  std::string Out;
  if (Format == "markdown")
    Out = privacy::scan::renderMarkdown(Inventory, Lang);
  else if (Format == "html")
    Out = privacy::scan::renderHtml(Inventory, Lang);
  else
    Out = privacy::scan::renderSarif(Inventory).dump(2, ' ', false,
                                                     json::error_handler_t::replace) +
          "\n";

  if (Output.empty() || Output == "-") {
    std::cout << Out << std::flush;
    return std::cout ? 0 : error("cannot write to standard output");
  }
  std::string Why;
  if (!writeAtomically(Output, Out, Why))
    return error(Output + ": cannot write the report: " + Why);
  return 0;
}
