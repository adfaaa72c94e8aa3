#pragma once
#include "framework/oatpp_like.h"

class UserDto {
public:
  DTO_FIELD(String, email, "email");
  DTO_FIELD(String, name, "name");
  DTO_FIELD(Int32, age, "age");
};

// The database layer: no annotation in the code.
class UserDb {
public:
  void save(const std::string &value);
  void eraseUser(int id);
};
