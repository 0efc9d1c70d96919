# lit configuration for schemahero-compile (modelled on MLIR's standalone example).
import os

import lit.formats

config.name = "schemahero-compile"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".yaml", ".yml", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.shc_obj_root, "test", "lit")

# FileCheck, not and count come from LLVM 14; our tools from the build.
config.environment["PATH"] = os.pathsep.join(
    [config.shc_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
config.environment["NO_COLOR"] = "1"

compile_tool = os.path.join(config.shc_tools_dir, "schemahero-compile")
config.substitutions.append(("%compile", compile_tool))
config.substitutions.append(("%examples", os.path.join(config.shc_src_root, "examples")))
config.substitutions.append(("%bench", os.path.join(config.shc_src_root, "bench")))
config.substitutions.append(
    ("%pgrun", os.path.join(config.shc_src_root, "test", "integration", "pg-run")))

# Integration tests say `REQUIRES: postgres`. scripts/test starts a server and
# passes shc_require_postgres=1, so a server that failed to start makes them
# fail rather than be silently skipped.
for var in ("PGHOST", "PGUSER", "PGDATABASE", "PGPORT"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
if "PGHOST" in os.environ or lit_config.params.get("shc_require_postgres"):
    config.available_features.add("postgres")

# MySQL integration tests say `REQUIRES: mariadb`: scripts/test starts a
# MariaDB server (scripts/lib/mariadb.sh) and exports its socket; with
# shc_require_postgres=1 (scripts/test) a server that failed to start makes
# them fail too.
for var in ("SHC_MYSQL_SOCKET", "SHC_MYSQL_SECRET_PASSWORD"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
if "SHC_MYSQL_SOCKET" in os.environ or lit_config.params.get("shc_require_postgres"):
    config.available_features.add("mariadb")

# The ASan+UBSan run (scripts/lib/suite.sh sets ASAN_OPTIONS): MariaDB's
# embedded server cannot be loaded there (RTLD_DEEPBIND), so the tests of
# `validate: true` mysql customSQL say `UNSUPPORTED: sanitizers`; the plain
# run has them.
if "ASAN_OPTIONS" in os.environ:
    config.available_features.add("sanitizers")
