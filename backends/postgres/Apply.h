//===- Apply.h - running a compiled script on a live server -----*- C++ -*-===//
//
// apply runs a CompiledScript: the one the backend built from the specs, or
// the one parseCompiledFile recovered from a --ddl file. It holds the
// database's apply lock (ApplyLock.h) from before the preamble to the end,
// runs each step in its own transaction, and checks the step's ledger row
// first, so a migration the ledger has is reported as skipped on every
// dialect.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace shc {

class Connection;
class DiagnosticEngine;
class UpdateOp;
struct CompiledScript;

/// Each step in its own transaction; stops at the first failure, rolling that
/// step back and keeping the earlier ones. With dryRun, everything runs in one
/// transaction that is rolled back at the end. A step with a ledger row is
/// checked against the ledger first, in its transaction and under the apply
/// lock: skipped when the ledger has it with the same checksum, failed when it
/// changed and is not proved idempotent (ApplyLedger.h).
/// `advisoryLocks` picks the lock that serialises applies (ApplyLock.h).
ApplyReport applyScript(Connection &conn, const CompiledScript &script, const ApplyOptions &opts,
                        bool advisoryLocks);


} // namespace shc
