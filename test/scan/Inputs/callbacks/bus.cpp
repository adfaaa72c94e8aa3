#include "members.h"

void EventBus::subscribe(std::function<void(const std::string &)> handler) {
  handlers_.push_back(handler);
}

void EventBus::publish(const std::string &event) {
  for (const auto &handler : handlers_)
    handler(event);
}
