#include "clinic.h"
#include <cstdio>

// The catalog's function, called in gateway.cpp: the number in the body
// leaves for smsco in the US.
void textPatient(const Patient &p) {
  each(&sms_send, p.phone.c_str(), p.rrn.c_str());
}

// A function of the shipped catalogs: puts logs the number.
void printPatient(const Patient &p) { eachLine(&std::puts, p.rrn.c_str()); }

// --- quiet ------------------------------------------------------------------

// The number goes to argument 0, which the catalog does not send; the body is
// the clinic.
void textQuiet(const Patient &p) {
  each(&sms_send, p.rrn.c_str(), p.clinic.c_str());
}
// A function that is no sink.
void validateQuiet(const Patient &p) {
  each(&sms_validate, p.phone.c_str(), p.rrn.c_str());
}
// The logs may hold the phone number.
void printQuiet(const Patient &p) { eachLine(&std::puts, p.phone.c_str()); }
