#include "model.h"

void relayTicket(const std::string &text) { fileTicket(text); }

void save(const Member &m) {
  saveMember(m);
  archiveName(m.name);
}
