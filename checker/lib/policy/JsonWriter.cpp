//===- JsonWriter.cpp -----------------------------------------------------===//
#include "privacy/JsonWriter.h"

namespace privacy {

std::string jsonText(const nlohmann::json &Value, int Indent) {
  return Value.dump(Indent, ' ', /*ensure_ascii=*/false,
                    nlohmann::json::error_handler_t::replace);
}

namespace {

/// nlohmann's serializer writes a character or a few at a time: handed on
/// in chunks.
class ChunkedOutput : public nlohmann::detail::output_adapter_protocol<char> {
public:
  explicit ChunkedOutput(const JsonChunkSink &Sink) : Sink(Sink) {
    Buffer.reserve(ChunkSize);
  }
  void write_character(char C) override {
    Buffer.push_back(C);
    if (Buffer.size() >= ChunkSize)
      flush();
  }
  void write_characters(const char *Text, std::size_t Length) override {
    Buffer.append(Text, Length);
    if (Buffer.size() >= ChunkSize)
      flush();
  }
  void flush() {
    if (!Buffer.empty())
      Sink(Buffer);
    Buffer.clear();
  }

private:
  static constexpr size_t ChunkSize = 1 << 16;
  const JsonChunkSink &Sink;
  std::string Buffer;
};

} // namespace

void writeJsonText(const nlohmann::json &Value, int Indent,
                   const JsonChunkSink &Sink) {
  // What dump() does, into the chunks instead of one string.
  auto Out = std::make_shared<ChunkedOutput>(Sink);
  nlohmann::detail::serializer<nlohmann::json> Serializer(
      Out, ' ', nlohmann::json::error_handler_t::replace);
  Serializer.dump(Value, /*pretty_print=*/Indent >= 0, /*ensure_ascii=*/false,
                  Indent >= 0 ? static_cast<unsigned>(Indent) : 0);
  Out->flush();
}

} // namespace privacy
