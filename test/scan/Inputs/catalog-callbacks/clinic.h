#pragma once
#include "privacy.h"
#include "sms.h"
#include <string>

struct Patient {
  PRIVACY_DATA("phone") std::string phone;
  PRIVACY_DATA("rrn") std::string rrn;
  std::string clinic;
};

// Hands a number and a text to the function it is given (gateway.cpp).
void each(void (*emit)(const char *, const char *), const char *to,
          const char *text);

// Hands a line to the function it is given (gateway.cpp).
void eachLine(int (*emit)(const char *), const char *text);
