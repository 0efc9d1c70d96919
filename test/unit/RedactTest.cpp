// No message shows a password: connection strings are redacted (a string
// libpq cannot parse is not shown at all), and libpq's messages are scrubbed
// of every piece of what may be a password.

#include "backends/postgres/Redact.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace shc;

TEST(RedactTest, RedactsPasswordsInConnectionStrings) {
  EXPECT_EQ(redactConnectionString("postgres://user:pass@localhost:5432/db"),
            "postgres://user:***@localhost:5432/db");
  EXPECT_EQ(redactConnectionString("postgresql:///db?host=/tmp&password=s3cret&user=x"),
            "postgresql:///db?host=/tmp&password=***&user=x");
  EXPECT_EQ(redactConnectionString("host=h password='a b' dbname=d"),
            "host=h password=*** dbname=d");
  EXPECT_EQ(redactConnectionString("host=h password = 'it\\'s' dbname=d"),
            "host=h password = *** dbname=d");
  EXPECT_EQ(redactConnectionString("password=a\\ b host=h"), "password=*** host=h");
  EXPECT_EQ(redactConnectionString("postgres://user@h/db"), "postgres://user@h/db");
}

TEST(RedactTest, CoversPasswordsWrittenWithoutPercentEncoding) {
  // An unencoded / or @ moves part of the password into the host, port or
  // database; all of it up to the last @ is hidden.
  EXPECT_EQ(redactConnectionString("postgresql://u:Zq9/x@/db?host=/tmp"),
            "postgresql://u:***@/db?host=/tmp");
  EXPECT_EQ(redactConnectionString("postgresql://u:ab@cd@h/db"), "postgresql://u:***@h/db");
  EXPECT_EQ(redactConnectionString("postgresql://u:a?b#c@h/db"), "postgresql://u:***@h/db");
  // An @ in a password= parameter is the last @ of the string.
  EXPECT_EQ(redactConnectionString("postgresql:///db?host=/tmp&password=a@b&user=u"),
            "postgresql:///db?host=/tmp&password=***&user=u");
  EXPECT_EQ(redactConnectionString("postgresql://h:5/db?password=a@b"), "postgresql://h:***");
}

TEST(RedactTest, AStringLibpqCannotParseIsNotShown) {
  for (const char *s : {"u:Zq9x@localhost/db", "host=h password='unterminated",
                        "postgresql://u:a%zzb@h/db", "password=x nonsense"}) {
    std::string shown = redactConnectionString(s);
    EXPECT_EQ(shown, "<a connection string libpq cannot parse, not shown>") << s;
  }
}

TEST(RedactTest, ScrubsEveryPieceOfAPasswordFromMessages) {
  SecretScrubber s("postgresql://u:Zq9/x@/db?host=/tmp");
  EXPECT_EQ(s.scrub("invalid integer value \"Zq9\" for connection option \"port\""),
            "invalid integer value \"***\" for connection option \"port\"");
  // Pieces shorter than kMinPiece stay: they say nothing.
  EXPECT_EQ(s.scrub("database \"x\" does not exist"), "database \"x\" does not exist");

  SecretScrubber at("postgresql://u:ab12@cd34@h/db");
  EXPECT_EQ(at.scrub("could not translate host name \"cd34@h\""),
            "could not translate host name \"***@h\"");

  // Percent-decoded, as libpq decodes it.
  SecretScrubber enc("postgresql://u:p%40ss%2Fword@h/db");
  EXPECT_EQ(enc.scrub("login p@ss/word rejected"), "login *** rejected");

  // Unparsable: all of it may be the password.
  SecretScrubber bad("u:Zq9x@localhost/db");
  EXPECT_EQ(bad.scrub("missing \"=\" after \"u:Zq9x@localhost/db\" in connection info string"),
            "missing \"=\" after \"***\" in connection info string");

  SecretScrubber kv("host=h password='sp ace' dbname=d");
  EXPECT_EQ(kv.scrub("saw sp ace"), "saw ***");
}

TEST(RedactTest, ScrubsPasswordsFromTheEnvironmentAndWhatLibpqUsed) {
  ::setenv("PGPASSWORD", "from-env-secret", 1);
  SecretScrubber s("host=h dbname=d");
  ::unsetenv("PGPASSWORD");
  EXPECT_EQ(s.scrub("echo from-env-secret"), "echo ***");
  s.add("pgpass-secret");
  EXPECT_EQ(s.scrub("pgpass-secret!"), "***!");
}
