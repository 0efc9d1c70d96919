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

namespace shc {

/// dlopen(`soname`) and dlsym() each of `names` into `slots`, in order. On
/// failure the tool cannot go on: it says which library and why, and exits
/// with status 2.
void loadLibrary(const char *soname, const char *const *names, void **slots, unsigned count);

} // namespace shc
