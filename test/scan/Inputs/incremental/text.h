#pragma once
#include <string>

// Included by describe.cpp and report.cpp, not by audit.cpp.
inline std::string bracket(const std::string &s) { return "[" + s + "]"; }
