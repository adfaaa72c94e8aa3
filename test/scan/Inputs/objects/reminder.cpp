#include "clinic.h"
#include <stdexcept>

Reminder::Reminder(const Member &m) : to_(m.name), note_(m.address) {}
void Reminder::fire() const { fileTicket(note_); }
void Reminder::ping() const { fileTicket(to_); }

Slip::Slip(const Member &m) : who_(m.name) { text_ = "ship to " + m.address; }

void upload(const std::string &text) { fileTicket(text); }
void uploadCopy(const std::string &text) { fileTicket(text); }

void verifyAddress(const Member &m) {
  throw std::runtime_error("cannot ship to " + m.address);
}
void verifyName(const Member &m) { throw std::runtime_error("who is " + m.name); }

Notice::Notice(const Member &m) : to_(m.name), body_(m.address) {}
void Notice::send() const { fileTicket(body_); }
void Notice::sign() const { fileTicket(to_); }

void Card::mail() const { fileTicket(where_); }
void Card::greet() const { fileTicket(who_); }
