// A Connection for unit tests: records what apply sends and answers from
// canned data, with no server.
#pragma once

#include "backends/postgres/Connection.h"

#include <functional>
#include <map>

namespace shc {

/// Records every exec and query; fails the exec containing `failOn` and the
/// query containing `failQueryOn` (the first `failTimes` times), with the
/// SQLSTATE `failState` and, when `failLosesConnection`, as a lost
/// connection; answers a query with the rows of the first `answers` key it
/// contains (no rows otherwise). `onExec` sees each exec first.
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
  unsigned failTimes = ~0u;
  std::string failQueryOn;
  std::string failState;
  bool failLosesConnection = false;
  std::map<std::string, Rows> answers;
  std::function<void(llvm::StringRef)> onExec;
  unsigned cancels = 0;

  void cancelFromSignal() override { ++cancels; }

  llvm::Error failure(std::string message) const {
    return llvm::make_error<DatabaseError>(std::move(message), failState, failLosesConnection);
  }

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
    if (onExec)
      onExec(sql);
    if (!failOn.empty() && sql.contains(failOn) && failTimes) {
      --failTimes;
      return failure("ERROR:  boom");
    }
    std::vector<StatementResult> r;
    for (size_t pos = 0; (pos = sql.find("UPDATE", pos)) != llvm::StringRef::npos; ++pos)
      r.push_back({"UPDATE", 2});
    return r;
  }
  llvm::Expected<Rows> query(llvm::StringRef sql, llvm::ArrayRef<std::string> ps) override {
    trace.push_back(sql.str());
    queries.push_back({sql.str(), std::vector<std::string>(ps.begin(), ps.end())});
    if (!failQueryOn.empty() && sql.contains(failQueryOn) && failTimes) {
      --failTimes;
      return failure("ERROR:  no such function");
    }
    for (const auto &[key, rows] : answers)
      if (sql.contains(key))
        return rows;
    return Rows{};
  }
};

} // namespace shc
