// loadInputs: files, folders, stdin, missing paths, symlink loops and binary
// files.
#include "frontend/Frontend.h"
#include "frontend/SourceLoader.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace shc;
namespace fs = llvm::sys::fs;

namespace {

class YamlSourceLoaderTest : public ::testing::Test {
protected:
  llvm::SmallString<128> dir;
  SourceManager sm;
  DiagnosticEngine diags;

  void SetUp() override { ASSERT_FALSE(fs::createUniqueDirectory("shc-loader", dir)); }
  void TearDown() override { fs::remove_directories(dir); }

  std::string path(llvm::StringRef rel) const {
    llvm::SmallString<128> p(dir);
    llvm::sys::path::append(p, rel);
    return p.str().str();
  }
  void write(llvm::StringRef rel, llvm::StringRef contents) {
    std::string p = path(rel);
    fs::create_directories(llvm::sys::path::parent_path(p));
    std::error_code ec;
    llvm::raw_fd_ostream os(p, ec);
    ASSERT_FALSE(ec);
    os << contents;
  }
  std::vector<std::string> names(const std::vector<uint32_t> &ids) const {
    std::vector<std::string> out;
    for (uint32_t id : ids)
      out.push_back(sm.getName(id).str());
    return out;
  }
};

TEST_F(YamlSourceLoaderTest, FolderIsSearchedRecursivelyInSortedOrder) {
  write("b.yaml", "kind: B\n");
  write("a.yml", "kind: A\n");
  write("sub/c.yaml", "kind: C\n");
  write("notes.txt", "not yaml\n");
  write(".hidden/d.yaml", "kind: D\n");
  auto ids = loadInputs({dir.str().str()}, sm, diags);
  EXPECT_EQ(names(ids),
            (std::vector<std::string>{path("a.yml"), path("b.yaml"), path("sub/c.yaml")}));
  EXPECT_EQ(diags.getNumErrors(), 0u);
  EXPECT_EQ(sm.getBuffer(ids[0]), "kind: A\n");
}

TEST_F(YamlSourceLoaderTest, EachFileIsLoadedOnce) {
  write("a.yaml", "kind: A\n");
  std::string p = path("a.yaml");
  auto ids = loadInputs({p, dir.str().str(), p}, sm, diags);
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(sm.getNumBuffers(), 1u);
}

TEST_F(YamlSourceLoaderTest, MissingPathIsAnIoErrorAndTheRestLoads) {
  write("a.yaml", "kind: A\n");
  std::string missing = path("nope.yaml");
  auto ids = loadInputs({missing, path("a.yaml")}, sm, diags);
  EXPECT_EQ(ids.size(), 1u);
  ASSERT_EQ(diags.pending().size(), 1u);
  const Diagnostic &d = diags.pending()[0];
  EXPECT_EQ(d.rule, "io-error");
  EXPECT_EQ(d.message, "cannot read '" + missing + "': No such file or directory");
  EXPECT_FALSE(d.loc.isValid());
}

TEST_F(YamlSourceLoaderTest, SymlinkLoopIsReportedNotFollowed) {
  write("sub/a.yaml", "kind: A\n");
  ASSERT_FALSE(fs::create_link(dir.str(), path("sub/back")));
  auto ids = loadInputs({dir.str().str()}, sm, diags);
  EXPECT_EQ(names(ids), (std::vector<std::string>{path("sub/a.yaml")}));
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].rule, "io-error");
  EXPECT_EQ(diags.pending()[0].message,
            "cannot read '" + path("sub/back") + "': Too many levels of symbolic links");
}

TEST_F(YamlSourceLoaderTest, SelfReferentialLinkIsReported) {
  ASSERT_FALSE(fs::create_link(path("loop.yaml"), path("loop.yaml")));
  auto ids = loadInputs({dir.str().str()}, sm, diags);
  EXPECT_TRUE(ids.empty());
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].message,
            "cannot read '" + path("loop.yaml") + "': Too many levels of symbolic links");
}

TEST_F(YamlSourceLoaderTest, BinaryFileIsReportedAtTheFirstBadByte) {
  write("bin.yaml", llvm::StringRef("kind: A\nab\0cd\n", 14));
  write("ok.yaml", "kind: B\n");
  auto ids = loadInputs({dir.str().str()}, sm, diags);
  EXPECT_EQ(names(ids), (std::vector<std::string>{path("ok.yaml")}));
  ASSERT_EQ(diags.pending().size(), 1u);
  const Diagnostic &d = diags.pending()[0];
  EXPECT_EQ(d.rule, "binary-file");
  EXPECT_EQ(d.message, "'" + path("bin.yaml") + "' is not a text file: NUL byte");
  EXPECT_EQ(d.loc.line, 2u);
  EXPECT_EQ(d.loc.col, 3u);
}

TEST_F(YamlSourceLoaderTest, InvalidUtf8IsBinary) {
  uint32_t id = addSourceBuffer("x.yaml", "a: \xC3\xA9\nb: \xFF\n", sm, diags);
  EXPECT_EQ(id, 0u);
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].message, "'x.yaml' is not a text file: invalid UTF-8 byte 0xFF");
  EXPECT_EQ(diags.pending()[0].loc.line, 2u);
  EXPECT_EQ(diags.pending()[0].loc.col, 4u);
}

TEST_F(YamlSourceLoaderTest, BomCrlfAndEmptyFilesAreText) {
  EXPECT_NE(addSourceBuffer("a.yaml",
                            "\xEF\xBB\xBF"
                            "a: 1\r\n",
                            sm, diags),
            0u);
  EXPECT_NE(addSourceBuffer("b.yaml", "", sm, diags), 0u);
  EXPECT_EQ(diags.getNumErrors(), 0u);
}

TEST_F(YamlSourceLoaderTest, FindBinaryByte) {
  EXPECT_EQ(findBinaryByte("plain ascii"), std::nullopt);
  EXPECT_EQ(findBinaryByte("\xE2\x82\xAC \xF0\x9F\x98\x80"), std::nullopt); // € 😀
  EXPECT_EQ(findBinaryByte("ab\xC0\xAF"), 2u);                              // overlong
  EXPECT_EQ(findBinaryByte("a\xED\xA0\x80"), 1u);                           // surrogate
  EXPECT_EQ(findBinaryByte("abc\xE2\x82"), 3u);                             // truncated
  EXPECT_EQ(findBinaryByte("\xF4\x90\x80\x80"), 0u);                        // > U+10FFFF
  EXPECT_EQ(findBinaryByte(llvm::StringRef("x\0", 2)), 1u);
}

TEST_F(YamlSourceLoaderTest, StdinIsNamedAndLoadedOnce) {
  std::string input = "kind: A\n";
  auto ids = loadSourcePaths({"-", "-"}, sm, diags, &input);
  EXPECT_EQ(names(ids), (std::vector<std::string>{"<stdin>"}));
  EXPECT_EQ(sm.getBuffer(ids[0]), input);
}

} // namespace
