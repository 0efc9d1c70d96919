//===- PlanGraph.cpp - the requires graph as Graphviz dot and mermaid -----===//
//
// Edges point from a requirement to the migration that waits for it, the way
// the migrations run. A requirement on a Table is drawn as that table's
// schema change.
//
//===----------------------------------------------------------------------===//

#include "tools/driver/PlanModel.h"

#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace shc;

namespace {
struct GraphEdge {
  std::string from, to; ///< node ids
};
struct Graph {
  /// id, label, phase ("" for a schema change)
  std::vector<std::tuple<std::string, std::string, std::string>> nodes;
  std::vector<GraphEdge> edges;
};
} // namespace

static Graph buildGraph(const Plan &plan, const Module &module) {
  Graph g;
  llvm::StringMap<std::string> ids;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Migration &m = *plan.steps[i].migration;
    std::string id = "m" + llvm::utostr(i + 1);
    ids.try_emplace(m.name, id);
    g.nodes.emplace_back(id, m.name, phaseName(m.phase).str());
  }
  for (size_t i = 0; i < plan.steps.size(); ++i) // `requires` may use metadata.name
    if (!plan.steps[i].migration->metadataName.empty())
      ids.try_emplace(plan.steps[i].migration->metadataName, "m" + llvm::utostr(i + 1));
  unsigned tables = 0;
  for (const PlanStep &s : plan.steps)
    for (const Requirement &r : s.migration->requires) {
      auto it = ids.find(r.name);
      if (it == ids.end()) {
        if (!module.findTableByName(r.name, s.migration->database))
          continue; // unknown: reported
        std::string id = "t" + llvm::utostr(++tables);
        it = ids.try_emplace(r.name, id).first;
        g.nodes.emplace_back(id, r.name + " (schema change)", "");
      }
      g.edges.push_back({it->second, ids[s.migration->name]});
    }
  return g;
}

static std::string dotQuoted(llvm::StringRef s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}

void shc::printPlanDot(const Plan &plan, const Module &module, llvm::raw_ostream &os) {
  Graph g = buildGraph(plan, module);
  os << "digraph migrations {\n  rankdir=LR;\n  node [shape=box];\n";
  for (auto &[id, label, phase] : g.nodes) {
    std::string quoted = dotQuoted(label);
    if (!phase.empty())
      quoted.insert(quoted.size() - 1, "\\n" + phase); // a dot line break
    os << "  " << id << " [label=" << quoted;
    if (phase.empty())
      os << ", shape=cylinder";
    else if (phase == "before_schema")
      os << ", style=dashed";
    os << "];\n";
  }
  for (const GraphEdge &e : g.edges)
    os << "  " << e.from << " -> " << e.to << ";\n";
  os << "}\n";
}

/// Mermaid labels are quoted; a quote or markup inside becomes an entity.
static std::string mermaidLabel(llvm::StringRef s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"':
      out += "#quot;";
      break;
    case '<':
      out += "#lt;";
      break;
    case '>':
      out += "#gt;";
      break;
    case '\n':
    case '\r':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
  return out + "\"";
}

void shc::printPlanMermaid(const Plan &plan, const Module &module, llvm::raw_ostream &os) {
  Graph g = buildGraph(plan, module);
  os << "graph LR\n";
  for (auto &[id, label, phase] : g.nodes) {
    if (phase.empty())
      os << "  " << id << "[(" << mermaidLabel(label) << ")]\n";
    else
      os << "  " << id << "[" << mermaidLabel(label + " · " + phase) << "]\n";
  }
  for (const GraphEdge &e : g.edges)
    os << "  " << e.from << " --> " << e.to << "\n";
}
