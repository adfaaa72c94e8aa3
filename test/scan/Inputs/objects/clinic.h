#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string address;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

// reminder.cpp: a constructor and methods defined in another file.
class Reminder {
public:
  explicit Reminder(const Member &m);
  void fire() const; // sends the note (the address)
  void ping() const; // sends who it is for (the name)

private:
  std::string to_, note_;
};

// Built in reminder.cpp, sent from here.
class Slip {
public:
  explicit Slip(const Member &m);
  void post() const { fileTicket(text_); }
  void sign() const { fileTicket(who_); }

private:
  std::string who_, text_;
};

// reminder.cpp: what a lambda hands on.
void upload(const std::string &text);
void uploadCopy(const std::string &text);
// reminder.cpp: throws what is wrong with the member.
void verifyAddress(const Member &m);
void verifyName(const Member &m);
// middle.cpp: calls the above without catching.
void checkAddress(const Member &m);
void checkName(const Member &m);
void checkAndCatch(const Member &m);

// reminder.cpp: a class used as temporaries.
class Notice {
public:
  explicit Notice(const Member &m);
  void send() const; // the address
  void sign() const; // the name

private:
  std::string to_, body_;
};

// Built here, sent by methods of reminder.cpp.
class Card {
public:
  explicit Card(const Member &m) : who_(m.name), where_(m.address) {}
  void mail() const;  // the address
  void greet() const; // the name

private:
  std::string who_, where_;
};
