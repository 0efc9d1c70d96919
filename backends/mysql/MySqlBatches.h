//===- MySqlBatches.h - batched apply on MySQL and MariaDB --------*- C++ -*-===//
//
// The batched loop's session on MySQL (RangeBatches.h): batches over the
// primary key, else a unique index over NOT NULL columns (no prefix
// index), read from information_schema; each batch in its own InnoDB
// transaction, under the GET_LOCK apply holds to the end. Integer and
// decimal keys are written back as numbers, everything else as a string
// literal, so a BIGINT key is never compared as a double.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BatchLoop.h"

#include <functional>
#include <memory>

namespace shc {

class MySqlDb;

/// `ledgerChecksum` reads a migration's ledger row with a locking read, as
/// apply's runner does (none without a row).
using MySqlLedgerRead =
    std::function<llvm::Expected<std::optional<std::string>>(const std::string &)>;

std::unique_ptr<BatchSession> mysqlBatchSession(MySqlDb &db, MySqlLedgerRead ledgerChecksum);

} // namespace shc
