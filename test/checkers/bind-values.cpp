// A value made by std::bind keeps the arguments its bind expression fixed
// when it is copied, assigned, stored in a field or passed to a function
// that calls it: each fixed argument still reaches the parameter it stands
// for, and what the call passes reaches the placeholders' parameters.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t -- -- -std=c++20

#include "privacy.h"
#include <functional>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

// The body of a message, which is returned; the address is not.
std::string bodyOf(const std::string &to, const std::string &body) {
  return body;
}

// Log the text of a note; the address is not logged. One per case below,
// since what a callback logs is reported where it logs it.
void note(const std::string &to, const std::string &text) { logLine(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:61: warning: writing personal data 'email' to logs
void noteAtOnce(const std::string &to, const std::string &text) {
  logLine(text);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}
void noteQuiet(const std::string &to, const std::string &text) {
  logLine(text);
}

using Render = std::function<std::string(const std::string &)>;
using Notify = std::function<void(const std::string &)>;

void copied(const Visitor &v) {
  using namespace std::placeholders;
  auto f = std::bind(&bodyOf, _1, v.email);
  auto g = f;
  logLine(g(v.ip));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void assigned(const Visitor &v) {
  using namespace std::placeholders;
  Render g;
  g = std::bind(&bodyOf, _1, v.email);
  logLine(g(v.ip));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// A std::function member set from a bind expression, called in another
// method.
struct Renderer {
  Render render;
  void arm(const Visitor &v) {
    render = std::bind(&bodyOf, std::placeholders::_1, v.email);
  }
  void fire(const Visitor &v) { logLine(render(v.ip)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: writing personal data 'email' to logs
};

// A bind value passed in and called by the callee.
void deliver(const Notify &n, const std::string &x) { n(x); }

void passedIn(const Visitor &v) {
  auto n = std::bind(&note, std::placeholders::_1, v.email);
  deliver(n, v.ip);
}

// The bind expression written in the argument itself.
void passedAtOnce(const Visitor &v) {
  deliver(std::bind(&noteAtOnce, v.ip, std::placeholders::_1), v.email);
}

// --- quiet: the e-mail goes to the parameter that is not logged ----------

void copiedAddress(const Visitor &v) {
  using namespace std::placeholders;
  auto f = std::bind(&bodyOf, v.email, _1);
  auto g = f;
  logLine(g(v.ip));
}

void assignedAddress(const Visitor &v) {
  using namespace std::placeholders;
  Render g;
  g = std::bind(&bodyOf, v.email, _1);
  logLine(g(v.ip));
}

struct AddressRenderer {
  Render render;
  void arm(const Visitor &v) {
    render = std::bind(&bodyOf, v.email, std::placeholders::_1);
  }
  void fire(const Visitor &v) { logLine(render(v.ip)); }
};

void passedInAddress(const Visitor &v) {
  auto n = std::bind(&noteQuiet, v.email, std::placeholders::_1);
  deliver(n, v.ip);
}

void passedAtOnceAddress(const Visitor &v) {
  deliver(std::bind(&noteQuiet, v.email, std::placeholders::_1), v.ip);
}
