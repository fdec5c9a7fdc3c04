/* The whole of a file, for the C programs here, which see the library through compact.h alone. */
#ifndef COMPACT_TESTS_READ_FILE_H
#define COMPACT_TESTS_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>

/* The bytes of `path` with a NUL after them (free them), their count in *length; NULL when the file
 * cannot be read. */
static char* read_file(const char* path, size_t* length) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  long size;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, f) == (size_t)size) {
      text[size] = '\0';
      *length = (size_t)size;
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(f);
  return text;
}

#endif
