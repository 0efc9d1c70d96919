//===- TimescaleChecks.h - TimescaleDB's own checks -----------------*- C++ -*-===//
#pragma once

namespace shc {

class AnalysisResults;
class DiagnosticEngine;
class Module;

/// The flag that emits refresh_continuous_aggregate calls.
inline constexpr const char *kRefreshFlag = "refresh-continuous-aggregates";

/// Dialect::check for timescaledb (TimescaleChecks.cpp).
void checkTimescale(const Module &module, const AnalysisResults &results,
                    DiagnosticEngine &diags);

} // namespace shc
