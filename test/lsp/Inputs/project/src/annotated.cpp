#include "privacy.h"
#include <string>

PRIVACY_DATA("email") std::string lastEmail;
PRIVACY_DATA("name") std::string currentUserName();
void greet(PRIVACY_DATA("name") const std::string &who);
