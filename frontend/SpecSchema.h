#pragma once

#include "ir/Location.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

class DiagnosticEngine;
class YamlNode;

/// Reports every duplicate key of a mapping ("duplicate-key", with a note at
/// the first one): YAML forbids them but yaml-cpp keeps both silently.
void checkDuplicateKeys(const YamlNode &mapping, DiagnosticEngine &diags);

/// What an unknown key of a mapping is. A DataMigration's fields say what
/// SQL runs, so a misspelt one (`whre`) must stop the build; a Table spec
/// only describes the schema, and SchemaHero adds fields over time, so an
/// unknown one there is a warning ("unknown-table-field") and ignored.
enum class UnknownFields : uint8_t { Error, Warning };

/// Reports an unknown key `key` of the mapping `context` with a did-you-mean
/// over `known`.
void reportUnknownField(const YamlNode &key, llvm::ArrayRef<llvm::StringRef> known,
                        llvm::StringRef context, UnknownFields policy, DiagnosticEngine &diags);

/// One mapping of a spec, checked against the fields its kind allows: a
/// non-mapping is an "invalid-field" error, an unknown key an "unknown-field"
/// error with a did-you-mean (a warning under UnknownFields::Warning), a
/// repeated key a "duplicate-key" error. Null (`spec:` with nothing after it)
/// reads as an empty mapping, so the caller's missing-field errors explain
/// what is needed.
class FieldMap {
public:
  /// `context` names the mapping in messages ("spec", "staticUpdate"). An
  /// empty `known` accepts any key (lenient sections such as labels).
  FieldMap(const YamlNode *node, llvm::ArrayRef<llvm::StringRef> known, llvm::StringRef context,
           DiagnosticEngine &diags, UnknownFields policy = UnknownFields::Error);

  /// False when the node was not a mapping (already reported).
  bool isValid() const { return valid; }
  const YamlNode *getNode() const { return node; }
  /// The value of `key`, or null when absent.
  const YamlNode *get(llvm::StringRef key) const;
  /// The key node of `key`, for positions, or null.
  const YamlNode *getKey(llvm::StringRef key) const;
  /// The value of a required `key`; reports "missing-field" at the mapping
  /// when it is absent or empty.
  const YamlNode *require(llvm::StringRef key) const;
  /// Where to report something about the whole mapping.
  SourceLoc getLoc() const;

private:
  const YamlNode *node;
  std::string context;
  DiagnosticEngine &diags;
  bool valid = true;
};

/// The text of a scalar field. A mapping or a list is an "invalid-field"
/// error; null gives nullopt without a diagnostic (the caller knows whether
/// the field is required).
std::optional<std::string> readString(const YamlNode *n, llvm::StringRef field,
                                      DiagnosticEngine &diags);

/// A YAML 1.2 core-schema boolean (true/True/TRUE/false/False/FALSE). Anything
/// else is an "invalid-field" error and leaves `out` unchanged.
bool readBool(const YamlNode *n, llvm::StringRef field, bool &out, DiagnosticEngine &diags);
/// The largest `batchSize` accepted.
inline constexpr unsigned kMaxBatchSize = 1000000;
/// `batchSize`: a whole number of rows, 1 to kMaxBatchSize, into `out` and
/// its location into `loc`; false (reported) otherwise.
bool readBatchSize(const YamlNode *n, unsigned &out, SourceLoc &loc, DiagnosticEngine &diags);

/// The items of a list of strings (null reads as empty). Non-scalar items and
/// a non-list are "invalid-field" errors and are left out.
std::vector<const YamlNode *> readStringList(const YamlNode *n, llvm::StringRef field,
                                             DiagnosticEngine &diags);

/// "a, b or c": for the lists of valid values in messages.
std::string joinAlternatives(llvm::ArrayRef<llvm::StringRef> values);

/// The shape of a field of a declaratively described section (the Table
/// types, frontend/TableFields.cpp).
enum class FieldShape : uint8_t {
  Scalar,      ///< any scalar (Go strings take `true` and `1` too)
  Bool,        ///< true or false
  Int,         ///< an integer
  ScalarList,  ///< a list of scalars
  Mapping,     ///< a mapping of `children`
  MappingList, ///< a list of mappings of `children`
  ScalarMap,   ///< a mapping of any keys to scalars (Cassandra caching)
  KeyList,     ///< a list whose items are scalars or lists of scalars
  Custom,      ///< checked by the caller (the dialect keys of `schema`)
};

struct FieldSpec {
  llvm::StringRef name;
  FieldShape shape;
  llvm::ArrayRef<FieldSpec> children = {};
  bool required = false;
};

/// Checks `node` (a mapping) against `fields`, recursively: an unknown key is
/// an "unknown-table-field" warning with a did-you-mean, a value of the
/// wrong shape an "invalid-field" error, an absent required field a
/// "missing-field" error, a repeated key a "duplicate-key" error. Returns
/// false when `node` is not a mapping (reported).
bool checkFieldShapes(const YamlNode &node, llvm::ArrayRef<FieldSpec> fields,
                      llvm::StringRef context, DiagnosticEngine &diags);

} // namespace shc
