//===- PostgresCatalog.cpp - PostgreSQL 15's catalogue ----------------------===//

#include "backends/postgres/PostgresCatalog.h"

#include "backends/postgres/catalog/CatalogTables.h"
#include "backends/postgres/catalog/LiteralInput.h"
#include "backends/postgres/catalog/TypeNames.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

CustomSqlParse PostgresCatalog::parseCustomSql(llvm::StringRef sql) const {
  return pg::parseCustomSql(sql);
}

StatementFacts PostgresCatalog::describeStatement(llvm::StringRef text) const {
  return pg::describeStatement(text);
}

std::optional<Type> PostgresCatalog::parseColumnType(llvm::StringRef spelling) const {
  return pg::parseColumnType(spelling, flavor.typeNames);
}

std::optional<std::string> PostgresCatalog::unknownTypeName(llvm::StringRef spelling) const {
  return pg::unknownTypeName(spelling, flavor.typeNames);
}

std::string PostgresCatalog::suggestTypeName(llvm::StringRef name) const {
  return pg::suggestTypeName(name, flavor.typeNames);
}

TypeCategory PostgresCatalog::category(const Type &t) const { return pg::category(t); }

bool PostgresCatalog::isPreferred(const Type &t) const { return pg::isPreferred(t); }

std::optional<CastContext> PostgresCatalog::findCast(const Type &from, const Type &to) const {
  return pg::findCast(from, to);
}

bool PostgresCatalog::checkLiteralInput(const Type &type, llvm::StringRef text,
                                        LiteralInputError &error) const {
  return pg::checkLiteralInput(type, text, error);
}

/// PostgreSQL's date/time input reads these words as the moment of the run
/// (datetktbl: NOW, TODAY, TOMORROW, YESTERDAY); 'epoch' and 'infinity' are
/// constants.
bool PostgresCatalog::isRunTimeLiteral(const Type &type, llvm::StringRef text) const {
  if (!type.isDateTime())
    return false;
  llvm::SmallVector<llvm::StringRef, 4> words;
  text.split(words, ' ', -1, /*KeepEmpty=*/false);
  return llvm::any_of(words, [](llvm::StringRef w) {
    std::string l = w.trim().lower();
    return l == "now" || l == "today" || l == "tomorrow" || l == "yesterday";
  });
}

/// A zone name or abbreviation, or a fixed offset (`+05:30`, `-8`:
/// PostgreSQL reads anything that starts with a sign and a digit, or a digit,
/// as a POSIX offset).
bool PostgresCatalog::acceptsTimeZone(llvm::StringRef zone) const {
  llvm::StringRef digits = zone;
  if (digits.startswith("+") || digits.startswith("-"))
    digits = digits.drop_front();
  if (!digits.empty() && llvm::isDigit(digits[0]))
    return true;
  return pg::isKnownTimeZone(zone);
}

/// Whether PostgreSQL 15 takes `unit` for EXTRACT/date_part (`fn` other than
/// date_trunc) or date_trunc over `type`: null if so, else "not recognized"
/// or "not supported" (checked against a server, unit by unit and type by type).
const char *PostgresCatalog::dateUnitProblem(llvm::StringRef fn, llvm::StringRef unit,
                                             const Type &type) const {
  using U = pg::DateUnitKind;
  U u = pg::classifyDateUnit(unit);
  if (u == U::Unknown)
    return "not recognized";
  if (type.isArray())
    return nullptr;
  if (fn == "date_trunc") {
    if (u == U::Special || u == U::Epoch)
      return "not recognized";
    if (u == U::Zone || (u == U::Week && type.is(TypeKind::Interval)))
      return "not supported";
    return nullptr;
  }
  bool ok = true;
  switch (type.getKind()) {
  case TypeKind::Time:
    ok = u == U::TimeOfDay || u == U::Epoch;
    break;
  case TypeKind::TimeTz:
    ok = u == U::TimeOfDay || u == U::Epoch || u == U::Zone;
    break;
  case TypeKind::Timestamp:
    ok = u != U::Zone;
    break;
  case TypeKind::Date:
    ok = u != U::Zone && u != U::TimeOfDay;
    break;
  case TypeKind::Interval:
    ok = u == U::TimeOfDay || u == U::Day || u == U::Calendar || u == U::Epoch;
    break;
  default:
    break;
  }
  return ok ? nullptr : "not supported";
}


llvm::ArrayRef<Signature> PostgresCatalog::lookupFunction(llvm::StringRef name) const {
  return pg::lookupFunction(name);
}

llvm::ArrayRef<Signature> PostgresCatalog::lookupOperator(llvm::StringRef name,
                                                          bool prefix) const {
  return pg::lookupOperator(name, prefix);
}

const FunctionProperties &PostgresCatalog::functionProperties(llvm::StringRef name,
                                                             size_t numArgs) const {
  return pg::functionProperties(name, numArgs);
}

const PostgresCatalog &shc::postgresCatalog() {
  static const PostgresCatalog catalog(postgresFlavor());
  return catalog;
}
