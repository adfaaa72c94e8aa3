// Newsletters and event messages (제1조 선택정보: 홍보 및 마케팅에 관한 동의).
#include "cloudz/outbound.h"
#include "cloudz/services.h"

#include "mailer.h"
#include "sms.h"

namespace PRIVACY_PURPOSE("marketing") cloudz {

bool sendNewsletter(const Member &m) {
  if (!hasMarketingConsent(m.userId))
    return false;
  return mailer::send(m.email, "Cloud Z news",
                      "Dear " + m.name + ", our new plans are here.");
}

// Mistake: marketing needs the separate marketing consent; nobody asked.
bool sendEventSms(const Member &m) {
  return sms::send(m.mobilePhone, "Cloud Z event this week!");
}

} // namespace cloudz
