#include "frontend/YamlPrefetch.h"

#include "ir/SourceManager.h"

#include <algorithm>

using namespace shc;

unsigned YamlPrefetch::defaultJobs(size_t files) {
  // Below about 70 files a worker thread costs more than it parses (lint of
  // one migration and its 20 Table specs: 24.2 ms with two threads, 20.0
  // with one; 50 migrations: even; 100: 43.6 against 40.2 ms).
  if (files < kFilesPerExtraJob)
    return 1;
  unsigned n = std::thread::hardware_concurrency();
  return std::clamp(n, 1u, 8u);
}

YamlPrefetch::YamlPrefetch(const SourceManager &sm, llvm::ArrayRef<uint32_t> files,
                           unsigned jobs)
    : sm(sm), files(files.begin(), files.end()), slots(files.size()) {
  // The consumer is a parser too; a worker per further job, never more than
  // there are files to share.
  size_t numWorkers = jobs > 1 ? std::min<size_t>(jobs - 1, files.size() / 2) : 0;
  if (numWorkers == 0)
    return;
  // Line tables are built lazily; build them now, so that no two threads
  // ever build the same one.
  for (uint32_t f : files)
    (void)sm.getLoc(f, 0);
  // Parsed trees are several times their text: bound how many wait.
  window = 4 * (numWorkers + 1);
  for (size_t i = 0; i < numWorkers; ++i)
    workers.emplace_back([this] { work(); });
}

YamlPrefetch::~YamlPrefetch() {
  {
    std::lock_guard<std::mutex> lock(mu);
    stopping = true;
  }
  cv.notify_all();
  for (std::thread &t : workers)
    t.join();
}

bool YamlPrefetch::claim(size_t &index) {
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return stopping || next >= files.size() || next < consumed + window; });
  if (stopping || next >= files.size())
    return false;
  index = next++;
  return true;
}

void YamlPrefetch::parse(size_t index, bool byWorker) {
  DiagnosticEngine local; // no overrides: the caller's engine applies them
  std::vector<YamlDocument> docs = parseYamlDocuments(sm, files[index], local);
  {
    std::lock_guard<std::mutex> lock(mu);
    Slot &slot = slots[index];
    slot.docs = std::move(docs);
    slot.diags = local.pending();
    slot.byWorker = byWorker;
    slot.ready = true;
  }
  cv.notify_all();
}

void YamlPrefetch::freeReleased(std::vector<size_t> &mine) {
  std::vector<std::vector<YamlDocument>> garbage;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto kept = mine.begin();
    for (size_t index : mine) {
      if (slots[index].released)
        garbage.push_back(std::move(slots[index].docs));
      else
        *kept++ = index;
    }
    mine.erase(kept, mine.end());
  }
  // `garbage` is destroyed here, in the thread that allocated it.
}

void YamlPrefetch::work() {
  std::vector<size_t> mine;
  size_t index;
  while (claim(index)) {
    freeReleased(mine);
    mine.push_back(index);
    parse(index, /*byWorker=*/true);
  }
  // Nothing left to parse: wait until the caller is done, then free.
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return stopping; });
  }
  freeReleased(mine);
}

std::vector<YamlDocument> &YamlPrefetch::take(size_t i, DiagnosticEngine &diags) {
  if (workers.empty()) {
    slots[i].docs = parseYamlDocuments(sm, files[i], diags);
    return slots[i].docs;
  }
  bool mine = false;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (next == i) { // no worker has it: parse it here rather than wait
      ++next;
      mine = true;
    }
  }
  if (mine)
    parse(i, /*byWorker=*/false);
  std::vector<Diagnostic> parseDiags;
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return slots[i].ready; });
    parseDiags = std::move(slots[i].diags);
    consumed = i + 1;
  }
  cv.notify_all();
  for (Diagnostic &d : parseDiags)
    diags.report(std::move(d));
  return slots[i].docs; // only this thread touches a ready slot's documents until release
}

void YamlPrefetch::release(size_t i) {
  std::vector<YamlDocument> garbage;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!slots[i].byWorker)
      garbage = std::move(slots[i].docs);
    slots[i].released = true;
  }
  // A worker's tree goes when that worker next looks, or when it finishes.
}
