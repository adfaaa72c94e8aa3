#include "account.h"
std::string sha256(const std::string &s);
void sendDigest(const std::string &secret, const std::string &tag) { upload(sha256(secret) + tag); }
void sendPlain(const std::string &secret, const std::string &tag) { upload(secret + tag); }
void archiveLogin(const std::string &secret, const std::string &who) { (void)sha256(secret + who); }
