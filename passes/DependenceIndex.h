#pragma once

#include "ir/Location.h"

#include <utility>
#include <vector>

namespace shc {

class RequiresOrder;

/// The migrations that access one column (or one table's rows) in one phase,
/// in execution order, with where each first does so. Answers "how many of
/// them run before v without `requires` putting them there, and which is the
/// first" without comparing pairs: per chain of RequiresOrder, v's ancestors
/// are a prefix, so counting them is one binary search per label.
class AccessList {
public:
  struct Access {
    unsigned pos; ///< in the execution order
    SourceLoc loc;
  };

  /// Adds in execution order; a second access by the same migration is
  /// ignored (the first one is the one reported).
  void add(unsigned pos, SourceLoc loc) {
    if (items.empty() || items.back().pos != pos)
      items.push_back({pos, loc});
  }
  /// Call once after the last add().
  void finish(const RequiresOrder &order);

  /// The migrations of the list that run before `v` and are not required by
  /// it, directly or transitively: the ones only the name tie-break orders.
  unsigned countUnorderedBefore(unsigned v, const RequiresOrder &order) const;
  /// The first of them in execution order; countUnorderedBefore must be > 0.
  const Access &firstUnorderedBefore(unsigned v, const RequiresOrder &order) const;

private:
  std::vector<Access> items;
  /// (chain, index on chain) of each item, sorted: v's ancestors per chain.
  std::vector<std::pair<unsigned, unsigned>> byChain;
  /// One past the last item of the run of same-chain items that i starts.
  std::vector<unsigned> runEnd;
};

} // namespace shc
