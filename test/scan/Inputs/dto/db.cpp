#include "user_dto.h"

void UserDb::save(const std::string &value) { (void)value; }
void UserDb::eraseUser(int id) { (void)id; }
