// An LD_PRELOAD shim for close_error_test.sh: fclose closes the stream and
// then reports EIO when the file's name contains ".tmp.", as NFS does when
// the server reports a failed write only at close. The test checks that
// pagewash says why the close failed, and keeps the old file.
#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

extern "C" int fclose(std::FILE* stream) {
  using Fclose = int (*)(std::FILE*);
  static Fclose real = reinterpret_cast<Fclose>(dlsym(RTLD_NEXT, "fclose"));
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fileno(stream));
  char target[4096];
  ssize_t n = readlink(link, target, sizeof target - 1);
  bool fail = false;
  if (n > 0) {
    target[n] = '\0';
    fail = std::strstr(target, ".tmp.") != nullptr;
  }
  int result = real(stream);
  if (fail && result == 0) {
    errno = EIO;
    return EOF;
  }
  return result;
}
