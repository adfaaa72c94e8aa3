// The implementations behind outbound.h, on the vendor clients.
#include "cloudz/outbound.h"

#include "db.h"
#include "freshdesk.h"

#include <cstdio>

namespace cloudz {

int fileFreshdeskTicket(const Ticket &t) {
  return freshdesk::createTicket("{\"name\":\"" + t.requesterName +
                                 "\",\"email\":\"" + t.requesterEmail +
                                 "\",\"subject\":\"" + t.subject +
                                 "\",\"description\":\"" + t.description + "\"}");
}

void requestConsultation(const std::string &userId, const std::string &name,
                         const std::string &phone) {
  db::execute("INSERT INTO consultation_queue VALUES (?, ?, ?)", userId, name, phone);
}

void saveMember(const Member &m) {
  db::execute("REPLACE INTO members VALUES (?, ?, ?)", m.userId, m.name, m.passwordHash);
}

void eraseMember(const std::string &userId) {
  db::execute("DELETE FROM members WHERE user_id = ?", userId);
}

void savePayment(const std::string &userId, const std::string &name,
                 long amountWon) {
  db::execute("INSERT INTO payments VALUES (?, ?, " + std::to_string(amountWon) + ")",
              userId, name);
}

// Records older than the five years of 전자상거래법 are destroyed (제6조).
void purgeExpiredPayments(long nowDays) {
  db::execute("DELETE FROM payments WHERE day < " + std::to_string(nowDays - 5 * 365));
}

void saveComplaint(const std::string &userId, const std::string &text) {
  db::execute("INSERT INTO complaints VALUES (?, ?)", userId, text);
}

void writeLog(const std::string &line) { std::fprintf(stderr, "%s\n", line.c_str()); }

bool hasMarketingConsent(const std::string &userId) {
  db::execute("SELECT marketing FROM consents WHERE user_id = ?", userId);
  return true;
}

bool agreedToOptionalItems(const std::string &userId) {
  db::execute("SELECT optional FROM consents WHERE user_id = ?", userId);
  return true;
}

} // namespace cloudz
