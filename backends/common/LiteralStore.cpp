//===- LiteralStore.cpp - row values as SQL literals (SQLite, MySQL) ------===//

#include "backends/common/LiteralStore.h"

#include "backends/common/RangeBatches.h"
#include "backends/common/SqlWriter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

using namespace shc;

llvm::StringRef shc::backupTableName() { return "schemahero_data_backups"; }

LiteralStore::~LiteralStore() = default;

const LiteralColumn *LiteralTable::column(llvm::StringRef name) const {
  // Both engines' column names are case-insensitive.
  for (const std::vector<LiteralColumn> *list : {&columns, &key})
    for (const LiteralColumn &c : *list)
      if (llvm::StringRef(c.name).equals_insensitive(name))
        return &c;
  return nullptr;
}

llvm::Expected<LiteralRow> shc::parseLiteralRow(llvm::StringRef text, llvm::StringRef what) {
  auto bad = [&](const llvm::Twine &why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the backup's " + what + " cannot be read: " + why);
  };
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(text);
  if (!v)
    return bad(llvm::toString(v.takeError()));
  const llvm::json::Object *o = v->getAsObject();
  if (!o)
    return bad("not a JSON object");
  LiteralRow row;
  for (const auto &kv : *o) {
    llvm::Optional<llvm::StringRef> s = kv.second.getAsString();
    if (!s)
      return bad("the value of " + kv.first.str() + " is not a string");
    row.emplace_back(kv.first.str(), s->str());
  }
  // json::Object is unordered: sort, so that statements are deterministic.
  llvm::sort(row);
  return row;
}

/// One literal as a JSON value (its text).
static std::string shown(llvm::StringRef lit) {
  auto text = [](llvm::StringRef t) {
    std::string s;
    llvm::raw_string_ostream os(s);
    os << llvm::json::Value(llvm::json::fixUTF8(t));
    return os.str();
  };
  if (lit == "NULL")
    return "null";
  if (lit.size() >= 2 && lit.front() == '\'' && lit.back() == '\'') {
    std::string value;
    llvm::StringRef body = lit.drop_front().drop_back();
    for (size_t i = 0; i < body.size(); ++i) {
      value += body[i];
      if (body[i] == '\'' && i + 1 < body.size() && body[i + 1] == '\'')
        ++i;
    }
    return text(value);
  }
  // `_utf8mb4 X'6869'`: text, in its character set's bytes; latin1's are
  // code points.
  if (lit.startswith("_") && lit.contains(" X'") && lit.back() == '\'') {
    llvm::StringRef charset = lit.substr(1, lit.find(' ') - 1);
    llvm::StringRef hex = lit.substr(lit.find(" X'") + 3).drop_back();
    std::string bytes;
    if (llvm::tryGetFromHex(hex, bytes)) {
      if (charset != "latin1")
        return text(bytes);
      std::string utf8;
      for (unsigned char c : bytes) {
        if (c < 0x80) {
          utf8 += static_cast<char>(c);
        } else {
          utf8 += static_cast<char>(0xC0 | (c >> 6));
          utf8 += static_cast<char>(0x80 | (c & 0x3F));
        }
      }
      return text(utf8);
    }
  }
  // A number as the server wrote it (JSON would round 0.1 to 17 digits).
  if (!lit.empty() && (lit.front() == '-' || llvm::isDigit(lit.front()))) {
    llvm::Expected<llvm::json::Value> n = llvm::json::parse(lit);
    if (n && n->kind() == llvm::json::Value::Number)
      return lit.str();
    if (!n)
      llvm::consumeError(n.takeError());
  }
  return text(lit);
}

std::string shc::showLiteralRow(const LiteralRow &row) {
  // In the row's order, with PostgreSQL's spacing: {"a": 1, "b": "x"}.
  std::string s = "{";
  for (const auto &[column, lit] : row) {
    s += (s.size() > 1 ? ", " : "");
    llvm::raw_string_ostream os(s);
    os << llvm::json::Value(llvm::json::fixUTF8(column)) << ": " << shown(lit);
    os.flush();
  }
  return s + "}";
}

llvm::Expected<const LiteralTable *> LiteralStore::table(const std::string &name) {
  auto it = tables.find(name);
  if (it == tables.end()) {
    llvm::Expected<LiteralTable> t = describe(name);
    if (!t)
      return t.takeError();
    it = tables.try_emplace(name, std::move(*t)).first;
  }
  return &it->second;
}

std::string LiteralStore::ident(llvm::StringRef name) const { return writer.identifier(name); }

std::string LiteralStore::literal(llvm::StringRef text) const {
  return writer.stringLiteral(text);
}

static std::string qualify(const LiteralStore &s, llvm::StringRef qualifier,
                           const LiteralColumn &c) {
  return (qualifier.empty() ? "" : qualifier.str() + ".") + s.ident(c.name);
}

static std::string fill(const std::string &expr, const std::string &column) {
  std::string s;
  for (char c : expr)
    if (c == kColumnHole)
      s += column;
    else
      s += c;
  return s;
}

std::string LiteralStore::literalOf(const LiteralColumn &c, llvm::StringRef qualifier) const {
  return fill(c.literal, qualify(*this, qualifier, c));
}

std::string LiteralStore::displayOf(const LiteralColumn &c, llvm::StringRef qualifier) const {
  return fill(c.display, qualify(*this, qualifier, c));
}

std::string LiteralStore::literalObject(const std::vector<LiteralColumn> &columns,
                                        llvm::StringRef qualifier) const {
  std::string s = "json_object(";
  for (size_t i = 0; i < columns.size(); ++i)
    s += (i ? ", " : "") + literal(columns[i].name) + ", " + literalOf(columns[i], qualifier);
  return s + ")";
}

std::string LiteralStore::displayObject(const std::vector<LiteralColumn> &columns,
                                        llvm::StringRef qualifier) const {
  std::string s = "json_object(";
  for (size_t i = 0; i < columns.size(); ++i)
    s += (i ? ", " : "") + literal(columns[i].name) + ", " + displayOf(columns[i], qualifier);
  return s + ")";
}

std::string LiteralStore::columnList(const std::vector<LiteralColumn> &columns,
                                     llvm::StringRef qualifier) const {
  std::string s;
  for (const LiteralColumn &c : columns)
    s += (s.empty() ? "" : ", ") + qualify(*this, qualifier, c);
  return s;
}

std::string LiteralStore::keyMatch(const LiteralRow &row) const {
  std::string s;
  for (const auto &[column, lit] : row)
    s += (s.empty() ? "" : " AND ") + ident(column) + (lit == "NULL" ? " IS NULL" : " = " + lit);
  return s.empty() ? "1 = 0" : s;
}

std::string LiteralStore::keyUpTo(const std::vector<LiteralColumn> &key,
                                  const std::vector<std::string> &last,
                                  llvm::StringRef qualifier) const {
  // a < x OR (a = x AND (b < y OR (b = y AND c <= z)))
  std::string s;
  for (size_t i = key.size(); i-- > 0;) {
    std::string col = qualify(*this, qualifier, key[i]);
    if (i + 1 == key.size())
      s = col + " <= " + last[i];
    else
      s = col + " < " + last[i] + " OR (" + col + " = " + last[i] + " AND (" + s + "))";
  }
  return s;
}

std::string LiteralStore::rowName(const RowWrite &w) const {
  if (!w.alias.empty())
    return w.alias;
  return writer.identifier(splitQualifiedName(w.table, quote).back());
}

std::string LiteralStore::fromItem(const RowWrite &w) const {
  return w.alias.empty() ? w.table : w.table + " AS " + w.alias;
}

std::string LiteralStore::whereClause(const RowWrite &w) const {
  return w.where.empty() ? std::string() : " WHERE (" + w.where + ")";
}

std::string LiteralStore::deleteHead(const RowWrite &w) const { return "DELETE FROM " + fromItem(w); }

std::string LiteralStore::writeHead(const RowWrite &w) const {
  return w.isDelete ? deleteHead(w) : "UPDATE " + fromItem(w) + " SET " + w.assignments;
}

std::string shc::backupRefusal(const ScriptOp &op, const LiteralTable *table) {
  if (!op.write)
    return op.whyNoWrite.empty() ? "the rows it changes cannot be named" : op.whyNoWrite;
  if (!table || table->key.empty())
    return "table " + op.write->table +
           " has no primary key or unique NOT NULL key, so its rows cannot be told apart";
  for (const std::string &c : op.write->columns) {
    if (llvm::any_of(table->key,
                     [&](const LiteralColumn &k) { return llvm::StringRef(k.name).equals_insensitive(c); }))
      return "it sets " + c + ", a column of the key of " + op.write->table +
             ", so its rows could not be found again";
    if (!table->column(c))
      return "it sets " + c + ", which " + op.write->table + " does not have";
  }
  return "";
}

std::string shc::backupRefusals(const CompiledScript &script,
                                const std::function<std::string(const ScriptOp &)> &why) {
  std::string problems;
  for (const ScriptStep &step : script.steps) {
    if (step.empty)
      continue;
    if (step.ops.empty())
      problems += "\n  migration '" + step.name +
                  "': a compiled file has no operations to back up; give the specs instead";
    for (size_t i = 0; i < step.ops.size(); ++i)
      if (std::string reason = why(step.ops[i]); !reason.empty())
        problems += "\n  migration '" + step.name + "', operation #" + std::to_string(i + 1) +
                    " (" + step.ops[i].kind + "): " + reason;
  }
  return problems.empty()
             ? problems
             : "--backup cannot back up every migration; nothing was run:" + problems;
}
