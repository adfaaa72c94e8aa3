#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string address;
};

PRIVACY_TRANSFER("freshworks") void upload(const std::string &body);
// Defined in vault.cpp: sends a digest of the secret, the tag as it is.
void sendDigest(PRIVACY_ANONYMIZE const std::string &secret,
                const std::string &tag);
void sendPlain(const std::string &secret, const std::string &tag);
// Defined in vault.cpp: keeps a hash of the secret.
PRIVACY_STORE("archive")
void archiveLogin(PRIVACY_ANONYMIZE const std::string &secret,
                  const std::string &who);
