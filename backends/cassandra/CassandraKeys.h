//===- CassandraKeys.h - what a CQL write's WHERE may say ----------*- C++ -*-===//
//
// The rule (docs/cassandra.md), Cassandra 4's for a single-table write:
//  * the WHERE is a conjunction (AND) of `column = value`, `column IN
//    (values)` and comparisons; values are literals or functions of no
//    column;
//  * every partition key column is fixed by = or IN; a range, != or token()
//    over it is refused (cql-partition-range): rows are placed by the token
//    of the whole partition key, so a range reaches every node;
//  * UPDATE: every clustering column is fixed by = or IN (a range is
//    refused: an UPDATE names whole rows), except that an UPDATE setting only
//    static columns names no clustering column at all;
//  * DELETE (customSQL): clustering columns by = or IN on a prefix, the
//    last restricted one may be a range, the rest unrestricted;
//  * a condition on a column outside the primary key is refused
//    (cql-non-key-where), except in a staticUpdate of a migration declared
//    `idempotent: true` whose key fixes one row by =: it becomes a
//    lightweight transaction, `IF column = value` (the output says it costs
//    four Paxos round trips instead of one write).
// The same relations come from a staticUpdate's WHERE (the IR) and from a
// customSQL statement (CqlParse.h); both are checked here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace shc {

class DiagnosticEngine;
class Expr;
struct Migration;
struct Table;
class UpdateOp;

/// One restriction of a WHERE, whatever it was read from.
struct KeyRelation {
  enum class Op { Eq, In, Range, Ne, Token };
  Op op = Op::Eq;
  std::string column; ///< folded name
  SourceLoc loc;
  const Expr *expr = nullptr; ///< the IR conjunct (staticUpdate), or null
};

enum class WriteKind { Update, Delete, Insert };

/// Checks `relations` against `table`'s key for a write of `kind`; reports
/// errors through `diags` (when not null); false after one. `nonKey`
/// receives the relations on columns outside the primary key, which the
/// caller refuses or turns into IF conditions; `singleRow` tells whether
/// the key is fixed by = alone.
bool checkKeyRelations(const Table &table, WriteKind kind, bool staticOnly,
                       const std::vector<KeyRelation> &relations, SourceLoc whereLoc,
                       std::vector<KeyRelation> &nonKey, bool &singleRow,
                       DiagnosticEngine *diags);

/// A staticUpdate as CQL will write it: the conjuncts that stay in the
/// WHERE and those that become IF conditions (lightweight transaction).
struct CqlUpdatePlan {
  std::vector<const Expr *> where;
  std::vector<const Expr *> conditions;
};

/// Checks a staticUpdate (and refuses calculated and transform updates)
/// for Cassandra; fills `plan`. Reports through `diags` when not null.
bool planCqlUpdate(const UpdateOp &op, const Migration &m, CqlUpdatePlan &plan,
                   DiagnosticEngine *diags);

} // namespace shc
