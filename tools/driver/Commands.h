#pragma once

#include "tools/driver/Session.h"

#include <string>
#include <vector>

namespace shc {

struct CompileOptions {
  std::vector<std::string> inputs;
  std::string dialect = "postgres";
  std::string output = "-";
  std::string emit = "sql"; ///< ast | ir | sql
  std::string phase = "all"; ///< before | after | all
  std::vector<std::string> disablePasses;
  std::vector<std::string> printAfter;
  DiagnosticOptions diag;
};

/// `schemahero-compile [compile]`: specs -> IR -> passes -> SQL. Returns the
/// process exit code (0 ok, 1 input errors, 2 usage or I/O errors).
int runCompile(const CompileOptions &opts);

} // namespace shc
