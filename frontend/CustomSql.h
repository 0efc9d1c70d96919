//===- CustomSql.h - customSQL parse-check and statement analysis -*- C++ -*-===//
#pragma once

namespace shc {

class Catalog;
class CustomSqlOp;
class DiagnosticEngine;

/// `validate: true`: parses `op.sql` with the target's own parser
/// (Catalog::parseCustomSql). A syntax error is reported at its position
/// inside the YAML scalar (rule custom-sql-syntax) with the parser's
/// message. On success fills `op.statements` (one per statement) and parses
/// the UPDATE and DELETE statements our expression grammar covers into
/// UpdateOps for resolve and typecheck. Returns false after an error.
bool analyseCustomSql(CustomSqlOp &op, const Catalog &catalog, DiagnosticEngine &diags);

} // namespace shc
