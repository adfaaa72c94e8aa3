#include "privacy.h"
#include <string>

struct Visit {
  PRIVACY_DATA("ip_address") std::string ip;
  int status;
};

PRIVACY_LOG void logLine(const std::string &line);

// Logs may contain the IP address, and nothing here looks like personal
// data without an annotation: privacy-lsp publishes no diagnostic.
void quiet(const Visit &v) {
  logLine("visit from " + v.ip);
  logLine("status " + std::to_string(v.status));
}
