#include "model.h"

PRIVACY_PURPOSE("statistics")
void dailyReport(const Member &m) {
  countMember(m); // the purpose reaches stats.cpp and format.cpp
}

void openTicket(const Member &m) {
  relayTicket("Ship to " + m.address); // crosses into support.cpp, abroad
}
