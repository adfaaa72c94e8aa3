// glog and Boost.Log (rules/sinks/glog.json, boost-log.json), parsed
// against Debian's headers: what is streamed into LOG(severity) or
// BOOST_LOG_TRIVIAL(severity) is logged; the same operators on other
// streams are not. Boost 1.74's MPL casts -1 to an enumeration, which
// Clang 19 rejects unless -Wno-enum-constexpr-conversion is given.
// REQUIRES: glog, boost-log
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t -- -- -std=c++17 -DBOOST_LOG_DYN_LINK -Wno-enum-constexpr-conversion

#include "privacy.h"
#include <boost/log/sources/logger.hpp>
#include <boost/log/sources/record_ostream.hpp>
#include <boost/log/trivial.hpp>
#include <glog/logging.h>
#include <sstream>
#include <string>

struct Member {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("ip_address") std::string ip;
  std::string nickname;
  int visits;
};

void glogFindings(const Member &m) {
  LOG(INFO) << "member " << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: writing personal data 'email' to logs through 'std::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  LOG(WARNING) << m.visits << " visits by " << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<'
  LOG_IF(ERROR, m.visits > 3) << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<'
}

// A stream kept in a variable: LOG(INFO)'s LogMessage dies at the end of
// its statement, so code that keeps glog's stream keeps the message.
void glogKept(const Member &m) {
  google::LogMessage message(__FILE__, __LINE__, google::GLOG_INFO);
  std::ostream &stream = message.stream();
  stream << "member " << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: writing personal data 'email' to logs through 'std::operator<<'
}

void boostFindings(const Member &m) {
  BOOST_LOG_TRIVIAL(info) << "member " << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: writing personal data 'email' to logs through 'boost::log::operator<<'
  boost::log::sources::logger lg;
  BOOST_LOG(lg) << m.phone.c_str();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: writing personal data 'phone_mobile' to logs through 'boost::log::basic_record_ostream::operator<<'
}

// --- quiet ------------------------------------------------------------------

void quiet(const Member &m) {
  LOG(INFO) << "member " << m.nickname << " visits " << m.visits;
  LOG(INFO) << "from " << m.ip;                 // ip may be logged
  BOOST_LOG_TRIVIAL(warning) << m.nickname << m.visits;
  std::ostringstream text;
  text << m.email;                              // a string, not a log
  std::ostream &kept = text;
  kept << m.phone;                              // still the string
  std::ostringstream copy(text.str());
  copy << m.email;
}
