#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
PRIVACY_ANONYMIZE std::string hashOf(const std::string &s);
std::string same(const std::string &s);

using Transform = std::string (*)(const std::string &);
using Sink = void (*)(const std::string &);

// Defined in helpers.cpp: calls the callback it is handed.
void callWith(Sink cb, const std::string &s);

// Defined in helpers.cpp: returns what calling the callback returns.
std::string applyElsewhere(Transform fn, const std::string &s);
// Defined in no file of the program.
std::string unknownTransform(const std::string &s);
