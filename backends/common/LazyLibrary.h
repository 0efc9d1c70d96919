//===- LazyLibrary.h - a client library loaded on first use -----*- C++ -*-===//
//
// libpq and MariaDB's Connector/C, with the libraries they pull in (TLS,
// Kerberos, LDAP), cost every run of the tool about 10 ms of dynamic
// linking, though only apply and --uri talk to a server. The runtimes
// therefore do not link them: LibPq.cpp and LibMariaDb.cpp define the few
// functions the runtimes call, each forwarding to the library, which is
// loaded (every function resolved at once, so that later calls, even from
// a signal handler, only read a pointer) the first time one is called.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>

/// For a list macro X(f) X(g)...: a struct member of each function's type,
/// and each function's name.
#define SHC_LAZY_SLOT(name) decltype(&::name) name;
#define SHC_LAZY_NAME(name) #name,

namespace shc {

/// dlopen(`soname`) and dlsym() each of `names` into `slots`, in order. On
/// failure the tool cannot go on: it says which library and why, and exits
/// with status 2.
void loadLibrary(const char *soname, const char *const *names, void **slots, unsigned count);

/// `Api`, a struct of the N function pointers `names` names (in order,
/// made with SHC_LAZY_SLOT and SHC_LAZY_NAME), filled from `soname`.
template <typename Api, size_t N> Api loadApi(const char *soname, const char *const (&names)[N]) {
  static_assert(sizeof(Api) == N * sizeof(void *), "one pointer per name");
  Api api;
  loadLibrary(soname, names, reinterpret_cast<void **>(&api), N);
  return api;
}

} // namespace shc
