#include "tools/driver/Duration.h"

#include "llvm/ADT/StringExtras.h"

#include <climits>
#include <cmath>

using namespace shc;

std::optional<unsigned> shc::parseDurationMs(llvm::StringRef text) {
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
    if (ms > INT_MAX)
      return std::nullopt;
    if (ms == 0 && value > 0)
      ms = 1;
    return static_cast<unsigned>(ms);
  }
  return std::nullopt;
}
