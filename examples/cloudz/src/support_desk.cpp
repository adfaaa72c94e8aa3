// The support desk: tickets in freshdesk (freshworks, 제3조·제5조),
// consultations by SK인포섹 (제3조), complaint records (제4조).
#include "cloudz/outbound.h"
#include "cloudz/services.h"

namespace cloudz {

// 제3조 entrusts customer consultation to processors, but no activity of
// 제1조 collects anything for it: the policy has a gap here, and every use
// of member data below is reported until 제1조 names this purpose.
PRIVACY_PURPOSE("customer_support")
int openSupportTicket(const Member &m, const std::string &question) {
  Ticket t;
  t.requesterName = m.name;
  t.requesterEmail = m.email;
  t.subject = "Question from the web console";
  // Mistake: 제5조 transfers only name, email, mobile phone and address to
  // freshworks; the member's company goes abroad undeclared.
  t.description = question + "\n-- " + m.company;
  saveComplaint(m.userId, question);
  return fileFreshdeskTicket(t);
}

PRIVACY_PURPOSE("customer_support")
void requestCallback(const Member &m) {
  requestConsultation(m.userId, m.name, m.mobilePhone);
  // Mistake: a phone number in the logs, which may hold only access data.
  writeLog("callback requested for " + m.mobilePhone);
}

} // namespace cloudz
