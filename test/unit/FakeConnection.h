// A Connection for unit tests: records what apply sends and answers from
// canned data, with no server.
#pragma once

#include "backends/postgres/Connection.h"

#include <map>

namespace shc {

/// Records every exec and query; fails the exec containing `failOn` and the
/// query containing `failQueryOn`, and answers a query with the rows of the
/// first `answers` key it contains (no rows otherwise).
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
  std::string failQueryOn;
  std::map<std::string, Rows> answers;

  /// `executed` without the savepoints apply wraps its row count in.
  std::vector<std::string> statements() const {
    std::vector<std::string> out;
    for (const std::string &s : executed)
      if (!llvm::StringRef(s).contains("SAVEPOINT shc_rows_touched"))
        out.push_back(s);
    return out;
  }

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
    if (!failQueryOn.empty() && sql.contains(failQueryOn))
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "ERROR:  no such function");
    for (const auto &[key, rows] : answers)
      if (sql.contains(key))
        return rows;
    return Rows{};
  }
};

} // namespace shc
