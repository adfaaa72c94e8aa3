// Stand-in for Cloud Z's database client (a vendor library).
#pragma once
#include <string>
namespace db {
void execute(const std::string &sql, const std::string &a = "",
             const std::string &b = "", const std::string &c = "");
long daysSinceEpoch();
} // namespace db
