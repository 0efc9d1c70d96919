#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace shc {

class DiagnosticEngine;
class SourceManager;

/// A YAML node with its exact position. yaml-cpp's Node API gives an empty
/// value the position of the next token and cannot be walked after a syntax
/// error; this tree, built from its events, keeps every mapping entry in
/// source order (duplicates included, so they can be reported) and fixes
/// those positions.
class YamlNode {
public:
  enum class Kind : uint8_t { Null, Scalar, Sequence, Mapping };
  struct Entry {
    const YamlNode *key;
    const YamlNode *value;
  };

  Kind kind = Kind::Null;
  /// "?" for an untagged plain scalar, "!" for an untagged quoted or block
  /// scalar, otherwise the resolved tag ("tag:yaml.org,2002:str").
  std::string tag;
  std::string value; ///< decoded text of a scalar
  /// Byte offset of the content in the file buffer (after any `!tag` or
  /// `&anchor`): the quote, block indicator or first plain character.
  size_t offset = 0;
  SourceLoc loc;
  /// True for a null written as nothing at all (`key:`), as opposed to `~`.
  bool implicitNull = false;
  std::vector<const YamlNode *> items; ///< sequence
  std::vector<Entry> entries;          ///< mapping, in source order

  bool isNull() const { return kind == Kind::Null; }
  bool isScalar() const { return kind == Kind::Scalar; }
  bool isSequence() const { return kind == Kind::Sequence; }
  bool isMapping() const { return kind == Kind::Mapping; }
  /// An untagged plain scalar, whose type the core schema resolves.
  bool isPlain() const { return kind == Kind::Scalar && tag == "?"; }

  /// The first entry with scalar key `key` (duplicates are reported when the
  /// mapping is checked, see SpecSchema).
  const YamlNode *get(llvm::StringRef key) const;
  /// "a mapping", "a list", "a string", "null": for "expected X, found Y".
  llvm::StringRef describe() const;
  /// The same content as `other`: kinds, scalar values and tags, entries
  /// and items, recursively (an alias of an anchor, or the same text).
  bool sameContent(const YamlNode &other) const;
};

/// One `---` document of a file. Owns its nodes; an alias shares the node of
/// its anchor.
struct YamlDocument {
  uint32_t file = 0;
  const YamlNode *root = nullptr;
  std::vector<std::unique_ptr<YamlNode>> nodes;
};

/// Parses every document of a loaded file. yaml-cpp errors are caught here and
/// reported as "yaml-syntax" at their position; the documents completed
/// before the error are still returned, so they are checked too.
std::vector<YamlDocument> parseYamlDocuments(const SourceManager &sm, uint32_t file,
                                             DiagnosticEngine &diags);

} // namespace shc
