//===- SqlWriter.cpp - Per-dialect quoting and escaping -------------------===//

#include "backends/common/SqlWriter.h"

#include "ir/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace shc;

KeywordCategory SqlWriter::keywordCategory(llvm::StringRef word) const {
  auto it = std::lower_bound(policy.keywords.begin(), policy.keywords.end(), word,
                             [](const Keyword &k, llvm::StringRef w) { return k.word < w; });
  if (it != policy.keywords.end() && it->word == word)
    return it->category;
  return KeywordCategory::None;
}

static bool isLowerAlpha(char c) { return c >= 'a' && c <= 'z'; }
static bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool SqlWriter::isPlainWord(llvm::StringRef ident) const {
  if (ident.empty())
    return false;
  auto ok = [&](char c, bool first) {
    if (isLowerAlpha(c) || c == '_')
      return true;
    if (!policy.foldsToLower && c >= 'A' && c <= 'Z')
      return true;
    if (first)
      return false;
    return isDigit(c) || policy.extraIdentChars.contains(c);
  };
  if (!ok(ident[0], true))
    return false;
  for (char c : ident.drop_front())
    if (!ok(c, false))
      return false;
  return true;
}

bool SqlWriter::needsQuoting(llvm::StringRef ident) const {
  if (!isPlainWord(ident))
    return true;
  KeywordCategory cat = keywordCategory(policy.foldsToLower ? ident : ident.lower());
  return cat != KeywordCategory::None && cat >= policy.quoteFrom;
}

std::string SqlWriter::quotedIdentifier(llvm::StringRef ident) const {
  std::string out;
  out.reserve(ident.size() + 2);
  out += policy.identQuote;
  for (char c : ident) {
    if (c == policy.identQuote)
      out += c;
    out += c;
  }
  out += policy.identQuote;
  return out;
}

std::string SqlWriter::identifier(llvm::StringRef ident) const {
  return needsQuoting(ident) ? quotedIdentifier(ident) : ident.str();
}

std::string SqlWriter::stringLiteral(llvm::StringRef value) const {
  bool backslash = value.contains('\\');
  std::string out;
  out.reserve(value.size() + 3);
  if (backslash && policy.escaping == StringEscaping::StandardOrEscapePrefix)
    out += 'E';
  out += '\'';
  for (char c : value) {
    if (c == '\'')
      out += '\'';
    if (policy.escaping == StringEscaping::Backslash) {
      // Control characters as MySQL's escapes, so a statement stays on one line.
      const char *escaped = c == '\0'   ? "\\0"
                            : c == '\n' ? "\\n"
                            : c == '\r' ? "\\r"
                            : c == '\t' ? "\\t"
                            : c == 0x1a ? "\\Z"
                                        : nullptr;
      if (escaped) {
        out += escaped;
        continue;
      }
    }
    if (c == '\\' && policy.escaping != StringEscaping::Standard)
      out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

LogicalResult SqlWriter::writeString(llvm::raw_ostream &os, llvm::StringRef value, SourceLoc loc,
                                     DiagnosticEngine &diags) const {
  if (policy.rejectsNul && value.contains('\0')) {
    return diags
        .error(loc, "unsupported-in-dialect",
               "string literal contains a NUL byte, which " + policy.displayName.str() +
                   " text cannot store")
        .hint("remove the \\0 character from the value");
  }
  os << stringLiteral(value);
  return success();
}
