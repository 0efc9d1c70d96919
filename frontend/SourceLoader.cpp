// Expands input paths into loaded buffers: files, folders searched
// recursively (sorted), stdin; each file once, binary files refused.
#include "frontend/SourceLoader.h"

#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <system_error>

using namespace shc;
namespace fs = llvm::sys::fs;

std::optional<size_t> shc::findBinaryByte(llvm::StringRef data) {
  const auto *s = reinterpret_cast<const unsigned char *>(data.data());
  size_t n = data.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c == 0)
      return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0)
        lo = 0xA0; // overlong
      else if (c == 0xED)
        hi = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0)
        lo = 0x90; // overlong
      else if (c == 0xF4)
        hi = 0x8F; // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
      return i;
    for (size_t k = 2; k < len; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF)
        return i;
    i += len;
  }
  return std::nullopt;
}

uint32_t shc::addSourceBuffer(std::string name, std::string contents, SourceManager &sm,
                              DiagnosticEngine &diags) {
  std::optional<size_t> bad = findBinaryByte(contents);
  if (!bad)
    return sm.addBuffer(std::move(name), std::move(contents));
  unsigned char byte = static_cast<unsigned char>(contents[*bad]);
  // Keep the text up to the bad line's end (bounded): enough to show it.
  size_t cut = contents.find_first_of("\r\n", *bad);
  cut = std::min({cut, contents.size(), *bad + 64});
  contents.resize(cut);
  std::string what;
  llvm::raw_string_ostream os(what);
  if (byte == 0)
    os << "NUL byte";
  else
    os << "invalid UTF-8 byte " << llvm::format("0x%02X", byte);
  std::string message = "'" + name + "' is not a text file: " + os.str();
  uint32_t id = sm.addBuffer(std::move(name), std::move(contents));
  diags.error(sm.getLoc(id, *bad), "binary-file", std::move(message))
      .hint("inputs must be UTF-8 YAML");
  return 0;
}

namespace {

bool hasYamlExtension(llvm::StringRef path) {
  llvm::StringRef ext = llvm::sys::path::extension(path);
  return ext.equals_insensitive(".yaml") || ext.equals_insensitive(".yml");
}

class Loader {
public:
  Loader(SourceManager &sm, DiagnosticEngine &diags, const std::string *stdinContents)
      : sm(sm), diags(diags), stdinContents(stdinContents) {}

  std::vector<uint32_t> loaded;

  void loadPath(const std::string &path) {
    if (path == "-")
      return loadStdin();
    fs::file_status st;
    if (std::error_code ec = fs::status(path, st))
      return ioError(path, ec);
    llvm::SmallString<256> real;
    if (std::error_code ec = fs::real_path(path, real))
      return ioError(path, ec);
    if (fs::is_directory(st))
      return walkDir(path, real.str().str());
    loadFile(path, real.str().str());
  }

private:
  void ioError(llvm::StringRef path, std::error_code ec) {
    diags.error(SourceLoc(), "io-error", "cannot read '" + path.str() + "': " + ec.message());
  }

  void add(std::string name, std::string contents) {
    if (uint32_t id = addSourceBuffer(std::move(name), std::move(contents), sm, diags))
      loaded.push_back(id);
  }

  void loadStdin() {
    if (stdinDone)
      return;
    stdinDone = true;
    if (stdinContents)
      return add("<stdin>", *stdinContents);
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buf = llvm::MemoryBuffer::getSTDIN();
    if (!buf)
      return ioError("-", buf.getError());
    add("<stdin>", (*buf)->getBuffer().str());
  }

  void loadFile(const std::string &path, const std::string &real) {
    if (!seenFiles.insert(real).second)
      return;
    auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!buf)
      return ioError(path, buf.getError());
    add(path, (*buf)->getBuffer().str());
  }

  /// Depth-first in sorted order. A directory already on the walk's path
  /// (reached again through a symlink) is a loop: reported, not followed.
  void walkDir(const std::string &path, const std::string &real) {
    if (std::find(active.begin(), active.end(), real) != active.end())
      return ioError(path, std::make_error_code(std::errc::too_many_symbolic_link_levels));
    if (!visitedDirs.insert(real).second)
      return; // seen through another link
    active.push_back(real);
    std::vector<std::pair<std::string, fs::file_type>> entries;
    std::error_code ec;
    for (fs::directory_iterator it(path, ec, /*follow_symlinks=*/false), end; it != end && !ec;
         it.increment(ec))
      entries.emplace_back(it->path(), it->type());
    if (ec)
      ioError(path, ec);
    std::sort(entries.begin(), entries.end());
    for (const auto &[entry, type] : entries)
      visitEntry(entry, type, real);
    active.pop_back();
  }

  /// `type` is what the directory listing says (not following links);
  /// `dirReal` the real path of the directory it is in.
  void visitEntry(const std::string &entry, fs::file_type type, const std::string &dirReal) {
    llvm::StringRef name = llvm::sys::path::filename(entry);
    if (name.startswith("."))
      return; // .git, .github: not specs
    bool yaml = hasYamlExtension(name);
    // A plain file or directory in a directory whose real path is known:
    // its real path is that and its name, without a stat and a readlink per
    // component (7 system calls a file, 7,000 for a corpus of 1,000).
    if (type == fs::file_type::regular_file || type == fs::file_type::directory_file) {
      if (type == fs::file_type::regular_file && !yaml)
        return;
      llvm::SmallString<256> real(dirReal);
      llvm::sys::path::append(real, name);
      if (type == fs::file_type::directory_file)
        walkDir(entry, real.str().str());
      else
        loadFile(entry, real.str().str());
      return;
    }
    fs::file_status st;
    if (std::error_code ec = fs::status(entry, st)) {
      // Dangling links are only worth a word when they look like specs;
      // loops always are.
      if (yaml || ec == std::errc::too_many_symbolic_link_levels)
        ioError(entry, ec);
      return;
    }
    if (!fs::is_directory(st) && !yaml)
      return;
    llvm::SmallString<256> real;
    if (std::error_code ec = fs::real_path(entry, real))
      return ioError(entry, ec);
    if (fs::is_directory(st))
      walkDir(entry, real.str().str());
    else
      loadFile(entry, real.str().str());
  }

  SourceManager &sm;
  DiagnosticEngine &diags;
  const std::string *stdinContents;
  bool stdinDone = false;
  llvm::StringSet<> seenFiles, visitedDirs;
  std::vector<std::string> active;
};

} // namespace

std::vector<uint32_t> shc::loadSourcePaths(llvm::ArrayRef<std::string> paths, SourceManager &sm,
                                           DiagnosticEngine &diags,
                                           const std::string *stdinContents) {
  Loader loader(sm, diags, stdinContents);
  for (const std::string &p : paths)
    loader.loadPath(p);
  return std::move(loader.loaded);
}
