//===- ApplyLedger.cpp - apply's ledger check before each migration ----===//

#include "backends/postgres/ApplyLedger.h"

#include "backends/postgres/Connection.h"
#include "backends/postgres/Ledger.h"
#include "backends/postgres/PostgresBackend.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <iterator>
#include <tuple>

using namespace shc;

/// A string literal as the postgres SqlWriter spells it ('it''s', or E'a\\b'
/// when it holds a backslash), consumed from the front of `s`.
static std::optional<std::string> takeStringLiteral(llvm::StringRef &s) {
  bool backslashes = s.consume_front("E");
  if (!s.consume_front("'"))
    return std::nullopt;
  std::string value;
  while (!s.empty()) {
    char c = s.front();
    s = s.drop_front();
    if (c == '\'' && !s.consume_front("'"))
      return value;
    if (c == '\\' && backslashes) {
      if (!s.startswith("\\") && !s.startswith("'"))
        return std::nullopt;
      c = s.front();
      s = s.drop_front();
    }
    value += c;
  }
  return std::nullopt;
}

std::optional<LedgerRecord> shc::parseLedgerInsert(llvm::StringRef last) {
  std::string head = ledgerInsertHead();
  if (!last.consume_front(head))
    return std::nullopt;
  LedgerRecord record;
  std::optional<std::string> name = takeStringLiteral(last);
  llvm::StringRef checksum;
  if (!name || !last.consume_front(", '"))
    return std::nullopt;
  std::tie(checksum, last) = last.split('\'');
  if (checksum.size() != 64 || !llvm::all_of(checksum, llvm::isHexDigit) ||
      !last.consume_front(", "))
    return std::nullopt;
  if (last.consume_front("TRUE, "))
    record.idempotent = true;
  else if (!last.consume_front("FALSE, "))
    return std::nullopt;
  std::optional<Phase> phase;
  for (Phase p : {Phase::BeforeSchema, Phase::AfterSchema})
    if (last.consume_front("'" + phaseName(p).str() + "')"))
      phase = p;
  if (!phase)
    return std::nullopt;
  record.phase = *phase;
  record.name = std::move(*name);
  record.checksum = checksum.str();
  return record;
}

/// changedMigrationMessage() with its `%`s filled in, and the hint, laid out
/// as the server reports the DO block's exception.
static std::string changedMigrationError(const LedgerRecord &record) {
  std::string out;
  const std::string *args[] = {&record.name, &record.checksum};
  size_t next = 0;
  for (char c : changedMigrationMessage()) {
    if (c == '%' && next < std::size(args))
      out += *args[next++];
    else
      out += c;
  }
  return out + "\nHINT:  " + changedMigrationHint();
}

llvm::Expected<LedgerCheck> shc::checkLedger(Connection &conn, const LedgerRecord &record) {
  std::string table = ledgerTableName().str();
  // An error would abort the transaction, so ask first whether the table is
  // there (a --ddl file may not create it).
  llvm::Expected<Rows> exists = conn.query("SELECT 1 WHERE to_regclass($1) IS NOT NULL", {table});
  if (!exists)
    return exists.takeError();
  if (exists->empty())
    return LedgerCheck{};
  llvm::Expected<Rows> row =
      conn.query("SELECT checksum FROM " + table + " WHERE name = $1 FOR UPDATE", {record.name});
  if (!row)
    return row.takeError();
  if (row->empty() || row->front().empty())
    return LedgerCheck{};
  if (row->front().front() == record.checksum)
    return LedgerCheck{LedgerDecision::Skip, ""};
  if (record.idempotent)
    return LedgerCheck{};
  return LedgerCheck{LedgerDecision::Fail, changedMigrationError(record)};
}

std::string shc::outcomeUnknownHint(const std::optional<LedgerRecord> &record) {
  return outcomeUnknownHint(record ? &*record : nullptr,
                            record ? postgresWriter().stringLiteral(record->name) : "");
}
