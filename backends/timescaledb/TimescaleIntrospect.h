//===- TimescaleIntrospect.h - hypertables, chunks and policies (--uri) -*- C++ -*-===//
#pragma once

#include "ir/Runtime.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace shc {

class Connection;

/// Adds what timescaledb_information says to the hypertables among
/// `tables` (LiveTable::settings); nothing without the extension.
void addHypertableFacts(Connection &conn, std::vector<LiveTable> &tables);

/// The width of the first time_bucket('WIDTH', ...) in a view definition, or
/// "" when it has none given as a literal.
std::string timeBucketWidth(llvm::StringRef viewDefinition);

} // namespace shc
