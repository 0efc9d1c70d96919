//===- LiveSchema.h - a live database's tables as IR ---------------*- C++ -*-===//
#pragma once

#include "ir/Runtime.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace shc {

class Module;
class SourceManager;

/// Adds the live `tables` that no Table spec describes to `module`, their
/// types read by the target's catalogue, and makes them the schema before
/// the change (unless --before-specs gave it). Their locations point into a
/// buffer named `sourceName` (the redacted connection string).
void lowerLiveSchema(const std::vector<LiveTable> &tables, llvm::StringRef sourceName,
                     Module &module, SourceManager &sources);

/// The function names the migrations call, sorted: which overloads to read
/// from the live database.
std::vector<std::string> calledFunctionNames(const Module &module);

} // namespace shc
