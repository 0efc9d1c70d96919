#pragma once

//===- LiteralInputUnits.h - PostgreSQL's date/interval unit words ---------===//
//
// Internal to the literal-input files: deltatktbl, shared by interval input
// and the EXTRACT/date_trunc unit checks.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"

namespace shc::pg::dt {

enum class Unit {
  None,
  Microsec,
  Millisec,
  Second,
  Minute,
  Hour,
  Day,
  Week,
  Month,
  Quarter,
  Year,
  Decade,
  Century,
  Millennium,
  Ago,
  Ignore,
  Tz
};

/// The unit a (lower-case) word names in PostgreSQL's deltatktbl, or None.
Unit lookupUnit(llvm::StringRef word);

} // namespace shc::pg::dt
