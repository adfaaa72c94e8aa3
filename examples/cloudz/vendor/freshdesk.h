// Stand-in for the freshdesk ticket API of freshworks Inc. (San Bruno, US).
#pragma once

namespace freshdesk {
struct Ticket {
  const char *requesterName;
  const char *requesterEmail;
  const char *requesterPhone;
  const char *subject;
  const char *description;
};
int createTicket(const Ticket &t); // HTTPS POST /api/v2/tickets
} // namespace freshdesk
