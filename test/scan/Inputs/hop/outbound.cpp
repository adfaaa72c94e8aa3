#include "desk.h"

void sendBody(const std::string &body) { fileTicket("[desk] " + body); }
