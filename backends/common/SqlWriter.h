//===- SqlWriter.h - Per-dialect quoting and escaping -----------*- C++ -*-===//
//
// Every identifier and literal a backend writes goes through one SqlWriter, so
// that quoting and escaping rules live in exactly one place per dialect.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Location.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class raw_ostream;
}

namespace shc {

class DiagnosticEngine;

/// PostgreSQL's keyword categories (kwlist.h), loosest first. Other dialects
/// put all their keywords in Reserved.
enum class KeywordCategory : uint8_t { None, Unreserved, ColName, TypeFuncName, Reserved };

struct Keyword {
  llvm::StringRef word; ///< lower case
  KeywordCategory category;
};

/// How a dialect writes string literals.
enum class StringEscaping : uint8_t {
  /// '' for a quote; a string holding a backslash becomes E'...' with the
  /// backslashes doubled, so it means the same whatever
  /// standard_conforming_strings is (PostgreSQL family).
  StandardOrEscapePrefix,
  /// '' for a quote, backslashes doubled: MySQL/MariaDB's default sql_mode.
  Backslash,
  /// '' for a quote, nothing else special (SQLite, CQL).
  Standard,
};

/// Everything lexical that differs between dialects. A backend defines one
/// static policy and hands it to SqlWriter; adding a dialect means writing a
/// policy, not another writer.
struct SqlPolicy {
  char identQuote = '"';
  /// Unquoted identifiers fold to lower case (PostgreSQL), so any upper-case
  /// letter forces quoting. False for case-insensitive dialects (MySQL).
  bool foldsToLower = true;
  /// Characters allowed after the first one of an unquoted identifier, in
  /// addition to [a-z0-9_] (PostgreSQL: "$").
  llvm::StringRef extraIdentChars = "$";
  /// Sorted by word. Keywords of category >= quoteFrom must be quoted.
  llvm::ArrayRef<Keyword> keywords;
  KeywordCategory quoteFrom = KeywordCategory::ColName;
  StringEscaping escaping = StringEscaping::StandardOrEscapePrefix;
  /// The dialect cannot store a NUL byte in a string (PostgreSQL text).
  bool rejectsNul = true;
  /// The dialect writes every cast as CAST(x AS t): no `x::t`, no
  /// `type 'literal'` (SQLite, MySQL).
  bool castFunctionOnly = false;
  /// A function's name is read as one before `(` even when it is a
  /// keyword (SQLite, MySQL: IF, LEFT, REPLACE, GLOB ...): written bare.
  bool bareFunctionNames = false;
  llvm::StringRef trueLiteral = "TRUE";
  llvm::StringRef falseLiteral = "FALSE";
  llvm::StringRef nullLiteral = "NULL";
  /// Name used in diagnostics: "PostgreSQL".
  llvm::StringRef displayName = "SQL";
};

/// Quoting and escaping for one dialect.
class SqlWriter {
public:
  explicit SqlWriter(const SqlPolicy &policy) : policy(policy) {}
  const SqlPolicy &getPolicy() const { return policy; }

  KeywordCategory keywordCategory(llvm::StringRef word) const;
  /// Whether `ident` must be quoted to survive as written (case, characters,
  /// keywords).
  bool needsQuoting(llvm::StringRef ident) const;
  /// Whether `ident` is a plain lower-case word (no quoting needed for its
  /// characters), ignoring keyword status.
  bool isPlainWord(llvm::StringRef ident) const;
  /// `ident`, quoted only when needed, with embedded quote characters doubled.
  std::string identifier(llvm::StringRef ident) const;
  /// Always quoted.
  std::string quotedIdentifier(llvm::StringRef ident) const;

  /// Writes `value` as a string literal. Reports "unsupported-in-dialect" at
  /// `loc` and returns failure for content the dialect cannot store.
  LogicalResult writeString(llvm::raw_ostream &os, llvm::StringRef value, SourceLoc loc,
                            DiagnosticEngine &diags) const;
  /// The literal without validation (for text already known to be safe, such
  /// as time zone names in diagnostics-free contexts and tests).
  std::string stringLiteral(llvm::StringRef value) const;

  llvm::StringRef boolLiteral(bool v) const { return v ? policy.trueLiteral : policy.falseLiteral; }
  llvm::StringRef nullLiteral() const { return policy.nullLiteral; }

private:
  const SqlPolicy &policy;
};

} // namespace shc
