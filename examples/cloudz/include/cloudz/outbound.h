// Where personal data leaves Cloud Z's code: processors (제3조, 제5조),
// stores (제4조), logs, erasure (제6조, 제7조) and consent (제1조).
#pragma once

#include "cloudz/member.h"

#include <string>

namespace cloudz {

// --- recipients -------------------------------------------------------------
struct Ticket {
  PRIVACY_DATA("name") std::string requesterName;
  PRIVACY_DATA("email") std::string requesterEmail;
  std::string subject;
  std::string description;
};
/// freshdesk, run by freshworks Inc. in San Bruno, US (제5조).
PRIVACY_TRANSFER("freshworks", "US") int fileFreshdeskTicket(const Ticket &t);
/// Customer consultation entrusted to SK인포섹 (제3조).
PRIVACY_TRANSFER("sk_infosec", "KR")
void requestConsultation(const std::string &userId, const std::string &name,
                         const std::string &phone);

// --- stores -----------------------------------------------------------------
PRIVACY_STORE("member_db") void saveMember(const Member &m);
PRIVACY_ERASE("member_db") void eraseMember(const std::string &userId);
PRIVACY_STORE("payment_records")
void savePayment(const std::string &userId, const std::string &name,
                 long amountWon);
PRIVACY_ERASE("payment_records") void purgeExpiredPayments(long nowDays);
PRIVACY_STORE("complaint_records")
void saveComplaint(const std::string &userId, const std::string &text);

// --- logs -------------------------------------------------------------------
PRIVACY_LOG void writeLog(const std::string &line);

// --- consent ----------------------------------------------------------------
PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(const std::string &userId);
PRIVACY_CONSENT_CHECK("optional_collection")
bool agreedToOptionalItems(const std::string &userId);

} // namespace cloudz
