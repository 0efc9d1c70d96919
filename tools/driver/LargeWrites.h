//===- LargeWrites.h - lint --uri: big UPDATEs that are not batched -*- C++ -*-===//
#pragma once

#include <cstdint>
#include <string>

namespace shc {

class DiagnosticEngine;
class Module;

/// The default of --large-write-rows.
inline constexpr uint64_t kLargeWriteRows = 100000;

/// With --uri: a warning (unbatched-large-write) for each UPDATE or DELETE
/// without batchSize whose planner estimate exceeds `threshold` rows.
/// Connection failures were reported by the front half already: none here.
void warnLargeUnbatchedWrites(const Module &module, const std::string &uri, uint64_t threshold,
                              DiagnosticEngine &diags);

} // namespace shc
