//===- LiteralInputArray.cpp - array literal input (array_in) ---------------===//
//
// PostgreSQL 15's array_in for one-character delimiter ',': optional
// dimension decoration ("[1:2]="), braces, quoted or unquoted elements with
// backslash escapes, unquoted NULL, rectangular nesting. Each element is
// validated by the element type's input function.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/LiteralInput.h"

#include <cctype>
#include <vector>

using namespace shc;
using namespace shc::pg;

namespace {

class ArrayParser {
public:
  ArrayParser(const Type &elem, llvm::StringRef text, LiteralInputError &error)
      : elem(elem), text(text), error(error) {}

  bool run() {
    skipSpace();
    if (peek() == '[') {
      // Dimension decoration: [lo:hi]... followed by '='.
      while (peek() == '[') {
        size_t close = text.find(']', pos);
        if (close == llvm::StringRef::npos)
          return malformed("Missing \"]\" in array dimensions.");
        pos = close + 1;
      }
      if (peek() != '=')
        return malformed("Missing \"=\" after array dimensions.");
      ++pos;
      skipSpace();
    }
    if (peek() != '{')
      return malformed("Array value must start with \"{\" or dimension information.");
    if (!parseLevel(0))
      return false;
    skipSpace();
    if (pos != text.size())
      return malformed("Junk after closing right brace.");
    // Like array_in, the structure is checked before any element's input.
    for (const std::string &v : elements)
      if (!checkLiteralInput(elem, v, error))
        return false;
    return true;
  }

private:
  const Type &elem;
  llvm::StringRef text;
  LiteralInputError &error;
  size_t pos = 0;
  std::vector<long> counts;          ///< element count per nesting level, once known
  std::vector<std::string> elements; ///< non-NULL elements, de-escaped

  char peek() const { return pos < text.size() ? text[pos] : '\0'; }
  void skipSpace() {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }
  bool malformed(const std::string &detail) {
    error.message = "malformed array literal: \"" + text.str() + "\"";
    error.detail = detail;
    error.hint.clear();
    return false;
  }

  /// Parses "{...}" at `depth`, the current character being '{'.
  bool parseLevel(size_t depth) {
    ++pos;
    skipSpace();
    long n = 0;
    bool nested = false, scalar = false;
    if (peek() == '}') {
      if (depth > 0)
        return malformed("Unexpected \"}\" character.");
      ++pos;
      return true;
    }
    while (true) {
      skipSpace();
      if (peek() == '{') {
        if (scalar)
          return malformed("Unexpected \"{\" character.");
        nested = true;
        if (!parseLevel(depth + 1))
          return false;
      } else {
        if (nested)
          return malformed("Unexpected array element.");
        scalar = true;
        if (!parseElement())
          return false;
      }
      ++n;
      skipSpace();
      char c = peek();
      if (c == ',') {
        ++pos;
        continue;
      }
      if (c == '}') {
        ++pos;
        break;
      }
      if (c == '\0')
        return malformed("Unexpected end of input.");
      return malformed(std::string("Unexpected \"") + c + "\" character.");
    }
    return matchCount(depth, n);
  }

  bool matchCount(size_t depth, long n) {
    if (counts.size() <= depth)
      counts.resize(depth + 1, -1);
    if (counts[depth] == -1)
      counts[depth] = n;
    else if (counts[depth] != n)
      return malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
    return true;
  }

  bool parseElement() {
    std::string value;
    bool quoted = false;
    if (peek() == '"') {
      quoted = true;
      ++pos;
      while (true) {
        char c = peek();
        if (c == '\0')
          return malformed("Unexpected end of input.");
        ++pos;
        if (c == '"')
          break;
        if (c == '\\') {
          if (peek() == '\0')
            return malformed("Unexpected end of input.");
          c = text[pos++];
        }
        value += c;
      }
    } else {
      size_t lastNonSpace = 0;
      while (true) {
        char c = peek();
        if (c == '\0')
          return malformed("Unexpected end of input.");
        if (c == ',' || c == '}')
          break;
        if (c == '{' || c == '"')
          return malformed(std::string("Unexpected \"") + c + "\" character.");
        ++pos;
        if (c == '\\') {
          if (peek() == '\0')
            return malformed("Unexpected end of input.");
          c = text[pos++];
          value += c;
          lastNonSpace = value.size();
          continue;
        }
        value += c;
        if (!std::isspace(static_cast<unsigned char>(c)))
          lastNonSpace = value.size();
      }
      value.resize(lastNonSpace);
      if (value.empty())
        return malformed(std::string("Unexpected \"") + peek() + "\" character.");
      if (llvm::StringRef(value).equals_insensitive("null"))
        return true;
    }
    (void)quoted;
    elements.push_back(std::move(value));
    return true;
  }
};

} // namespace

bool input::array(const Type &type, llvm::StringRef text, LiteralInputError &error) {
  Type elem = type.elementType();
  return ArrayParser(elem, text, error).run();
}
