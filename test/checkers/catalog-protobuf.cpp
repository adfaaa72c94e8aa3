// protobuf (rules/sinks/protobuf.json) on a message that Debian's protoc
// generates, parsed against Debian's headers: one rule for every message
// class. Serializing is not a disclosure by itself; the bytes carry what the
// message holds to the sink they reach (here send(2), a network sink).
// REQUIRES: protobuf, protoc
// RUN: rm -rf %t.dir && mkdir -p %t.dir && protoc --proto_path=%S/Inputs/protobuf-real --cpp_out=%t.dir %S/Inputs/protobuf-real/member.proto
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-recipient %t -- -- -std=c++17 -I%t.dir

#include "privacy.h"
#include "member.pb.h"
#include <fcntl.h>
#include <string>
#include <sys/socket.h>

struct Account {
  PRIVACY_DATA("email") std::string email;
  std::string nickname;
  int visits;
};

void upload(int sock, const Account &a) {
  shop::Member msg;
  msg.set_email(a.email);
  msg.set_visits(a.visits);
  std::string wire;
  msg.SerializeToString(&wire);
  send(sock, wire.data(), wire.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send'{{.*}}[privacy-undeclared-recipient]
  std::string again = msg.SerializeAsString();
  send(sock, again.data(), again.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send'
  std::string text = msg.ShortDebugString();
  send(sock, text.data(), text.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send'
}

void copy(int sock, const Account &a) {
  shop::Member from;
  from.set_email(a.email);
  shop::Member to;
  to.CopyFrom(from);
  std::string wire;
  to.SerializeToString(&wire);
  send(sock, wire.data(), wire.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send'
}

void direct(const Account &a) {
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  shop::Member msg;
  msg.set_email(a.email);
  msg.SerializeToFileDescriptor(sock);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'email' is sent over the network by 'google::protobuf::MessageLite::SerializeToFileDescriptor'
}

// --- quiet ------------------------------------------------------------------

void quiet(int sock, const Account &a) {
  shop::Member msg;
  msg.set_nickname(a.nickname);
  msg.set_visits(a.visits);
  std::string wire;
  msg.SerializeToString(&wire);
  send(sock, wire.data(), wire.size(), 0);   // no personal data in it
  shop::Member withEmail;
  withEmail.set_email(a.email);
  std::string kept;
  withEmail.SerializeToString(&kept);        // serialized, sent nowhere
  int file = open("member.bin", O_WRONLY | O_CREAT, 0600);
  withEmail.SerializeToFileDescriptor(file); // a file, not a socket
}
