#pragma once
#include "privacy.h"
#include <functional>
#include <string>
#include <vector>

struct Member {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
void discard(const std::string &body);

// Runs a callback on each member's address (walker.cpp).
void forEachAddress(const std::vector<Member> &members,
                    void (*visit)(const std::string &));

// Handlers stored in one method and run in another (bus.cpp).
class EventBus {
public:
  void subscribe(std::function<void(const std::string &)> handler);
  void publish(const std::string &event);

private:
  std::vector<std::function<void(const std::string &)>> handlers_;
};

// Counts a member for statistics (walker.cpp).
void countEmail(const Member &m);
