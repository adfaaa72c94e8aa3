//===- JsonRpc.cpp - Content-Length framing over file descriptors ---------===//
#include "JsonRpc.h"

#include "privacy/JsonWriter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace privacy::lsp {

bool MessageReader::fill(int TimeoutMs, bool &TimedOut) {
  TimedOut = false;
  pollfd P{Fd, POLLIN, 0};
  int Ready;
  do
    Ready = poll(&P, 1, TimeoutMs);
  while (Ready < 0 && errno == EINTR);
  if (Ready == 0) {
    TimedOut = true;
    return false;
  }
  char Chunk[65536];
  ssize_t N;
  do
    N = ::read(Fd, Chunk, sizeof Chunk);
  while (N < 0 && errno == EINTR);
  if (N <= 0)
    return false;
  Buffer.append(Chunk, static_cast<size_t>(N));
  return true;
}

ReadResult MessageReader::read(int TimeoutMs) {
  bool TimedOut = false;
  // The header block ends at the first empty line.
  size_t HeaderEnd;
  while ((HeaderEnd = Buffer.find("\r\n\r\n")) == std::string::npos) {
    if (Buffer.size() > 65536) {
      Buffer.clear();
      return {ReadResult::Malformed, "",
              "a message header longer than 64 KiB without an empty line"};
    }
    if (!fill(TimeoutMs, TimedOut))
      return {TimedOut ? ReadResult::TimedOut : ReadResult::Closed, "", ""};
  }
  llvm::StringRef Headers = llvm::StringRef(Buffer).take_front(HeaderEnd);
  std::optional<size_t> Length;
  std::string Problem;
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Headers.split(Lines, "\r\n");
  for (llvm::StringRef Line : Lines) {
    auto [Name, Value] = Line.split(':');
    if (!Name.trim().equals_insensitive("Content-Length"))
      continue; // Content-Type and unknown headers carry nothing we need
    unsigned long long N;
    if (Value.trim().getAsInteger(10, N))
      Problem = "Content-Length '" + Value.trim().str() + "' is not a number";
    else if (N > MaxMessageBytes)
      Problem = "Content-Length " + std::to_string(N) +
                " is over the limit of " + std::to_string(MaxMessageBytes) +
                " bytes";
    else
      Length = static_cast<size_t>(N);
  }
  size_t BodyStart = HeaderEnd + 4;
  if (!Length) {
    // Skip the header block: the next one may be well formed.
    Buffer.erase(0, BodyStart);
    return {ReadResult::Malformed, "",
            Problem.empty() ? "a message header without Content-Length"
                            : Problem};
  }
  while (Buffer.size() < BodyStart + *Length)
    // A body that has started is read to its end whatever the time limit.
    if (!fill(-1, TimedOut))
      return {ReadResult::Closed, "", ""};
  ReadResult R{ReadResult::Message, Buffer.substr(BodyStart, *Length), ""};
  Buffer.erase(0, BodyStart + *Length);
  return R;
}

void writeMessage(int Fd, const nlohmann::json &Message) {
  // jsonText replaces invalid UTF-8, which dump() would throw on.
  std::string Body = jsonText(Message, -1);
  std::string Out =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  const char *Data = Out.data();
  size_t Left = Out.size();
  while (Left > 0) {
    ssize_t N = ::write(Fd, Data, Left);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return; // the client is gone; exit follows at end of input
    Data += N;
    Left -= static_cast<size_t>(N);
  }
}

} // namespace privacy::lsp
