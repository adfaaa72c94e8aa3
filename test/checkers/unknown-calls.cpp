// Unknown code may return what its arguments carry, but puts nothing into
// its arguments or its object (SPEC §1, docs/limitations.md "Unknown code"):
// only the API catalog's propagators say where library types keep data.
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <map>
#include <sstream>
#include <string>
#include <vector>

struct User {
  PRIVACY_DATA("user_name") std::string name;
  PRIVACY_DATA("email") std::string email;
  int session;
};
struct Buffer {
  std::string text;
};
void fill(Buffer &b, const std::string &s); // body in another file

class PRIVACY_PURPOSE("auth") Server {
public:
  void remember(User *u); // body in another file
  PRIVACY_LOG void log(const std::string &s) const;

  // Only the pointer is passed to unknown code, only an int is logged.
  void onPing(User *u) {
    remember(u);
    log("ping from session " + std::to_string(u->session));
  }

  // The data itself is logged: found, whatever remember() did.
  void onHello(User *u) {
    remember(u);
    log("hello from " + u->email);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'Server::log'
  }

  // A free function taking a struct by non-const reference is unknown code
  // too: the buffer does not take in the e-mail.
  void buffered(User *u) {
    Buffer b;
    fill(b, u->email);
    log(b.text);
  }

  // A library container keeps what it is given (std-library.json).
  void kept(const User &u) {
    std::vector<std::string> names;
    names.push_back(u.email);
    log(names[0]);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'Server::log'
    std::string line = "user ";
    line.append(u.email);
    log(line);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'Server::log'
  }

  // A chain of insertions writes into the stream at its root.
  void streamed(const User &u) {
    std::ostringstream os;
    os << "user " << u.email << "!";
    log(os.str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'Server::log'
  }

  // A line read from a stream carries what the stream holds.
  void readBack(const User &u) {
    std::istringstream in(u.email);
    std::string first;
    std::getline(in, first);
    log(first);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'Server::log'
  }

  // Clean values into a container: quiet; a clean lookup stays clean.
  void cleanContainer(const User &u) {
    std::map<int, std::string> sessions;
    sessions.insert({u.session, "active"});
    log(sessions[u.session]);
  }

  // A size, a position or a flag that unknown code computes from a string
  // is not the string's data; a number read from it, or a character of it,
  // is.
  void measured(const User &u) {
    log("length " + std::to_string(u.email.size()));
    log("at " + std::to_string(u.email.find('@')));
    log(u.email.empty() ? "none" : "some");
    log("as a number " + std::to_string(std::stol(u.email)));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'Server::log'
    log(std::string(1, u.email[0]));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'Server::log'
  }
};
