//===- Connection.cpp - libpq implementation of Connection ----------------===//

#include "backends/postgres/Connection.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <libpq-fe.h>

using namespace shc;

Connection::~Connection() = default;

std::string shc::redactConnectionString(llvm::StringRef s) {
  std::string out = s.str();
  // URI form: scheme://user:password@host...
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t at = out.find('@', start);
    size_t slash = out.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at)
        out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=... as a URI parameter or a key=value pair.
  for (size_t pos = 0; (pos = out.find("password", pos)) != std::string::npos;) {
    size_t eq = out.find_first_not_of(' ', pos + 8);
    if (eq == std::string::npos || out[eq] != '=') {
      pos += 8;
      continue;
    }
    size_t valStart = out.find_first_not_of(' ', eq + 1);
    if (valStart == std::string::npos)
      break;
    size_t valEnd;
    if (out[valStart] == '\'') {
      valEnd = valStart + 1;
      while (valEnd < out.size() && out[valEnd] != '\'')
        valEnd += out[valEnd] == '\\' ? 2 : 1;
      valEnd = std::min(valEnd + 1, out.size());
    } else {
      valEnd = out.find_first_of(" &", valStart);
      if (valEnd == std::string::npos)
        valEnd = out.size();
    }
    out.replace(valStart, valEnd - valStart, "***");
    pos = valStart + 3;
  }
  return out;
}

namespace {

llvm::Error serverError(PGconn *conn, PGresult *res) {
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  if (msg.empty())
    msg = PQerrorMessage(conn);
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 llvm::StringRef(msg).rtrim().str());
}

class PgConnection : public Connection {
public:
  explicit PgConnection(PGconn *c) : conn(c) {}
  ~PgConnection() override { PQfinish(conn); }

  llvm::Expected<std::vector<StatementResult>> exec(llvm::StringRef sql) override {
    std::vector<StatementResult> counts;
    if (!PQsendQuery(conn, sql.str().c_str()))
      return serverError(conn, nullptr);
    llvm::Error err = llvm::Error::success();
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
      } else if (!err) {
        err = serverError(conn, res);
      }
      PQclear(res);
    }
    if (err)
      return err;
    return counts;
  }

  llvm::Expected<Rows> query(llvm::StringRef sql, llvm::ArrayRef<std::string> params) override {
    std::vector<const char *> values;
    for (const std::string &p : params)
      values.push_back(p.c_str());
    PGresult *res = PQexecParams(conn, sql.str().c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK && PQresultStatus(res) != PGRES_COMMAND_OK) {
      llvm::Error e = serverError(conn, res);
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
  PGconn *conn;
};

} // namespace

llvm::Expected<std::unique_ptr<Connection>> shc::connectPostgres(llvm::StringRef conninfo) {
  PGconn *conn = PQconnectdb(conninfo.str().c_str());
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    std::string why = conn ? llvm::StringRef(PQerrorMessage(conn)).trim().str() : "out of memory";
    PQfinish(conn);
    // libpq does not echo passwords, but redact in case a message quotes the
    // connection string.
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot connect to '" + redactConnectionString(conninfo) +
                                       "': " + redactConnectionString(why));
  }
  // Quiet NOTICEs (e.g. from the ledger's IF NOT EXISTS) on stderr.
  PQsetNoticeProcessor(
      conn, [](void *, const char *) {}, nullptr);
  return std::make_unique<PgConnection>(conn);
}
