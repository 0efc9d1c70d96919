//===- Redact.h - connection strings and messages without passwords -*- C++ -*-===//
//
// A connection string may hold a password, and a malformed one puts parts of
// the password where libpq reads a port, a host or a database name, which
// libpq's messages then quote. Nothing apply, plan or lint prints may show a
// password or a piece of one: a string libpq cannot parse is not shown at
// all, the password (as written, and as the user may have meant it) is cut
// from a string that parses, and every libpq message is scrubbed of any piece
// of what may be a password.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/Secrets.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

/// The connection string for messages: a URI or key=value string with its
/// password replaced by `***` (for a URI: all from the `:` after the user to
/// the last `@`, so an unencoded `/`, `@` or `?` in the password is covered
/// too); a string libpq cannot parse is replaced by a fixed text.
std::string redactConnectionString(llvm::StringRef conninfo);

/// A scrubber of what may be a password in a connection and where libpq
/// takes one from: the parsed password, the password as written (also
/// percent-decoded, also when the string is malformed), PGPASSWORD, and the
/// whole string when it does not parse. The caller adds the password libpq
/// used (e.g. from .pgpass).
SecretScrubber postgresSecrets(llvm::StringRef conninfo);

} // namespace shc
