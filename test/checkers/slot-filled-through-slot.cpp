// The C++ shape of slot-filled-through-slot.c: `std::function` members
// assigned with their operator=, a lambda stored, a table of handlers
// filled with `emplace`. Each slot is read before anything fills it; the
// pass over the file's stores knows them all before the first round
// (docs/limitations.md, "MaxSlotRounds"), so the leak through three slots
// is found.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <functional>
#include <map>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

using SendFn = std::function<void(const std::string &)>;
struct Ops {
  SendFn send;
  std::function<void(SendFn)> set;
  std::map<std::string, SendFn> handlers;
};
Ops g_ops;

SendFn currentSend() { return g_ops.send; }
void setSend(SendFn f) { g_ops.send = std::move(f); }
void configure(SendFn with) { g_ops.set(std::move(with)); }

void install() {
  g_ops.set = [](SendFn f) { setSend(std::move(f)); };
  g_ops.handlers.emplace("log", [](const std::string &text) {
    logLine(text);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  });
  configure(g_ops.handlers.at("log"));
}

void send(const Visitor &v) { currentSend()(v.email); }

// --- quiet: the address may be logged ----------------------------------------

void sendAddress(const Visitor &v) { currentSend()(v.ip); }
