// Shaped like protoc's output for
//   message User { string email = 1; string name = 2; int32 visits = 3; }
// Generated code is never edited: its declarations are annotated in an
// annotations file (docs/annotations.md, "A protobuf message").
#pragma once
#include <string>

class UserProto {
public:
  const std::string &email() const { return email_; }
  void set_email(const std::string &value) { email_ = value; }
  std::string *mutable_email() { return &email_; }
  const std::string &name() const { return name_; }
  void set_name(const std::string &value) { name_ = value; }
  int visits() const { return visits_; }
  void set_visits(int value) { visits_ = value; }

private:
  std::string email_;
  std::string name_;
  int visits_ = 0;
};
