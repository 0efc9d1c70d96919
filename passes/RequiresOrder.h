#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"

#include <utility>
#include <vector>

namespace shc {

class Module;
struct Migration;

/// The order `requires` imposes, directly or transitively, on the migrations
/// of AnalysisResults::executionOrder, numbered by their position there.
/// Read-only.
///
/// The graph is covered by chains: each migration continues the chain of one
/// of its requirements when that chain ends there, else starts its own. A
/// migration keeps, for each chain holding one of its ancestors, the last
/// such position on the chain (ancestors on a chain are a prefix of it), so
/// "does a run before b" is a binary search. Building it costs the edges
/// plus these labels: one entry per migration in a history, none for an
/// independent one, at most the width of the graph (its largest set of
/// mutually unordered migrations) per migration.
class RequiresOrder {
public:
  /// (chain, index on that chain of the last ancestor there), by chain.
  using Label = std::pair<unsigned, unsigned>;

  explicit RequiresOrder(llvm::ArrayRef<const Migration *> order);

  unsigned size() const { return static_cast<unsigned>(chain.size()); }
  /// Position of `m` in the execution order; size() when it has none.
  unsigned position(const Migration *m) const;
  unsigned chainOf(unsigned v) const { return chain[v]; }
  unsigned indexOnChain(unsigned v) const { return index[v]; }
  llvm::ArrayRef<Label> ancestors(unsigned v) const {
    return llvm::makeArrayRef(labels).slice(labelStart[v], labelStart[v + 1] - labelStart[v]);
  }
  /// The last index on `c` that is an ancestor of `v`, or -1.
  long lastAncestorOn(unsigned v, unsigned c) const;
  /// True when `a` runs before `b` because `b` requires it, transitively.
  bool isAncestor(unsigned a, unsigned b) const {
    return lastAncestorOn(b, chain[a]) >= static_cast<long>(index[a]);
  }

private:
  llvm::DenseMap<const Migration *, unsigned> positions;
  std::vector<unsigned> chain, index;
  std::vector<Label> labels;         ///< every migration's, concatenated
  std::vector<unsigned> labelStart;  ///< size() + 1 offsets into labels
};

} // namespace shc
