// staticUpdate values are typed data, never SQL: each scalar is resolved with
// the YAML 1.2 core schema into a literal.
#include "frontend/Lower.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace shc;

namespace {

using LitKind = LiteralExpr::LitKind;

bool allOf(llvm::StringRef s, llvm::function_ref<bool(char)> pred) {
  return !s.empty() && llvm::all_of(s, pred);
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isCoreNull(llvm::StringRef s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}
bool isCoreTrue(llvm::StringRef s) { return s == "true" || s == "True" || s == "TRUE"; }
bool isCoreFalse(llvm::StringRef s) { return s == "false" || s == "False" || s == "FALSE"; }

/// [-+]?[0-9]+, 0o[0-7]+, 0x[0-9a-fA-F]+; `text` gets the decimal spelling.
bool resolveInt(llvm::StringRef s, std::string &text) {
  unsigned radix = 0;
  llvm::StringRef digits;
  if (s.startswith("0x")) {
    radix = 16;
    digits = s.drop_front(2);
    if (!allOf(digits, llvm::isHexDigit))
      return false;
  } else if (s.startswith("0o")) {
    radix = 8;
    digits = s.drop_front(2);
    if (!allOf(digits, [](char c) { return c >= '0' && c <= '7'; }))
      return false;
  } else {
    llvm::StringRef body = s;
    if (body.startswith("+"))
      body = body.drop_front();
    else if (body.startswith("-"))
      body = body.drop_front();
    if (!allOf(body, isDigit))
      return false;
    text = s.startswith("+") ? s.drop_front().str() : s.str();
    return true;
  }
  llvm::APInt value;
  if (digits.getAsInteger(radix, value))
    return false;
  text = llvm::toString(value, 10, /*Signed=*/false);
  return true;
}

/// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool isCoreFloat(llvm::StringRef s) {
  if (s.startswith("+") || s.startswith("-"))
    s = s.drop_front();
  size_t i = 0, intDigits = 0, fracDigits = 0;
  while (i < s.size() && isDigit(s[i]))
    ++i, ++intDigits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDigit(s[i]))
      ++i, ++fracDigits;
  }
  if (intDigits == 0 && fracDigits == 0)
    return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      ++i;
    size_t expDigits = 0;
    while (i < s.size() && isDigit(s[i]))
      ++i, ++expDigits;
    if (expDigits == 0)
      return false;
  }
  return i == s.size();
}

ExprPtr literal(const YamlNode &n, LitKind kind, std::string text) {
  return std::make_unique<LiteralExpr>(n.loc, kind, std::move(text));
}

/// A plain scalar, or one with an explicit core tag: null, bool, int, float,
/// else a string.
ExprPtr resolvePlain(const YamlNode &n) {
  llvm::StringRef s = n.value;
  std::string text;
  if (isCoreNull(s))
    return literal(n, LitKind::Null, "");
  if (isCoreTrue(s))
    return literal(n, LitKind::Bool, "true");
  if (isCoreFalse(s))
    return literal(n, LitKind::Bool, "false");
  if (resolveInt(s, text))
    return literal(n, LitKind::Integer, text);
  if (isCoreFloat(s)) {
    llvm::StringRef t = s.startswith("+") ? s.drop_front() : s;
    return literal(n, LitKind::Numeric, t.str());
  }
  return literal(n, LitKind::String, s.str());
}

/// NOW(), CURRENT_TIMESTAMP, gen_random_uuid(): text that reads as SQL for
/// a value the database computes. A staticUpdate stores it as data, which
/// is never what was meant.
bool looksLikeSql(llvm::StringRef s) {
  std::string v = s.trim().lower();
  llvm::StringRef t(v);
  static const llvm::StringRef Keywords[] = {"current_timestamp", "current_date", "current_time",
                                             "localtimestamp",    "localtime",    "current_user",
                                             "session_user"};
  if (llvm::is_contained(Keywords, t))
    return true;
  if (!t.endswith("()") || t.size() < 3)
    return false;
  llvm::StringRef name = t.drop_back(2).rtrim();
  return !name.empty() && !isDigit(name.front()) &&
         llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_' || c == '.'; });
}

} // namespace

ExprPtr shc::lowerStaticValue(const YamlNode &n, llvm::StringRef table, llvm::StringRef column,
                              LowerContext &ctx) {
  if (n.isNull())
    return literal(n, LitKind::Null, "");
  if (n.isScalar() && (n.isPlain() || n.tag == "!") && looksLikeSql(n.value)) {
    std::string expr = n.value;
    llvm::StringRef trimmed = llvm::StringRef(expr).trim();
    ctx.diags
        .error(n.loc, "sql-in-static-value",
               "'" + trimmed.str() + "' in a staticUpdate is the text '" + trimmed.str() +
                   "', not SQL: staticUpdate values are data")
        .hint("for the value the database computes, write a calculatedUpdate: {table: " +
              table.str() + ", calculations: [{column: " + column.str() + ", expression: \"" +
              trimmed.str() + "\"}]}");
    return nullptr;
  }
  if (!n.isScalar()) {
    ctx.diags
        .error(n.loc, "invalid-field",
               "value of '" + column.str() + "' must be a scalar, found " + n.describe().str())
        .hint("a staticUpdate value is data; use calculatedUpdate for expressions");
    return nullptr;
  }
  if (n.tag == "!" || n.tag == "tag:yaml.org,2002:str")
    return literal(n, LitKind::String, n.value);
  if (n.isPlain())
    return resolvePlain(n);

  // An explicit core tag must agree with the text (`!!int abc` is wrong).
  llvm::StringRef tag = n.tag;
  ExprPtr v = resolvePlain(n);
  auto *lit = llvm::cast<LiteralExpr>(v.get());
  std::optional<LitKind> want;
  if (tag == "tag:yaml.org,2002:null")
    want = LitKind::Null;
  else if (tag == "tag:yaml.org,2002:bool")
    want = LitKind::Bool;
  else if (tag == "tag:yaml.org,2002:int")
    want = LitKind::Integer;
  else if (tag == "tag:yaml.org,2002:float")
    want = LitKind::Numeric;
  if (!want) {
    ctx.diags.error(n.loc, "invalid-field",
                    "unsupported tag '" + tag.str() + "' on the value of '" + column.str() + "'");
    return nullptr;
  }
  if (*want == LitKind::Numeric && lit->litKind == LitKind::Integer)
    lit->litKind = LitKind::Numeric;
  if (lit->litKind != *want) {
    ctx.diags.error(n.loc, "invalid-field",
                    "invalid value for tag '" + tag.str() + "': \"" + n.value + "\"");
    return nullptr;
  }
  return v;
}
