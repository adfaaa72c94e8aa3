#include "clinic.h"

void each(void (*emit)(const char *, const char *), const char *to,
          const char *text) {
  emit(to, text);
}

void eachLine(int (*emit)(const char *), const char *text) { emit(text); }
