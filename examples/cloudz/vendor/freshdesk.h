// Stand-in for freshworks' freshdesk REST client (HTTPS to the US).
#pragma once
#include <string>
namespace freshdesk {
int createTicket(const std::string &json); // POST /api/v2/tickets
} // namespace freshdesk
