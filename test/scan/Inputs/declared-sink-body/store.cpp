#include "account.h"
bool dbWrite(const std::string &row); // the database driver
void writeLog(const std::string &line);
void archiveLogin(const std::string &secret, const std::string &who) {
  if (secret.empty())
    return;
  dbWrite(sha256(secret) + "," + who);
}
void archiveRaw(const std::string &secret, const std::string &who) {
  dbWrite(secret + "," + who);
}
void logVisit(const std::string &who, const std::string &from) {
  (void)from;
  writeLog("visit by " + who);
}
