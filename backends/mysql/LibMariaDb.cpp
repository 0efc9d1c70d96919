//===- LibMariaDb.cpp - Connector/C, loaded when first called -------------===//
//
// The Connector/C functions the MySQL runtime calls, defined here and
// forwarded to libmariadb.so.3, which is loaded on the first call
// (backends/common/LazyLibrary.h): lint and compile never load it. The
// embedded server (MySqlEmbedded.cpp) is a library of its own, loaded with
// RTLD_DEEPBIND, whose mysql_* calls bind to itself.
//
//===----------------------------------------------------------------------===//

#include "backends/common/LazyLibrary.h"

#include <mysql.h>

#define SHC_LIBMARIADB(X)                                                                          \
  X(mysql_server_init) X(mysql_init) X(mysql_options) X(mysql_real_connect) X(mysql_close)         \
  X(mysql_real_query) X(mysql_store_result) X(mysql_free_result) X(mysql_next_result)              \
  X(mysql_field_count) X(mysql_num_fields) X(mysql_fetch_row) X(mysql_fetch_lengths)               \
  X(mysql_affected_rows) X(mysql_errno) X(mysql_error) X(mysql_sqlstate) X(mysql_thread_id)        \
  X(mysql_get_server_info) X(mysql_real_escape_string)

namespace {

struct Api {
  SHC_LIBMARIADB(SHC_LAZY_SLOT)
};

const Api &api() {
  static const char *const names[] = {SHC_LIBMARIADB(SHC_LAZY_NAME)};
  static const Api loaded = shc::loadApi<Api>("libmariadb.so.3", names);
  return loaded;
}

} // namespace

extern "C" {

int STDCALL mysql_server_init(int argc, char **argv, char **groups) {
  return api().mysql_server_init(argc, argv, groups);
}
MYSQL *STDCALL mysql_init(MYSQL *mysql) { return api().mysql_init(mysql); }
int STDCALL mysql_options(MYSQL *mysql, enum mysql_option option, const void *arg) {
  return api().mysql_options(mysql, option, arg);
}
MYSQL *STDCALL mysql_real_connect(MYSQL *mysql, const char *host, const char *user,
                                  const char *passwd, const char *db, unsigned int port,
                                  const char *unix_socket, unsigned long clientflag) {
  return api().mysql_real_connect(mysql, host, user, passwd, db, port, unix_socket, clientflag);
}
void STDCALL mysql_close(MYSQL *sock) { api().mysql_close(sock); }
int STDCALL mysql_real_query(MYSQL *mysql, const char *q, unsigned long length) {
  return api().mysql_real_query(mysql, q, length);
}
MYSQL_RES *STDCALL mysql_store_result(MYSQL *mysql) { return api().mysql_store_result(mysql); }
void STDCALL mysql_free_result(MYSQL_RES *result) { api().mysql_free_result(result); }
int STDCALL mysql_next_result(MYSQL *mysql) { return api().mysql_next_result(mysql); }
unsigned int STDCALL mysql_field_count(MYSQL *mysql) { return api().mysql_field_count(mysql); }
unsigned int STDCALL mysql_num_fields(MYSQL_RES *res) { return api().mysql_num_fields(res); }
MYSQL_ROW STDCALL mysql_fetch_row(MYSQL_RES *result) { return api().mysql_fetch_row(result); }
unsigned long *STDCALL mysql_fetch_lengths(MYSQL_RES *result) {
  return api().mysql_fetch_lengths(result);
}
my_ulonglong STDCALL mysql_affected_rows(MYSQL *mysql) { return api().mysql_affected_rows(mysql); }
unsigned int STDCALL mysql_errno(MYSQL *mysql) { return api().mysql_errno(mysql); }
const char *STDCALL mysql_error(MYSQL *mysql) { return api().mysql_error(mysql); }
const char *STDCALL mysql_sqlstate(MYSQL *mysql) { return api().mysql_sqlstate(mysql); }
unsigned long STDCALL mysql_thread_id(MYSQL *mysql) { return api().mysql_thread_id(mysql); }
char *STDCALL mysql_get_server_info(MYSQL *mysql) { return api().mysql_get_server_info(mysql); }
unsigned long STDCALL mysql_real_escape_string(MYSQL *mysql, char *to, const char *from,
                                               unsigned long length) {
  return api().mysql_real_escape_string(mysql, to, from, length);
}

} // extern "C"
