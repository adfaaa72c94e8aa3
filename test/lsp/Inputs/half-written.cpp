#include "privacy.h"
#include <string>

struct Visit {
  PRIVACY_DATA("phone_mobile") std::string phone;
};

PRIVACY_LOG void logLine(const std::string &line);

void finished(const Visit &v) {
  logLine("caller " + v.phone);
}

void beingWritten(const Visit &v) {
  int count = v.
}
