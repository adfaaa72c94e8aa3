#pragma once

#include "cloudz/member.h"

#include <string>
#include <vector>

namespace cloudz {

bool signUp(const std::string &userId, const std::string &password,
            const std::string &name);
bool logIn(const Member &m, const std::string &password);
std::string renderNewsletter(const Member &m);
namespace analytics {
std::vector<std::pair<std::string, int>> visitsPerDay(const std::vector<Visit> &visits);
std::vector<std::pair<std::string, int>> plansByMember(const std::vector<Member> &members);
} // namespace analytics
int openSupportTicket(const Member &m, const std::string &question);

} // namespace cloudz
