#pragma once
// A library without a body in the program: catalog.json describes it.
void sms_send(const char *to, const char *body);
// Checks a number's format; sends nothing (no catalog entry).
void sms_validate(const char *to, const char *body);
