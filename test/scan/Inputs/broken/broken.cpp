#include "privacy.h"
int main() { return undeclared_identifier; }
