#include "tools/driver/Duration.h"

#include "llvm/ADT/StringExtras.h"

#include <climits>
#include <cmath>

using namespace shc;

/// The value in milliseconds, rounded, at least 1 when not zero.
static std::optional<double> durationMs(llvm::StringRef text) {
  llvm::StringRef s = text.trim();
  size_t digits = 0, dots = 0;
  while (digits < s.size() && (llvm::isDigit(s[digits]) || s[digits] == '.'))
    dots += s[digits++] == '.';
  llvm::StringRef number = s.take_front(digits), unit = s.drop_front(digits).ltrim();
  if (number.empty() || number == "." || dots > 1)
    return std::nullopt;
  double value = 0;
  if (number.getAsDouble(value) || !std::isfinite(value))
    return std::nullopt;
  static const std::pair<llvm::StringRef, double> units[] = {
      {"", 1},        {"us", 0.001},  {"ms", 1},      {"s", 1000},
      {"min", 60000}, {"h", 3600000}, {"d", 86400000}};
  for (const auto &[name, scale] : units) {
    if (unit != name)
      continue;
    double ms = std::round(value * scale);
    if (ms == 0 && value > 0)
      ms = 1;
    return ms;
  }
  return std::nullopt;
}

std::optional<unsigned> shc::parseDurationMs(llvm::StringRef text) {
  std::optional<double> ms = durationMs(text);
  if (!ms || *ms > INT_MAX)
    return std::nullopt;
  return static_cast<unsigned>(*ms);
}

std::optional<uint64_t> shc::parseLongDurationMs(llvm::StringRef text) {
  std::optional<double> ms = durationMs(text);
  if (!ms || *ms > 1e15) // about 31,000 years
    return std::nullopt;
  return static_cast<uint64_t>(*ms);
}
