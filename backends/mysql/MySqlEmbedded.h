//===- MySqlEmbedded.h - MariaDB's own parser, in process ---------*- C++ -*-===//
//
// The embedded MariaDB server (libmariadbd, from libmariadbd-dev) prepares a
// statement exactly as the server would, so its syntax errors are the
// server's. It is loaded with dlopen on first use, only when a mysql
// customSQL asks for `validate: true`: the library is 24 MB, and starting
// the server takes a throw-away data directory and about 0.3 s. RTLD_DEEPBIND
// keeps its mysql_* symbols apart from Connector/C's, which apply links.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

struct PrepareResult {
  bool started = false;  ///< the embedded server runs (else `message` says why)
  unsigned errorNumber = 0; ///< 0 when the statement prepared
  std::string message;
};

/// Prepares `statement` in an empty database of the embedded server.
PrepareResult prepareEmbedded(llvm::StringRef statement);

/// ER_PARSE_ERROR and ER_SYNTAX_ERROR: the statement is not MySQL. Every
/// other error (an unknown table in the empty database) is past the parser.
inline bool isSyntaxError(unsigned errorNumber) {
  return errorNumber == 1064 || errorNumber == 1149;
}

} // namespace shc
