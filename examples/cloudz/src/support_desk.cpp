// The support desk files tickets with freshworks' freshdesk (제3조, 제5조).
#include "cloudz/services.h"

#include "freshdesk.h"

namespace cloudz {

PRIVACY_TRANSFER("freshworks", "US")
static int sendToFreshdesk(const freshdesk::Ticket &t) {
  return freshdesk::createTicket(t);
}

// 제3조 entrusts customer consultation to processors, but no activity of
// 제1조 collects anything for it: every read here is outside the policy.
PRIVACY_PURPOSE("customer_support")
int openSupportTicket(const Member &m, const std::string &question) {
  freshdesk::Ticket t{};
  t.requesterName = m.name.c_str();
  t.requesterEmail = m.email.c_str();
  t.subject = "Question from the web console";
  // Mistake: 제5조 transfers only name, email, mobile phone and address to
  // freshworks; the member's company goes abroad undeclared.
  std::string body = question + "\n-- " + m.company;
  t.description = body.c_str();
  return sendToFreshdesk(t);
}

} // namespace cloudz
