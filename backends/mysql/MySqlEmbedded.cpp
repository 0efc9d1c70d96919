//===- MySqlEmbedded.cpp - MariaDB's own parser, in process ---------------===//

#include "backends/mysql/MySqlEmbedded.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <mutex>

using namespace shc;

namespace {

// The few entry points used, as libmariadbd exports them (mysql.h).
struct Api {
  int (*serverInit)(int, char **, char **);
  void *(*init)(void *);
  int (*options)(void *, int, const void *);
  void *(*connect)(void *, const char *, const char *, const char *, const char *, unsigned,
                   const char *, unsigned long);
  int (*query)(void *, const char *);
  const char *(*error)(void *);
  unsigned (*errorNumber)(void *);
  void *(*stmtInit)(void *);
  int (*stmtPrepare)(void *, const char *, unsigned long);
  unsigned (*stmtErrno)(void *);
  const char *(*stmtError)(void *);
  char (*stmtClose)(void *);
};

// MYSQL_OPT_USE_EMBEDDED_CONNECTION in the server's mysql.h (mariadb/server/mysql.h):
// the 16th entry of enum mysql_option.
constexpr int kUseEmbeddedConnection = 15;

class Embedded {
public:
  static Embedded &get() {
    static Embedded instance;
    return instance;
  }
  ~Embedded() {
    // The server's files go with the process; the library stays loaded (a
    // server cannot be started twice in one process anyway).
    if (!dataDir.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dataDir, ec);
    }
  }

  PrepareResult prepare(llvm::StringRef statement) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!ready())
      return PrepareResult{false, 0, failure};
    return run(statement, "shc_validate");
  }

  PrepareResult prepareIn(const std::vector<TableDdl> &tables, llvm::StringRef statement) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!ready())
      return PrepareResult{false, 0, failure};
    std::string key;
    for (const TableDdl &t : tables)
      key += t.create + ";";
    auto it = schemas.find(key);
    if (it == schemas.end()) {
      std::string db = "shc_schema_" + std::to_string(schemas.size());
      api.query(conn, ("CREATE DATABASE " + db).c_str());
      api.query(conn, ("USE " + db).c_str());
      for (const TableDdl &t : tables)
        if (api.query(conn, t.create.c_str()))
          api.query(conn, t.fallback.c_str());
      it = schemas.emplace(key, db).first;
    }
    PrepareResult r = run(statement, it->second);
    // A multi-table UPDATE resolves its SET list only when it runs: run an
    // UPDATE or DELETE that prepared, on the tables, which are always empty
    // (nothing is ever inserted), with a statement time limit.
    llvm::StringRef head = statement.ltrim();
    if (r.started && !r.errorNumber &&
        (head.startswith_insensitive("update") || head.startswith_insensitive("delete"))) {
      api.query(conn, "SET SESSION max_statement_time = 2");
      if (api.query(conn, statement.str().c_str())) {
        r.errorNumber = api.errorNumber(conn);
        r.message = api.error(conn);
      }
    }
    return r;
  }

private:
  bool ready() {
    if (!conn && failure.empty())
      start();
    return conn != nullptr;
  }

  PrepareResult run(llvm::StringRef statement, const std::string &db) {
    PrepareResult r;
    r.started = true;
    api.query(conn, ("USE " + db).c_str());
    void *stmt = api.stmtInit(conn);
    std::string text = statement.str();
    if (api.stmtPrepare(stmt, text.c_str(), text.size())) {
      r.errorNumber = api.stmtErrno(stmt);
      r.message = api.stmtError(stmt);
    }
    api.stmtClose(stmt);
    return r;
  }

  template <typename F> bool sym(F &fn, const char *name) {
    fn = reinterpret_cast<F>(dlsym(handle, name));
    return fn != nullptr;
  }

  void start() {
#if defined(__SANITIZE_ADDRESS__)
    // The sanitizer runtimes cannot load a library with RTLD_DEEPBIND, and
    // without it libmariadbd's mysql_* would bind to Connector/C's.
    failure = "MariaDB's embedded server cannot be loaded in a sanitizer build";
    return;
#endif
    handle = dlopen("libmariadbd.so.19", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!handle) {
      failure = "MariaDB's embedded server (libmariadbd.so.19, package libmariadbd19) is not "
                "installed";
      return;
    }
    if (!sym(api.serverInit, "mysql_server_init") || !sym(api.init, "mysql_init") ||
        !sym(api.options, "mysql_options") || !sym(api.connect, "mysql_real_connect") ||
        !sym(api.query, "mysql_query") || !sym(api.error, "mysql_error") ||
        !sym(api.errorNumber, "mysql_errno") ||
        !sym(api.stmtInit, "mysql_stmt_init") || !sym(api.stmtPrepare, "mysql_stmt_prepare") ||
        !sym(api.stmtErrno, "mysql_stmt_errno") || !sym(api.stmtError, "mysql_stmt_error") ||
        !sym(api.stmtClose, "mysql_stmt_close")) {
      failure = "libmariadbd.so.19 lacks the embedded server's API";
      return;
    }
    const char *tmp = getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/shc-mariadb-embedded.XXXXXX";
    if (!mkdtemp(pattern.data())) {
      failure = "cannot create a data directory for MariaDB's embedded server";
      return;
    }
    dataDir = pattern;
    std::string dataArg = "--datadir=" + dataDir;
    // No grant tables, no InnoDB, no logs: a parser with a catalogue.
    const char *args[] = {"schemahero-compile", dataArg.c_str(), "--skip-grant-tables",
                          "--innodb=OFF", "--default-storage-engine=MyISAM",
                          "--log-warnings=0", "--skip-log-bin", nullptr};
    if (api.serverInit(7, const_cast<char **>(args), nullptr)) {
      failure = "MariaDB's embedded server did not start";
      return;
    }
    void *c = api.init(nullptr);
    api.options(c, kUseEmbeddedConnection, nullptr);
    if (!api.connect(c, nullptr, nullptr, nullptr, nullptr, 0, nullptr, 0) ||
        api.query(c, "CREATE DATABASE shc_validate") || api.query(c, "USE shc_validate")) {
      failure = std::string("MariaDB's embedded server: ") + api.error(c);
      return;
    }
    conn = c;
  }

  std::mutex mutex;
  void *handle = nullptr;
  void *conn = nullptr;
  Api api{};
  std::string dataDir, failure;
  std::map<std::string, std::string> schemas; ///< CREATE TABLEs -> database
};

} // namespace

PrepareResult shc::prepareEmbedded(llvm::StringRef statement) {
  return Embedded::get().prepare(statement);
}

PrepareResult shc::prepareEmbeddedIn(const std::vector<TableDdl> &tables,
                                     llvm::StringRef statement) {
  return Embedded::get().prepareIn(tables, statement);
}
