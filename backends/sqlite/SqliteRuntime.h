//===- SqliteRuntime.h - libsqlite3 behind the Runtime interface -*- C++ -*-===//
//
// apply, plan --uri and --uri on compile and lint for SQLite: the database
// is a file opened in this process, `sqlite:///abs/path.db`,
// `sqlite://relative/path.db` or a `file:` URI (docs/apply.md, "SQLite").
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

namespace shc {

/// The SQLite runtime (SqliteDialect's runtime()).
const Runtime &sqliteRuntime();

} // namespace shc
