#include "account.h"

// What another file's functions return is what they read there.
void escalate() { fileTicket(currentAddress()); }
void escalateNested() {
  std::string body = bracket(currentAddress());
  fileTicket(body);
}
void contact() { fileTicket(currentEmail()); } // email may go to freshworks
