#pragma once
#include "privacy.h"
#include <functional>
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string address;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

// Callbacks carried in a struct, called by runner.cpp.
struct Hooks {
  std::function<void(const std::string &)> on_done;
};
struct QuietHooks {
  std::function<void(const std::string &)> on_done;
};

void runWith(const Hooks &h, const std::string &text);
void runQuiet(const QuietHooks &h, const std::string &text);
