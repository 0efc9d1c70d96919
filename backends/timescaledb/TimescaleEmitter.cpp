//===- TimescaleEmitter.cpp - PostgreSQL's script, plus aggregate refreshes -===//
//
// The postgres emitter writes the script. With --refresh-continuous-aggregates
// each step that writes a hypertable under continuous aggregates (known from
// --uri) is followed, after its COMMIT, by
//   CALL refresh_continuous_aggregate('view', start, end);
// refresh_continuous_aggregate refuses to run in a transaction block, and
// refreshes only the buckets wholly inside [start, end): the window is the
// WHERE's time range widened to whole buckets with time_bucket(), and one
// more below (now() after COMMIT is later than the UPDATE's), or open
// (NULL) at an end the analysis cannot bound or when the bucket width is
// unknown. A refresh is safe to run again, so apply runs it unguarded.
//
//===----------------------------------------------------------------------===//

#include "backends/timescaledb/TimescaleEmitter.h"

#include "backends/timescaledb/HypertableWrites.h"
#include "backends/timescaledb/TimescaleChecks.h"
#include "ir/CompiledScript.h"
#include "ir/Module.h"

#include "llvm/ADT/StringMap.h"

#include <set>

using namespace shc;

static std::string sqlString(llvm::StringRef s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string TimescaleEmitter::windowEnd(const TimeBound &b, llvm::StringRef width, bool upper) {
  bool bounded = b.kind == TimeBound::Kind::Relative || b.kind == TimeBound::Kind::Absolute;
  if (!bounded || width.empty() || !b.expr)
    return "NULL";
  std::string value = inner->expression(*b.expr);
  if (value.empty())
    return "NULL";
  std::string w = "INTERVAL " + sqlString(width);
  std::string bucket = "time_bucket(" + w + ", " + value + ")";
  // One bucket more below: a relative bound read again after COMMIT is a
  // little later than the one the UPDATE used.
  return bucket + (upper ? " + " : " - ") + w;
}

std::string TimescaleEmitter::refreshes(const Migration &m) {
  std::string out;
  std::set<std::string> seen;
  for (const HypertableWrite &w : hypertableWrites(m))
    for (const Hypertable::Aggregate &a : w.hypertable.aggregates) {
      std::string call = "CALL refresh_continuous_aggregate(" + sqlString(a.name) + ", " +
                         windowEnd(w.range.lower, a.bucketWidth, false) + ", " +
                         windowEnd(w.range.upper, a.bucketWidth, true) + ");\n";
      if (seen.insert(call).second)
        out += call;
    }
  if (!out.empty())
    out = "-- after COMMIT: refresh the continuous aggregates over the rows written "
          "(--" + std::string(kRefreshFlag) + ")\n" + out;
  return out;
}

LogicalResult TimescaleEmitter::emit(const Module &module, const AnalysisResults &results,
                                     const EmitOptions &opts, CompiledScript &out) {
  if (failed(inner->emit(module, results, opts, out)))
    return failure();
  if (!module.hasDialectFlag(kRefreshFlag))
    return success();
  // Steps are named by their migration (names are unique): one lookup
  // each, not a scan of every migration per step.
  llvm::StringMap<const Migration *> byName;
  for (const auto &m : module.migrations)
    byName.try_emplace(m->name, m.get());
  for (ScriptStep &step : out.steps)
    if (const Migration *m = byName.lookup(step.name); m && !step.empty)
      step.afterCommit = refreshes(*m);
  return success();
}
