#include "user.h"
const std::string &User::nameOf() const { return name; }
std::string User::describe() const { return host; }
User *Network::user() const { return user_; }
