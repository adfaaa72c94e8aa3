// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-purpose-limitation %t

#include "privacy.h"

struct Account {
  PRIVACY_DATA("email") const char *email;
  PRIVACY_DATA("ip_address") const char *ip;
};
void send(const char *);

// A class's purpose covers all its methods, also those defined out of line;
// a method's own purpose wins.
class PRIVACY_PURPOSE("statistics") Stats {
public:
  void inlineMethod(const Account &a) {
    send(a.email);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics'
    send(a.ip);
  }
  void outOfLine(const Account &a);
  PRIVACY_PURPOSE("support") void ownPurpose(const Account &a) {
    send(a.email);
    send(a.ip);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: using personal data 'ip_address' from field 'Account::ip' for purpose 'support'
  }
};

void Stats::outOfLine(const Account &a) {
  send(a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics'
}

// A namespace's purpose covers everything in it, in every block of it.
namespace PRIVACY_PURPOSE("support") helpdesk {
void answer(const Account &a) { send(a.email); }
}

namespace helpdesk {
void trace(const Account &a) {
  send(a.ip);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'ip_address' from field 'Account::ip' for purpose 'support'
}
namespace inner {
void nested(const Account &a) {
  send(a.ip);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'ip_address' from field 'Account::ip' for purpose 'support'
}
class PRIVACY_PURPOSE("statistics") Counter {
  void count(const Account &a) { send(a.ip); } // the class is nearer
};
} // namespace inner
} // namespace helpdesk

// A lambda runs under the purpose of the function around it unless it has
// its own.
PRIVACY_PURPOSE("statistics") void lambdas(const Account &a) {
  auto inherit = [&] { send(a.email); };
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics'
  auto own = [&]() PRIVACY_PURPOSE("support") { send(a.email); };
  auto ownBad = [&]() PRIVACY_PURPOSE("support") { send(a.ip); };
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: using personal data 'ip_address' from field 'Account::ip' for purpose 'support'
  inherit();
  own();
  ownBad();
}

// Templates are checked once per use site, not once per instantiation.
template <typename T> PRIVACY_PURPOSE("support") void generic(const T &t) {
  send(t.ip);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'ip_address' from field 'Account::ip' for purpose 'support'
}
template void generic<Account>(const Account &);
