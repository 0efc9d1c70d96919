//===- BatchProgress.h - apply's progress over batches --------------*- C++ -*-===//
#pragma once

#include "ir/Runtime.h"

#include <functional>
#include <string>

namespace shc {

/// What prints a batch's progress on stderr for --progress `format`: auto
/// (one line rewritten in place on a terminal, else text), text (a line
/// every 10 batches and when an operation is done), json (one object per
/// batch) or none.
std::function<void(const BatchProgress &)> batchProgressPrinter(const std::string &format);

/// One progress line: rows done of the estimate, rate and time left.
std::string progressLine(const BatchProgress &p);
/// One batch as a JSON object on one line.
std::string progressJson(const BatchProgress &p);

} // namespace shc
