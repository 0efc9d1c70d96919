//===- DiagnosticFormats.cpp - lint output: text, json, sarif, github -------===//

#include "tools/driver/DiagnosticFormats.h"

#include "frontend/LintConfig.h"
#include "ir/DiagnosticJson.h"
#include "ir/DiagnosticPrinter.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

LintCounts shc::countDiagnostics(llvm::ArrayRef<Diagnostic> diags) {
  LintCounts c;
  for (const Diagnostic &d : diags) {
    if (d.severity == Severity::Error)
      ++c.errors;
    else if (d.severity == Severity::Warning)
      ++c.warnings;
    else
      ++c.notes;
  }
  return c;
}

static std::string plural(unsigned n, llvm::StringRef word) {
  return std::to_string(n) + " " + word.str() + (n == 1 ? "" : "s");
}

void shc::printLintText(const LintReport &r, llvm::raw_ostream &os, bool color) {
  for (const Diagnostic &d : r.diags)
    printDiagnosticText(d, r.sources, os, color);
  LintCounts c = countDiagnostics(r.diags);
  std::string files = plural(r.numFiles, "file");
  if (!c.errors && !c.warnings) {
    os << "no problems in " << files << "\n";
    return;
  }
  os << plural(c.errors, "error") << ", " << plural(c.warnings, "warning") << " in " << files
     << "\n";
}

void shc::printLintJson(const LintReport &r, llvm::raw_ostream &os) {
  llvm::json::Array diags;
  for (const Diagnostic &d : r.diags)
    diags.push_back(diagnosticToJson(d, r.sources));
  LintCounts c = countDiagnostics(r.diags);
  llvm::json::Object summary{{"errors", static_cast<int64_t>(c.errors)},
                             {"warnings", static_cast<int64_t>(c.warnings)},
                             {"notes", static_cast<int64_t>(c.notes)},
                             {"files", static_cast<int64_t>(r.numFiles)}};
  llvm::json::Object root{{"diagnostics", std::move(diags)}, {"summary", std::move(summary)}};
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
}

/// A path as a SARIF/GitHub URI: forward slashes, the --uri prefix, and the
/// characters that would break a URI reference percent-encoded.
static std::string toUri(llvm::StringRef path, llvm::StringRef prefix) {
  std::string p = prefix.str();
  if (path.startswith("./"))
    path = path.drop_front(2);
  if (!p.empty() && p.back() != '/')
    p += '/';
  std::string s = path.startswith("/") && p.empty() ? "file://" : p;
  for (char c : path) {
    if (c == '\\')
      c = '/';
    if (c == ' ' || c == '%' || c == '#' || c == '?' || static_cast<unsigned char>(c) < 0x20) {
      static const char hex[] = "0123456789ABCDEF";
      s += '%';
      s += hex[(static_cast<unsigned char>(c) >> 4) & 15];
      s += hex[static_cast<unsigned char>(c) & 15];
    } else {
      s += c;
    }
  }
  return s;
}

static const char *sarifLevel(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}

static llvm::json::Object sarifLocation(SourceLoc loc, uint32_t length, const LintReport &r) {
  llvm::json::Object region{{"startLine", static_cast<int64_t>(loc.line)},
                            {"startColumn", static_cast<int64_t>(loc.col)}};
  if (length > 1)
    region["endColumn"] = static_cast<int64_t>(loc.col + length);
  llvm::json::Object artifact{{"uri", toUri(r.sources.getName(loc.file), r.uriPrefix)}};
  return llvm::json::Object{
      {"physicalLocation", llvm::json::Object{{"artifactLocation", std::move(artifact)},
                                              {"region", std::move(region)}}}};
}

void shc::printLintSarif(const LintReport &r, llvm::raw_ostream &os) {
  llvm::json::Array rules;
  llvm::ArrayRef<RuleInfo> catalogue = ruleCatalogue();
  for (const RuleInfo &info : catalogue)
    rules.push_back(llvm::json::Object{
        {"id", info.id},
        {"shortDescription", llvm::json::Object{{"text", info.summary}}},
        {"defaultConfiguration", llvm::json::Object{{"level", sarifLevel(info.defaultSeverity)}}},
        {"helpUri", std::string("https://github.com/schemahero/schemahero-compile/blob/main/"
                                "docs/rules.md#") +
                        info.id}});
  llvm::json::Array results;
  for (const Diagnostic &d : r.diags) {
    std::string text = d.message;
    for (const DiagnosticNote &n : d.notes)
      if (!n.loc.isValid())
        text += "\n" + n.message;
    llvm::json::Object res{{"ruleId", d.rule},
                           {"level", sarifLevel(d.severity)},
                           {"message", llvm::json::Object{{"text", text}}}};
    for (size_t i = 0; i < catalogue.size(); ++i)
      if (d.rule == catalogue[i].id)
        res["ruleIndex"] = static_cast<int64_t>(i);
    if (d.loc.isValid()) {
      res["locations"] = llvm::json::Array{sarifLocation(d.loc, d.length, r)};
      llvm::json::Array related;
      for (const DiagnosticNote &n : d.notes) {
        if (!n.loc.isValid())
          continue;
        llvm::json::Object loc = sarifLocation(n.loc, 1, r);
        loc["id"] = static_cast<int64_t>(related.size());
        loc["message"] = llvm::json::Object{{"text", n.message}};
        related.push_back(std::move(loc));
      }
      if (!related.empty())
        res["relatedLocations"] = std::move(related);
    }
    results.push_back(std::move(res));
  }
  llvm::json::Object driver{{"name", "schemahero-compile"},
                            {"version", r.toolVersion},
                            {"semanticVersion", r.toolVersion},
                            {"informationUri", "https://github.com/schemahero/schemahero-compile"},
                            {"rules", std::move(rules)}};
  llvm::json::Object run{{"tool", llvm::json::Object{{"driver", std::move(driver)}}},
                         {"columnKind", "unicodeCodePoints"},
                         {"results", std::move(results)}};
  llvm::json::Object root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                          {"version", "2.1.0"},
                          {"runs", llvm::json::Array{std::move(run)}}};
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
}

std::string shc::escapeGithubData(llvm::StringRef s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string shc::escapeGithubProperty(llvm::StringRef s) {
  std::string out;
  for (char c : escapeGithubData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

void shc::printLintGithub(const LintReport &r, llvm::raw_ostream &os) {
  for (const Diagnostic &d : r.diags) {
    const char *cmd = d.severity == Severity::Error     ? "error"
                      : d.severity == Severity::Warning ? "warning"
                                                        : "notice";
    os << "::" << cmd << ' ';
    if (d.loc.isValid()) {
      // A path, not a URI: GitHub matches it against the checkout.
      llvm::StringRef name = r.sources.getName(d.loc.file);
      if (name.startswith("./"))
        name = name.drop_front(2);
      std::string file = r.uriPrefix.empty() ? name.str() : r.uriPrefix + "/" + name.str();
      os << "file=" << escapeGithubProperty(file) << ",line=" << d.loc.line << ",col=" << d.loc.col;
      if (d.length > 1)
        os << ",endColumn=" << d.loc.col + d.length;
      os << ',';
    }
    os << "title=" << escapeGithubProperty(d.rule) << "::";
    std::string text = d.message;
    for (const DiagnosticNote &n : d.notes)
      text += "\nnote: " + n.message;
    os << escapeGithubData(text) << "\n";
  }
}
