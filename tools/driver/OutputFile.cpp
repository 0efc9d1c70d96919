#include "tools/driver/OutputFile.h"

#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace shc;

static bool fail(std::string &error, llvm::StringRef what, llvm::StringRef path) {
  error = "cannot " + what.str() + " '" + path.str() + "': " + std::strerror(errno);
  return false;
}

static bool writeAll(int fd, llvm::StringRef contents) {
  const char *p = contents.data();
  size_t left = contents.size();
  while (left) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

static bool writeInPlace(const std::string &path, llvm::StringRef contents, std::string &error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return fail(error, "write", path);
  bool ok = writeAll(fd, contents);
  int saved = errno;
  ::close(fd);
  errno = saved;
  return ok ? true : fail(error, "write", path);
}

bool shc::writeFileAtomically(llvm::StringRef path, llvm::StringRef contents, std::string &error) {
  if (path == "-") {
    llvm::outs() << contents;
    llvm::outs().flush();
    return true;
  }
  // Only a regular file (or a new path) can be replaced by rename: renaming
  // over /dev/null, a FIFO or /dev/stdout would destroy the device node
  // rather than write to it. Those are written in place.
  struct stat st;
  std::string target = path.str();
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      errno = EISDIR;
      return fail(error, "write", path);
    }
    return writeInPlace(target, contents, error);
  }
  std::string tmpl = target + ".tmp.XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return fail(error, "write", path);
  if (!writeAll(fd, contents)) {
    int saved = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    errno = saved;
    return fail(error, "write", path);
  }
  // mkstemp creates 0600; give the file the permissions a normal create would.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    errno = saved;
    return fail(error, "write", path);
  }
  if (::rename(tmpl.c_str(), path.str().c_str()) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    errno = saved;
    return fail(error, "write", path);
  }
  return true;
}
