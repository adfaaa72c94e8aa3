#include "account.h"
void relay(const std::string &secret) { archiveLogin(secret, "relay"); }
void relayRaw(const std::string &secret) { archiveRaw(secret, "relay"); }
