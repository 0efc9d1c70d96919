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

bool shc::writeFileAtomically(llvm::StringRef path, llvm::StringRef contents, std::string &error) {
  if (path == "-") {
    llvm::outs() << contents;
    llvm::outs().flush();
    return true;
  }
  std::string tmpl = path.str() + ".tmp.XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return fail(error, "write", path);
  const char *p = contents.data();
  size_t left = contents.size();
  while (left) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      errno = saved;
      return fail(error, "write", path);
    }
    p += n;
    left -= static_cast<size_t>(n);
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
