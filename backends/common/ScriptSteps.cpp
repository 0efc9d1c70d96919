//===- ScriptSteps.cpp - a compiled file's steps, read back ---------------===//

#include "backends/common/ScriptSteps.h"

using namespace shc;

namespace {

class Assembler {
public:
  Assembler(const SplitFile &file, const StepRules &rules) : file(file), rules(rules) {}

  /// The step under marker `m`, statements [first, last).
  ScriptStep step(const MigrationMarker &m, size_t first, size_t last) {
    ScriptStep step;
    step.name = m.name;
    step.phase = m.phase;
    step.empty = m.empty;
    auto fail = [&](const std::string &why) {
      if (problem.empty())
        problem = "migration " + m.name + " " + why;
      return step;
    };
    if (m.empty)
      return first == last ? step : fail("has no operations but holds statements");
    size_t end = last; // statements [end, last) run after the block commits
    while (rules.afterCommit && end > first && rules.afterCommit(end - 1))
      --end;
    if (end != last)
      step.afterCommit =
          file.text.slice(file.statements[end].begin, file.statements[last - 1].end).str() + "\n";
    last = end;
    if (last - first < 2 || !rules.opens(first) || !rules.closes(last - 1))
      return fail("is not one " + rules.block.str() + " block");
    std::optional<LedgerRecord> record;
    for (size_t i = first + 1; i + 1 < last; ++i) {
      if (std::string word = rules.ownControl(i); !word.empty())
        return fail("holds a " + word + " of its own");
      bool unreadable = false;
      std::optional<LedgerRecord> r = rules.ledgerRow(i, unreadable);
      if (unreadable)
        return fail("writes a ledger row apply cannot read");
      if (r && record)
        return fail("writes two ledger rows");
      if (r)
        record = std::move(r);
    }
    if (record && (commentSafe(record->name) != m.name || record->phase != m.phase))
      return fail("writes the ledger row of migration " + commentSafe(record->name));
    llvm::StringRef text = file.text;
    size_t from = file.statements[first].end;
    if (from < text.size() && text[from] == '\n')
      ++from;
    step.sql = text.slice(from, file.statements[last - 1].begin).str();
    if (record)
      step.name = record->name;
    step.ledger = std::move(record);
    return step;
  }

  std::string problem;

private:
  const SplitFile &file;
  const StepRules &rules;
};

} // namespace

ParsedScript shc::assembleSteps(CompiledScript script, const SplitFile &file,
                                const StepRules &rules, llvm::StringRef fallbackName) {
  ParsedScript r;
  r.script = std::move(script);
  Assembler a(file, rules);
  a.problem = file.problem;
  auto whole = [&] {
    return wholeFileScript(std::move(r.script), file.text, fallbackName,
                           file.markers.empty() ? llvm::StringRef() : llvm::StringRef(a.problem));
  };
  if (file.markers.empty() || !a.problem.empty())
    return whole();
  const std::vector<StatementSpan> &st = file.statements;
  r.script.preamble = file.text.take_front(file.markers.front().begin).str();
  size_t next = 0; // the preamble's statements run as they are
  while (next < st.size() && st[next].begin < file.markers.front().begin)
    ++next;
  for (size_t k = 0; k < file.markers.size() && a.problem.empty(); ++k) {
    size_t end = k + 1 < file.markers.size() ? file.markers[k + 1].begin : file.text.size();
    size_t first = next;
    while (next < st.size() && st[next].begin < end)
      ++next;
    r.script.steps.push_back(a.step(file.markers[k], first, next));
  }
  if (!a.problem.empty())
    return whole();
  return r;
}
