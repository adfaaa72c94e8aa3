#include "privacy.h"
struct Member { PRIVACY_DATA("email") const char *email; };
int main() { Member m{"a@example.com"}; return m.email[0] == 'a' ? 0 : 1; }
