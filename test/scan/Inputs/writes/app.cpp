#include "members.h"

void throughSetter(const Member &m) {
  Member c;
  c.setNote(m.address);
  fileTicket(c.note);
}

void throughSetterAndGetter(const Member &m) {
  Member c;
  c.setNote(m.address);
  fileTicket(c.noteText());
}

void throughReferenceParameter(const Member &m) {
  Member c;
  copyAddress(c, m);
  fileTicket(c.note);
}

void throughPointerParameter(const Member &m) {
  Member c;
  fillNote(&c, m.address);
  fileTicket(c.note);
}

// --- quiet ----------------------------------------------------------------

// The setter writes a constant, not what it is given.
void setterIgnoresArgument(const Member &m) {
  Member c;
  c.setTag(m.address);
  fileTicket(c.tag);
}

// Another field than the one written.
void otherField(const Member &m) {
  Member c;
  c.setNote(m.address);
  fileTicket(c.tag);
}

// Allowed for the recipient.
void allowedItem(const Member &m) {
  Member c;
  c.setNote(m.email);
  fileTicket(c.note);
}

// Unknown code puts nothing into its arguments (SPEC §1).
void unknownWriter(const Member &m) {
  Member c;
  unknownFill(c, m.address);
  fileTicket(c.note);
}
