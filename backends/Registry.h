//===- Registry.h - the dialects the tool knows ---------------------*- C++ -*-===//
//
// The one place tools/ learns which dialects exist. Adding a dialect adds its
// folder, one line in Registry.cpp and its CMake library.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Dialect.h"

namespace shc {

/// Every dialect, postgres first (the default).
const DialectRegistry &dialects();

} // namespace shc
