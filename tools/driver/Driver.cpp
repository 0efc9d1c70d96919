#include "tools/driver/Driver.h"
#include "CLI/CLI.hpp"
#include "SqlExprParser.h"
#include "yaml-cpp/yaml.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <libpq-fe.h>
int shc::runDriver(int argc, char **argv) {
  CLI::App app{"schemahero-compile"};
  CLI11_PARSE(app, argc, argv);
  llvm::SmallVector<int, 2> v; for (int i = 0; i < 10; ++i) v.push_back(i);
  llvm::outs() << "ok " << v.size() << "\n";
  return 0;
}
