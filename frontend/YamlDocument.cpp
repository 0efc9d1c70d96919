// Builds YamlNode trees from yaml-cpp's event stream. This is the only place
// yaml-cpp is called; its exceptions stop here.
#include "frontend/YamlDocument.h"

#include "frontend/ScalarLocate.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace shc;

const YamlNode *YamlNode::get(llvm::StringRef key) const {
  for (const Entry &e : entries)
    if (e.key->isScalar() && e.key->value == key)
      return e.value;
  return nullptr;
}

llvm::StringRef YamlNode::describe() const {
  switch (kind) {
  case Kind::Null:
    return "null";
  case Kind::Scalar:
    return "a string";
  case Kind::Sequence:
    return "a list";
  case Kind::Mapping:
    return "a mapping";
  }
  return "a value";
}

namespace {

/// yaml-cpp 0.7 does not terminate on some malformed input (a stray `,` in
/// block context): it emits null events at the same position until memory runs
/// out. Every real node needs at least one byte of input, so more nodes than
/// twice the file's size means the parser is looping; the builder stops it.
struct RunawayParser {
  YAML::Mark mark;
};

/// yaml-cpp skips a UTF-8 BOM without counting it in Mark::pos.
size_t bomLength(llvm::StringRef buffer) { return buffer.startswith("\xEF\xBB\xBF") ? 3 : 0; }

class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(const SourceManager &sm, uint32_t file)
      : sm(sm), file(file), buffer(sm.getBuffer(file)), bom(bomLength(buffer)) {}

  std::vector<YamlDocument> done;

  void OnDocumentStart(const YAML::Mark &) override {
    doc = YamlDocument();
    doc.file = file;
    stack.clear();
    anchors.clear();
  }
  void OnDocumentEnd() override { done.push_back(std::move(doc)); }

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    YamlNode *n = make(YamlNode::Kind::Null, mark, anchor);
    llvm::StringRef at = buffer.substr(std::min(n->offset, buffer.size()));
    n->implicitNull = !(at.startswith("~") || at.startswith("null") || at.startswith("Null") ||
                        at.startswith("NULL"));
    add(n);
  }
  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    auto it = anchors.find(anchor);
    if (it != anchors.end())
      return add(it->second);
    add(make(YamlNode::Kind::Null, mark, 0));
  }
  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    YamlNode *n = make(YamlNode::Kind::Scalar, mark, anchor);
    n->tag = tag;
    n->value = value;
    add(n);
  }
  void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    YamlNode *n = make(YamlNode::Kind::Sequence, mark, anchor);
    n->tag = tag;
    add(n);
    stack.push_back({n, nullptr});
  }
  void OnSequenceEnd() override { stack.pop_back(); }
  void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    YamlNode *n = make(YamlNode::Kind::Mapping, mark, anchor);
    n->tag = tag;
    add(n);
    stack.push_back({n, nullptr});
  }
  void OnMapEnd() override {
    expandMergeKeys(*stack.back().node);
    stack.pop_back();
  }

private:
  /// YAML's merge key (`<<: *base`, `<<: [*a, *b]`), which yaml-cpp's event
  /// API leaves to its caller: the merged mappings' entries are added after
  /// the mapping's own, skipping keys it already has (its own win, then the
  /// earlier sources). They keep their positions, in the anchored text. A
  /// `<<` whose value is not a mapping (or a list of them) stays, and is
  /// reported as the unknown field it then is.
  static bool isMergeKey(const YamlNode &key) {
    return key.isScalar() && key.value == "<<" &&
           (key.tag == "?" || key.tag == "tag:yaml.org,2002:merge");
  }

  static void expandMergeKeys(YamlNode &map) {
    if (std::none_of(map.entries.begin(), map.entries.end(),
                     [](const YamlNode::Entry &e) { return isMergeKey(*e.key); }))
      return;
    std::vector<YamlNode::Entry> own, merged;
    std::vector<const YamlNode *> sources;
    for (const YamlNode::Entry &e : map.entries) {
      const YamlNode *v = e.value;
      bool list = v->isSequence() && std::all_of(v->items.begin(), v->items.end(),
                                                 [](const YamlNode *i) { return i->isMapping(); });
      if (!isMergeKey(*e.key) || !(v->isMapping() || list)) {
        own.push_back(e);
        continue;
      }
      if (v->isMapping())
        sources.push_back(v);
      else
        sources.insert(sources.end(), v->items.begin(), v->items.end());
    }
    std::set<std::string> keys;
    for (const YamlNode::Entry &e : own)
      if (e.key->isScalar())
        keys.insert(e.key->value);
    for (const YamlNode *src : sources)
      for (const YamlNode::Entry &e : src->entries)
        if (!e.key->isScalar() || keys.insert(e.key->value).second)
          merged.push_back(e);
    own.insert(own.end(), merged.begin(), merged.end());
    map.entries = std::move(own);
  }

  struct Frame {
    YamlNode *node;
    const YamlNode *pendingKey;
  };

  YamlNode *make(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor) {
    if (++numNodes > 2 * buffer.size() + 64)
      throw RunawayParser{mark};
    auto owned = std::make_unique<YamlNode>();
    YamlNode *n = owned.get();
    doc.nodes.push_back(std::move(owned));
    n->kind = kind;
    size_t pos = mark.pos < 0 ? 0 : static_cast<size_t>(mark.pos) + bom;
    n->offset = skipNodeProperties(buffer, std::min(pos, buffer.size()));
    n->loc = sm.getLoc(file, n->offset);
    if (anchor != YAML::NullAnchor)
      anchors[anchor] = n;
    return n;
  }

  void add(YamlNode *n) {
    if (stack.empty()) {
      doc.root = n;
      return;
    }
    Frame &top = stack.back();
    if (top.node->isSequence()) {
      top.node->items.push_back(n);
      return;
    }
    if (!top.pendingKey) {
      top.pendingKey = n;
      return;
    }
    // An empty value (`key:`) gets the position of the next token from
    // yaml-cpp; the key's position is the useful one.
    if (n->isNull() && n->implicitNull) {
      n->loc = top.pendingKey->loc;
      n->offset = top.pendingKey->offset;
    }
    top.node->entries.push_back({top.pendingKey, n});
    top.pendingKey = nullptr;
  }

  const SourceManager &sm;
  uint32_t file;
  llvm::StringRef buffer;
  size_t bom;
  YamlDocument doc;
  std::vector<Frame> stack;
  std::map<YAML::anchor_t, YamlNode *> anchors;
  size_t numNodes = 0; ///< in the whole file
};

} // namespace

std::vector<YamlDocument> shc::parseYamlDocuments(const SourceManager &sm, uint32_t file,
                                                  DiagnosticEngine &diags) {
  llvm::StringRef buffer = sm.getBuffer(file);
  std::istringstream in(buffer.str());
  TreeBuilder builder(sm, file);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const RunawayParser &r) {
    size_t pos = r.mark.pos < 0 ? 0 : static_cast<size_t>(r.mark.pos) + bomLength(buffer);
    diags.error(sm.getLoc(file, std::min(pos, buffer.size())), "yaml-syntax",
                "invalid YAML: the YAML parser cannot make progress here");
  } catch (const YAML::DeepRecursion &e) {
    // yaml-cpp stops at 500 levels with the message "bad file".
    size_t pos = e.mark.pos < 0 ? 0 : static_cast<size_t>(e.mark.pos) + bomLength(buffer);
    diags.error(sm.getLoc(file, std::min(pos, buffer.size())), "yaml-syntax",
                "invalid YAML: nesting deeper than " + std::to_string(e.depth()) + " levels");
  } catch (const YAML::Exception &e) {
    size_t pos = e.mark.pos < 0 ? 0 : static_cast<size_t>(e.mark.pos) + bomLength(buffer);
    diags.error(sm.getLoc(file, std::min(pos, buffer.size())), "yaml-syntax",
                "invalid YAML: " + e.msg);
  } catch (const std::exception &e) {
    diags.error(sm.getLoc(file, 0), "yaml-syntax", std::string("invalid YAML: ") + e.what());
  }
  return std::move(builder.done);
}

bool YamlNode::sameContent(const YamlNode &other) const {
  if (this == &other)
    return true;
  if (kind != other.kind || tag != other.tag || value != other.value ||
      items.size() != other.items.size() || entries.size() != other.entries.size())
    return false;
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i]->sameContent(*other.items[i]))
      return false;
  for (size_t i = 0; i < entries.size(); ++i)
    if (!entries[i].key->sameContent(*other.entries[i].key) ||
        !entries[i].value->sameContent(*other.entries[i].value))
      return false;
  return true;
}
