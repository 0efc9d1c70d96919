//===- Connection.cpp - libpq implementation of Connection ----------------===//

#include "backends/postgres/Connection.h"

#include "backends/postgres/Redact.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <libpq-fe.h>

using namespace shc;

Connection::~Connection() = default;

char DatabaseError::ID = 0;

void DatabaseError::log(llvm::raw_ostream &os) const { os << message; }

Failure shc::describeFailure(llvm::Error e) {
  Failure f;
  llvm::handleAllErrors(
      std::move(e),
      [&](const DatabaseError &d) {
        f.message = d.message;
        f.sqlstate = d.sqlstate;
        f.connectionLost = d.connectionLost;
      },
      [&](const llvm::ErrorInfoBase &other) { f.message = other.message(); });
  return f;
}

namespace {

class PgConnection : public Connection {
public:
  PgConnection(PGconn *c, SecretScrubber scrubber)
      : conn(c), cancel(PQgetCancel(c)), scrubber(std::move(scrubber)) {}
  ~PgConnection() override {
    PQfreeCancel(cancel);
    PQfinish(conn);
  }

  void cancelFromSignal() override {
    char buf[256]; // PQcancel is async-signal-safe; its message is not used
    if (cancel)
      (void)PQcancel(cancel, buf, sizeof buf);
  }

  llvm::Expected<std::vector<StatementResult>> exec(llvm::StringRef sql) override {
    std::vector<StatementResult> counts;
    if (!PQsendQuery(conn, sql.str().c_str()))
      return serverError(nullptr);
    std::optional<Failure> failure;
    // Every result must be read, even after an error, before the next query.
    while (PGresult *res = PQgetResult(conn)) {
      ExecStatusType st = PQresultStatus(res);
      if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
        llvm::StringRef tag = PQcmdStatus(res);
        if (tag.startswith("UPDATE") || tag.startswith("INSERT") || tag.startswith("DELETE")) {
          uint64_t n = 0;
          (void)llvm::to_integer(llvm::StringRef(PQcmdTuples(res)), n);
          counts.push_back({tag.split(' ').first.str(), n});
        }
      } else if (!failure) {
        failure = describeFailure(serverError(res));
      }
      PQclear(res);
    }
    if (failure) // whether the connection survived is known only now
      return llvm::make_error<DatabaseError>(failure->message, failure->sqlstate,
                                             PQstatus(conn) == CONNECTION_BAD);
    return counts;
  }

  llvm::Expected<Rows> query(llvm::StringRef sql, llvm::ArrayRef<std::string> params) override {
    std::vector<const char *> values;
    for (const std::string &p : params)
      values.push_back(p.c_str());
    PGresult *res = PQexecParams(conn, sql.str().c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK && PQresultStatus(res) != PGRES_COMMAND_OK) {
      llvm::Error e = serverError(res);
      PQclear(res);
      return e;
    }
    Rows rows;
    for (int r = 0; r < PQntuples(res); ++r) {
      rows.emplace_back();
      for (int c = 0; c < PQnfields(res); ++c)
        rows.back().push_back(PQgetisnull(res, r, c)
                                  ? std::nullopt
                                  : std::optional<std::string>(PQgetvalue(res, r, c)));
    }
    PQclear(res);
    return rows;
  }

private:
  llvm::Error serverError(PGresult *res) {
    std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
    if (msg.empty())
      msg = PQerrorMessage(conn);
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    return llvm::make_error<DatabaseError>(scrubber.scrub(llvm::StringRef(msg).rtrim()),
                                           state ? state : "", PQstatus(conn) == CONNECTION_BAD);
  }

  PGconn *conn;
  PGcancel *cancel;
  SecretScrubber scrubber;
};

} // namespace

llvm::Expected<std::unique_ptr<Connection>> shc::connectPostgres(llvm::StringRef conninfo) {
  SecretScrubber scrubber = postgresSecrets(conninfo);
  PGconn *conn = PQconnectdb(conninfo.str().c_str());
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    std::string why = conn ? llvm::StringRef(PQerrorMessage(conn)).trim().str() : "out of memory";
    if (conn && PQpass(conn))
      scrubber.add(PQpass(conn)); // e.g. from PGPASSWORD or .pgpass
    PQfinish(conn);
    return llvm::make_error<DatabaseError>(
        "cannot connect to '" + redactConnectionString(conninfo) + "': " + scrubber.scrub(why), "",
        /*connectionLost=*/true);
  }
  if (PQpass(conn))
    scrubber.add(PQpass(conn));
  // Quiet NOTICEs (e.g. from the ledger's IF NOT EXISTS) on stderr.
  PQsetNoticeProcessor(
      conn, [](void *, const char *) {}, nullptr);
  return std::make_unique<PgConnection>(conn, std::move(scrubber));
}
