//===- TimescaleEmitter.h - PostgreSQL's script, plus aggregate refreshes -*- C++ -*-===//
#pragma once

#include "backends/timescaledb/Hypertable.h"
#include "ir/Emitter.h"

#include <memory>

namespace shc {

struct Migration;

class TimescaleEmitter : public Emitter {
public:
  explicit TimescaleEmitter(std::unique_ptr<Emitter> postgres) : inner(std::move(postgres)) {}
  LogicalResult emit(const Module &module, const AnalysisResults &results,
                     const EmitOptions &opts, CompiledScript &out) override;
  std::string updateStatement(const UpdateOp &op) override { return inner->updateStatement(op); }
  std::string expression(const Expr &e) override { return inner->expression(e); }

private:
  /// The refresh calls that follow migration `m`'s COMMIT, or "".
  std::string refreshes(const Migration &m);
  /// One end of a refresh window: `b` widened to whole buckets, or NULL.
  std::string windowEnd(const TimeBound &b, llvm::StringRef width, bool upper);

  std::unique_ptr<Emitter> inner;
};

} // namespace shc
