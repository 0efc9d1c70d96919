//===- TypeSpelling.cpp - reading column type names, shared by dialects ---===//

#include "backends/common/TypeSpelling.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;
using K = TypeKind;

bool shc::splitTypeSpelling(llvm::StringRef text, TypeSpelling &out) {
  std::string lowered = text.trim().lower();
  llvm::StringRef s(lowered);
  // Array suffixes: "[]", "[3]", repeated; or a trailing "array" / "array[3]".
  while (s.endswith("]")) {
    size_t open = s.rfind('[');
    if (open == llvm::StringRef::npos)
      return false;
    llvm::StringRef dim = s.slice(open + 1, s.size() - 1).trim();
    if (!dim.empty() && !llvm::all_of(dim, llvm::isDigit))
      return false;
    out.array = true;
    s = s.substr(0, open).rtrim();
    if (s.endswith(" array"))
      s = s.drop_back(6).rtrim();
  }
  if (s.endswith(" array")) {
    out.array = true;
    s = s.drop_back(6).rtrim();
  }
  llvm::SmallVector<std::string, 4> words;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (llvm::isSpace(c)) {
      ++i;
      continue;
    }
    if (c == '(') {
      if (out.hasMods)
        return false;
      size_t close = s.find(')', i);
      if (close == llvm::StringRef::npos)
        return false;
      out.hasMods = true;
      llvm::SmallVector<llvm::StringRef, 3> parts;
      s.slice(i + 1, close).split(parts, ',');
      for (llvm::StringRef p : parts)
        out.mods.push_back(p.trim().str());
      i = close + 1;
      continue;
    }
    size_t start = i;
    while (i < s.size() && !llvm::isSpace(s[i]) && s[i] != '(')
      ++i;
    words.push_back(s.slice(start, i).str());
  }
  if (words.empty())
    return false;
  out.name = llvm::join(words, " ");
  return true;
}

static bool parseInt(const std::string &text, int32_t &value) {
  llvm::StringRef t(text);
  if (t.startswith("+"))
    t = t.drop_front();
  long long v;
  if (t.empty() || t.getAsInteger(10, v) || v < -100000000 || v > 100000000)
    return false;
  value = static_cast<int32_t>(v);
  return true;
}

std::optional<Type> shc::buildType(const NameEntry &e, const TypeSpelling &sp) {
  int32_t m1 = -1, m2 = -1;
  const auto &mods = sp.mods;
  TypeKind kind = e.kind;
  if (sp.hasMods) {
    switch (e.mods) {
    case Mods::None:
      return std::nullopt;
    case Mods::Ignore:
      break;
    case Mods::Length:
      if (mods.size() != 1 || !parseInt(mods[0], m1) || m1 < 1 || m1 > 10485760)
        return std::nullopt;
      break;
    case Mods::Numeric:
      if (mods.empty() || mods.size() > 2 || !parseInt(mods[0], m1) || m1 < 1 || m1 > 1000)
        return std::nullopt;
      m2 = 0;
      if (mods.size() == 2 && (!parseInt(mods[1], m2) || m2 < -1000 || m2 > 1000))
        return std::nullopt;
      break;
    case Mods::TimePrec:
      if (mods.size() != 1 || !parseInt(mods[0], m1) || m1 < 0)
        return std::nullopt;
      if (m1 > 6)
        m1 = 6;
      break;
    case Mods::FloatPrec: {
      int32_t p;
      if (mods.size() != 1 || !parseInt(mods[0], p) || p < 1 || p > 53)
        return std::nullopt;
      kind = p <= 24 ? K::Float4 : K::Float8;
      break;
    }
    case Mods::TinyInt: {
      // A display width, as MySQL writes it (`tinyint(1)`), or as
      // SchemaHero's introspection spells it (`tinyint (3, 0)`): only a
      // width of exactly 1 means boolean.
      int32_t w, scale = 0;
      if (mods.empty() || mods.size() > 2 || !parseInt(mods[0], w) ||
          (mods.size() == 2 && !parseInt(mods[1], scale)))
        return std::nullopt;
      if (w == 1 && mods.size() == 1)
        kind = K::Bool;
      break;
    }
    }
  } else {
    m1 = e.defaultMod;
  }
  if (kind == K::Bool || e.mods == Mods::Ignore || e.mods == Mods::TinyInt)
    m1 = m2 = -1;
  if (kind == K::Text && m1 >= 0)
    kind = K::Varchar; // CockroachDB STRING(n)
  return Type(kind, m1, m2, sp.array);
}

const NameEntry *shc::findTypeName(llvm::ArrayRef<NameEntry> names, llvm::StringRef name) {
  for (const NameEntry &e : names)
    if (name == e.name)
      return &e;
  return nullptr;
}

Type shc::otherType(const TypeSpelling &sp) {
  std::string name = sp.name;
  if (sp.hasMods)
    name += "(" + llvm::join(sp.mods, ",") + ")";
  return Type::other(name, sp.array);
}

std::optional<Type> shc::parseQuotedTypeName(llvm::StringRef s) {
  s = s.trim();
  bool array = false;
  if (s.endswith("[]")) {
    array = true;
    s = s.drop_back(2).rtrim();
  }
  if (s.size() < 3 || !s.startswith("\"") || !s.endswith("\""))
    return std::nullopt;
  llvm::StringRef body = s.drop_front().drop_back();
  std::string name;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '"') {
      if (i + 1 >= body.size() || body[i + 1] != '"')
        return std::nullopt; // not one quoted identifier
      ++i;
    }
    name += body[i];
  }
  return Type::other(name, array);
}

