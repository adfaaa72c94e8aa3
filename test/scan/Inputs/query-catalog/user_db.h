#pragma once
#include "orm.h"

class UserDb : public DbClient {
public:
  QUERY(createUser, "INSERT INTO users (email, password) VALUES (:e, :p)",
        const std::string &email, const std::string &password)
  QUERY(deleteUser, "DELETE FROM users WHERE email = :e",
        const std::string &email)
};
