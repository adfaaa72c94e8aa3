// Code within every bound of the analysis: no note.
int twice(int a) { return a + a; }

int four() { return twice(2); }
