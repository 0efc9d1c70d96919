// The YAML layer: trees with exact positions, syntax errors at the right
// place, duplicate keys, unknown fields with suggestions.
#include "frontend/YamlDocument.h"
#include "frontend/SpecSchema.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

class YamlDocumentTest : public ::testing::Test {
protected:
  SourceManager sm;
  DiagnosticEngine diags;
  uint32_t file = 0;

  std::vector<YamlDocument> parse(const std::string &text) {
    file = sm.addBuffer("t.yaml", text);
    return parseYamlDocuments(sm, file, diags);
  }
  SourceLoc at(uint32_t line, uint32_t col) const { return SourceLoc{file, line, col}; }
};

TEST_F(YamlDocumentTest, KeysAndValuesCarryPositions) {
  auto docs = parse("kind: Table\nspec:\n  name: users\n  list: [a, 'b']\n");
  ASSERT_EQ(docs.size(), 1u);
  const YamlNode *root = docs[0].root;
  ASSERT_TRUE(root && root->isMapping());
  ASSERT_EQ(root->entries.size(), 2u);
  EXPECT_EQ(root->entries[0].key->loc, at(1, 1));
  EXPECT_EQ(root->entries[0].value->loc, at(1, 7));
  const YamlNode *spec = root->get("spec");
  EXPECT_EQ(spec->get("name")->loc, at(3, 9));
  const YamlNode *list = spec->get("list");
  ASSERT_TRUE(list->isSequence());
  EXPECT_EQ(list->items[1]->loc, at(4, 13));
  EXPECT_EQ(list->items[1]->tag, "!");
  EXPECT_TRUE(list->items[0]->isPlain());
  EXPECT_EQ(diags.getNumErrors(), 0u);
}

TEST_F(YamlDocumentTest, EmptyValueIsNullAtItsKey) {
  auto docs = parse("a:\nb: ~\nc: x\n");
  const YamlNode *a = docs[0].root->get("a");
  ASSERT_TRUE(a->isNull());
  EXPECT_TRUE(a->implicitNull);
  EXPECT_EQ(a->loc, at(1, 1));
  const YamlNode *b = docs[0].root->get("b");
  EXPECT_TRUE(b->isNull());
  EXPECT_FALSE(b->implicitNull);
  EXPECT_EQ(b->loc, at(2, 4));
}

TEST_F(YamlDocumentTest, MultipleDocumentsAndEmptyOnes) {
  auto docs = parse("---\n---\nkind: A\n...\n---\n# only a comment\n---\nkind: B\n");
  std::vector<std::string> kinds;
  for (const YamlDocument &d : docs)
    if (d.root && d.root->isMapping())
      kinds.push_back(d.root->get("kind")->value);
  EXPECT_EQ(kinds, (std::vector<std::string>{"A", "B"}));
}

TEST_F(YamlDocumentTest, EmptyFileHasNoDocuments) {
  EXPECT_TRUE(parse("").empty());
  EXPECT_EQ(diags.getNumErrors(), 0u);
}

TEST_F(YamlDocumentTest, SyntaxErrorKeepsEarlierDocuments) {
  auto docs = parse("kind: A\n---\nkind: B\nbad: [1, 2\n");
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(diags.pending().size(), 1u);
  const Diagnostic &d = diags.pending()[0];
  EXPECT_EQ(d.rule, "yaml-syntax");
  EXPECT_EQ(d.message, "invalid YAML: end of sequence flow not found");
  EXPECT_EQ(d.loc.file, file);
  EXPECT_EQ(d.loc.line, 5u);
}

TEST_F(YamlDocumentTest, SyntaxErrorPositionAfterBomAndCrlf) {
  parse("\xEF\xBB\xBF"
        "a: 1\r\nb: c: d\r\n");
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].rule, "yaml-syntax");
  EXPECT_EQ(diags.pending()[0].message, "invalid YAML: illegal map value");
  EXPECT_EQ(diags.pending()[0].loc, at(2, 5)); // the second ':'
}

TEST_F(YamlDocumentTest, SyntaxErrorOnFirstLineAfterBom) {
  parse("\xEF\xBB\xBF"
        "a: b: c\n");
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].loc, at(1, 8)); // BOM is 3 bytes, ':' at byte 5
}

TEST_F(YamlDocumentTest, AliasSharesAnchoredNode) {
  auto docs = parse("a: &x {k: 1}\nb: *x\n");
  EXPECT_EQ(docs[0].root->get("a"), docs[0].root->get("b"));
  EXPECT_EQ(docs[0].root->get("a")->loc, at(1, 7));
}

TEST_F(YamlDocumentTest, DuplicateKeysAreReportedWithFirstDefinition) {
  auto docs = parse("table: a\nset: {}\ntable: b\n");
  static const llvm::StringRef Known[] = {"table", "set"};
  FieldMap f(docs[0].root, Known, "staticUpdate", diags);
  ASSERT_EQ(diags.pending().size(), 1u);
  const Diagnostic &d = diags.pending()[0];
  EXPECT_EQ(d.rule, "duplicate-key");
  EXPECT_EQ(d.message, "duplicate key 'table'");
  EXPECT_EQ(d.loc, at(3, 1));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "first defined here");
  EXPECT_EQ(d.notes[0].loc, at(1, 1));
  EXPECT_EQ(f.get("table")->value, "a");
}

TEST_F(YamlDocumentTest, UnknownFieldSuggestsClosest) {
  auto docs = parse("tabl: a\nzzzzzz: 1\n");
  static const llvm::StringRef Known[] = {"table", "set", "where"};
  FieldMap f(docs[0].root, Known, "staticUpdate", diags);
  ASSERT_EQ(diags.pending().size(), 2u);
  EXPECT_EQ(diags.pending()[0].rule, "unknown-field");
  EXPECT_EQ(diags.pending()[0].message,
            "unknown field 'tabl' in 'staticUpdate' (did you mean 'table'?)");
  EXPECT_EQ(diags.pending()[0].loc, at(1, 1));
  EXPECT_TRUE(diags.pending()[0].notes.empty());
  EXPECT_EQ(diags.pending()[1].message, "unknown field 'zzzzzz' in 'staticUpdate'");
  ASSERT_EQ(diags.pending()[1].notes.size(), 1u);
  EXPECT_EQ(diags.pending()[1].notes[0].message, "expected one of: table, set or where");
}

TEST_F(YamlDocumentTest, FieldMapRejectsNonMappingAndRequiresFields) {
  auto docs = parse("a: [1]\nb:\n");
  FieldMap list(docs[0].root->get("a"), {}, "spec", diags);
  EXPECT_FALSE(list.isValid());
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].rule, "invalid-field");
  EXPECT_EQ(diags.pending()[0].message, "'spec' must be a mapping, found a list");
  FieldMap empty(docs[0].root->get("b"), {}, "spec", diags);
  EXPECT_TRUE(empty.isValid());
  EXPECT_EQ(empty.require("name"), nullptr);
  ASSERT_EQ(diags.pending().size(), 2u);
  EXPECT_EQ(diags.pending()[1].rule, "missing-field");
  EXPECT_EQ(diags.pending()[1].message, "missing field 'name' in 'spec'");
  EXPECT_EQ(diags.pending()[1].loc, at(2, 1));
}

TEST_F(YamlDocumentTest, ReadBoolFollowsCoreSchema) {
  auto docs = parse("a: True\nb: FALSE\nc: 'true'\nd: yes\n");
  bool v = false;
  EXPECT_TRUE(readBool(docs[0].root->get("a"), "a", v, diags));
  EXPECT_TRUE(v);
  EXPECT_TRUE(readBool(docs[0].root->get("b"), "b", v, diags));
  EXPECT_FALSE(v);
  EXPECT_FALSE(readBool(docs[0].root->get("c"), "c", v, diags));
  EXPECT_FALSE(readBool(docs[0].root->get("d"), "d", v, diags));
  ASSERT_EQ(diags.pending().size(), 2u);
  EXPECT_EQ(diags.pending()[1].message, "'d' must be true or false, found 'yes'");
}

} // namespace
