//===- CompiledScript.cpp - A compiled migration file, as data ------------===//

#include "ir/CompiledScript.h"

using namespace shc;

std::string shc::commentSafe(llvm::StringRef text) {
  std::string s;
  s.reserve(text.size());
  for (char c : text)
    s += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return s;
}

std::string shc::migrationMarker(llvm::StringRef name, Phase phase) {
  return "-- migration: " + commentSafe(name) + " (" + phaseName(phase).str() + ")";
}

llvm::StringRef shc::emptyStepSuffix() { return ": no operations for this dialect"; }

llvm::StringRef shc::schemaChangesLine() { return "-- schema changes run here (SchemaHero DDL)"; }

std::string shc::renderScript(const CompiledScript &script) {
  std::string out = script.header;
  if (!script.preamble.empty())
    out += "\n" + script.preamble;
  for (size_t i = 0; i < script.steps.size(); ++i) {
    const ScriptStep &step = script.steps[i];
    if (i && script.steps[i - 1].phase == Phase::BeforeSchema && step.phase == Phase::AfterSchema)
      out += "\n" + schemaChangesLine().str() + "\n";
    out += "\n" + migrationMarker(step.name, step.phase);
    if (step.empty) {
      out += emptyStepSuffix().str() + "\n";
      continue;
    }
    out += "\n";
    if (!script.beginTransaction.empty())
      out += script.beginTransaction + "\n";
    out += step.sql;
    if (!script.commitTransaction.empty())
      out += script.commitTransaction + "\n";
    out += step.afterCommit;
  }
  return out;
}

std::optional<MigrationMarker> shc::parseMigrationMarker(llvm::StringRef line) {
  if (!line.consume_front("-- migration: "))
    return std::nullopt;
  MigrationMarker m;
  m.empty = line.consume_back(emptyStepSuffix());
  for (Phase p : {Phase::BeforeSchema, Phase::AfterSchema})
    if (line.consume_back(" (" + phaseName(p).str() + ")")) {
      m.name = line.str();
      m.phase = p;
      return m;
    }
  return std::nullopt;
}

std::string shc::headerDialect(llvm::StringRef text) {
  while (!text.empty()) {
    llvm::StringRef line;
    std::tie(line, text) = text.split('\n');
    line = line.trim();
    if (line.empty())
      continue;
    if (!line.consume_front("--"))
      return "";
    line = line.ltrim();
    if (line.consume_front("dialect:"))
      return line.trim().str();
  }
  return "";
}
