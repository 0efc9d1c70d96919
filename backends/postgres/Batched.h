//===- Batched.h - batches of an UPDATE or DELETE on PostgreSQL ---*- C++ -*-===//
//
// PostgreSQL's side of the batched loop (backends/common/BatchLoop.h). One
// statement runs a batch, over the table's key (its primary key, else a
// unique NOT NULL key read from the server):
//
//   WITH shc_batch AS (SELECT key FROM t WHERE key > last AND (where)
//                      ORDER BY key LIMIT n),
//        shc_done AS (UPDATE t SET ... FROM shc_batch WHERE t.key = shc_batch.key
//                     AND (where) RETURNING 1)
//   SELECT count(*) of shc_done, rows of shc_batch, the batch's last key
//
// and the checkpoint goes to schemahero_data_batches (the last key as a
// text[]) in the same transaction. Each transaction begins as apply's lock
// wants (ApplyLock). docs/batching.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BatchLoop.h"

#include <memory>

namespace shc {

class ApplyLock;
class Connection;

/// A BatchSession on `conn`, whose transactions `lock` brackets. With
/// `backup` (apply --backup), each batch also saves the rows it changes in
/// schemahero_data_backups (RowBackup.h), in its own statement: the key and
/// pre-image read under FOR UPDATE, the values written from RETURNING; an
/// operation run whole is backed up as without batches.
std::unique_ptr<BatchSession> postgresBatchSession(Connection &conn, ApplyLock &lock,
                                                   bool backup);

} // namespace shc
