// A string class of the program built on a library string (`class CString :
// public std::string`, as in ZNC): its constructors pass the text to the
// base, so a temporary or an argument converted by them carries it.
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-log-leak %t
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-log-leak %t -- -- -std=c++11

#include "privacy.h"
#include <string>

class CString : public std::string {
public:
  CString() {}
  CString(const char *c) : std::string(c) {}
  CString(const std::string &s) : std::string(s) {}
};

// A wrapper that keeps nothing of what it is given.
class Tag {
public:
  Tag(const std::string &) {}
  const char *text() const { return "tag"; }
};

// A base of the program: its constructor writes into the object's fields.
class AuthBase {
public:
  AuthBase(const std::string &secret) : secret_(secret) {}
  std::string secret_;
};
class Named : public AuthBase {
public:
  Named(const std::string &secret, const std::string &name)
      : AuthBase(secret), name_(name) {}
  std::string name_;
};

// Where the module's log lines go (a body elsewhere).
void writeLogLine(const std::string &line, int prio);

class Module {
public:
  PRIVACY_LOG void Log(CString sLine, int iPrio = 1) {
    writeLogLine(sLine, iPrio);
  }
  PRIVACY_LOG void LogTag(const Tag &t) { (void)t; }

  // --- findings -------------------------------------------------------------

  void OnFailedLogin(PRIVACY_DATA("user_name") const CString &sUsername,
                     PRIVACY_DATA("ip_address") const CString &sRemoteIP) {
    Log("[" + sUsername + "] failed to login from " + sRemoteIP, 3);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'ip_address' to logs through 'Module::Log'
  }
  void Temporary(PRIVACY_DATA("ip_address") const std::string &ip) {
    Log(CString(ip));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'ip_address' to logs through 'Module::Log'
  }

  void BaseField(PRIVACY_DATA("ip_address") const std::string &ip) {
    Named n(ip, "guest");
    Log(n.secret_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'ip_address' to logs through 'Module::Log'
  }

  // --- quiet ----------------------------------------------------------------

  void OtherField(PRIVACY_DATA("ip_address") const std::string &ip) {
    Named n(ip, "guest");
    Log(n.name_);
  }

  void Name(PRIVACY_DATA("user_name") const CString &name) {
    Log("hello " + name);
  }
  void Tagged(PRIVACY_DATA("ip_address") const std::string &ip) {
    LogTag(Tag(ip));
  }
};
