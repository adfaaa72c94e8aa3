// Stand-in for Cloud Z's own mail server.
#pragma once
#include <string>
namespace mailer {
bool send(const std::string &to, const std::string &subject, const std::string &body);
} // namespace mailer
