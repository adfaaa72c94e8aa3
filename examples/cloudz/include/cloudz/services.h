// What the Cloud Z service does with member data.
#pragma once

#include "cloudz/member.h"

#include <string>
#include <utility>
#include <vector>

namespace cloudz {

bool signUp(const std::string &userId, const std::string &password,
            const std::string &name);
bool logIn(const Member &m, const std::string &password);
void deleteAccount(const std::string &userId);
bool updateProfile(const Member &m);

bool sendNewsletter(const Member &m);
bool sendEventSms(const Member &m);

namespace analytics {
std::vector<std::pair<long, int>> visitsPerDay(const std::vector<Visit> &visits);
std::vector<std::pair<std::string, int>> plansByMember(const std::vector<Member> &members);
} // namespace analytics

int openSupportTicket(const Member &m, const std::string &question);
void requestCallback(const Member &m);

void chargeMonthlyFee(const Member &m, long amountWon);
void recordVisit(const Visit &v);

} // namespace cloudz
