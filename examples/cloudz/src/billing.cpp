// Fees and their records, kept five years (제4조, 전자상거래법).
#include "cloudz/outbound.h"
#include "cloudz/services.h"

namespace cloudz {

PRIVACY_PURPOSE("member_service")
void chargeMonthlyFee(const Member &m, long amountWon) {
  savePayment(m.userId, m.name, amountWon);
}

} // namespace cloudz
