//===- RequiresOrder.cpp - reachability over the requires graph -----------===//
//
// Chain labels (see RequiresOrder.h) instead of a bitset per migration: the
// bitsets cost n^2/8 bytes, 12.5 MB for a history of 10,000 migrations and
// 1.25 GB for 100,000, while a history needs one label per migration.
//
//===----------------------------------------------------------------------===//

#include "passes/RequiresOrder.h"

#include "ir/Module.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>

using namespace shc;

RequiresOrder::RequiresOrder(llvm::ArrayRef<const Migration *> order) {
  unsigned n = static_cast<unsigned>(order.size());
  llvm::StringMap<unsigned> byName;
  for (unsigned v = 0; v < n; ++v) {
    positions.try_emplace(order[v], v);
    byName.try_emplace(order[v]->name, v);
  }
  chain.assign(n, 0);
  index.assign(n, 0);
  labelStart.assign(1, 0);
  std::vector<unsigned> tail; // chain -> its last position so far
  std::vector<Label> merged;
  for (unsigned v = 0; v < n; ++v) {
    merged.clear();
    // Continue the chain of the latest requirement that ends one; every
    // requirement comes earlier in the execution order.
    long extend = -1;
    for (const Requirement &r : order[v]->requires) {
      auto it = byName.find(r.name);
      if (it == byName.end() || it->second >= v)
        continue;
      unsigned u = it->second;
      for (const Label &l : ancestors(u))
        merged.push_back(l);
      merged.push_back({chain[u], index[u]});
      if (tail[chain[u]] == u && static_cast<long>(u) > extend)
        extend = u;
    }
    if (extend >= 0) {
      chain[v] = chain[extend];
      index[v] = index[extend] + 1;
    } else {
      chain[v] = static_cast<unsigned>(tail.size());
      tail.push_back(v);
    }
    tail[chain[v]] = v;
    // One entry per chain, the furthest ancestor on it.
    llvm::sort(merged, [](const Label &a, const Label &b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    merged.erase(std::unique(merged.begin(), merged.end(),
                             [](const Label &a, const Label &b) { return a.first == b.first; }),
                 merged.end());
    labels.insert(labels.end(), merged.begin(), merged.end());
    labelStart.push_back(static_cast<unsigned>(labels.size()));
  }
}

unsigned RequiresOrder::position(const Migration *m) const {
  auto it = positions.find(m);
  return it == positions.end() ? size() : it->second;
}

long RequiresOrder::lastAncestorOn(unsigned v, unsigned c) const {
  llvm::ArrayRef<Label> l = ancestors(v);
  auto it = std::lower_bound(l.begin(), l.end(), c,
                             [](const Label &x, unsigned chainId) { return x.first < chainId; });
  return it != l.end() && it->first == c ? static_cast<long>(it->second) : -1;
}
