//===- TimescaleChecks.cpp - what a data migration costs on a hypertable --===//
//
// Valid PostgreSQL that TimescaleDB runs differently (docs/timescaledb.md):
//  - hypertable-all-chunks: an UPDATE or DELETE with no condition on the
//    time column reads every chunk (with --uri: how many there are);
//  - hypertable-compressed-chunks: the time range reaches chunks its
//    compression policy has compressed; TimescaleDB before 2.11 refuses to
//    change them, later versions decompress them first;
//  - continuous-aggregate-stale: the hypertable has continuous aggregates
//    (--uri), which stay stale until refreshed;
//  - hypertable-retention: the retention policy drops the chunks the
//    migration writes to.
//
//===----------------------------------------------------------------------===//

#include "backends/timescaledb/TimescaleChecks.h"

#include "backends/timescaledb/HypertableWrites.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

/// The version that first changes compressed chunks (UPDATE and DELETE).
static constexpr unsigned kDmlOnCompressedMajor = 2, kDmlOnCompressedMinor = 11;

static std::string quoted(llvm::StringRef s) { return "\"" + s.str() + "\""; }

/// Whether the range's lower end may be older than `horizon` ago: no lower
/// bound, one this analysis cannot date, or a relative one further back.
/// An absolute date is compared with what the server says only.
static bool reachesBack(const TimeBound &lower, const std::optional<std::string> &horizon,
                        const std::optional<std::string> &serverUntil) {
  switch (lower.kind) {
  case TimeBound::Kind::None:
  case TimeBound::Kind::Unknown:
    return true;
  case TimeBound::Kind::Relative: {
    std::optional<double> h = horizon ? intervalSeconds(*horizon) : std::nullopt;
    return !h || lower.age > *h;
  }
  case TimeBound::Kind::Absolute:
    // ISO dates order as text; the server prints "2024-01-08 00:00:00+00".
    return serverUntil && lower.text.size() >= 10 && lower.text < *serverUntil;
  }
  return false;
}

static void checkAllChunks(const HypertableWrite &w, DiagnosticEngine &diags) {
  if (w.verb == "INSERT" || w.range.constrained)
    return;
  const Hypertable &h = w.hypertable;
  std::string msg = w.verb.str() + " of hypertable " + quoted(h.table->displayName()) +
                    (w.hasWhere ? " has no condition on" : " has no WHERE, so none on") +
                    " its time column " + quoted(h.timeColumn) + ": it reads every chunk";
  if (h.chunks)
    msg += ", " + std::to_string(*h.chunks) + " on the server";
  auto d = diags.warning(w.whereLoc, "hypertable-all-chunks", msg);
  if (h.timeLoc.isValid())
    d.note(h.timeLoc, "the time column is named here");
  d.hint("add a range on " + quoted(h.timeColumn) + " (" + h.timeColumn +
         " >= now() - interval '7 days'), or split the migration by time range");
}

static void checkCompressed(const HypertableWrite &w, DiagnosticEngine &diags) {
  const Hypertable &h = w.hypertable;
  if (w.verb == "INSERT" || !h.compression ||
      !reachesBack(w.range.lower, h.compressAfter, h.compressedUntil))
    return;
  std::string msg = w.verb.str() + " of hypertable " + quoted(h.table->displayName()) +
                    " reaches " +
                    (h.compressAfter ? "chunks older than " + *h.compressAfter + ", which"
                                     : "chunks that") +
                    " its compression policy compresses: TimescaleDB changes rows there only "
                    "by decompressing them";
  if (h.compressedChunks)
    msg += " (" + std::to_string(*h.compressedChunks) + " compressed chunks on the server)";
  bool refused = h.version && versionBefore(*h.version, kDmlOnCompressedMajor,
                                            kDmlOnCompressedMinor);
  auto d = refused && h.compressedChunks.value_or(0) > 0
               ? diags.error(w.whereLoc, "hypertable-compressed-chunks", msg)
               : diags.warning(w.whereLoc, "hypertable-compressed-chunks", msg);
  if (h.compressionLoc.isValid())
    d.note(h.compressionLoc, "compression is set here");
  if (refused)
    d.hint("the server runs TimescaleDB " + *h.version +
           ", which refuses UPDATE and DELETE on compressed chunks (2.11 and later accept "
           "them): decompress_chunk() the chunks in range first");
  else
    d.hint("TimescaleDB before 2.11 refuses UPDATE and DELETE on compressed chunks; 2.11 and "
           "later decompress the rows' segments, which is slow and needs disk for them. "
           "Restrict the range to newer chunks, or decompress_chunk() the old ones first");
}

static void checkAggregates(const HypertableWrite &w, bool refreshing, DiagnosticEngine &diags) {
  const Hypertable &h = w.hypertable;
  if (h.aggregates.empty() || refreshing)
    return;
  std::string names;
  for (const Hypertable::Aggregate &a : h.aggregates)
    names += (names.empty() ? "" : ", ") + quoted(a.name);
  diags
      .warning(w.loc, "continuous-aggregate-stale",
               w.verb.str() + " of hypertable " + quoted(h.table->displayName()) +
                   " changes rows under continuous aggregate" +
                   (h.aggregates.size() > 1 ? "s " : " ") + names +
                   ", stale for the range it touches until its refresh policy runs")
      .hint("--refresh-continuous-aggregates refreshes them for that range once the "
            "migration commits");
}

static void checkRetention(const HypertableWrite &w, DiagnosticEngine &diags) {
  const Hypertable &h = w.hypertable;
  if (w.verb == "DELETE" || !h.dropAfter ||
      (w.verb != "INSERT" && !reachesBack(w.range.lower, h.dropAfter, std::nullopt)))
    return;
  auto d = diags.note(w.loc, "hypertable-retention",
                      "the retention policy of hypertable " + quoted(h.table->displayName()) +
                          " drops chunks older than " + *h.dropAfter + ": rows this " +
                          w.verb.str() + " writes there are dropped at its next run");
  if (h.retentionLoc.isValid())
    d.note(h.retentionLoc, "retention is set here");
}

void shc::checkTimescale(const Module &module, const AnalysisResults &,
                         DiagnosticEngine &diags) {
  bool refreshing = module.hasDialectFlag(kRefreshFlag);
  bool anyLive = false;
  for (const auto &t : module.tables)
    anyLive |= t->live || !t->liveSettings.empty();
  for (const auto &m : module.migrations)
    for (const HypertableWrite &w : hypertableWrites(*m)) {
      checkAllChunks(w, diags);
      checkCompressed(w, diags);
      checkAggregates(w, refreshing, diags);
      checkRetention(w, diags);
    }
  if (refreshing && !anyLive && !module.migrations.empty())
    diags
        .warning(module.migrations.front()->loc, "continuous-aggregate-stale",
                 "--" + std::string(kRefreshFlag) +
                     " without --uri: the continuous aggregates are read from the server, so "
                     "none is refreshed")
        .hint("give --uri with the database the migrations run on");
}
