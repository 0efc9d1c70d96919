#include "ir/DiagnosticJson.h"

#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

using namespace shc;

static void addLoc(llvm::json::Object &o, SourceLoc loc, const SourceManager &sm) {
  if (!loc.isValid()) return;
  o["file"] = sm.getName(loc.file).str();
  o["line"] = static_cast<int64_t>(loc.line);
  o["column"] = static_cast<int64_t>(loc.col);
}

llvm::json::Value shc::diagnosticToJson(const Diagnostic &d, const SourceManager &sm) {
  llvm::json::Object o;
  addLoc(o, d.loc, sm);
  if (d.loc.isValid() && d.length > 1) {
    o["endLine"] = static_cast<int64_t>(d.loc.line);
    o["endColumn"] = static_cast<int64_t>(d.loc.col + d.length);
  }
  o["severity"] = severityName(d.severity).str();
  o["rule"] = d.rule;
  o["message"] = d.message;
  llvm::json::Array notes;
  for (const DiagnosticNote &n : d.notes) {
    llvm::json::Object no;
    addLoc(no, n.loc, sm);
    no["message"] = n.message;
    notes.push_back(std::move(no));
  }
  o["notes"] = std::move(notes);
  return llvm::json::Value(std::move(o));
}
