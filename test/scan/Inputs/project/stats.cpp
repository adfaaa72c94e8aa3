#include "model.h"

void countMember(const Member &m) {
  if (m.email.empty()) // report.cpp -> stats.cpp: email under statistics
    return;
  logLine(m.ip);
  formatLine(m);
}
