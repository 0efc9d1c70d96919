// The declarative check of a spec section against its FieldSpec tree (the
// Table types): unknown keys are warnings, wrong shapes errors.
#include "frontend/SpecSchema.h"

#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"

#include "llvm/ADT/SmallVector.h"

using namespace shc;

namespace {

bool isCoreBool(const YamlNode &n) {
  llvm::StringRef v = n.value;
  bool plain = n.isPlain() || n.tag == "tag:yaml.org,2002:bool";
  return plain && (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" ||
                   v == "FALSE");
}

bool isCoreInt(const YamlNode &n) {
  llvm::StringRef v = n.value;
  if (!(n.isPlain() || n.tag == "tag:yaml.org,2002:int"))
    return false;
  if (v.startswith("-") || v.startswith("+"))
    v = v.drop_front();
  return !v.empty() && llvm::all_of(v, [](char c) { return c >= '0' && c <= '9'; });
}

class ShapeChecker {
public:
  explicit ShapeChecker(DiagnosticEngine &diags) : diags(diags) {}

  bool mapping(const YamlNode &node, llvm::ArrayRef<FieldSpec> fields, llvm::StringRef context) {
    if (node.isNull())
      return true;
    if (!node.isMapping()) {
      diags.error(node.loc, "invalid-field",
                  "'" + context.str() + "' must be a mapping, found " + node.describe().str());
      return false;
    }
    checkDuplicateKeys(node, diags);
    llvm::SmallVector<llvm::StringRef, 16> names;
    for (const FieldSpec &f : fields)
      names.push_back(f.name);
    for (const YamlNode::Entry &e : node.entries) {
      if (!e.key->isScalar()) {
        diags.error(e.key->loc, "invalid-field",
                    "keys in '" + context.str() + "' must be strings, found " +
                        e.key->describe().str());
        continue;
      }
      const FieldSpec *spec = nullptr;
      for (const FieldSpec &f : fields)
        if (f.name == e.key->value)
          spec = &f;
      if (!spec) {
        reportUnknownField(*e.key, names, context, UnknownFields::Warning, diags);
        continue;
      }
      value(*e.value, *spec);
    }
    for (const FieldSpec &f : fields) {
      const YamlNode *v = f.required ? node.get(f.name) : nullptr;
      if (f.required && (!v || v->isNull()))
        diags.error(v ? v->loc : node.loc, "missing-field",
                    "missing field '" + f.name.str() + "' in '" + context.str() + "'");
    }
    return true;
  }

private:
  void wrong(const YamlNode &n, const FieldSpec &f, llvm::StringRef expected) {
    std::string found = n.isScalar() ? "'" + n.value + "'" : n.describe().str();
    diags.error(n.loc, "invalid-field",
                "'" + f.name.str() + "' must be " + expected.str() + ", found " + found);
  }

  void scalarList(const YamlNode &n, const FieldSpec &f, bool nested) {
    if (!n.isSequence())
      return wrong(n, f, "a list");
    for (const YamlNode *item : n.items) {
      if (item->isScalar())
        continue;
      if (nested && item->isSequence()) {
        FieldSpec inner{f.name, FieldShape::ScalarList};
        scalarList(*item, inner, false);
        continue;
      }
      diags.error(item->loc, "invalid-field",
                  "items of '" + f.name.str() + "' must be strings, found " +
                      item->describe().str());
    }
  }

  void value(const YamlNode &n, const FieldSpec &f) {
    if (n.isNull())
      return; // omitted, as Go's omitempty reads it
    switch (f.shape) {
    case FieldShape::Custom:
      return;
    case FieldShape::Scalar:
      if (!n.isScalar())
        wrong(n, f, "a string");
      return;
    case FieldShape::Bool:
      if (!n.isScalar() || !isCoreBool(n))
        wrong(n, f, "true or false");
      return;
    case FieldShape::Int:
      if (!n.isScalar() || !isCoreInt(n))
        wrong(n, f, "an integer");
      return;
    case FieldShape::ScalarList:
      return scalarList(n, f, false);
    case FieldShape::KeyList:
      return scalarList(n, f, true);
    case FieldShape::Mapping:
      (void)mapping(n, f.children, f.name);
      return;
    case FieldShape::MappingList:
      if (!n.isSequence())
        return wrong(n, f, "a list");
      for (const YamlNode *item : n.items) {
        if (item->isNull()) {
          diags.error(item->loc, "invalid-field", "empty item in '" + f.name.str() + "'");
          continue;
        }
        (void)mapping(*item, f.children, f.name);
      }
      return;
    case FieldShape::ScalarMap:
      if (!n.isMapping())
        return wrong(n, f, "a mapping");
      checkDuplicateKeys(n, diags);
      for (const YamlNode::Entry &e : n.entries)
        if (!e.value->isScalar() && !e.value->isNull())
          diags.error(e.value->loc, "invalid-field",
                      "values of '" + f.name.str() + "' must be strings, found " +
                          e.value->describe().str());
      return;
    }
  }

  DiagnosticEngine &diags;
};

} // namespace

bool shc::checkFieldShapes(const YamlNode &node, llvm::ArrayRef<FieldSpec> fields,
                           llvm::StringRef context, DiagnosticEngine &diags) {
  return ShapeChecker(diags).mapping(node, fields, context);
}
