// A declared sink covers the APIs it uses for that kind of sink, and only
// those: other sinks in its body, and other parameters, still count.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak,privacy-undeclared-recipient,privacy-cross-border-transfer %t

#include "privacy.h"
#include <cstdio>
#include <string>
#include <sys/socket.h>

struct Account {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
};

// The network call is the declared transfer; the printf is a log.
PRIVACY_TRANSFER("freshworks", "US")
void sendAndLog(int s, const std::string &body) {
  send(s, body.data(), body.size(), 0);
  std::printf("sent %s\n", body.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'printf' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

// Only the annotated parameter's data is declared for freshworks.
void upload(int s, PRIVACY_TRANSFER("freshworks", "US") const std::string &data,
            const std::string &other) {
  send(s, data.data(), data.size(), 0);
  send(s, other.data(), other.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send' with no declared recipient on the way; mark the sending function with PRIVACY_TRANSFER("recipient") [privacy-undeclared-recipient]
}

void callers(int s, const Account &a) {
  sendAndLog(s, a.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
  upload(s, a.name, a.email);
}
