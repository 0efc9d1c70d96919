#pragma once

#include "ir/Location.h"

namespace shc {

class DiagnosticEngine;
class Module;

/// Structural invariants of the IR (rule "ir-verifier"): every update has a
/// table and at least one assignment, every node has a location, and, when
/// `typed` is set, every expression has a concrete type and every reference is
/// resolved. A failure is a compiler bug, not a user error.
LogicalResult verifyModule(const Module &module, DiagnosticEngine &diags, bool typed);

} // namespace shc
