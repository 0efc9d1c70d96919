#pragma once

namespace shc {

class LiveDatabase;

/// While alive, SIGINT and SIGTERM do not kill apply: the handler asks the
/// server to cancel the statement `conn` is running and records
/// the signal, so apply rolls the step back, reports it, and exits with
/// 128 + the signal (130, 143). The previous handlers come back after.
class CancelOnSignal {
public:
  explicit CancelOnSignal(LiveDatabase &conn);
  ~CancelOnSignal();
  CancelOnSignal(const CancelOnSignal &) = delete;
  CancelOnSignal &operator=(const CancelOnSignal &) = delete;

  /// The signal received since construction, or 0.
  static int caught();
};

} // namespace shc
