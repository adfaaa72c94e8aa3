// Stand-in for the text message gateway (domestic).
#pragma once
#include <string>
namespace sms {
bool send(const std::string &number, const std::string &text);
} // namespace sms
