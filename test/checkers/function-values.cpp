// Calls through function pointers, std::function, lambdas, std::invoke and
// tables of handlers run every target known in the translation unit.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak,privacy-cross-border-transfer,privacy-purpose-limitation %t

#include "privacy.h"
#include <functional>
#include <map>
#include <string>
#include <vector>

struct Member {
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("name") std::string name;
};

PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
void keepQuiet(const std::string &) {}

void logIt(const std::string &text) { logLine(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: writing personal data 'phone_mobile' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]

// A plain function pointer.
void throughPointer(const Member &m) {
  void (*sink)(const std::string &) = &fileTicket;
  sink(m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
}

// Reassigned before the call: only the last target runs.
void reassigned(const Member &m) {
  void (*sink)(const std::string &) = fileTicket;
  sink = keepQuiet;
  sink(m.phone);
}

// std::function holding a function, then a lambda.
void throughStdFunction(const Member &m) {
  std::function<void(const std::string &)> out = logIt;
  out(m.phone);
  std::function<void(const std::string &)> quiet = [](const std::string &) {};
  quiet(m.phone);
}

// A callback parameter: resolved where the function taking it is called.
void forEachPhone(const std::vector<Member> &members,
                  const std::function<void(const std::string &)> &callback) {
  for (const Member &m : members)
    callback(m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
}

void exportPhones(const std::vector<Member> &members) {
  forEachPhone(members, fileTicket);
}

void countPhones(const std::vector<Member> &members) {
  int count = 0;
  forEachPhone(members, [&count](const std::string &) { ++count; });
}

// A raw pointer callback, two levels down.
void each(const Member &m, void (*fn)(const std::string &)) { fn(m.phone); }
// CHECK-MESSAGES: :[[@LINE-1]]:63: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
void relay(const Member &m, void (*fn)(const std::string &)) { each(m, fn); }
void sendPhones(const Member &m) { relay(m, fileTicket); }
void dropPhones(const Member &m) { relay(m, keepQuiet); }

// A registry: handlers stored in a member in one method, run in another.
class EventBus {
public:
  void subscribe(std::function<void(const std::string &)> handler) {
    handlers_.push_back(handler);
  }
  void publish(const std::string &event) {
    for (const auto &handler : handlers_)
      handler(event);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
  }

private:
  std::vector<std::function<void(const std::string &)>> handlers_;
};

void wire(EventBus &bus) { bus.subscribe(fileTicket); }
void announce(EventBus &bus, const Member &m) { bus.publish("new: " + m.phone); }

// A C-style table of operations in a global.
struct Ops {
  void (*deliver)(const std::string &);
};
static const Ops TicketOps = {fileTicket};

void viaTable(const Member &m) {
  TicketOps.deliver(m.name);
  TicketOps.deliver(m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
}

// std::invoke, and a map of commands.
void viaInvoke(const Member &m) {
  std::invoke(fileTicket, m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
}

std::map<std::string, std::function<void(const std::string &)>> Commands;
void registerCommands() { Commands["quiet"] = keepQuiet; }
void runCommand(const std::string &which, const Member &m) {
  Commands[which](m.name); // only keepQuiet is ever registered
}

// Purposes reach the targets of calls through function values.
std::string Kept;
void readName(const Member &m) { Kept = m.name; }
// CHECK-MESSAGES: :[[@LINE-1]]:43: warning: using personal data 'name' from field 'Member::name' for purpose 'statistics' (as called from 'statsRun') is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
PRIVACY_PURPOSE("statistics") void statsRun(const Member &m) {
  void (*reader)(const Member &) = readName;
  reader(m);
}
