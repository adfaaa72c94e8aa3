// Logging APIs of the catalog (rules/sinks): stdio, iostreams, syslog,
// spdlog and fmt, on the real declarations of Debian's headers.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <cstdio>
#include <iostream>
#include <spdlog/spdlog.h>
#include <sstream>
#include <string>
#include <syslog.h>

struct Visit {
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("ip_address") std::string ip;
  int status;
};

void stdio(const Visit &v) {
  std::printf("caller %s\n", v.phone.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'printf' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  std::fprintf(stderr, "caller %s\n", v.phone.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'fprintf'
  std::printf("from %s status %d\n", v.ip.c_str(), v.status); // ip may be logged
}

void streams(const Visit &v) {
  std::cerr << "caller " << v.phone << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<'
  std::clog << v.status << " from " << v.ip << std::endl;
  std::ostringstream os; // a string, not a log
  os << v.phone;
}

void sys(const Visit &v) {
  syslog(LOG_INFO, "caller %s", v.phone.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'syslog'
}

void spd(const Visit &v) {
  spdlog::info("caller {}", v.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'spdlog::info'
  auto logger = spdlog::default_logger();
  logger->warn("caller {}", v.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: writing personal data 'phone_mobile' to logs through 'spdlog::logger::warn'
  spdlog::info("visit from {}", v.ip);
  std::string line = fmt::format("caller {}", v.phone);
  spdlog::error(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'spdlog::error'
}
