// A Connection for unit tests: records what apply sends and answers from
// canned data, with no server.
#pragma once

#include "backends/postgres/Connection.h"

#include <map>

namespace shc {

/// Records every exec and query; fails the exec containing `failOn`, and
/// answers a query with the rows of the first `answers` key it contains
/// (no rows otherwise).
class FakeConnection : public Connection {
public:
  struct Query {
    std::string sql;
    std::vector<std::string> params;
  };
  std::vector<std::string> executed; ///< exec texts
  std::vector<Query> queries;
  std::vector<std::string> trace; ///< exec texts and queries, in order
  std::string failOn;
  std::map<std::string, Rows> answers;

  llvm::Expected<std::vector<StatementResult>> exec(llvm::StringRef sql) override {
    executed.push_back(sql.str());
    trace.push_back(sql.str());
    if (!failOn.empty() && sql.contains(failOn))
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "ERROR:  boom");
    std::vector<StatementResult> r;
    for (size_t pos = 0; (pos = sql.find("UPDATE", pos)) != llvm::StringRef::npos; ++pos)
      r.push_back({"UPDATE", 2});
    return r;
  }
  llvm::Expected<Rows> query(llvm::StringRef sql, llvm::ArrayRef<std::string> ps) override {
    trace.push_back(sql.str());
    queries.push_back({sql.str(), std::vector<std::string>(ps.begin(), ps.end())});
    for (const auto &[key, rows] : answers)
      if (sql.contains(key))
        return rows;
    return Rows{};
  }
};

} // namespace shc
