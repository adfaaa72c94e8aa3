//===- JsonRpc.h - JSON-RPC 2.0 with Content-Length framing ----*- C++ -*-===//
//
// The transport of the Language Server Protocol over standard input and
// output: each message is "Content-Length: N\r\n\r\n" and N bytes of JSON.
// Reading is from a file descriptor with a time limit, so that the server
// can wait for the next message and, when none comes, analyse a document
// whose changes have settled (docs/editors.md, "privacy-lsp").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_JSONRPC_H
#define PRIVACY_LSP_JSONRPC_H

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace privacy::lsp {

/// The largest message body accepted. LSP messages carry whole files; a
/// header announcing more than this is taken for garbage, not allocated.
inline constexpr size_t MaxMessageBytes = 64u << 20;

/// One read from the transport.
struct ReadResult {
  enum Kind {
    Message,   // Body holds the JSON text
    Malformed, // a header without a usable Content-Length: Error says why
    TimedOut,  // nothing arrived within the time limit
    Closed,    // end of input
  };
  Kind What = Closed;
  std::string Body;
  std::string Error;
};

class MessageReader {
public:
  explicit MessageReader(int Fd) : Fd(Fd) {}
  /// The next message; \p TimeoutMs < 0 waits for ever.
  ReadResult read(int TimeoutMs);

private:
  /// Reads more bytes into Buffer; false at end of input or on timeout.
  bool fill(int TimeoutMs, bool &TimedOut);
  int Fd;
  std::string Buffer;
};

/// Writes \p Message framed to \p Fd, whole (retrying short writes).
void writeMessage(int Fd, const nlohmann::json &Message);

} // namespace privacy::lsp

#endif // PRIVACY_LSP_JSONRPC_H
