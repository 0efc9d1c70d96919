//===- LibPq.cpp - libpq, loaded when first called ------------------------===//
//
// The libpq functions the PostgreSQL runtime calls, defined here and
// forwarded to libpq.so.5, which is loaded on the first call
// (backends/common/LazyLibrary.h): lint and compile never load it.
//
//===----------------------------------------------------------------------===//

#include "backends/common/LazyLibrary.h"

#include <libpq-fe.h>

#define SHC_LIBPQ(X)                                                                               \
  X(PQconnectdb) X(PQfinish) X(PQstatus) X(PQerrorMessage) X(PQpass) X(PQconninfoParse)            \
  X(PQconninfoFree) X(PQgetCancel) X(PQfreeCancel) X(PQcancel) X(PQsetNoticeProcessor)             \
  X(PQsendQuery) X(PQgetResult) X(PQexecParams) X(PQresultStatus) X(PQresultErrorMessage)          \
  X(PQresultErrorField) X(PQntuples) X(PQnfields) X(PQgetvalue) X(PQgetisnull) X(PQcmdStatus)      \
  X(PQcmdTuples) X(PQclear) X(PQfreemem)

namespace {

struct Api {
  SHC_LIBPQ(SHC_LAZY_SLOT)
};

const Api &api() {
  static const char *const names[] = {SHC_LIBPQ(SHC_LAZY_NAME)};
  static const Api loaded = shc::loadApi<Api>("libpq.so.5", names);
  return loaded;
}

} // namespace

extern "C" {

PGconn *PQconnectdb(const char *conninfo) { return api().PQconnectdb(conninfo); }
void PQfinish(PGconn *conn) { api().PQfinish(conn); }
ConnStatusType PQstatus(const PGconn *conn) { return api().PQstatus(conn); }
char *PQerrorMessage(const PGconn *conn) { return api().PQerrorMessage(conn); }
char *PQpass(const PGconn *conn) { return api().PQpass(conn); }
PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg) {
  return api().PQconninfoParse(conninfo, errmsg);
}
void PQconninfoFree(PQconninfoOption *options) { api().PQconninfoFree(options); }
PGcancel *PQgetCancel(PGconn *conn) { return api().PQgetCancel(conn); }
void PQfreeCancel(PGcancel *cancel) { api().PQfreeCancel(cancel); }
int PQcancel(PGcancel *cancel, char *errbuf, int errbufsize) {
  return api().PQcancel(cancel, errbuf, errbufsize);
}
PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg) {
  return api().PQsetNoticeProcessor(conn, proc, arg);
}
int PQsendQuery(PGconn *conn, const char *query) { return api().PQsendQuery(conn, query); }
PGresult *PQgetResult(PGconn *conn) { return api().PQgetResult(conn); }
PGresult *PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                       const char *const *paramValues, const int *paramLengths,
                       const int *paramFormats, int resultFormat) {
  return api().PQexecParams(conn, command, nParams, paramTypes, paramValues, paramLengths,
                            paramFormats, resultFormat);
}
ExecStatusType PQresultStatus(const PGresult *res) { return api().PQresultStatus(res); }
char *PQresultErrorMessage(const PGresult *res) { return api().PQresultErrorMessage(res); }
char *PQresultErrorField(const PGresult *res, int fieldcode) {
  return api().PQresultErrorField(res, fieldcode);
}
int PQntuples(const PGresult *res) { return api().PQntuples(res); }
int PQnfields(const PGresult *res) { return api().PQnfields(res); }
char *PQgetvalue(const PGresult *res, int row, int field) {
  return api().PQgetvalue(res, row, field);
}
int PQgetisnull(const PGresult *res, int row, int field) {
  return api().PQgetisnull(res, row, field);
}
char *PQcmdStatus(PGresult *res) { return api().PQcmdStatus(res); }
char *PQcmdTuples(PGresult *res) { return api().PQcmdTuples(res); }
void PQclear(PGresult *res) { api().PQclear(res); }
void PQfreemem(void *ptr) { api().PQfreemem(ptr); }

} // extern "C"
