#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string address;
};

PRIVACY_ANONYMIZE std::string sha256(const std::string &s);
// Defined in store.cpp: keeps a digest of the secret, the tag as it is.
PRIVACY_STORE("archive")
void archiveLogin(const std::string &secret, const std::string &who);
// Defined in store.cpp: keeps both as they are.
PRIVACY_STORE("archive")
void archiveRaw(const std::string &secret, const std::string &who);
// Defined in store.cpp: logs the visitor; the origin is never written.
PRIVACY_LOG void logVisit(const std::string &who, const std::string &from);
// No body in the program: judged by its declaration.
PRIVACY_STORE("archive") void archiveElsewhere(const std::string &secret);
// Defined in relay.cpp: hand their argument to the stores above.
void relay(const std::string &secret);
void relayRaw(const std::string &secret);
