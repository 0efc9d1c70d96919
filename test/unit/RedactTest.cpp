// No message shows a password: connection strings are redacted (a string
// libpq cannot parse is not shown at all), and libpq's messages are scrubbed
// of every piece of what may be a password.

#include "backends/postgres/Redact.h"

#include "llvm/ADT/StringExtras.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <random>

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
  SecretScrubber s = postgresSecrets("postgresql://u:Zq9/x@/db?host=/tmp");
  EXPECT_EQ(s.scrub("invalid integer value \"Zq9\" for connection option \"port\""),
            "invalid integer value \"***\" for connection option \"port\"");
  // Pieces shorter than kMinPiece stay: they say nothing.
  EXPECT_EQ(s.scrub("database \"x\" does not exist"), "database \"x\" does not exist");

  SecretScrubber at = postgresSecrets("postgresql://u:ab12@cd34@h/db");
  EXPECT_EQ(at.scrub("could not translate host name \"cd34@h\""),
            "could not translate host name \"***@h\"");

  // Percent-decoded, as libpq decodes it.
  SecretScrubber enc = postgresSecrets("postgresql://u:p%40ss%2Fword@h/db");
  EXPECT_EQ(enc.scrub("login p@ss/word rejected"), "login *** rejected");

  // Unparsable: all of it may be the password.
  SecretScrubber bad = postgresSecrets("u:Zq9x@localhost/db");
  EXPECT_EQ(bad.scrub("missing \"=\" after \"u:Zq9x@localhost/db\" in connection info string"),
            "missing \"=\" after \"***\" in connection info string");

  SecretScrubber kv = postgresSecrets("host=h password='sp ace' dbname=d");
  EXPECT_EQ(kv.scrub("saw sp ace"), "saw ***");
}

TEST(RedactTest, ScrubsPasswordsFromTheEnvironmentAndWhatLibpqUsed) {
  ::setenv("PGPASSWORD", "from-env-secret", 1);
  SecretScrubber s = postgresSecrets("host=h dbname=d");
  ::unsetenv("PGPASSWORD");
  EXPECT_EQ(s.scrub("echo from-env-secret"), "echo ***");
  s.add("pgpass-secret");
  EXPECT_EQ(s.scrub("pgpass-secret!"), "***!");
}

namespace {

/// The password, or `window` bytes of it in a row, in `text`.
bool shows(llvm::StringRef text, llvm::StringRef pw, size_t window = 6) {
  if (text.contains(pw))
    return true;
  for (size_t i = 0; i + window <= pw.size(); ++i)
    if (text.contains(pw.substr(i, window)))
      return true;
  return false;
}

std::string percentEncode(llvm::StringRef s) {
  std::string out;
  for (unsigned char c : s) {
    if (llvm::isAlnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else
      out += "%" + llvm::utohexstr(c, /*LowerCase=*/false, /*Width=*/2);
  }
  return out;
}

} // namespace

// Thousands of random passwords (any byte but NUL, always some of the bytes
// that break URIs) in every form, valid and malformed: neither the redacted
// string nor libpq's parse error, scrubbed, shows the password. (The lit
// test apply-redaction.test does the same through the tools and a server.)
TEST(RedactTest, FuzzedPasswordsNeverShow) {
  std::mt19937 rng(12);
  const std::string special = "@/:?#%' &=\\";
  unsigned cases = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string pw(8 + rng() % 16, ' ');
    for (char &c : pw)
      c = static_cast<char>(i % 2 ? 1 + rng() % 255 : 0x21 + rng() % 94);
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k)
      pw[rng() % pw.size()] = special[rng() % special.size()];
    std::string quoted = "'";
    for (char c : pw)
      quoted += (c == '\'' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    quoted += "'";
    for (const std::string &s :
         {"postgresql://u:" + pw + "@/db?host=/tmp",
          "postgresql://u:" + percentEncode(pw) + "@h/db",
          "postgresql:///db?host=/tmp&password=" + pw + "&user=u",
          "postgres:///db?password=" + percentEncode(pw),
          "host=/tmp password=" + quoted + " user=u", "host=/tmp password=" + pw + " dbname=d",
          "u:" + pw + "@localhost/db", "postgresql://u:" + pw + "@h:" + pw.substr(0, 3) + "/db"}) {
      ++cases;
      std::string shown = redactConnectionString(s);
      EXPECT_FALSE(shows(shown, pw)) << s << " -> " << shown;
      char *err = nullptr;
      PQconninfoOption *opts = PQconninfoParse(s.c_str(), &err);
      if (opts)
        PQconninfoFree(opts);
      if (err) {
        std::string scrubbed = postgresSecrets(s).scrub(err);
        EXPECT_FALSE(shows(scrubbed, pw)) << s << " -> " << scrubbed;
        PQfreemem(err);
      }
    }
  }
  EXPECT_EQ(cases, 12000u);
}
