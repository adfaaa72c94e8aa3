#include "model.h"

// What a function of another file returns or sends of a struct argument is
// what it reads of it there, field by field.
void roomByFunction(const Member &m) { fileTicket(room_of(m)); }
void roomByMethod(const Member &m) { fileTicket(m.roomOf()); }
void labelOfBox(const Box &b) { fileTicket(b.labelOf()); }
void roomByOverride(const Member &m) { defaultNotifier().notify(m); }

struct Desk {
  Member current;
  std::string queue;
  void escalate() const { fileTicket(room_of(current)); }
  void escalateAddress() const { fileTicket(address_of(current)); }
};

void addressByFunction(const Member &m) { fileTicket(address_of(m)); }
void addressByMethod(const Member &m) { fileTicket(m.addressOf()); }
void addressOfBox(const Box &b) { fileTicket(b.whoAddress()); }
// Defined in no file: unknown code may return what it is given.
void formatted(const Member &m) { fileTicket(format_member(m)); }
// Through a function of another file that returns what unknown code does.
void formattedElsewhere(const Member &m) { fileTicket(formatted_by_lib(m)); }
// Through a helper of a header around a function of another file, call by call.
void encoded(const Member &m) {
  fileTicket(encodeHere(m.room));
  fileTicket(encodeHere(m.address));
}
