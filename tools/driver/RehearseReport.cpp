//===- RehearseReport.cpp - apply --rehearse's report ---------------------===//

#include "tools/driver/RehearseReport.h"

#include "ir/Runtime.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

std::string shc::timeoutText(unsigned ms) {
  if (!ms)
    return "off";
  return ms % 1000 ? std::to_string(ms) + "ms" : std::to_string(ms / 1000) + "s";
}

/// "would apply", "would fail", "skipped", "not run".
static llvm::StringRef verdict(const StepOutcome &s) {
  switch (s.status) {
  case StepStatus::DryRun:
  case StepStatus::Applied:
    return "would apply";
  case StepStatus::Skipped:
    return "skipped";
  case StepStatus::NotRun:
    return "not run";
  default:
    return "would fail";
  }
}

static std::string plural(uint64_t n, llvm::StringRef word) {
  return std::to_string(n) + " " + word.str() + (n == 1 ? "" : "s");
}

static std::string msText(double ms) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format("%.1f ms", ms);
  return s;
}

static std::string what(const OpRehearsal &o) {
  std::string s = o.kind;
  if (!o.table.empty())
    s += (o.isDelete ? " deletes from " : " on ") + o.table;
  if (!o.columns.empty()) {
    s += " sets";
    for (size_t i = 0; i < o.columns.size(); ++i)
      s += (i ? ", " : " ") + o.columns[i];
  }
  return s;
}

static std::string summary(const ApplyReport &report) {
  unsigned apply = 0, fail = 0, skipped = 0, notRun = 0;
  for (const StepOutcome &s : report.steps) {
    llvm::StringRef v = verdict(s);
    (v == "would apply" ? apply : v == "would fail" ? fail : v == "skipped" ? skipped : notRun)++;
  }
  std::string s = std::to_string(apply) + " would apply, " + std::to_string(fail) + " would fail";
  if (skipped)
    s += ", " + std::to_string(skipped) + " skipped";
  if (notRun)
    s += ", " + std::to_string(notRun) + " not run";
  return s;
}

static std::string settingsLine(const RehearsalSettings &st) {
  return "lock_timeout " + timeoutText(st.lockTimeoutMs) + ", statement_timeout " +
         timeoutText(st.statementTimeoutMs) +
         " (--lock-timeout and --statement-timeout change them; 0 turns one off)";
}

static void printText(const ApplyReport &report, const RehearsalSettings &st,
                      llvm::raw_ostream &os) {
  os << "rehearsal: " << settingsLine(st) << "\n";
  for (const StepOutcome &s : report.steps) {
    std::string v = verdict(s).str();
    os << v << std::string(v.size() < 12 ? 12 - v.size() : 1, ' ') << s.name;
    if (s.rehearsal.ran)
      os << " (" << plural(s.rows, "row") << ", " << msText(s.rehearsal.ms) << ")";
    else if (!s.note.empty())
      os << " (" << s.note << ")";
    os << "\n";
    for (size_t i = 0; i < s.rehearsal.ops.size(); ++i) {
      const OpRehearsal &o = s.rehearsal.ops[i];
      os << "  #" << i + 1 << " " << what(o);
      if (o.ran)
        os << ": " << plural(o.rows, "row");
      os << "\n";
      for (const RowSample &r : o.samples)
        os << "     " << r.key << "  " << r.before << (o.ran ? " -> " : "")
           << (o.ran ? (r.after.empty() ? std::string("(deleted)") : r.after) : "") << "\n";
      if (!o.note.empty())
        os << "     note: " << o.note << "\n";
      if (!o.error.empty())
        os << "     error: " << o.error << "\n";
      if (!o.offendingKey.empty())
        os << "     first offending row: " << o.offendingKey << "\n";
    }
    if (s.rehearsal.ops.empty() && !s.error.empty())
      os << "  error: " << s.error << "\n";
    if (s.rehearsal.ran && s.rehearsal.locks.empty() && s.error.empty())
      os << "  locks: no new ones (an earlier migration of this rehearsal took them)\n";
    if (s.rehearsal.ran && !s.rehearsal.locks.empty()) {
      os << "  locks:";
      for (size_t i = 0; i < s.rehearsal.locks.size(); ++i)
        os << (i ? ", " : " ") << s.rehearsal.locks[i];
      os << "\n";
    }
  }
  os << "rehearsal: " << summary(report) << "; everything was rolled back\n";
}

static llvm::json::Value rawJson(const std::string &text) {
  if (text.empty())
    return nullptr;
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(text);
  if (v)
    return std::move(*v);
  llvm::consumeError(v.takeError());
  return text;
}

static void printJson(const ApplyReport &report, const RehearsalSettings &st,
                      llvm::raw_ostream &os) {
  llvm::json::Array steps;
  for (const StepOutcome &s : report.steps) {
    llvm::json::Array ops;
    for (const OpRehearsal &o : s.rehearsal.ops) {
      llvm::json::Array samples;
      for (const RowSample &r : o.samples)
        samples.push_back(llvm::json::Object{
            {"key", rawJson(r.key)}, {"before", rawJson(r.before)}, {"after", rawJson(r.after)}});
      llvm::json::Array cols;
      for (const std::string &c : o.columns)
        cols.push_back(c);
      ops.push_back(llvm::json::Object{
          {"kind", o.kind},
          {"table", o.table.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(o.table)},
          {"statement", o.table.empty() ? "" : o.isDelete ? "delete" : "update"},
          {"columns", std::move(cols)},
          {"ran", o.ran},
          {"rows", static_cast<int64_t>(o.rows)},
          {"samples", std::move(samples)},
          {"error", o.error.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(o.error)},
          {"offendingKey", rawJson(o.offendingKey)},
          {"note", o.note.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(o.note)}});
    }
    llvm::json::Array locks;
    for (const std::string &l : s.rehearsal.locks)
      locks.push_back(l);
    steps.push_back(llvm::json::Object{
        {"name", s.name},
        {"result", verdict(s)},
        {"rows", static_cast<int64_t>(s.rows)},
        {"microseconds", s.rehearsal.ran
                             ? llvm::json::Value(static_cast<int64_t>(s.rehearsal.ms * 1000))
                             : llvm::json::Value(nullptr)},
        {"note", s.note.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(s.note)},
        {"error", s.error.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(s.error)},
        {"operations", std::move(ops)},
        {"locks", std::move(locks)}});
  }
  llvm::json::Object root{
      {"lockTimeoutMs", st.lockTimeoutMs},
      {"statementTimeoutMs", st.statementTimeoutMs},
      {"sampleRows", st.sampleRows},
      {"ok", report.ok()},
      {"error", report.setupError.empty() ? llvm::json::Value(nullptr)
                                          : llvm::json::Value(report.setupError)},
      {"rolledBack", true},
      {"migrations", std::move(steps)}};
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
}

/// `text` as a Markdown code span inside a table cell.
static std::string cell(llvm::StringRef text) {
  std::string s;
  for (char c : text) {
    if (c == '|')
      s += "\\|";
    else if (c == '\n')
      s += ' ';
    else
      s += c;
  }
  std::string fence = llvm::StringRef(s).contains('`') ? "`` " : "`";
  std::string close = fence == "`" ? "`" : " ``";
  return fence + s + close;
}

static void printMarkdown(const ApplyReport &report, const RehearsalSettings &st,
                          llvm::raw_ostream &os) {
  os << "## Rehearsal: " << summary(report) << "\n\n"
     << "Every migration ran in one transaction that was rolled back; "
     << settingsLine(st) << ".\n\n";
  if (!report.setupError.empty())
    os << "**error:** " << report.setupError << "\n\n";
  os << "| migration | result | rows | time | locks |\n| --- | --- | --- | --- | --- |\n";
  for (const StepOutcome &s : report.steps) {
    std::string locks;
    for (const std::string &l : s.rehearsal.locks)
      locks += (locks.empty() ? "" : ", ") + l;
    if (locks.empty() && s.rehearsal.ran && s.error.empty())
      locks = "none new";
    os << "| " << cell(s.name) << " | " << verdict(s) << " | "
       << (s.rehearsal.ran ? std::to_string(s.rows) : "") << " | "
       << (s.rehearsal.ran ? msText(s.rehearsal.ms) : "") << " | " << locks << " |\n";
  }
  for (const StepOutcome &s : report.steps) {
    if (!s.rehearsal.ran)
      continue;
    os << "\n### " << cell(s.name) << "\n";
    for (size_t i = 0; i < s.rehearsal.ops.size(); ++i) {
      const OpRehearsal &o = s.rehearsal.ops[i];
      os << "\n**#" << i + 1 << "** " << what(o);
      if (o.ran)
        os << ": " << plural(o.rows, "row");
      os << "\n";
      if (!o.error.empty())
        os << "\n**error:** " << cell(o.error) << "\n";
      if (!o.offendingKey.empty())
        os << "\nfirst offending row: " << cell(o.offendingKey) << "\n";
      if (!o.note.empty())
        os << "\nnote: " << o.note << "\n";
      if (o.samples.empty())
        continue;
      os << "\n| key | before | after |\n| --- | --- | --- |\n";
      for (const RowSample &r : o.samples)
        os << "| " << cell(r.key) << " | " << cell(r.before) << " | "
           << (!o.ran ? "" : r.after.empty() ? "(deleted)" : cell(r.after)) << " |\n";
    }
  }
}

int shc::printRehearsal(const ApplyReport &report, const RehearsalSettings &settings,
                        llvm::StringRef format) {
  llvm::raw_ostream &os = llvm::outs();
  if (format == "json")
    printJson(report, settings, os);
  else if (format == "markdown")
    printMarkdown(report, settings, os);
  else
    printText(report, settings, os);
  for (const StepOutcome &s : report.steps)
    if (!s.error.empty() && format != "json")
      llvm::errs() << "schemahero-compile: error: migration '" << s.name
                   << "' would fail: " << s.error << "\n";
  return report.ok() ? 0 : 1;
}
