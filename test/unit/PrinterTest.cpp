//===- PrinterTest.cpp - The stable textual IR ----------------------------===//

#include "test/unit/TestDialects.h"
#include "EmitTestUtil.h"

#include "ir/Printer.h"
#include "ir/SourceManager.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace shc;
using namespace shc::testutil;

namespace {

std::string show(const ExprPtr &e) {
  std::string s;
  llvm::raw_string_ostream os(s);
  printExpr(*e, os);
  return os.str();
}

template <typename T> ExprPtr typed(ExprPtr e, T kind) {
  e->setType(Type(kind));
  return e;
}

TEST(PrinterTest, LiteralsAndColumns) {
  EXPECT_EQ(show(str("it's\n")), "(lit string 'it''s\\n')");
  EXPECT_EQ(show(num("42")), "(lit int 42)");
  EXPECT_EQ(show(num("1.5")), "(lit numeric 1.5)");
  EXPECT_EQ(show(boolean(true)), "(lit bool true)");
  EXPECT_EQ(show(null()), "(lit null)");
  EXPECT_EQ(show(typed(str("active"), TypeKind::Text)), "(lit string 'active' : text)");
  EXPECT_EQ(show(col("users", "price")), "(col users.price)");
  EXPECT_EQ(show(str(std::string("a\0\\", 3))), "(lit string 'a\\x00\\\\')");
}

TEST(PrinterTest, OperatorsWithTypes) {
  auto price = typed(col("users", "price"), TypeKind::Numeric);
  auto one = typed(num("1"), TypeKind::Int4);
  auto add = typed(bin(Op::Add, std::move(price), std::move(one)), TypeKind::Numeric);
  EXPECT_EQ(show(add), "(add (col users.price : numeric) (lit int 1 : integer) : numeric)");
  EXPECT_EQ(show(notE(bin(Op::JsonGetText, col("j"), str("k")))),
            "(not (json_get_text (col j) (lit string 'k')))");
  EXPECT_EQ(show(neg(col("x"))), "(neg (col x))");
  EXPECT_EQ(show(typed(isNull(typed(col("status"), TypeKind::Text)), TypeKind::Bool)),
            "(is_null (col status : text) : boolean)");
  EXPECT_EQ(show(isTest(col("a"), IsTestExpr::Test::True, true)), "(is_not_true (col a))");
  EXPECT_EQ(show(std::make_unique<IsDistinctExpr>(at(), col("a"), col("b"), true)),
            "(is_not_distinct_from (col a) (col b))");
}

TEST(PrinterTest, CallsAndCasts) {
  EXPECT_EQ(show(typed(call("lower", typed(col("email"), TypeKind::Text)), TypeKind::Text)),
            "(func lower (col email : text) : text)");
  EXPECT_EQ(show(special(FuncCallExpr::Form::Trim, "btrim", col("y"), str("x"))),
            "(func btrim form=trim (col y) (lit string 'x'))");
  auto star = call("count");
  llvm::cast<FuncCallExpr>(*star).star = true;
  EXPECT_EQ(show(star), "(func count *)");
  auto c = std::make_unique<CastExpr>(at(), typed(col("x"), TypeKind::Text), Type(TypeKind::Int4),
                                      "int", CastExpr::Syntax::CastFunc);
  c->setType(Type(TypeKind::Int4));
  EXPECT_EQ(show(std::move(c)), "(cast (col x : text) as integer spelling='int' : integer)");
  EXPECT_EQ(show(castTo(str("1 day"), Type(TypeKind::Interval), CastExpr::Syntax::TypedLiteral)),
            "(cast (lit string '1 day') as interval syntax=typed_literal)");
  EXPECT_EQ(show(castTo(col("x"), Type(TypeKind::Date))),
            "(cast (col x) as date syntax=double_colon)");
}

TEST(PrinterTest, CompoundForms) {
  auto cs = std::make_unique<CaseExpr>(at());
  cs->whens.push_back({col("v"), str("ok")});
  cs->elseExpr = str("no");
  EXPECT_EQ(show(std::move(cs)),
            "(case (when (col v) (lit string 'ok')) (else (lit string 'no')))");
  EXPECT_EQ(show(std::make_unique<InListExpr>(at(), col("a"), list(num("1"), num("2")), true)),
            "(not_in (col a) (list (lit int 1) (lit int 2)))");
  auto sym = std::make_unique<BetweenExpr>(at(), col("a"), num("1"), num("2"), false);
  sym->symmetric = true;
  EXPECT_EQ(show(std::move(sym)), "(between_symmetric (col a) (lit int 1) (lit int 2))");
  auto like = std::make_unique<LikeExpr>(at(), col("n"), str("a%"), true, true);
  like->escape = str("!");
  EXPECT_EQ(show(std::move(like)),
            "(not_ilike (col n) (lit string 'a%') (escape (lit string '!')))");
  EXPECT_EQ(show(std::make_unique<TimezoneConvertExpr>(at(), col("ts"), "UTC", "Europe/Paris")),
            "(tz_convert (col ts) from 'UTC' to 'Europe/Paris')");
  auto q = select(list(col("a"), nullptr), {{"t", "x"}, {"u", ""}}, boolean(true));
  q->items[0].alias = "b";
  EXPECT_EQ(
      show(std::make_unique<ExistsExpr>(at(), std::move(q), true)),
      "(not_exists (select (items (as (col a) b) *) (from (as t x) u) (where (lit bool true))))");
  EXPECT_EQ(show(std::make_unique<InSubqueryExpr>(at(), col("id"),
                                                  select(list(col("uid")), {{"o", ""}}), false)),
            "(in (col id) (select (items (col uid)) (from o)))");
  EXPECT_EQ(show(std::make_unique<SubqueryExpr>(at(), select(list(num("1")), {}))),
            "(subquery (select (items (lit int 1))))");
}

TEST(PrinterTest, NullChildrenPrintAsPlaceholders) {
  EXPECT_EQ(show(bin(Op::Add, col("a"), nullptr)), "(add (col a) <null>)");
}

TEST(PrinterTest, Module) {
  SourceManager sm;
  // The test builders put operations in file 1.
  uint32_t dm = sm.addBuffer("/tmp/run/dm.yaml", "y\n");
  uint32_t schema = sm.addBuffer("/abs/path/schema/users.yaml", "x\n");
  ASSERT_EQ(dm, 1u);
  Module m(postgresDialect());
  m.inputs = {"/abs/path/schema", "/tmp/run/dm.yaml"};
  auto t = std::make_unique<Table>();
  t->name = "users";
  t->database = "testdb";
  t->loc = SourceLoc{schema, 6, 9};
  t->primaryKey = {"id"};
  Column id;
  id.name = "id";
  id.type = Type(TypeKind::Int4);
  id.typeSpelling = "int";
  id.notNull = id.primaryKey = true;
  id.loc = SourceLoc{schema, 10, 11};
  Column email;
  email.name = "email";
  email.type = Type(TypeKind::Varchar, 255);
  email.typeSpelling = "character varying(255)";
  email.defaultValue = "x'y";
  email.loc = SourceLoc{schema, 14, 11};
  t->columns.push_back(id);
  t->columns.push_back(email);
  m.tables.push_back(std::move(t));

  auto mig = migration("set-defaults", Phase::AfterSchema);
  mig->loc = SourceLoc{dm, 4, 9};
  mig->database = "testdb";
  mig->sourceDialectKey = "postgres";
  mig->requires = {{"a", SourceLoc{dm, 7, 5}}, {"b", SourceLoc{dm, 8, 5}}};
  auto op = update("users", "status", typed(str("active"), TypeKind::Text),
                   typed(isNull(typed(col("status"), TypeKind::Text)), TypeKind::Bool));
  auto &u = llvm::cast<UpdateOp>(*op);
  u.assignments[0].loc = SourceLoc{dm, 11, 13};
  u.assignments[0].transform = TransformKind::FormatChange;
  mig->operations.push_back(std::move(op));
  mig->operations.push_back(customSql("UPDATE orders\n\n  SET a = 1\n", true));
  m.migrations.push_back(std::move(mig));

  std::string s;
  llvm::raw_string_ostream os(s);
  printModule(m, os, &sm);
  EXPECT_EQ(os.str(),
            "module target=postgres inputs=[schema, dm.yaml]\n"
            "table users database=testdb @users.yaml:6:9\n"
            "  primary_key [id]\n"
            "  column id : integer spelling='int' not_null primary_key @users.yaml:10:11\n"
            "  column email : character varying(255) default='x''y' @users.yaml:14:11\n"
            "migration set-defaults phase=after_schema idempotent=false requires=[a, b] "
            "database=testdb source=postgres @dm.yaml:4:9\n"
            "  update users origin=staticUpdate @dm.yaml:8:11\n"
            "    set status = (lit string 'active' : text) transform=format_change @dm.yaml:11:13\n"
            "    where (is_null (col status : text) : boolean)\n"
            "  custom_sql validate=true @dm.yaml:20:7\n"
            "    | UPDATE orders\n"
            "    |\n"
            "    |   SET a = 1\n");

  // Without a SourceManager, no locations.
  std::string bare;
  llvm::raw_string_ostream bos(bare);
  printModule(m, bos, nullptr);
  EXPECT_EQ(bos.str().find('@'), std::string::npos);
}

} // namespace
