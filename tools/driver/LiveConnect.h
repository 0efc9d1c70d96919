//===- LiveConnect.h - --uri on compile, lint and plan -------------*- C++ -*-===//
#pragma once

#include "ir/Location.h"

#include <string>

namespace shc {

class DiagnosticEngine;
class Module;
class SourceManager;

/// --uri: connects through the target's runtime and adds the live tables and
/// the called functions' overloads to `module` (frontend/LiveSchema.h).
/// Failure (reported, rule "connection") when the dialect has no runtime or
/// the database cannot be read.
LogicalResult addLiveTables(const std::string &uri, Module &module, SourceManager &sources,
                            DiagnosticEngine &diags);

} // namespace shc
