//===- ExprEmitterForms.cpp - Calls, casts, CASE and subqueries -----------===//
//
// The bracketed forms of the expression emitter: everything that carries its
// own delimiters, so its operands are emitted in delimited slots.
//
//===----------------------------------------------------------------------===//

#include "backends/common/ExprEmitter.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;
using llvm::cast;

/// Column-name keywords that the grammar still accepts in call syntax,
/// because it has a production for them (`coalesce(a, b)`).
static bool hasCallProduction(llvm::StringRef name) {
  static const char *const names[] = {"coalesce", "greatest", "least",
                                      "nullif",   "overlay",  "substring"};
  for (const char *n : names)
    if (name == n)
      return true;
  return false;
}

std::string ExprEmitter::functionName(llvm::StringRef name) const {
  if (!writer.isPlainWord(name))
    return writer.quotedIdentifier(name);
  if (writer.getPolicy().bareFunctionNames)
    return name.str();
  switch (writer.keywordCategory(name)) {
  case KeywordCategory::None:
  case KeywordCategory::Unreserved:
  case KeywordCategory::TypeFuncName:
    return name.str();
  case KeywordCategory::ColName:
  case KeywordCategory::Reserved:
    return hasCallProduction(name) ? name.str() : writer.quotedIdentifier(name);
  }
  return name.str();
}

void ExprEmitter::emitFuncCall(const FuncCallExpr &f) {
  if (f.form != FuncCallExpr::Form::Plain)
    return emitSpecialCall(f);
  text() += functionName(f.name);
  text() += '(';
  if (f.star) {
    text() += '*';
  } else {
    if (f.distinct)
      text() += "DISTINCT ";
    emitList(f.args);
  }
  text() += ')';
}

/// EXTRACT's field is an identifier only if the grammar's extract_arg takes
/// it bare (IDENT or one of six keywords); otherwise it is written as a string.
static bool isBareExtractField(const SqlWriter &w, llvm::StringRef field) {
  if (!w.isPlainWord(field))
    return false;
  static const char *const keywords[] = {"year", "month", "day", "hour", "minute", "second"};
  for (const char *k : keywords)
    if (field == k)
      return true;
  return w.keywordCategory(field) == KeywordCategory::None;
}

void ExprEmitter::emitSpecialCall(const FuncCallExpr &f) {
  auto malformed = [&] { malformedIR(f.getLoc(), "malformed special call to " + f.name + "()"); };
  size_t n = f.args.size();
  switch (f.form) {
  case FuncCallExpr::Form::Plain:
    return;
  case FuncCallExpr::Form::NoParens:
    if (!writer.isPlainWord(f.name))
      return malformed();
    text() += llvm::StringRef(f.name).upper();
    if (n) {
      text() += '(';
      emitList(f.args);
      text() += ')';
    }
    return;
  case FuncCallExpr::Form::Extract: {
    auto *field = n == 2 ? llvm::dyn_cast_or_null<LiteralExpr>(f.args[0].get()) : nullptr;
    if (!field || field->litKind != LiteralExpr::LitKind::String)
      return malformed();
    text() += "EXTRACT(";
    std::string lower = llvm::StringRef(field->text).lower();
    if (isBareExtractField(writer, lower))
      text() += lower;
    else
      emitString(field->text, field->getLoc());
    text() += " FROM ";
    emitNested(f.args[1]);
    text() += ')';
    return;
  }
  case FuncCallExpr::Form::Position:
    if (n != 2)
      return malformed();
    text() += "POSITION(";
    emitBExprOperand(f.args[0], Prec::Pattern, Side::Left);
    text() += " IN ";
    emitBExprOperand(f.args[1], Prec::Lowest, Side::Right);
    text() += ')';
    return;
  case FuncCallExpr::Form::Substring:
    if (n != 2 && n != 3)
      return malformed();
    text() += "SUBSTRING(";
    emitNested(f.args[0]);
    text() += " FROM ";
    emitNested(f.args[1]);
    if (n == 3) {
      text() += " FOR ";
      emitNested(f.args[2]);
    }
    text() += ')';
    return;
  case FuncCallExpr::Form::Trim: {
    const char *where = f.name == "btrim"   ? "BOTH"
                        : f.name == "ltrim" ? "LEADING"
                        : f.name == "rtrim" ? "TRAILING"
                                            : nullptr;
    if (!where || (n != 1 && n != 2))
      return malformed();
    text() += "TRIM(";
    text() += where;
    text() += ' ';
    if (n == 2) {
      emitNested(f.args[1]);
      text() += ' ';
    }
    text() += "FROM ";
    emitNested(f.args[0]);
    text() += ')';
    return;
  }
  case FuncCallExpr::Form::IntervalUnit: {
    auto *unit = n == 2 ? llvm::dyn_cast_or_null<LiteralExpr>(f.args[1].get()) : nullptr;
    if (!unit || unit->litKind != LiteralExpr::LitKind::String || !writer.isPlainWord(llvm::StringRef(unit->text).lower()))
      return malformed();
    text() += "INTERVAL ";
    emitOperand(f.args[0], Prec::UnaryMinus, Side::Right);
    text() += ' ' + llvm::StringRef(unit->text).upper();
    return;
  }
  }
}

bool ExprEmitter::canUseTypedLiteral(const CastExpr &c) const {
  auto *lit = llvm::dyn_cast_or_null<LiteralExpr>(c.operand.get());
  if (!lit || lit->litKind != LiteralExpr::LitKind::String || c.target.isArray())
    return false;
  switch (c.target.getKind()) {
  case TypeKind::Unknown:
  case TypeKind::Other:
  case TypeKind::Any:
  case TypeKind::Error:
    return false;
  default:
    return true;
  }
}

void ExprEmitter::emitCast(const CastExpr &c) {
  std::optional<std::string> type = typeName(c.target, c.spelling, c.getLoc());
  if (!type) {
    hadError = true;
    return;
  }
  CastExpr::Syntax syntax =
      writer.getPolicy().castFunctionOnly ? CastExpr::Syntax::CastFunc : c.syntax;
  switch (syntax) {
  case CastExpr::Syntax::CastFunc:
    text() += "CAST(";
    emitNested(c.operand);
    text() += " AS ";
    text() += *type;
    text() += ')';
    return;
  case CastExpr::Syntax::TypedLiteral:
    if (canUseTypedLiteral(c)) {
      auto &lit = cast<LiteralExpr>(*c.operand);
      text() += llvm::StringRef(*type).upper();
      text() += ' ';
      emitString(lit.text, lit.getLoc());
      return;
    }
    [[fallthrough]];
  case CastExpr::Syntax::DoubleColon:
    emitOperand(c.operand, Prec::Typecast, Side::Left);
    text() += "::";
    text() += *type;
    return;
  }
}

void ExprEmitter::emitCase(const CaseExpr &c) {
  text() += "CASE";
  if (c.operand) {
    text() += ' ';
    emitNested(c.operand);
  }
  if (c.whens.empty())
    missing("WHEN clause");
  for (const CaseExpr::When &w : c.whens) {
    text() += " WHEN ";
    emitNested(w.cond);
    text() += " THEN ";
    emitNested(w.result);
  }
  if (c.elseExpr) {
    text() += " ELSE ";
    emitNested(c.elseExpr);
  }
  text() += " END";
}

void ExprEmitter::emitSelect(const SelectStmt *q) {
  if (!q)
    return missing("subquery");
  text() += "SELECT ";
  if (q->distinct)
    text() += "DISTINCT ";
  if (q->items.empty())
    missing("select list");
  for (size_t i = 0; i < q->items.size(); ++i) {
    if (i)
      text() += ", ";
    const SelectStmt::Item &item = q->items[i];
    if (!item.expr) {
      if (!item.starQualifier.empty()) {
        emitIdentifier(item.starQualifier);
        text() += '.';
      }
      text() += '*';
      continue;
    }
    emitNested(item.expr);
    if (!item.alias.empty()) {
      text() += " AS ";
      emitIdentifier(item.alias);
    }
  }
  for (size_t i = 0; i < q->from.size(); ++i) {
    const TableRef &t = q->from[i];
    if (i == 0)
      text() += " FROM ";
    else if (t.join == JoinKind::Comma)
      text() += ", ";
    else
      text() += (" " + joinKindSpelling(t.join) + " ").str();
    if (t.subquery) {
      text() += '(';
      emitSelect(t.subquery.get());
      text() += ')';
    } else {
      appendTableName(t.table, t.schema, t.name, text());
    }
    if (!t.alias.empty()) {
      text() += ' ';
      emitIdentifier(t.alias);
    }
    for (size_t c = 0; c < t.columnAliases.size(); ++c) {
      text() += c ? ", " : " (";
      emitIdentifier(t.columnAliases[c]);
      if (c + 1 == t.columnAliases.size())
        text() += ')';
    }
    if (t.on) {
      text() += " ON ";
      emitNested(t.on);
    }
  }
  if (q->where) {
    text() += " WHERE ";
    emitNested(q->where);
  }
  for (size_t i = 0; i < q->groupBy.size(); ++i) {
    text() += i ? ", " : " GROUP BY ";
    emitNested(q->groupBy[i].expr);
  }
  if (q->having) {
    text() += " HAVING ";
    emitNested(q->having);
  }
  for (size_t i = 0; i < q->orderBy.size(); ++i) {
    const SelectStmt::Key &k = q->orderBy[i];
    text() += i ? ", " : " ORDER BY ";
    emitNested(k.expr);
    if (k.desc)
      text() += " DESC";
    if (k.nulls != SelectStmt::Key::Nulls::Default)
      text() += k.nulls == SelectStmt::Key::Nulls::First ? " NULLS FIRST" : " NULLS LAST";
  }
  if (q->limit) {
    text() += " LIMIT ";
    emitNested(q->limit);
  }
  if (q->offset) {
    text() += " OFFSET ";
    emitNested(q->offset);
  }
}
