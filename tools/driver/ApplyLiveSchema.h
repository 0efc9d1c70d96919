#pragma once

#include "ir/Location.h"

#include <string>

namespace shc {

class DiagnosticEngine;
class Module;
class SourceManager;

/// --uri: adds to `module` every table of the live database that has no Table
/// spec, so that resolve and typecheck see it. Failure means the database
/// could not be reached or read (reported, rule "connection"). The tables'
/// locations point into a generated buffer named after the (redacted) URI
/// that lists them, one column per line.
LogicalResult addLiveTables(const std::string &uri, Module &module, SourceManager &sources,
                            DiagnosticEngine &diags);

} // namespace shc
