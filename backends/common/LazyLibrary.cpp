//===- LazyLibrary.cpp - a client library loaded on first use -------------===//

#include "backends/common/LazyLibrary.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

void shc::loadLibrary(const char *soname, const char *const *names, void **slots,
                      unsigned count) {
  auto fail = [&](const char *what) {
    const char *why = dlerror();
    std::fflush(stdout);
    std::fprintf(stderr,
                 "schemahero-compile: error: cannot load %s%s%s: %s (scripts/bootstrap installs "
                 "it)\n",
                 soname, what ? ", function " : "", what ? what : "", why ? why : "not found");
    std::exit(2);
  };
  void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    fail(nullptr);
  for (unsigned i = 0; i < count; ++i)
    if (!(slots[i] = dlsym(handle, names[i])))
      fail(names[i]);
}
