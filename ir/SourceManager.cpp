#include "ir/SourceManager.h"

#include <algorithm>
#include <cassert>

using namespace shc;

uint32_t SourceManager::addBuffer(std::string name, std::string contents) {
  auto f = std::make_unique<File>();
  f->name = std::move(name);
  f->contents = std::move(contents);
  files.push_back(std::move(f));
  return static_cast<uint32_t>(files.size());
}

const SourceManager::File &SourceManager::get(uint32_t file) const {
  assert(file >= 1 && file <= files.size() && "invalid file id");
  return *files[file - 1];
}

llvm::StringRef SourceManager::getName(uint32_t file) const {
  if (file == 0 || file > files.size()) return "<unknown>";
  return get(file).name;
}

llvm::StringRef SourceManager::getBuffer(uint32_t file) const { return get(file).contents; }

void SourceManager::buildLines(const File &f) const {
  if (!f.lineStarts.empty()) return;
  f.lineStarts.push_back(0);
  const std::string &s = f.contents;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      f.lineStarts.push_back(static_cast<uint32_t>(i + 1));
    } else if (s[i] == '\r') {
      // A lone CR ends a line too (YAML treats CR, LF and CRLF as breaks).
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      f.lineStarts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

SourceLoc SourceManager::getLoc(uint32_t file, size_t offset) const {
  const File &f = get(file);
  buildLines(f);
  offset = std::min(offset, f.contents.size());
  auto it = std::upper_bound(f.lineStarts.begin(), f.lineStarts.end(), offset);
  size_t lineIdx = static_cast<size_t>(it - f.lineStarts.begin()) - 1;
  SourceLoc loc;
  loc.file = file;
  loc.line = static_cast<uint32_t>(lineIdx + 1);
  loc.col = static_cast<uint32_t>(offset - f.lineStarts[lineIdx] + 1);
  return loc;
}

size_t SourceManager::getOffset(SourceLoc loc) const {
  const File &f = get(loc.file);
  buildLines(f);
  if (loc.line == 0 || loc.line > f.lineStarts.size()) return f.contents.size();
  size_t off = f.lineStarts[loc.line - 1] + (loc.col ? loc.col - 1 : 0);
  return std::min(off, f.contents.size());
}

llvm::StringRef SourceManager::getLineText(uint32_t file, uint32_t line) const {
  const File &f = get(file);
  buildLines(f);
  if (line == 0 || line > f.lineStarts.size()) return {};
  size_t begin = f.lineStarts[line - 1];
  size_t end = begin;
  while (end < f.contents.size() && f.contents[end] != '\n' && f.contents[end] != '\r') ++end;
  return llvm::StringRef(f.contents).slice(begin, end);
}
