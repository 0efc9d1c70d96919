//===- Hypertable.cpp - a hypertable's settings and a WHERE's time range --===//

#include "backends/timescaledb/Hypertable.h"

#include "ir/Expr.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"

#include <cstdlib>

using namespace shc;

static std::optional<std::string> settingText(llvm::ArrayRef<Setting> settings,
                                              llvm::StringRef path, SourceLoc *loc = nullptr) {
  const Setting *s = findSetting(settings, path);
  if (!s || s->value.empty())
    return std::nullopt;
  if (loc)
    *loc = s->loc;
  return s->value;
}

static bool hasPrefix(llvm::ArrayRef<Setting> settings, llvm::StringRef prefix, SourceLoc &loc) {
  for (const Setting &s : settings)
    if (llvm::StringRef(s.path).startswith(prefix)) {
      loc = s.loc;
      return true;
    }
  return false;
}

std::optional<Hypertable> shc::readHypertable(const Table &t) {
  Hypertable h;
  h.table = &t;
  const auto &spec = t.settings;
  const auto &live = t.liveSettings;
  if (auto col = settingText(spec, "hypertable.timeColumnName", &h.timeLoc))
    h.timeColumn = *col;
  else if (auto col = settingText(live, "hypertable.timeColumn", &h.timeLoc))
    h.timeColumn = *col;
  else
    return std::nullopt;
  h.compression = hasPrefix(spec, "hypertable.compression", h.compressionLoc) ||
                  settingText(live, "compression.enabled") == std::optional<std::string>("true");
  h.compressAfter = settingText(spec, "hypertable.compression.interval", &h.compressionLoc);
  if (!h.compressAfter)
    h.compressAfter = settingText(live, "compression.compressAfter");
  h.dropAfter = settingText(spec, "hypertable.retention.interval", &h.retentionLoc);
  if (!h.dropAfter)
    h.dropAfter = settingText(live, "retention.dropAfter", &h.retentionLoc);
  auto count = [&](llvm::StringRef path) -> std::optional<unsigned> {
    unsigned n;
    if (auto v = settingText(live, path); v && !llvm::StringRef(*v).getAsInteger(10, n))
      return n;
    return std::nullopt;
  };
  h.chunks = count("chunks");
  h.compressedChunks = count("compression.compressedChunks");
  h.compressedUntil = settingText(live, "compression.compressedUntil");
  h.version = settingText(live, "timescaledb.version");
  for (unsigned i = 0;; ++i) {
    std::string at = "continuousAggregates[" + std::to_string(i) + "].";
    std::optional<std::string> name = settingText(live, at + "name");
    if (!name)
      break;
    h.aggregates.push_back({*name, settingText(live, at + "bucketWidth").value_or("")});
  }
  return h;
}

// --- intervals ------------------------------------------------------------------

static std::optional<double> unitSeconds(llvm::StringRef unit) {
  std::string u = unit.lower();
  llvm::StringRef w(u);
  if (w.size() > 1 && w.endswith("s") && w != "ms" && w != "us")
    w = w.drop_back();
  static const struct {
    const char *names[4];
    double seconds;
  } units[] = {
      {{"microsecond", "us", "usec", nullptr}, 1e-6},
      {{"millisecond", "ms", "msec", nullptr}, 1e-3},
      {{"second", "sec", "s", nullptr}, 1},
      {{"minute", "min", "m", nullptr}, 60},
      {{"hour", "hr", "h", nullptr}, 3600},
      {{"day", "d", nullptr, nullptr}, 86400},
      {{"week", "w", nullptr, nullptr}, 7 * 86400},
      {{"month", "mon", nullptr, nullptr}, 30 * 86400},
      {{"year", "yr", "y", nullptr}, 365.25 * 86400},
  };
  for (const auto &e : units)
    for (const char *n : e.names)
      if (n && w == n)
        return e.seconds;
  return std::nullopt;
}

std::optional<double> shc::intervalSeconds(llvm::StringRef text) {
  llvm::StringRef s = text.trim();
  if (s.empty())
    return std::nullopt;
  double total = 0;
  bool any = false;
  while (!s.empty()) {
    s = s.ltrim();
    bool negative = s.consume_front("-");
    s.consume_front("+");
    size_t n = 0;
    while (n < s.size() && (llvm::isDigit(s[n]) || s[n] == '.'))
      ++n;
    if (n == 0)
      return std::nullopt;
    double value = std::strtod(s.take_front(n).str().c_str(), nullptr);
    s = s.drop_front(n);
    if (s.startswith(":")) { // HH:MM[:SS]
      double parts[3] = {value, 0, 0};
      for (int i = 1; i < 3 && s.consume_front(":"); ++i) {
        size_t m = 0;
        while (m < s.size() && (llvm::isDigit(s[m]) || s[m] == '.'))
          ++m;
        parts[i] = std::strtod(s.take_front(m).str().c_str(), nullptr);
        s = s.drop_front(m);
      }
      value = parts[0] * 3600 + parts[1] * 60 + parts[2];
    } else {
      s = s.ltrim();
      size_t m = 0;
      while (m < s.size() && llvm::isAlpha(s[m]))
        ++m;
      std::optional<double> unit = unitSeconds(s.take_front(m));
      if (!unit)
        return std::nullopt;
      value *= *unit;
      s = s.drop_front(m);
    }
    total += negative ? -value : value;
    any = true;
    s = s.ltrim();
  }
  return any ? std::optional<double>(total) : std::nullopt;
}

bool shc::versionBefore(llvm::StringRef version, unsigned major, unsigned minor) {
  auto [maj, rest] = version.split('.');
  unsigned a = 0, b = 0;
  if (maj.getAsInteger(10, a))
    return false;
  (void)rest.split('.').first.getAsInteger(10, b);
  return a < major || (a == major && b < minor);
}

// --- the time range of a WHERE ---------------------------------------------------

static bool isTimeColumn(const Expr *e, llvm::StringRef column) {
  while (auto *c = llvm::dyn_cast_or_null<CastExpr>(e))
    e = c->operand.get();
  auto *ref = llvm::dyn_cast_or_null<ColumnRefExpr>(e);
  return ref && ref->name == column;
}

static bool isNow(const Expr *e) {
  auto *call = llvm::dyn_cast_or_null<FuncCallExpr>(e);
  if (!call || !call->args.empty())
    return false;
  for (llvm::StringRef n : {"now", "current_timestamp", "localtimestamp", "transaction_timestamp",
                            "statement_timestamp", "clock_timestamp"})
    if (call->name == n)
      return true;
  return false;
}

/// The text of a string literal, also under casts (`timestamptz '...'`).
static const LiteralExpr *stringLiteral(const Expr *e) {
  while (auto *c = llvm::dyn_cast_or_null<CastExpr>(e))
    e = c->operand.get();
  auto *lit = llvm::dyn_cast_or_null<LiteralExpr>(e);
  return lit && lit->litKind == LiteralExpr::LitKind::String ? lit : nullptr;
}

static TimeBound boundOf(const Expr *e) {
  TimeBound b;
  b.expr = e;
  b.kind = TimeBound::Kind::Unknown;
  if (isNow(e)) {
    b.kind = TimeBound::Kind::Relative;
    return b;
  }
  if (auto *bin = llvm::dyn_cast<BinaryExpr>(e);
      bin && (bin->op == BinaryExpr::Op::Sub || bin->op == BinaryExpr::Op::Add) && isNow(bin->lhs.get()))
    if (const LiteralExpr *lit = stringLiteral(bin->rhs.get()))
      if (std::optional<double> secs = intervalSeconds(lit->text)) {
        b.kind = TimeBound::Kind::Relative;
        b.age = bin->op == BinaryExpr::Op::Sub ? *secs : -*secs;
        return b;
      }
  if (const LiteralExpr *lit = stringLiteral(e)) {
    b.kind = TimeBound::Kind::Absolute;
    b.text = lit->text;
  }
  return b;
}

/// Keeps the tighter of two bounds of the same end where they compare.
static void tighten(TimeBound &have, const TimeBound &next, bool lower) {
  if (have.kind == TimeBound::Kind::None || have.kind == TimeBound::Kind::Unknown) {
    if (next.kind != TimeBound::Kind::None)
      have = next;
    return;
  }
  if (have.kind == TimeBound::Kind::Relative && next.kind == TimeBound::Kind::Relative &&
      (lower ? next.age < have.age : next.age > have.age))
    have = next;
}

static void collect(const Expr *e, llvm::StringRef column, TimeRange &r) {
  if (!e)
    return;
  if (auto *bin = llvm::dyn_cast<BinaryExpr>(e)) {
    using Op = BinaryExpr::Op;
    if (bin->op == Op::And) {
      collect(bin->lhs.get(), column, r);
      collect(bin->rhs.get(), column, r);
      return;
    }
    Op op = bin->op;
    const Expr *other = nullptr;
    if (isTimeColumn(bin->lhs.get(), column)) {
      other = bin->rhs.get();
    } else if (isTimeColumn(bin->rhs.get(), column)) {
      other = bin->lhs.get();
      op = op == Op::Lt ? Op::Gt : op == Op::Gt ? Op::Lt : op == Op::Le ? Op::Ge
           : op == Op::Ge ? Op::Le : op;
    }
    if (!other)
      return;
    TimeBound b = boundOf(other);
    if (op == Op::Gt || op == Op::Ge || op == Op::Eq)
      tighten(r.lower, b, true), r.constrained = true;
    if (op == Op::Lt || op == Op::Le || op == Op::Eq)
      tighten(r.upper, b, false), r.constrained = true;
    return;
  }
  if (auto *between = llvm::dyn_cast<BetweenExpr>(e);
      between && !between->negated && !between->symmetric &&
      isTimeColumn(between->operand.get(), column)) {
    tighten(r.lower, boundOf(between->low.get()), true);
    tighten(r.upper, boundOf(between->high.get()), false);
    r.constrained = true;
  }
  if (auto *in = llvm::dyn_cast<InListExpr>(e); in && !in->negated &&
                                                 isTimeColumn(in->operand.get(), column)) {
    // Bounded, but by values this analysis does not order.
    tighten(r.lower, TimeBound{TimeBound::Kind::Unknown}, true);
    tighten(r.upper, TimeBound{TimeBound::Kind::Unknown}, false);
    r.constrained = true;
  }
}

TimeRange shc::timeRange(const Expr *where, llvm::StringRef timeColumn) {
  TimeRange r;
  collect(where, timeColumn, r);
  return r;
}
