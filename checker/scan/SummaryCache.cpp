//===- SummaryCache.cpp - per-TU summaries kept between scans -------------===//
#include "SummaryCache.h"

#include "privacy/JsonWriter.h"
#include "privacy/OutputFile.h"
#include "privacy/summary/SummaryJson.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

namespace privacy::scan {

using nlohmann::json;

namespace {

std::string hexOf(llvm::ArrayRef<uint8_t> Bytes) {
  return llvm::toHex(Bytes, /*LowerCase=*/true);
}

std::optional<std::string> readFile(const std::string &Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

} // namespace

std::string contentHash(llvm::StringRef Bytes) {
  llvm::BLAKE3 Hasher;
  Hasher.update(Bytes);
  return hexOf(Hasher.final<16>());
}

void CacheKeyBuilder::add(llvm::StringRef Part) {
  uint64_t Size = Part.size();
  Hasher.update(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(&Size), sizeof(Size)));
  Hasher.update(Part);
}

void CacheKeyBuilder::addFileContent(const std::string &Path) {
  add(Path);
  std::optional<std::string> Text = readFile(Path);
  add(Text ? "read" : "unreadable");
  add(Text ? contentHash(*Text) : "");
}

std::string CacheKeyBuilder::key() const {
  llvm::BLAKE3 Copy = Hasher;
  return hexOf(Copy.final<16>());
}

SummaryCache::SummaryCache(std::string Dir, std::string Configuration)
    : Dir(std::move(Dir)), Configuration(std::move(Configuration)) {}

std::string
SummaryCache::keyOf(llvm::StringRef Directory, llvm::StringRef File,
                    const std::vector<std::string> &CommandLine) const {
  CacheKeyBuilder Key;
  Key.add(Configuration);
  Key.add(Directory);
  Key.add(File);
  for (const std::string &Arg : CommandLine)
    Key.add(Arg);
  return Key.key();
}

std::string SummaryCache::pathOf(const std::string &Key) const {
  return Dir + "/" + Key + ".privacy-cache";
}

std::string SummaryCache::currentHash(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (auto It = CurrentHashes.find(Path); It != CurrentHashes.end())
      return It->second;
  }
  std::optional<std::string> Text = readFile(Path);
  std::string Hash = Text ? contentHash(*Text) : "";
  std::lock_guard<std::mutex> Lock(Mutex);
  CurrentHashes.emplace(Path, Hash);
  return Hash;
}

std::optional<CachedSummary> SummaryCache::lookup(const std::string &Key) {
  std::optional<std::string> Text = readFile(pathOf(Key));
  if (!Text)
    return std::nullopt;
  // The first line says what the entry is for; the rest is the summary.
  size_t EndOfHeader = Text->find('\n');
  if (EndOfHeader == std::string::npos)
    return std::nullopt;
  json Header = json::parse(Text->begin(), Text->begin() + EndOfHeader,
                            /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (!Header.is_object())
    return std::nullopt;
  auto Format = Header.find("format");
  auto StoredKey = Header.find("key");
  auto Inputs = Header.find("inputs");
  auto Notes = Header.find("limit_notes");
  if (Format == Header.end() || *Format != FormatVersion ||
      StoredKey == Header.end() || *StoredKey != Key ||
      Inputs == Header.end() || !Inputs->is_array() || Notes == Header.end() ||
      !Notes->is_array())
    return std::nullopt;
  for (const json &Input : *Inputs) {
    if (!Input.is_array() || Input.size() != 2 || !Input[0].is_string() ||
        !Input[1].is_string())
      return std::nullopt;
    std::string Hash = currentHash(Input[0].get<std::string>());
    if (Hash.empty() || Hash != Input[1].get<std::string>())
      return std::nullopt;
  }
  CachedSummary Out;
  for (const json &Note : *Notes) {
    if (!Note.is_string())
      return std::nullopt;
    Out.LimitNotes.push_back(Note.get<std::string>());
  }
  Out.SummaryText = Text->substr(EndOfHeader + 1);
  summary::SummaryReadResult Read =
      summary::parseSummary(Out.SummaryText, pathOf(Key));
  if (!Read.Summary)
    return std::nullopt;
  Out.Summary = std::move(*Read.Summary);
  return Out;
}

std::error_code
SummaryCache::store(const std::string &Key,
                    const std::vector<CacheInput> &Inputs,
                    const std::string &SummaryText,
                    const std::vector<std::string> &LimitNotes) {
  json Header = {{"format", FormatVersion},
                 {"key", Key},
                 {"inputs", json::array()},
                 {"limit_notes", LimitNotes}};
  for (const CacheInput &Input : Inputs)
    Header["inputs"].push_back({Input.Path, Input.Hash});
  return writeOutput(pathOf(Key), jsonText(Header) + "\n" + SummaryText);
}

} // namespace privacy::scan
