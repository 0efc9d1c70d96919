//===- MySqlDb.cpp - one MariaDB Connector/C connection, and its URIs -----===//

#include "backends/mysql/MySqlDb.h"

#include "backends/common/LedgerText.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <errmsg.h>
#include <mysql.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

using namespace shc;

char MySqlError::ID = 0;

void MySqlError::log(llvm::raw_ostream &os) const { os << message; }

MySqlFailure shc::describeMySqlFailure(llvm::Error e) {
  MySqlFailure f;
  llvm::handleAllErrors(
      std::move(e),
      [&](const MySqlError &m) {
        f.message = m.message;
        f.code = m.code;
        f.connectionLost = m.connectionLost;
      },
      [&](const llvm::ErrorInfoBase &other) { f.message = other.message(); });
  return f;
}

// --- URIs ----------------------------------------------------------------------

static llvm::Error uriError(const std::string &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), why);
}

bool shc::isMySqlUri(llvm::StringRef uri) {
  return uri.startswith("mysql://") || uri.startswith("mariadb://");
}

llvm::Expected<MySqlUri> shc::parseMySqlUri(llvm::StringRef s) {
  if (!s.consume_front("mysql://") && !s.consume_front("mariadb://"))
    return uriError("not a MySQL URI (mysql://user:password@host:port/database, or "
                    "mysql://user@/database?socket=/path/to/mysqld.sock)");
  MySqlUri u;
  // The password may hold `/`, `?` and `@` unencoded: the user part ends at
  // the last `@`.
  size_t at = s.rfind('@');
  llvm::StringRef userinfo = at == llvm::StringRef::npos ? "" : s.take_front(at);
  llvm::StringRef rest = at == llvm::StringRef::npos ? s : s.drop_front(at + 1);
  if (!userinfo.empty()) {
    auto [user, pass] = userinfo.split(':');
    u.user = percentDecode(user);
    if (userinfo.contains(':'))
      u.password = percentDecode(pass);
  }
  size_t slash = rest.find('/');
  if (slash == llvm::StringRef::npos)
    return uriError("the URI names no database (mysql://user@host/DATABASE)");
  llvm::StringRef hostport = rest.take_front(slash);
  auto [path, query] = rest.drop_front(slash + 1).split('?');
  if (hostport.startswith("[")) { // [::1]:3306
    size_t close = hostport.find(']');
    if (close == llvm::StringRef::npos)
      return uriError("the URI's host has a `[` without its `]`");
    u.host = hostport.slice(1, close).str();
    hostport = hostport.drop_front(close + 1);
    if (!hostport.empty() && !hostport.startswith(":"))
      return uriError("the URI's port is not a number");
  } else {
    u.host = hostport.split(':').first.str();
    hostport = hostport.drop_front(u.host.size());
  }
  if (hostport.consume_front(":") && !hostport.empty())
    if (hostport.getAsInteger(10, u.port) || u.port == 0 || u.port > 65535)
      return uriError("the URI's port is not a number from 1 to 65535");
  u.database = percentDecode(path);
  if (u.database.empty())
    return uriError("the URI names no database (mysql://user@host/DATABASE)");
  while (!query.empty()) {
    llvm::StringRef param;
    std::tie(param, query) = query.split('&');
    auto [key, value] = param.split('=');
    if (key == "socket")
      u.socket = percentDecode(value);
    else if (key == "password")
      u.password = percentDecode(value);
    else if (!key.empty())
      return uriError("the URI has a parameter apply does not know (it knows socket and "
                      "password)");
  }
  return u;
}

std::string shc::redactMySqlUri(llvm::StringRef uri) {
  llvm::Expected<MySqlUri> parsed = parseMySqlUri(uri);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    return "<a MySQL URI that cannot be parsed, not shown>";
  }
  // What stays may still repeat pieces of the password (a host that is its
  // tail, when an unencoded `@` in it split the URI elsewhere than meant).
  return mysqlSecrets(uri).scrub(redactRegions(uri, uriSecretRegions(uri, {"password"})));
}

SecretScrubber shc::mysqlSecrets(llvm::StringRef uri) {
  SecretScrubber scrubber;
  if (const char *env = std::getenv("MYSQL_PWD"))
    scrubber.add(env);
  llvm::Expected<MySqlUri> parsed = parseMySqlUri(uri);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    scrubber.add(uri); // every part of it may be the password
    return scrubber;
  }
  if (parsed->password)
    scrubber.add(*parsed->password);
  for (SecretRegion r : uriSecretRegions(uri, {"password"})) {
    llvm::StringRef raw = uri.slice(r.begin, r.end);
    scrubber.add(raw);
    scrubber.add(percentDecode(raw));
  }
  return scrubber;
}

std::string shc::mysqlLockNameSql() {
  return "LEFT(CONCAT('" + ledgerTableName().str() + ".', DATABASE()), 64)";
}

// --- connections ---------------------------------------------------------------

/// Connects `m` as `u` says; false on failure (mysql_error tells why).
static bool realConnect(MYSQL *m, const MySqlUri &u, unsigned timeoutSeconds) {
  mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeoutSeconds);
  mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  unsigned int noLocalFiles = 0;
  mysql_options(m, MYSQL_OPT_LOCAL_INFILE, &noLocalFiles);
  const char *host = u.host.empty() ? nullptr : u.host.c_str();
  // UPDATE reports the rows it matched, as on PostgreSQL and SQLite, not only
  // those whose values changed.
  return mysql_real_connect(m, host, u.user.empty() ? nullptr : u.user.c_str(),
                            u.password ? u.password->c_str() : nullptr, u.database.c_str(), u.port,
                            u.socket.empty() ? nullptr : u.socket.c_str(),
                            CLIENT_FOUND_ROWS) != nullptr;
}

static bool isConnectionLost(unsigned code) {
  return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST || code == CR_CONNECTION_ERROR ||
         code == CR_CONN_HOST_ERROR;
}

llvm::Expected<std::unique_ptr<MySqlDb>> shc::connectMySql(llvm::StringRef uri) {
  static const bool initialised = mysql_library_init(0, nullptr, nullptr) == 0;
  (void)initialised;
  SecretScrubber scrubber = mysqlSecrets(uri);
  auto fail = [&](const std::string &why, unsigned code) {
    return llvm::make_error<MySqlError>("cannot connect to '" + redactMySqlUri(uri) +
                                            "': " + scrubber.scrub(why),
                                        code, "", /*connectionLost=*/true);
  };
  llvm::Expected<MySqlUri> parsed = parseMySqlUri(uri);
  if (!parsed)
    return fail(llvm::toString(parsed.takeError()), 0);
  MYSQL *m = mysql_init(nullptr);
  if (!m)
    return fail("out of memory", 0);
  if (!realConnect(m, *parsed, 10)) {
    std::string why = mysql_error(m);
    unsigned code = mysql_errno(m);
    mysql_close(m);
    return fail(why, code);
  }
  return std::make_unique<MySqlDb>(m, std::move(*parsed), std::move(scrubber));
}

MySqlDb::MySqlDb(MYSQL *conn, MySqlUri uri, SecretScrubber scrubber)
    : conn(conn), uri(std::move(uri)), scrubber(std::move(scrubber)),
      threadId(mysql_thread_id(conn)) {
  if (pipe2(wake, O_CLOEXEC) != 0)
    return; // no cancelling: signals then stop apply between statements only
  // The thread takes no signals: the handler runs on the main thread.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  canceller = std::thread([this] { cancelLoop(); });
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

MySqlDb::~MySqlDb() {
  if (canceller.joinable()) {
    char quit = 'q';
    while (write(wake[1], &quit, 1) < 0 && errno == EINTR)
      ;
    canceller.join();
  }
  for (int fd : wake)
    if (fd >= 0)
      close(fd);
  mysql_close(conn);
}

void MySqlDb::cancelFromSignal() {
  int saved = errno;
  char c = 'c';
  if (wake[1] >= 0)
    (void)!write(wake[1], &c, 1);
  errno = saved;
}

/// Waits for cancel requests; each opens a second connection that sends
/// KILL QUERY for this one's thread (the server stops the statement, which
/// fails with error 1317, and keeps the connection and its transaction).
void MySqlDb::cancelLoop() {
  for (;;) {
    char c;
    ssize_t r = read(wake[0], &c, 1);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0 || c == 'q')
      return;
    MYSQL *k = mysql_init(nullptr);
    if (!k)
      continue;
    if (realConnect(k, uri, 5)) {
      std::string kill = "KILL QUERY " + std::to_string(threadId);
      (void)mysql_real_query(k, kill.data(), kill.size());
    }
    mysql_close(k);
  }
}

llvm::Error MySqlDb::lastError() {
  unsigned code = mysql_errno(conn);
  std::string state = mysql_sqlstate(conn);
  std::string msg =
      "ERROR " + std::to_string(code) + " (" + state + "): " + scrubber.scrub(mysql_error(conn));
  return llvm::make_error<MySqlError>(msg, code, state, isConnectionLost(code));
}

llvm::Expected<MySqlRows> MySqlDb::query(llvm::StringRef sql) {
  if (mysql_real_query(conn, sql.data(), sql.size()))
    return lastError();
  MySqlRows rows;
  bool first = true;
  for (;;) {
    MYSQL_RES *res = mysql_store_result(conn);
    if (res) {
      unsigned n = mysql_num_fields(res);
      while (MYSQL_ROW row = mysql_fetch_row(res)) {
        unsigned long *len = mysql_fetch_lengths(res);
        if (!first)
          continue; // only the first result set is returned (CALL)
        auto &out = rows.emplace_back();
        for (unsigned i = 0; i < n; ++i)
          out.push_back(row[i] ? std::optional<std::string>(std::string(row[i], len[i]))
                               : std::nullopt);
      }
      mysql_free_result(res);
      first = false;
    } else if (mysql_field_count(conn) != 0) {
      return lastError();
    }
    int next = mysql_next_result(conn);
    if (next > 0)
      return lastError();
    if (next < 0)
      return rows;
  }
}

llvm::Expected<uint64_t> MySqlDb::exec(llvm::StringRef sql) {
  if (mysql_real_query(conn, sql.data(), sql.size()))
    return lastError();
  uint64_t rows = 0;
  for (;;) {
    MYSQL_RES *res = mysql_store_result(conn);
    if (res)
      mysql_free_result(res);
    else if (mysql_field_count(conn) != 0)
      return lastError();
    else if (my_ulonglong n = mysql_affected_rows(conn); n != static_cast<my_ulonglong>(-1))
      rows += n;
    int next = mysql_next_result(conn);
    if (next > 0)
      return lastError();
    if (next < 0)
      return rows;
  }
}

std::string MySqlDb::quote(llvm::StringRef value) const {
  std::string buf(value.size() * 2 + 1, '\0');
  unsigned long n = mysql_real_escape_string(conn, buf.data(), value.data(), value.size());
  buf.resize(n);
  return "'" + buf + "'";
}

bool MySqlDb::isMariaDb() const {
  return llvm::StringRef(mysql_get_server_info(conn)).contains_insensitive("mariadb");
}
