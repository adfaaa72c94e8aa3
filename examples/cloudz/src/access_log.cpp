// Visit records kept three months (제4조, 통신비밀보호법).
#include "cloudz/outbound.h"
#include "cloudz/services.h"

namespace cloudz {

void recordVisit(const Visit &v) {
  writeLog(v.ipAddress + " " + std::to_string(v.visitTime) + " " + v.path);
}

} // namespace cloudz
