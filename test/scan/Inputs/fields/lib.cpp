#include "model.h"

std::string room_of(const Member &m) { return m.room; }
std::string address_of(const Member &m) { return m.address; }
std::string Member::roomOf() const { return room; }
std::string Member::addressOf() const { return address; }
std::string Box::labelOf() const { return label; }
std::string Box::whoAddress() const { return who.address; }
std::string formatted_by_lib(const Member &m) { return format_member(m); }
std::string encode_in_lib(const std::string &s) { return "<" + s + ">"; }

Notifier::~Notifier() = default;
struct RoomNotifier : Notifier {
  void notify(const Member &m) override { fileTicket(m.room); }
};
Notifier &defaultNotifier() {
  static RoomNotifier N;
  return N;
}
