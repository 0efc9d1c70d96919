//===- CustomSql.h - customSQL parse-check and statement analysis -*- C++ -*-===//
#pragma once

namespace shc {

class CustomSqlOp;
class DiagnosticEngine;

/// `validate: true` for the postgres family: parses `op.sql` with
/// PostgreSQL's own parser (libpg_query). A syntax error is reported at its
/// position inside the YAML scalar (rule custom-sql-syntax) with PostgreSQL's
/// message. On success fills `op.statements` (one per statement) and parses
/// the UPDATE and DELETE statements our expression grammar covers into
/// UpdateOps for resolve and typecheck. Returns false after an error.
bool analyseCustomSql(CustomSqlOp &op, DiagnosticEngine &diags);

} // namespace shc
