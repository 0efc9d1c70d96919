//===- CassandraCatalog.cpp - CQL's types, functions and operators --------===//

#include "backends/cassandra/CassandraCatalog.h"

#include "backends/cassandra/CassandraLiterals.h"
#include "backends/cassandra/CqlParse.h"
#include "backends/common/SignatureTable.h"
#include "backends/common/TypeSpelling.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;
using K = TypeKind;

namespace {

const NameEntry cassandraNames[] = {
    {"text", K::Text, Mods::None},         {"varchar", K::Text, Mods::None},
    {"ascii", K::Text, Mods::None},        {"int", K::Int4, Mods::None},
    {"bigint", K::Int8, Mods::None},       {"counter", K::Int8, Mods::None},
    {"smallint", K::Int2, Mods::None},     {"tinyint", K::Int2, Mods::None},
    {"varint", K::Numeric, Mods::None},    {"decimal", K::Numeric, Mods::None},
    {"double", K::Float8, Mods::None},     {"float", K::Float4, Mods::None},
    {"boolean", K::Bool, Mods::None},      {"uuid", K::Uuid, Mods::None},
    {"timeuuid", K::Uuid, Mods::None},     {"timestamp", K::TimestampTz, Mods::None},
    {"date", K::Date, Mods::None},         {"time", K::Time, Mods::None},
    {"duration", K::Interval, Mods::None}, {"blob", K::Bytea, Mods::None},
    {"inet", K::Inet, Mods::None},
};

// The functions a write's values may call (Cassandra 4's native scalar
// functions that take no column): now() and uuid() differ on every call.
const FunctionRow functionRows[] = {
    {"now", "", "uuid"},
    {"uuid", "", "uuid"},
    {"currenttimestamp", "", "timestamptz"},
    {"currentdate", "", "date"},
    {"currenttime", "", "time"},
    {"currenttimeuuid", "", "uuid"},
    {"totimestamp", "uuid", "timestamptz"},
    {"totimestamp", "date", "timestamptz"},
    {"todate", "uuid", "date"},
    {"todate", "timestamptz", "date"},
};

const char *comparable[] = {"int2", "int4",   "int8",        "numeric", "float4", "float8",
                            "text", "bool",   "uuid",        "date",    "time",   "timestamptz",
                            "bytea", "inet",  "interval"};

const SignatureTable &table() {
  static const SignatureTable t = [] {
    SignatureTable t;
    t.addFunctions(functionRows);
    t.addComparisons(comparable);
    return t;
  }();
  return t;
}

const PropertyTable &properties() {
  static const PropertyTable t = [] {
    PropertyTable t;
    t.addAll({"now", "uuid", "currenttimestamp", "currentdate", "currenttime", "currenttimeuuid"},
             'v', "r");
    t.addAll({"totimestamp", "todate"}, 'i', "n");
    return t;
  }();
  return t;
}

} // namespace

std::optional<Type> shc::parseCassandraType(llvm::StringRef spelling) {
  if (spelling.contains('<')) {
    // Collapse whitespace so "map<text, int>" and "map<text,int>" agree.
    std::string compact;
    for (char c : spelling.trim().lower())
      if (!llvm::isSpace(c))
        compact += c;
    return Type::other(compact);
  }
  TypeSpelling sp;
  if (!splitTypeSpelling(spelling, sp))
    return std::nullopt;
  if (const NameEntry *e = findTypeName(cassandraNames, sp.name))
    return buildType(*e, sp);
  return otherType(sp);
}

CassandraCatalog::CassandraCatalog() : BasicCatalog("Cassandra", parseCassandraType) {
  cqlSyntax.dialectName = "Cassandra";
  cqlSyntax.doubleColonCast = false;
  cqlSyntax.ilike = false;
  cqlSyntax.ilikeInstead = "no pattern match: CQL writes name rows by their key";
  cqlSyntax.escapeStrings = false;
  cqlSyntax.dollarQuotes = false;
  cqlSyntax.keywordArgumentForms = false;
}

std::string CassandraCatalog::typeName(const Type &t) const {
  switch (t.getKind()) {
  case K::Text:
    return "text";
  case K::Int2:
    return "smallint";
  case K::Int4:
    return "int";
  case K::Int8:
    return "bigint";
  case K::Numeric:
    return "decimal";
  case K::Float4:
    return "float";
  case K::Float8:
    return "double";
  case K::Bool:
    return "boolean";
  case K::Uuid:
    return "uuid";
  case K::TimestampTz:
    return "timestamp";
  case K::Date:
    return "date";
  case K::Time:
    return "time";
  case K::Interval:
    return "duration";
  case K::Bytea:
    return "blob";
  case K::Inet:
    return "inet";
  default:
    return t.str();
  }
}

std::optional<CastContext> CassandraCatalog::findCast(const Type &from, const Type &to) const {
  // A CQL number literal takes the column's numeric type.
  if (from.isNumeric() && to.isNumeric())
    return CastContext::Implicit;
  return BasicCatalog::findCast(from, to);
}

bool CassandraCatalog::checkLiteralInput(const Type &type, llvm::StringRef text,
                                         LiteralInputError &err) const {
  std::string out, error;
  if (formatCqlLiteral(typeName(type), CqlValueKind::String, text, out, error))
    return true;
  err.message = "invalid input for type " + typeName(type);
  err.detail = error;
  return false;
}

llvm::ArrayRef<Signature> CassandraCatalog::lookupFunction(llvm::StringRef name) const {
  return table().function(name);
}

llvm::ArrayRef<Signature> CassandraCatalog::lookupOperator(llvm::StringRef name,
                                                           bool prefix) const {
  return table().op(name, prefix);
}

const FunctionProperties &CassandraCatalog::functionProperties(llvm::StringRef name,
                                                               size_t) const {
  return properties().lookup(name);
}

CustomSqlParse CassandraCatalog::parseCustomSql(llvm::StringRef sql) const {
  CustomSqlParse out;
  CqlScript script = parseCql(sql);
  if (!script.ok()) {
    out.error = script.error;
    out.errorOffset = script.errorOffset;
    return out;
  }
  for (const CqlStatement &st : script.statements)
    out.statements.push_back({st.offset, st.length, st.offset});
  out.ok = true;
  return out;
}

StatementFacts CassandraCatalog::describeStatement(llvm::StringRef sql) const {
  StatementFacts facts;
  CqlScript script = parseCql(sql);
  if (!script.ok() || script.statements.size() != 1)
    return facts;
  const CqlStatement &st = script.statements.front();
  facts.node = "CQL " + cqlStatementName(st.kind).str();
  switch (st.kind) {
  case CqlStatement::Kind::Insert:
    facts.kind = StatementKind::Insert;
    break;
  case CqlStatement::Kind::Update:
    facts.kind = StatementKind::Update;
    break;
  case CqlStatement::Kind::Delete:
    facts.kind = StatementKind::Delete;
    break;
  case CqlStatement::Kind::Batch:
    return facts; // several tables: Other
  }
  facts.hasTable = true;
  facts.table = st.table.name;
  facts.schema = st.keyspace;
  facts.tableOffset = st.table.offset - st.offset;
  return facts;
}
