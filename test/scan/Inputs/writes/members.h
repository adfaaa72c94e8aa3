#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("email") std::string email;
  std::string note;
  std::string tag;
  // Defined in member.cpp.
  void setNote(const std::string &n);
  void setTag(const std::string &t);
  void clearNote();
  std::string noteText() const;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

// Defined in member.cpp: write into what the caller passes.
void copyAddress(Member &to, const Member &from);
void fillNote(Member *to, const std::string &text);
// Defined in no file: unknown code writes nothing into its arguments.
void unknownFill(Member &to, const std::string &text);
