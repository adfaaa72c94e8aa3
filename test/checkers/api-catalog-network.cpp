// Network APIs of the catalog (rules/sinks), on the real declarations of
// Debian's libcurl4-openssl-dev and the C library.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-recipient,privacy-cross-border-transfer %t

#include "privacy.h"
#include <curl/curl.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

struct Account {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("address") std::string address;
  std::string nickname;
};

void postRaw(CURL *curl, const Account &a) {
  std::string body = "email=" + a.email;
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'curl_easy_setopt' with no declared recipient on the way; mark the sending function with PRIVACY_TRANSFER("recipient") [privacy-undeclared-recipient]
  curl_easy_setopt(curl, CURLOPT_URL, ("https://api.example/?q=" + a.email).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'curl_easy_setopt'
  curl_easy_setopt(curl, CURLOPT_USERAGENT, a.email.c_str()); // not a data option in the catalog
}

void overSockets(int fd, const Account &a) {
  send(fd, a.email.data(), a.email.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send'
  int s = socket(AF_INET, SOCK_STREAM, 0);
  write(s, a.email.data(), a.email.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'write'
  write(1, a.email.data(), a.email.size()); // not a socket: stdout
}

// A declared recipient on the way covers the API underneath it.
PRIVACY_TRANSFER("freshworks", "US")
void postToFreshdesk(CURL *curl, const std::string &body) {
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
}

void declared(CURL *curl, const Account &a) {
  postToFreshdesk(curl, a.email);
  postToFreshdesk(curl, a.address);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'address' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
  std::string ua = a.nickname;
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, ua.c_str()); // not personal data
}
