// Every byte of a decoded YAML scalar must map back to the byte it came from,
// for every scalar style, after a BOM and with CRLF line endings.
#include "frontend/ScalarLocate.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

struct Located {
  std::string text;
  ScalarLocator locator;
  bool exact = false; ///< the rescan reproduced the text (no fallback)
};

class ScalarLocateTest : public ::testing::Test {
protected:
  SourceManager sm;
  DiagnosticEngine diags;
  uint32_t file = 0;
  std::vector<YamlDocument> docs;

  /// Parses `yaml` and locates the value of top-level key `key`.
  Located locate(const std::string &yaml, llvm::StringRef key) {
    file = sm.addBuffer("t.yaml", yaml);
    docs = parseYamlDocuments(sm, file, diags);
    EXPECT_EQ(diags.getNumErrors(), 0u);
    EXPECT_EQ(docs.size(), 1u);
    Located out;
    if (docs.empty() || !docs[0].root)
      return out;
    const YamlNode *n = docs[0].root->get(key);
    EXPECT_TRUE(n && n->isScalar());
    if (!n || !n->isScalar())
      return out;
    out.text = n->value;
    out.locator = locateScalar(sm, file, n->offset, n->value);
    out.exact = !scanScalarRuns(sm.getBuffer(file), n->offset, n->value).empty();
    return out;
  }

  /// Position of the `nth` occurrence of `needle` in the raw file.
  SourceLoc rawLoc(llvm::StringRef needle, unsigned nth = 0) {
    llvm::StringRef b = sm.getBuffer(file);
    size_t pos = b.find(needle);
    while (nth-- && pos != llvm::StringRef::npos)
      pos = b.find(needle, pos + 1);
    EXPECT_TRUE(pos != llvm::StringRef::npos) << needle.str();
    return sm.getLoc(file, pos);
  }

  /// Every decoded byte that is not whitespace maps to the same byte in the
  /// source (or to the backslash / quote of the escape that produced it).
  void expectEveryByteMaps(const Located &l) {
    llvm::StringRef b = sm.getBuffer(file);
    for (size_t i = 0; i < l.text.size(); ++i) {
      char c = l.text[i];
      if (c == ' ' || c == '\n' || c == '\t')
        continue;
      size_t off = sm.getOffset(l.locator.locate(i));
      ASSERT_LT(off, b.size());
      bool ok = b[off] == c || b[off] == '\\' || (c == '\'' && b[off] == '\'') ||
                (off > 0 && b[off - 1] == '\\') || (static_cast<unsigned char>(c) >= 0x80);
      EXPECT_TRUE(ok) << "text[" << i << "]='" << c << "' maps to '" << b[off] << "'";
    }
  }
};

SourceLoc at(uint32_t file, uint32_t line, uint32_t col) { return SourceLoc{file, line, col}; }

TEST_F(ScalarLocateTest, PlainSingleLine) {
  Located l = locate("where: status IS NULL\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "status IS NULL");
  EXPECT_EQ(l.locator.locate(4), at(file, 1, 12)); // 5th character
  EXPECT_EQ(l.locator.locate(7), rawLoc("IS"));
  expectEveryByteMaps(l);
}

TEST_F(ScalarLocateTest, PlainWithCommentAndTrailingSpaces) {
  Located l = locate("where: a = 1   # note\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "a = 1");
  EXPECT_EQ(l.locator.locate(4), at(file, 1, 12));
}

TEST_F(ScalarLocateTest, PlainMultiLineFolds) {
  Located l = locate("where: a = 1\n  AND b = 2\n\n  OR zz\nnext: 1\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "a = 1 AND b = 2\nOR zz");
  EXPECT_EQ(l.locator.locate(6), at(file, 2, 3));  // A of AND
  EXPECT_EQ(l.locator.locate(19), at(file, 4, 6)); // first z
  expectEveryByteMaps(l);
}

TEST_F(ScalarLocateTest, PlainInFlowMapping) {
  Located l = locate("{where: abc > 1, x: 2}\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "abc > 1");
  EXPECT_EQ(l.locator.locate(4), at(file, 1, 13));
}

TEST_F(ScalarLocateTest, SingleQuotedWithDoubledQuote) {
  Located l = locate("where: 'name = ''x'' AND id = 1'\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "name = 'x' AND id = 1");
  EXPECT_EQ(l.locator.locate(0), at(file, 1, 9));
  EXPECT_EQ(l.locator.locate(4), at(file, 1, 13));
  EXPECT_EQ(l.locator.locate(11), rawLoc("AND")); // after both escapes
  expectEveryByteMaps(l);
}

TEST_F(ScalarLocateTest, SingleQuotedFolding) {
  Located l = locate("where: 'a = 1  \n    AND bb = 2'\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "a = 1 AND bb = 2");
  EXPECT_EQ(l.locator.locate(10), at(file, 2, 9)); // first b
}

TEST_F(ScalarLocateTest, DoubleQuotedEscapes) {
  Located l = locate("where: \"x = '\\t' AND \\\"q\\\" = \\u00e9 AND zz\"\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "x = '\t' AND \"q\" = \xC3\xA9 AND zz");
  EXPECT_EQ(l.locator.locate(0), at(file, 1, 9));
  EXPECT_EQ(l.locator.locate(4), at(file, 1, 13)); // the quote before \t
  EXPECT_EQ(l.locator.locate(5), at(file, 1, 14)); // \t maps to its backslash
  EXPECT_EQ(l.locator.locate(8), rawLoc("AND"));
  size_t zz = l.text.find("zz");
  EXPECT_EQ(l.locator.locate(zz), rawLoc("zz"));
  expectEveryByteMaps(l);
}

TEST_F(ScalarLocateTest, DoubleQuotedEscapedLineBreak) {
  Located l = locate("where: \"ab\\\n    cd = 1\n\n  AND e\"\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "abcd = 1\nAND e");
  EXPECT_EQ(l.locator.locate(2), at(file, 2, 5));
  EXPECT_EQ(l.locator.locate(13), at(file, 4, 7));
}

TEST_F(ScalarLocateTest, LiteralBlock) {
  Located l = locate("sql: |\n  UPDATE t\n  SET a = 1\n\n    WHERE zz\nnext: 1\n", "sql");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "UPDATE t\nSET a = 1\n\n  WHERE zz\n");
  EXPECT_EQ(l.locator.locate(4), at(file, 2, 7));  // 5th char, 1st line
  EXPECT_EQ(l.locator.locate(13), at(file, 3, 7)); // 5th char, 2nd line
  EXPECT_EQ(l.locator.locate(22), at(file, 5, 5)); // W of WHERE (indented)
  expectEveryByteMaps(l);
}

TEST_F(ScalarLocateTest, LiteralBlockStripAndKeep) {
  Located strip = locate("sql: |-\n  a = 1\n  b = 2\n\nx: 1\n", "sql");
  EXPECT_TRUE(strip.exact);
  EXPECT_EQ(strip.text, "a = 1\nb = 2");
  EXPECT_EQ(strip.locator.locate(10), at(file, 3, 7));
}

TEST_F(ScalarLocateTest, LiteralBlockKeep) {
  Located keep = locate("sql: |+\n  a = 1\n\nx: 1\n", "sql");
  EXPECT_TRUE(keep.exact);
  EXPECT_EQ(keep.text, "a = 1\n\n");
  EXPECT_EQ(keep.locator.locate(4), at(file, 2, 7));
}

TEST_F(ScalarLocateTest, LiteralBlockExplicitIndent) {
  Located l = locate("sql: |2\n    indented\n  base zz\n", "sql");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "  indented\nbase zz\n");
  EXPECT_EQ(l.locator.locate(2), at(file, 2, 5));
  EXPECT_EQ(l.locator.locate(16), at(file, 3, 8));
}

TEST_F(ScalarLocateTest, BlockInsideSequenceOfMappings) {
  std::string yaml = "items:\n  - customSQL:\n      sql: |\n        UPDATE x\n        SET y = 2\n";
  file = sm.addBuffer("t.yaml", yaml);
  docs = parseYamlDocuments(sm, file, diags);
  const YamlNode *sql = docs[0].root->get("items")->items[0]->get("customSQL")->get("sql");
  ScalarLocator loc = locateScalar(sm, file, sql->offset, sql->value);
  EXPECT_EQ(sql->value, "UPDATE x\nSET y = 2\n");
  EXPECT_EQ(loc.locate(4), at(file, 4, 13));
  EXPECT_EQ(loc.locate(13), at(file, 5, 13)); // 5th char of the 2nd line
}

TEST_F(ScalarLocateTest, FoldedBlock) {
  Located l = locate("where: >\n  a = 1\n  AND b = 2\n\n  OR zz\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "a = 1 AND b = 2\nOR zz\n");
  EXPECT_EQ(l.locator.locate(10), at(file, 3, 7)); // 5th char of the 2nd line
  EXPECT_EQ(l.locator.locate(19), at(file, 5, 6));
  expectEveryByteMaps(l);
}

TEST_F(ScalarLocateTest, FoldedBlockMoreIndentedLinesKeepBreaks) {
  Located l = locate("v: >-\n  a\n    b\n  c\n", "v");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "a\n  b\nc");
  EXPECT_EQ(l.locator.locate(6), at(file, 4, 3));
}

TEST_F(ScalarLocateTest, ByteOrderMarkAndCrlf) {
  Located l = locate("\xEF\xBB\xBFwhere: |\r\n  a = 1\r\n  AND bb = 2\r\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "a = 1\nAND bb = 2\n");
  EXPECT_EQ(l.locator.locate(10), at(file, 3, 7)); // 5th char of the 2nd line
}

TEST_F(ScalarLocateTest, ByteOrderMarkOnFirstLine) {
  Located l = locate("\xEF\xBB\xBFwhere: abcdef\r\n", "where");
  EXPECT_TRUE(l.exact);
  // The BOM's three bytes are columns 1-3; "where" starts at column 4.
  EXPECT_EQ(l.locator.locate(4), at(file, 1, 15));
}

TEST_F(ScalarLocateTest, CrlfQuotedFolding) {
  Located l = locate("where: \"a = 1\r\n   AND zz\"\r\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.text, "a = 1 AND zz");
  EXPECT_EQ(l.locator.locate(10), at(file, 2, 8));
}

TEST_F(ScalarLocateTest, MultiByteCharactersCountBytes) {
  Located l = locate("where: name = 'é€😀' AND zz\n", "where");
  EXPECT_TRUE(l.exact);
  size_t zz = l.text.find("zz");
  // é is 2 bytes, € 3, 😀 4: columns are bytes.
  EXPECT_EQ(l.locator.locate(zz), at(file, 1, 8 + static_cast<uint32_t>(zz)));
  EXPECT_EQ(l.locator.locate(zz), rawLoc("zz"));
}

TEST_F(ScalarLocateTest, TaggedAndAnchoredScalars) {
  Located l = locate("where: !!str &w abcdef\n", "where");
  EXPECT_TRUE(l.exact);
  EXPECT_EQ(l.locator.locate(4), at(file, 1, 21));
}

TEST_F(ScalarLocateTest, EmptyQuotedScalarHasAStart) {
  Located l = locate("where: \"\"\n", "where");
  EXPECT_EQ(l.text, "");
  EXPECT_EQ(l.locator.start(), at(file, 1, 9));
}

TEST_F(ScalarLocateTest, FallbackWhenTextDiffers) {
  uint32_t f = sm.addBuffer("t.yaml", "where: abc\n");
  EXPECT_TRUE(scanScalarRuns(sm.getBuffer(f), 7, "xyz").empty());
  ScalarLocator loc = locateScalar(sm, f, 7, "xyz");
  EXPECT_EQ(loc.start(), at(f, 1, 8));
}

TEST(ScalarRunsTest, SkipNodeProperties) {
  llvm::StringRef b = "x: !!str &a  # c\n  'v'\n";
  EXPECT_EQ(skipNodeProperties(b, 3), b.find('\''));
  EXPECT_EQ(skipNodeProperties(b, 0), 0u);
}

} // namespace
