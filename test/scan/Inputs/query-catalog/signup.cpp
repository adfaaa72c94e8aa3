#include "privacy.h"
#include "user_db.h"

struct SignUp {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("password") std::string password;
};

PRIVACY_PURPOSE("account") void signUp(UserDb &db, const SignUp &form) {
  db.createUser(form.email, form.password);
}

PRIVACY_ERASE("user_db") PRIVACY_PURPOSE("account")
void closeAccount(UserDb &db, const SignUp &form) {
  db.deleteUser(form.email);
}
