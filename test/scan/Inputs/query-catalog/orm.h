// In the style of oatpp's DbClient: QUERY writes a whole method, body
// included, that runs its SQL.
#pragma once
#include <string>

#define QUERY(NAME, SQL, ...)                                                 \
  int NAME(__VA_ARGS__) { return execute(SQL); }

class DbClient {
public:
  int execute(const char *sql);
};
