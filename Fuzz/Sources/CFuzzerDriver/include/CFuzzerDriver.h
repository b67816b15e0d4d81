#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that have their own `main` (libFuzzer 11 and later).
/// SwiftPM links every executable with `main` bound to `<Module>_main`, so the fuzz targets call
/// this from there instead of using libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
