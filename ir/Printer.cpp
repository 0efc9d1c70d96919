//===- Printer.cpp - Stable textual form of a Module ----------------------===//
//
// printModule (--emit=ir / --emit=ast / --print-after): indentation-based,
// deterministic, every field shown. Locations print as @file:line:col with
// the file's basename only, so golden files do not depend on where the tests
// run.
//
//===----------------------------------------------------------------------===//

#include "ir/Printer.h"

#include "ir/AnalysisResults.h"
#include "ir/Dialect.h"
#include "ir/Module.h"
#include "ir/PrinterUtil.h"
#include "ir/SourceManager.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

static llvm::StringRef transformName(TransformKind k) {
  switch (k) {
  case TransformKind::None:
    return "none";
  case TransformKind::TimezoneConvert:
    return "timezone_convert";
  case TransformKind::FormatChange:
    return "format_change";
  case TransformKind::TypeCast:
    return "type_cast";
  case TransformKind::StringTransform:
    return "string_transform";
  }
  return "?";
}

namespace {
class ModulePrinter {
public:
  ModulePrinter(llvm::raw_ostream &os, const SourceManager *sm, const AnalysisResults *results)
      : os(os), sm(sm), results(results) {}

  void print(const Module &m) {
    os << "module target=" << m.getTarget().key();
    if (!m.inputs.empty()) {
      os << " inputs=[";
      for (size_t i = 0; i < m.inputs.size(); ++i)
        os << (i ? ", " : "") << llvm::sys::path::filename(m.inputs[i]);
      os << ']';
    }
    os << '\n';
    for (const auto &t : m.tables)
      if (t)
        printTable(*t);
    for (const auto &mig : m.migrations)
      if (mig)
        printMigration(*mig);
  }

private:
  void loc(SourceLoc l) {
    if (!sm || !l.isValid() || l.file > sm->getNumBuffers())
      return;
    os << " @" << llvm::sys::path::filename(sm->getName(l.file)) << ':' << l.line << ':' << l.col;
  }

  void printTable(const Table &t) {
    os << "table " << t.displayName();
    if (!t.database.empty())
      os << " database=" << t.database;
    loc(t.loc);
    os << '\n';
    if (!t.primaryKey.empty()) {
      os << "  primary_key [";
      for (size_t i = 0; i < t.primaryKey.size(); ++i)
        os << (i ? ", " : "") << t.primaryKey[i];
      os << ']';
      if (t.partitionKeyCount)
        os << " partition_keys=" << t.partitionKeyCount;
      os << '\n';
    }
    for (const Column &c : t.columns) {
      os << "  column " << c.name << " : " << c.type.str();
      if (!c.typeSpelling.empty() &&
          !llvm::StringRef(c.typeSpelling).equals_insensitive(c.type.str())) {
        os << " spelling=";
        printQuoted(os, c.typeSpelling);
      }
      if (c.notNull)
        os << " not_null";
      if (c.primaryKey)
        os << " primary_key";
      if (c.defaultValue) {
        os << " default=";
        printQuoted(os, *c.defaultValue);
      }
      loc(c.loc);
      os << '\n';
    }
  }

  void printMigration(const Migration &m) {
    os << "migration " << m.name << " phase=" << phaseName(m.phase)
       << " idempotent=" << (m.declaredIdempotent ? "true" : "false") << " requires=[";
    for (size_t i = 0; i < m.requires.size(); ++i)
    os << (i ? ", " : "") << m.requires[i].name;
    os << ']';
    if (!m.database.empty())
      os << " database=" << m.database;
    if (!m.sourceDialectKey.empty())
      os << " source=" << m.sourceDialectKey;
    loc(m.loc);
    os << '\n';
    for (const OperationPtr &op : m.operations) {
      if (!op) {
        os << "  <null>\n";
      } else if (auto *u = llvm::dyn_cast<UpdateOp>(op.get())) {
        printUpdate(*u);
      } else if (auto *c = llvm::dyn_cast<CustomSqlOp>(op.get())) {
        printCustomSql(*c);
      }
      if (op)
        printVerdict("    ", *op);
    }
    printVerdict("  ", m);
  }

  /// `idempotency=<verdict>: <reason>` once the idempotency pass ran.
  template <typename Node> void printVerdict(llvm::StringRef indent, const Node &node) {
    if (!results)
      return;
    const IdempotencyVerdict &v = results->verdict(node);
    if (!v.computed)
      return;
    os << indent << "idempotency=" << verdictName(v.verdict) << ": " << v.reason;
    loc(v.loc);
    os << '\n';
  }

  void printExprOrNull(const Expr *e) {
    if (e)
      printExpr(*e, os);
    else
      os << "<null>";
  }

  void printUpdate(const UpdateOp &u) {
    os << "  update " << qualifiedName(u.schema, u.table)
       << " origin=" << updateOriginName(u.origin);
    loc(u.getLoc());
    os << '\n';
    printUpdateBody(u, "    ");
  }

  void printUpdateBody(const UpdateOp &u, llvm::StringRef indent) {
    printAssignments(u, indent);
    printWhere(u, indent);
  }

  void printAssignments(const UpdateOp &u, llvm::StringRef indent) {
    for (const Assignment &a : u.assignments) {
      os << indent << "set " << a.column << " = ";
      if (!a.value && !a.uncheckedText.empty()) {
        os << "(unchecked ";
        printQuoted(os, a.uncheckedText);
        os << ')';
      } else
        printExprOrNull(a.value.get());
      if (a.transform != TransformKind::None)
        os << " transform=" << transformName(a.transform);
      loc(a.loc);
      os << '\n';
    }
  }

  void printWhere(const UpdateOp &u, llvm::StringRef indent) {
    if (u.where) {
      os << indent << "where ";
      printExprOrNull(u.where.get());
      os << '\n';
    } else if (!u.uncheckedWhere.empty()) {
      os << indent << "where (unchecked ";
      printQuoted(os, u.uncheckedWhere);
      os << ")\n";
    }
  }

  void printCustomSql(const CustomSqlOp &c) {
    os << "  custom_sql validate=" << (c.validate ? "true" : "false");
    loc(c.getLoc());
    os << '\n';
    llvm::StringRef sql = c.sql;
    sql.consume_back("\n");
    if (sql.empty())
      return;
    llvm::SmallVector<llvm::StringRef, 8> lines;
    sql.split(lines, '\n');
    for (llvm::StringRef l : lines) {
      l.consume_back("\r");
      os << "    |";
      if (!l.empty())
        os << ' ' << l;
      os << '\n';
    }
    for (const SqlStatement &st : c.statements)
      printStatement(st);
  }

  /// `statement <kind> [table] analysed|opaque`, then the analysed parts.
  void printStatement(const SqlStatement &st) {
    os << "    statement " << statementKindName(st.kind);
    if (!st.table.empty())
      os << ' ' << qualifiedName(st.schema, st.table);
    if (st.onConflict == OnConflict::DoNothing)
      os << " on_conflict=do_nothing";
    else if (st.onConflict == OnConflict::DoUpdate)
      os << " on_conflict=do_update";
    if (st.analysed) {
      os << " analysed";
    } else {
      os << " opaque=";
      printQuoted(os, st.notAnalysedReason);
    }
    loc(st.loc);
    os << '\n';
    for (const CommonTableExpr &cte : st.with) {
      os << "      with " << cte.name;
      printNames("(", cte.columnNames, ")");
      os << " = " << statementKindName(cte.query.kind);
      loc(cte.loc);
      os << '\n';
      printQuery(cte.query, "        ");
      if (cte.derived) {
        os << "        columns";
        for (const Column &c : cte.derived->columns)
          os << ' ' << c.name << ':' << c.type.str();
        os << '\n';
      }
    }
    printQuery(st.query, "      ");
    printVerdict("      ", st);
  }

  /// The analysed body of a statement or WITH query. An UPDATE or DELETE
  /// prints as the update operations do, plus its own clauses.
  void printQuery(const DmlQuery &q, llvm::StringRef indent) {
    if (const UpdateOp *u = q.update.get()) {
      if (!u->alias.empty())
        os << indent << "alias " << u->alias << '\n';
      printAssignments(*u, indent);
      if (!u->from.empty()) {
        os << indent;
        printFromList(q.kind == StatementKind::Delete ? "using" : "from", u->from, os);
        os << '\n';
      }
      printWhere(*u, indent);
      printReturning(u->returning, indent);
    } else if (const InsertStmt *ins = q.insert.get()) {
      printInsert(*ins, indent);
    } else if (const SelectStmt *s = q.select.get()) {
      os << indent;
      printSelect(*s, os);
      os << '\n';
    }
  }

  /// `open` a, b `close`, or nothing for an empty list.
  void printNames(llvm::StringRef open, const std::vector<ColumnName> &names,
                  llvm::StringRef close) {
    if (names.empty())
      return;
    os << open;
    for (size_t i = 0; i < names.size(); ++i)
      os << (i ? ", " : "") << names[i].name;
    os << close;
  }

  void printReturning(const std::vector<SelectStmt::Item> &items, llvm::StringRef indent) {
    if (items.empty())
      return;
    os << indent;
    printSelectItems("returning", items, os);
    os << '\n';
  }

  void printInsert(const InsertStmt &ins, llvm::StringRef indent) {
    os << indent << "insert into " << qualifiedName(ins.schema, ins.table);
    if (!ins.alias.empty())
      os << " as " << ins.alias;
    printNames(" columns=[", ins.columns, "]");
    loc(ins.loc);
    os << '\n';
    for (const std::vector<ExprPtr> &row : ins.rows) {
      os << indent << "values (";
      for (size_t i = 0; i < row.size(); ++i) {
        os << (i ? ", " : "");
        if (row[i])
          printExpr(*row[i], os);
        else
          os << "default";
      }
      os << ")\n";
    }
    if (ins.select) {
      os << indent;
      printSelect(*ins.select, os);
      os << '\n';
    }
    if (ins.source == InsertStmt::Source::DefaultValues)
      os << indent << "default_values\n";
    if (ins.onConflict != OnConflict::None) {
      os << indent << "on_conflict";
      printNames(" (", ins.conflictColumns, ")");
      if (ins.conflictWhere) {
        os << " where ";
        printExpr(*ins.conflictWhere, os);
      }
      os << (ins.onConflict == OnConflict::DoNothing ? " do_nothing" : " do_update") << '\n';
      if (ins.conflictUpdate)
        printUpdateBody(*ins.conflictUpdate, indent.str() + "  ");
    }
    printReturning(ins.returning, indent);
  }

  llvm::raw_ostream &os;
  const SourceManager *sm;
  const AnalysisResults *results;
};
} // namespace

void shc::printModule(const Module &module, llvm::raw_ostream &os, const SourceManager *sm,
                      const AnalysisResults *results) {
  ModulePrinter(os, sm, results).print(module);
}
