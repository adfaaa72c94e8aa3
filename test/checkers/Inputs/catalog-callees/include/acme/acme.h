// A third-party library, included with -isystem as installed headers are:
// each kind of callee a catalog entry must match (test/checkers/catalog-callees.cpp).
#pragma once
#include <string>

namespace acme {

// A variadic template with a body in the header: the channel chooses the
// log file and is not written; the format and its arguments are.
struct Log {
  template <typename... Args>
  static void stream(const std::string &channel, const char *format,
                     Args &&...args) {
    (void)channel;
    (void)format;
    ((void)args, ...);
  }
};

// A function template.
template <typename T> void track(const char *event, const T &value) {
  (void)event;
  (void)value;
}

// A stream whose member operator<< logs only when it comes from debug().
class Debug {
public:
  Debug &operator<<(const std::string &text);
  Debug &operator<<(int number);
  Debug &nospace();
};
Debug debug();

// A stream with a free operator<<, that logs only when it comes from audit().
class Stream {};
Stream &operator<<(Stream &out, const std::string &text);
Stream &audit();

// Constructors: the request is sent when it is built.
class Upload {
public:
  explicit Upload(const std::string &url);
  Upload(const std::string &url, const std::string &body);
};

// One method, inherited by a file and a socket.
class Device {
public:
  long write(const std::string &data);
};
class File : public Device {};
class Socket : public Device {};

} // namespace acme
