// protobuf: writes through the generated mutable_<field>() accessors. The
// message holds what is written through the pointer it returns, as after
// set_<field>(), so serialising the message and sending the bytes discloses
// it (docs/catalogs.md, "protobuf: a rule for every message").
// REQUIRES: protobuf, protoc
// RUN: rm -rf %t.dir && mkdir -p %t.dir && protoc --proto_path=%S/Inputs/protobuf-real --cpp_out=%t.dir %S/Inputs/protobuf-real/profile.proto
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-recipient %t -- -- -std=c++17 -I%t.dir

#include "privacy.h"
#include "profile.pb.h"
#include <string>
#include <sys/socket.h>

struct Account {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string city;
  std::string nickname;
};

void assigned(int sock, const Account &a) {
  shop::Profile msg;
  msg.mutable_email()->assign(a.email);
  std::string wire;
  msg.SerializeToString(&wire);
  send(sock, wire.data(), wire.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send'{{.*}}[privacy-undeclared-recipient]
}

void throughDereference(int sock, const Account &a) {
  shop::Profile msg;
  *msg.mutable_name() = a.name;
  std::string wire = msg.SerializeAsString();
  send(sock, wire.data(), wire.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'name' is sent over the network by 'send'
}

void nestedMessage(int sock, const Account &a) {
  shop::Profile msg;
  msg.mutable_address()->set_city(a.city);
  std::string wire;
  msg.SerializeToString(&wire);
  send(sock, wire.data(), wire.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'address' is sent over the network by 'send'
}

void appended(int sock, const Account &a) {
  shop::Profile msg;
  msg.mutable_email()->append(a.email);
  std::string wire;
  msg.AppendToString(&wire);
  send(sock, wire.data(), wire.size(), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent over the network by 'send'
}

// --- quiet ------------------------------------------------------------------

void quiet(int sock, const Account &a) {
  shop::Profile msg;
  msg.mutable_nickname()->assign(a.nickname);
  *msg.mutable_name() = a.nickname;
  msg.mutable_address()->set_street(a.nickname);
  // A copy of a part, changed: the message does not hold it.
  shop::Address copy = msg.address();
  copy.set_city(a.city);
  std::string wire;
  msg.SerializeToString(&wire);
  send(sock, wire.data(), wire.size(), 0);
  // Written through mutable_email(), serialised, sent nowhere.
  shop::Profile kept;
  *kept.mutable_email() = a.email;
  std::string bytes = kept.SerializeAsString();
}
