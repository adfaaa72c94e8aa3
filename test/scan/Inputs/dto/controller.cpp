#include "user_dto.h"

// Purposes come from the annotations file: UserController runs for
// "account", Newsletter::send for "marketing".
class UserController {
public:
  void create(const UserDto &dto) {
    db.save(dto.email);
    db.save(dto.name);
  }
  UserDb db;
};

namespace Newsletter {
int send(const UserDto &dto) { return static_cast<int>(dto.email.size()); }
} // namespace Newsletter
