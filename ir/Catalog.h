//===- Catalog.h - what a dialect answers about types and functions -*- C++ -*-===//
//
// The type checker, the idempotency analysis and the lint rules ask a
// Catalog, never a dialect's name: which types exist and how they are
// spelled, which casts are allowed in which context, what literal text a type
// accepts, which functions and operators exist with which signatures, and
// what their properties are. Each dialect implements one in its backend
// folder (backends/<dialect>/); the checks in passes/ are the same for all.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/ExprSyntax.h"
#include "ir/FunctionProperties.h"
#include "ir/Signature.h"
#include "ir/Statement.h"
#include "ir/Types.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

struct Table;

/// A rejected literal, worded as the server's input function words it: the
/// message (`invalid input syntax for type json`) plus the detail and hint
/// lines, which the checker attaches as notes.
struct LiteralInputError {
  std::string message;
  std::string detail; ///< may be empty
  std::string hint;   ///< may be empty
};

/// One statement of a customSQL, as the server's parser splits it.
struct SqlStatementSpan {
  size_t offset = 0;     ///< where its text starts (maybe blanks)
  size_t length = 0;
  size_t firstToken = 0; ///< its first token: where messages point
};

/// customSQL read by the server's own parser (`validate: true`).
struct CustomSqlParse {
  bool ok = false;
  std::string error;                 ///< the parser's message when not ok
  std::optional<size_t> errorOffset; ///< byte offset of the error, when known
  std::vector<SqlStatementSpan> statements;
};

/// A name the server does not find in a statement (StatementNameProblem):
/// the rule (unknown-table, unknown-column), the server's message, and the
/// byte offset in the statement it points at.
struct StatementNameProblem {
  std::string rule;
  std::string message;
  size_t offset = 0;
};

/// What the server's parser says of one statement the grammar's rules do not
/// cover (or names the table of differently).
struct StatementFacts {
  std::string node; ///< the parser's name for it ("UpdateStmt"); "" if unknown
  StatementKind kind = StatementKind::Other;
  bool hasTable = false;
  std::string table, schema; ///< its target relation
  size_t tableOffset = 0;    ///< of the relation, in the statement's text
  OnConflict onConflict = OnConflict::None;
};

/// Where the same SQL text means different things on different servers.
/// The portability pass compares the target's traits with those of every
/// dialect an operation list is shared with (docs/portability.md).
struct SemanticTraits {
  /// CONCAT(a, NULL) is NULL (MySQL), not a (PostgreSQL skips NULLs).
  bool concatNullIsNull = false;
  /// The function that concatenates skipping NULLs with a separator first
  /// (MySQL's concat_ws), for CONCAT's NULL-skipping meaning; "" if none.
  llvm::StringRef nullSkippingConcat;
  /// `=`, `<>`, IN and LIKE on strings ignore case (MySQL's default
  /// collation); LIKE alone (SQLite, for ASCII).
  bool equalsIgnoresCase = false;
  bool likeIgnoresCase = false;
  /// A cast of a string to bytea compares it byte by byte (MySQL: BINARY).
  bool binaryCastComparesExactly = false;
  /// A single-table UPDATE's assignments are evaluated left to right, each
  /// seeing the values already assigned (MySQL).
  bool sequentialAssignments = false;
  /// Integer / integer truncates (PostgreSQL, SQLite); false when it gives a
  /// decimal (MySQL), whose `DIV` truncates.
  bool integerDivisionTruncates = true;
  /// A time zone name converts only once the server's zone tables are
  /// loaded (MySQL); otherwise the conversion gives NULL.
  bool zoneNamesNeedTables = false;
  /// DDL and transaction control commit the surrounding transaction
  /// (MySQL), so a migration holding them cannot run in one.
  bool ddlCommitsImplicitly = false;
};

class Catalog {
public:
  virtual ~Catalog();

  /// The server's name in messages: "PostgreSQL".
  virtual llvm::StringRef displayName() const = 0;
  /// What the same text means here that it may not mean elsewhere.
  virtual SemanticTraits semantics() const { return {}; }
  /// Which expression constructs belong to the dialect's language.
  virtual const ExprSyntax &syntax() const = 0;
  /// The longest identifier the server keeps as written (PostgreSQL
  /// truncates at 63 bytes); 0 when there is no limit to check.
  virtual size_t maxIdentifierLength() const { return 0; }

  // --- customSQL ----------------------------------------------------------------

  /// Parses `sql` with the server's own parser: its statements, or its
  /// syntax error. A catalogue without one answers not ok, with the reason.
  virtual CustomSqlParse parseCustomSql(llvm::StringRef sql) const;
  /// What the server's parser makes of one statement's text.
  virtual StatementFacts describeStatement(llvm::StringRef) const { return {}; }
  /// The dialect's own checks (Dialect::check) read its customSQL statements
  /// with its own grammar: the shared analysis (our SQL grammar, resolve,
  /// typecheck) leaves them to it, takes what they are from
  /// describeStatement, and does not report them as not analysed.
  virtual bool checksOwnStatements() const { return false; }
  /// A table name's qualifier (`ks.events`) names where the connection keeps
  /// the table (a keyspace), not a schema the Table specs place tables in:
  /// resolve finds the table by its name alone, and the emitter writes the
  /// qualifier as given.
  virtual bool qualifierNamesConnectionScope() const { return false; }
  /// The first name of `statement` (one the analysis leaves opaque) that
  /// the server's own resolution does not find among `tables` (the Table
  /// specs of its database); nullopt when every name resolves, or the
  /// catalogue has no server to ask.
  virtual std::optional<StatementNameProblem>
  checkStatementNames(llvm::StringRef, llvm::ArrayRef<const Table *>) const {
    return std::nullopt;
  }

  // --- types ------------------------------------------------------------------

  /// A column type as a Table spec (or a type_cast, or the live database)
  /// writes it, normalised (`int4` -> integer). A name it does not know is
  /// Type::other(name); nullopt for text that is not a type name at all (bad
  /// modifiers such as `varchar(abc)`).
  virtual std::optional<Type> parseColumnType(llvm::StringRef spelling) const = 0;
  /// The base name of `spelling` when it names no type the server has built
  /// in (a typo, or a user-defined type); nullopt when it is known, or the
  /// catalogue cannot tell.
  virtual std::optional<std::string> unknownTypeName(llvm::StringRef) const {
    return std::nullopt;
  }
  /// ` (did you mean 'integer'?)` for such a name, or "".
  virtual std::string suggestTypeName(llvm::StringRef) const { return ""; }

  /// How the server spells `t` in its messages (format_type on PostgreSQL).
  virtual std::string typeName(const Type &t) const { return t.str(); }
  /// The type category that drives overload resolution and the unification
  /// of CASE/COALESCE/IN branches.
  virtual TypeCategory category(const Type &t) const = 0;
  /// Whether `t` is the preferred type of its category.
  virtual bool isPreferred(const Type &t) const = 0;
  /// The least permissive context in which `from` casts to `to`, or nullopt
  /// when no cast exists. Unknown literals are not handled here (see
  /// checkLiteralInput).
  virtual std::optional<CastContext> findCast(const Type &from, const Type &to) const = 0;
  /// Whether `text` is valid input for `type` ('12' for integer, 'yes' for
  /// boolean). Modifiers apply implicit-coercion semantics (over-long text for
  /// varchar(n), overflow for numeric(p,s)). Types outside the model accept
  /// everything.
  virtual bool checkLiteralInput(const Type &type, llvm::StringRef text,
                                 LiteralInputError &error) const = 0;
  /// Why an accepted literal is stored other than as `type` says (SQLite
  /// keeps 'abc' as text in an INTEGER column); "" when it is not.
  virtual std::string literalStorageWarning(const Type &, llvm::StringRef) const { return ""; }
  /// The rule that warning is reported under.
  virtual llvm::StringRef literalStorageRule() const { return "affinity-change"; }
  /// A number constant written into a column is checked as literal input
  /// for the column's type (MySQL: the same rules for 200 and '200'); false
  /// for the checker's own range checks (PostgreSQL's numeric casts).
  virtual bool numberConstantsAsInput() const { return false; }

  /// The type a number literal has: `text` is its digits (maybe with a
  /// folded leading '-'), `integer` when it has no fraction or exponent.
  /// nullopt for the checker's default: int4, int8 or numeric by size for an
  /// integer, numeric otherwise.
  virtual std::optional<Type> numberLiteralType(llvm::StringRef, bool) const {
    return std::nullopt;
  }

  // --- time -------------------------------------------------------------------

  /// Whether the server reads the string literal `text`, as a value of
  /// `type`, as the moment of the run ('now', 'today' for a date).
  virtual bool isRunTimeLiteral(const Type &type, llvm::StringRef text) const = 0;
  /// Whether the server takes `zone` where a time zone is expected
  /// (`x AT TIME ZONE zone`, a conversion's from and to): a zone name, an
  /// abbreviation, or a fixed offset as the server reads one.
  virtual bool acceptsTimeZone(llvm::StringRef zone) const = 0;
  /// Why a zone was not accepted, when the reason is the server's rather
  /// than the name's (a server without a zone database); "" otherwise.
  virtual std::string timeZoneHint() const { return ""; }
  /// Whether the server takes `unit` for the date/time function `fn`
  /// (extract, date_part, date_trunc) over `type`: null if so, else "not
  /// recognized" or "not supported".
  virtual const char *dateUnitProblem(llvm::StringRef fn, llvm::StringRef unit,
                                      const Type &type) const = 0;

  // --- functions and operators -----------------------------------------------------

  /// All overloads of a function name (lower-case), in catalogue order;
  /// empty when the function is not in the catalogue.
  virtual llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef name) const = 0;
  /// The catalogue lists every function a migration can call (no user
  /// functions, no extensions): a name outside it is an error, not a
  /// warning.
  virtual bool knowsEveryFunction() const { return false; }
  /// All overloads of an operator; prefix operators have one parameter.
  virtual llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef name, bool prefix) const = 0;
  /// How the server's messages name the built-in function behind an SQL
  /// form (`EXTRACT` calls `pg_catalog.extract` on PostgreSQL).
  virtual std::string builtinName(llvm::StringRef name) const { return name.str(); }
  /// Volatility, NULL handling and the idempotency algebra's view of
  /// `name` (lower-case, unqualified) called with `numArgs` arguments;
  /// FunctionProperties{} (nothing claimed) for a function it does not know.
  virtual const FunctionProperties &functionProperties(llvm::StringRef name,
                                                       size_t numArgs) const = 0;
};

} // namespace shc
