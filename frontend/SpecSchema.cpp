#include "frontend/SpecSchema.h"

#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/Suggest.h"

#include "llvm/ADT/StringMap.h"

using namespace shc;

void shc::checkDuplicateKeys(const YamlNode &mapping, DiagnosticEngine &diags) {
  llvm::StringMap<const YamlNode *> seen;
  for (const YamlNode::Entry &e : mapping.entries) {
    if (!e.key->isScalar())
      continue;
    auto [it, inserted] = seen.try_emplace(e.key->value, e.key);
    if (!inserted)
      diags.error(e.key->loc, "duplicate-key", "duplicate key '" + e.key->value + "'")
          .note(it->second->loc, "first defined here");
  }
}

void shc::reportUnknownField(const YamlNode &key, llvm::ArrayRef<llvm::StringRef> known,
                             llvm::StringRef context, UnknownFields policy,
                             DiagnosticEngine &diags) {
  std::string suggestion = didYouMean(key.value, known);
  std::string message = "unknown field '" + key.value + "' in '" + context.str() + "'" + suggestion;
  if (policy == UnknownFields::Warning) {
    auto d = diags.warning(key.loc, "unknown-table-field", message + "; ignored");
    if (suggestion.empty())
      d.hint("SchemaHero's Table types define: " + joinAlternatives(known));
    return;
  }
  auto d = diags.error(key.loc, "unknown-field", message);
  if (suggestion.empty())
    d.hint("expected one of: " + joinAlternatives(known));
}

FieldMap::FieldMap(const YamlNode *node, llvm::ArrayRef<llvm::StringRef> known,
                   llvm::StringRef context, DiagnosticEngine &diags, UnknownFields policy)
    : node(node), context(context.str()), diags(diags) {
  if (!node || node->isNull())
    return;
  if (!node->isMapping()) {
    valid = false;
    diags.error(node->loc, "invalid-field",
                "'" + this->context + "' must be a mapping, found " + node->describe().str());
    return;
  }
  checkDuplicateKeys(*node, diags);
  for (const YamlNode::Entry &e : node->entries) {
    if (!e.key->isScalar()) {
      diags.error(e.key->loc, "invalid-field",
                  "keys in '" + this->context + "' must be strings, found " +
                      e.key->describe().str());
      continue;
    }
    if (known.empty() || llvm::is_contained(known, llvm::StringRef(e.key->value)))
      continue;
    reportUnknownField(*e.key, known, this->context, policy, diags);
  }
}

const YamlNode *FieldMap::get(llvm::StringRef key) const {
  return (valid && node && node->isMapping()) ? node->get(key) : nullptr;
}

const YamlNode *FieldMap::getKey(llvm::StringRef key) const {
  if (!valid || !node || !node->isMapping())
    return nullptr;
  for (const YamlNode::Entry &e : node->entries)
    if (e.key->isScalar() && e.key->value == key)
      return e.key;
  return nullptr;
}

const YamlNode *FieldMap::require(llvm::StringRef key) const {
  const YamlNode *v = get(key);
  if (v && !v->isNull())
    return v;
  // An invalid node was already reported; do not pile a second error on it.
  if (valid)
    diags.error(v ? v->loc : getLoc(), "missing-field",
                "missing field '" + key.str() + "' in '" + context + "'");
  return nullptr;
}

SourceLoc FieldMap::getLoc() const { return node ? node->loc : SourceLoc(); }

std::optional<std::string> shc::readString(const YamlNode *n, llvm::StringRef field,
                                           DiagnosticEngine &diags) {
  if (!n || n->isNull())
    return std::nullopt;
  if (n->isScalar())
    return n->value;
  diags.error(n->loc, "invalid-field",
              "'" + field.str() + "' must be a string, found " + n->describe().str());
  return std::nullopt;
}

bool shc::readBool(const YamlNode *n, llvm::StringRef field, bool &out, DiagnosticEngine &diags) {
  if (n && n->isScalar()) {
    llvm::StringRef v = n->value;
    bool plainOrBoolTag = n->isPlain() || n->tag == "tag:yaml.org,2002:bool";
    if (plainOrBoolTag && (v == "true" || v == "True" || v == "TRUE")) {
      out = true;
      return true;
    }
    if (plainOrBoolTag && (v == "false" || v == "False" || v == "FALSE")) {
      out = false;
      return true;
    }
  }
  SourceLoc loc = n ? n->loc : SourceLoc();
  std::string found = (n && n->isScalar()) ? "'" + n->value + "'"
                      : n                  ? n->describe().str()
                                           : "nothing";
  diags.error(loc, "invalid-field", "'" + field.str() + "' must be true or false, found " + found);
  return false;
}

bool shc::readBatchSize(const YamlNode *n, unsigned &out, SourceLoc &loc,
                        DiagnosticEngine &diags) {
  unsigned v = 0;
  if (n && n->isScalar() && (n->isPlain() || n->tag == "tag:yaml.org,2002:int") &&
      !llvm::StringRef(n->value).getAsInteger(10, v) && v >= 1 && v <= kMaxBatchSize) {
    out = v;
    loc = n->loc;
    return true;
  }
  std::string found = (n && n->isScalar()) ? "'" + n->value + "'"
                      : n                  ? n->describe().str()
                                           : "nothing";
  diags.error(n ? n->loc : SourceLoc(), "invalid-field",
              "'batchSize' must be a number of rows from 1 to " + std::to_string(kMaxBatchSize) +
                  ", found " + found);
  return false;
}

std::vector<const YamlNode *> shc::readStringList(const YamlNode *n, llvm::StringRef field,
                                                  DiagnosticEngine &diags) {
  std::vector<const YamlNode *> out;
  if (!n || n->isNull())
    return out;
  if (!n->isSequence()) {
    diags.error(n->loc, "invalid-field",
                "'" + field.str() + "' must be a list of strings, found " + n->describe().str());
    return out;
  }
  for (const YamlNode *item : n->items) {
    if (item->isScalar()) {
      out.push_back(item);
      continue;
    }
    diags.error(item->loc, "invalid-field",
                "items of '" + field.str() + "' must be strings, found " + item->describe().str());
  }
  return out;
}

std::string shc::joinAlternatives(llvm::ArrayRef<llvm::StringRef> values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i)
      out += (i + 1 == values.size()) ? " or " : ", ";
    out += values[i].str();
  }
  return out;
}
