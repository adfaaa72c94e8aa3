#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("email") std::string email;
  std::string room;
  std::string roomOf() const;  // lib.cpp: reads only room
  std::string addressOf() const; // lib.cpp: reads address
};

struct Box {
  Member who;
  std::string label;
  std::string labelOf() const;   // lib.cpp: reads only label
  std::string whoAddress() const; // lib.cpp: reads who.address
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

std::string room_of(const Member &m);    // lib.cpp: reads only room
std::string address_of(const Member &m); // lib.cpp: reads address
std::string format_member(const Member &m); // defined in no file
std::string formatted_by_lib(const Member &m); // lib.cpp: format_member(m)
std::string encode_in_lib(const std::string &s); // lib.cpp: returns s
// This file's helper around a function of another file.
inline std::string encodeHere(const std::string &s) { return encode_in_lib(s); }

struct Notifier {
  virtual ~Notifier();
  virtual void notify(const Member &m) = 0;
};
Notifier &defaultNotifier(); // lib.cpp: its override sends only room
