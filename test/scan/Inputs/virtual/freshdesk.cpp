#include "notifier.h"

Notifier::~Notifier() = default;

struct FreshdeskNotifier : Notifier {
  void notify(const std::string &text) override { fileTicket(text); }
};

Notifier &defaultNotifier() {
  static FreshdeskNotifier N;
  return N;
}
