#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("ip_address") std::string ip;
};

// report.cpp -> stats.cpp -> format.cpp: a purpose set in one file covers
// callees in the others.
void countMember(const Member &m);          // stats.cpp
std::string formatLine(const Member &m);    // format.cpp
void relayTicket(const std::string &text);  // support.cpp

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
PRIVACY_STORE("member_db") void saveMember(const Member &m);
PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_ERASE("member_db") void forgetMember(int id);
PRIVACY_STORE("archive") void archiveName(const std::string &name); // no erase path
