//===- DependenceIndex.cpp - who touches a column, in execution order -----===//

#include "passes/DependenceIndex.h"

#include "passes/RequiresOrder.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace shc;

void AccessList::finish(const RequiresOrder &order) {
  byChain.clear();
  for (const Access &a : items)
    byChain.push_back({order.chainOf(a.pos), order.indexOnChain(a.pos)});
  llvm::sort(byChain);
  runEnd.assign(items.size(), 0);
  for (size_t i = items.size(); i-- > 0;) {
    bool sameAsNext = i + 1 < items.size() &&
                      order.chainOf(items[i + 1].pos) == order.chainOf(items[i].pos);
    runEnd[i] = sameAsNext ? runEnd[i + 1] : static_cast<unsigned>(i + 1);
  }
}

unsigned AccessList::countUnorderedBefore(unsigned v, const RequiresOrder &order) const {
  auto end = std::lower_bound(items.begin(), items.end(), v,
                              [](const Access &a, unsigned p) { return a.pos < p; });
  unsigned before = static_cast<unsigned>(end - items.begin());
  if (before == 0)
    return 0;
  // Every ancestor runs before v; count those in the list, chain by chain.
  unsigned ancestors = 0;
  for (const RequiresOrder::Label &l : order.ancestors(v)) {
    auto lo = std::lower_bound(byChain.begin(), byChain.end(), std::make_pair(l.first, 0u));
    auto hi = std::upper_bound(lo, byChain.end(), std::make_pair(l.first, l.second));
    ancestors += static_cast<unsigned>(hi - lo);
  }
  return before - ancestors;
}

const AccessList::Access &AccessList::firstUnorderedBefore(unsigned v,
                                                           const RequiresOrder &order) const {
  // Walk in execution order, a run of same-chain items at a time: within a
  // run the ancestors of v come first, so one binary search ends the run.
  size_t i = 0;
  while (i < items.size() && items[i].pos < v) {
    long last = order.lastAncestorOn(v, order.chainOf(items[i].pos));
    auto runBegin = items.begin() + static_cast<long>(i);
    auto runStop = items.begin() + runEnd[i];
    auto it = std::partition_point(runBegin, runStop, [&](const Access &a) {
      return static_cast<long>(order.indexOnChain(a.pos)) <= last;
    });
    if (it != runStop && it->pos < v)
      return *it;
    i = runEnd[i];
  }
  return items.front(); // not reached when the count is positive
}
