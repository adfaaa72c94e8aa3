#include "privacy.h"
#include <string>

struct Visit {
  PRIVACY_DATA("ip_address") std::string ip;
  PRIVACY_DATA("phone_mobile") std::string phone;
  std::string email;
  int status;
};

PRIVACY_LOG void logLine(const std::string &line);

void findings(const Visit &v) {
  logLine("caller " + v.phone);
  /* Grüße 😀 */ logLine(v.phone);
}

void silenced(const Visit &v) {
  logLine("caller " + v.phone); // NOLINT(privacy-log-leak)
}

void quiet(const Visit &v) {
  logLine("visit from " + v.ip); // logs may contain ip_address
}
