//===- YamlPrefetch.h - parse YAML files ahead of lowering ------*- C++ -*-===//
//
// Parsing the YAML is most of the front half's time, and each file parses on
// its own. YamlPrefetch parses the files on `jobs - 1` worker threads, ahead
// of the lowering that consumes them in order; the consumer parses a file
// itself when no worker has claimed it yet, so it never idles while work is
// left. Each file's parse diagnostics are kept aside and reported into the
// caller's engine when the file is taken, in file order: the diagnostics and
// the IR are those of a single-threaded run, byte for byte.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace shc {

class SourceManager;

class YamlPrefetch {
public:
  /// `jobs` 0 or 1 parses in the caller's thread, when taken. The source
  /// manager must not gain buffers while the prefetch lives.
  YamlPrefetch(const SourceManager &sm, llvm::ArrayRef<uint32_t> files, unsigned jobs);
  ~YamlPrefetch();
  YamlPrefetch(const YamlPrefetch &) = delete;
  YamlPrefetch &operator=(const YamlPrefetch &) = delete;

  /// The documents of files[i]; call with i = 0, 1, 2... in order. Reports
  /// the file's parse diagnostics into `diags` first. They stay valid until
  /// release(i).
  std::vector<YamlDocument> &take(size_t i, DiagnosticEngine &diags);
  /// The caller is done with files[i]: its tree is freed by the thread that
  /// built it (a tree freed by another thread contends for its malloc arena
  /// and cost more than the parse saved).
  void release(size_t i);

  /// How many threads `jobs` 0 means for `files` inputs: the cores, at
  /// most 8; one for fewer than kFilesPerExtraJob files.
  static unsigned defaultJobs(size_t files);
  static constexpr size_t kFilesPerExtraJob = 64;

private:
  struct Slot {
    std::vector<YamlDocument> docs;
    std::vector<Diagnostic> diags;
    bool ready = false;
    bool released = false;
    bool byWorker = false;
  };
  void work();
  bool claim(size_t &index);
  void parse(size_t index, bool byWorker);
  /// Frees the trees of `mine` (the slots this thread parsed) that were released.
  void freeReleased(std::vector<size_t> &mine);

  const SourceManager &sm;
  std::vector<uint32_t> files;
  std::vector<Slot> slots;
  std::vector<std::thread> workers;
  std::mutex mu;
  std::condition_variable cv;
  size_t next = 0;     ///< the first file no thread has claimed
  size_t consumed = 0; ///< the files taken so far
  size_t window = 0;   ///< how far the workers may run ahead of `consumed`
  bool stopping = false;
};

} // namespace shc
