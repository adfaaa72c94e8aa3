#pragma once
#include "privacy.h"
#include <functional>
#include <string>

struct Patient {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("rrn") std::string rrn;
  std::string clinic;
};

PRIVACY_LOG void logLine(const std::string &line);

// Runs a callback later with the text it is given (scheduler.cpp).
void run_later(std::function<void(const std::string &)> f,
               const std::string &x);

// Binds its own parameters: what its callers pass decides (reminders.cpp).
void notify(const std::string &to, const std::string &text);

// Logs what it is asked to send (reminders.cpp).
struct Outbox {
  std::string owner;
  void send(const std::string &text);
};
