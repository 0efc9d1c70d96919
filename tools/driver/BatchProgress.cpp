//===- BatchProgress.cpp - apply's progress over batches ------------------===//

#include "tools/driver/BatchProgress.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <unistd.h>

using namespace shc;

static std::string fixed(double v, int decimals) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::format(decimals ? "%.1f" : "%.0f", v);
  return os.str();
}

static std::string duration(double seconds) {
  long s = std::lround(seconds);
  if (s < 60)
    return std::to_string(s) + "s";
  if (s < 3600)
    return std::to_string(s / 60) + "m" + std::to_string(s % 60) + "s";
  return std::to_string(s / 3600) + "h" + std::to_string(s / 60 % 60) + "m";
}

std::string shc::progressLine(const BatchProgress &p) {
  double rate = p.seconds > 0 ? p.rowsThisRun / p.seconds : 0;
  std::string line = p.migration + " #" + std::to_string(p.op + 1) + ": " +
                     std::to_string(p.rows) + " rows";
  if (p.estimate >= 0)
    line += " of ~" + fixed(p.estimate, 0);
  line += ", " + std::to_string(p.batches) + " batches of " + std::to_string(p.size) + ", " +
          fixed(rate, 0) + " rows/s";
  if (p.done)
    line += ", done in " + duration(p.seconds);
  else if (p.estimate > p.rows && rate > 0)
    line += ", ~" + duration((p.estimate - p.rows) / rate) + " left";
  if (p.retries)
    line += ", " + std::to_string(p.retries) + " lock timeouts retried";
  return line;
}

std::string shc::progressJson(const BatchProgress &p) {
  llvm::json::Object o{{"migration", p.migration},
                       {"operation", static_cast<int64_t>(p.op + 1)},
                       {"batches", static_cast<int64_t>(p.batches)},
                       {"rows", static_cast<int64_t>(p.rows)},
                       {"batchSize", static_cast<int64_t>(p.size)},
                       {"seconds", std::round(p.seconds * 1000) / 1000},
                       {"retries", static_cast<int64_t>(p.retries)},
                       {"done", p.done}};
  if (p.estimate >= 0)
    o["estimate"] = std::round(p.estimate);
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::json::Value(std::move(o));
  return os.str();
}

std::function<void(const BatchProgress &)>
shc::batchProgressPrinter(const std::string &format) {
  if (format == "none")
    return nullptr;
  if (format == "json")
    return [](const BatchProgress &p) { llvm::errs() << progressJson(p) << "\n"; };
  if (format == "auto" && ::isatty(STDERR_FILENO))
    return [](const BatchProgress &p) {
      llvm::errs() << "\r\x1b[K" << progressLine(p) << (p.done ? "\n" : "");
      llvm::errs().flush();
    };
  return [](const BatchProgress &p) {
    if (p.done || p.batches % 10 == 0)
      llvm::errs() << progressLine(p) << "\n";
  };
}
