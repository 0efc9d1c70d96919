//===- VerifierTest.cpp - Structural invariants of the IR -----------------===//

#include "test/unit/TestDialects.h"
#include "EmitTestUtil.h"

#include "ir/Verifier.h"

#include <gtest/gtest.h>

using namespace shc;
using namespace shc::testutil;

namespace {

struct Result {
  bool ok;
  std::vector<std::string> messages;
};

Result verify(const Module &m, bool typed) {
  DiagnosticEngine diags;
  bool ok = succeeded(verifyModule(m, diags, typed));
  Result r{ok, {}};
  for (const Diagnostic &d : diags.takeSorted()) {
    EXPECT_EQ(d.rule, "ir-verifier");
    r.messages.push_back(d.message);
  }
  return r;
}

std::unique_ptr<Module> oneUpdate(OperationPtr op) {
  auto m = std::make_unique<Module>(postgresDialect());
  auto mig = migration("m", Phase::AfterSchema);
  mig->operations.push_back(std::move(op));
  m->migrations.push_back(std::move(mig));
  return m;
}

TEST(VerifierTest, WellFormedUntypedModulePasses) {
  auto m = oneUpdate(update("users", "status", str("x"), isNull(col("status"))));
  Result r = verify(*m, /*typed=*/false);
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.messages.empty());
}

TEST(VerifierTest, UpdateNeedsTableAndAssignments) {
  auto op = std::make_unique<UpdateOp>(at(3, 3), UpdateOp::Origin::Calculated);
  Result r = verify(*oneUpdate(std::move(op)), false);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.messages.size(), 2u);
  EXPECT_EQ(r.messages[0], "IR verifier: update without a table name");
  EXPECT_EQ(r.messages[1], "IR verifier: update of '' has no assignments");
}

TEST(VerifierTest, MissingChildrenAndLocations) {
  auto m = oneUpdate(update("users", "status", nullptr,
                            std::make_unique<BinaryExpr>(SourceLoc(), Op::And, col("a"), nullptr)));
  Result r = verify(*m, false);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.messages.size(), 3u);
  EXPECT_EQ(r.messages[0], "IR verifier: expression (and (col a) <null>) has no source location");
  EXPECT_EQ(r.messages[1], "IR verifier: missing right operand in (and (col a) <null>)");
  EXPECT_EQ(r.messages[2], "IR verifier: missing assignment value");
}

TEST(VerifierTest, TypedModeNeedsTypesAndResolution) {
  auto m = oneUpdate(update("users", "status", str("x")));
  Result r = verify(*m, /*typed=*/true);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.messages.size(), 3u);
  // Sorted by position: the literal (1:1), the update (8:11), the column (11:13).
  EXPECT_EQ(r.messages[0], "IR verifier: untyped expression (lit string 'x')");
  EXPECT_EQ(r.messages[1], "IR verifier: update of 'users' is not resolved");
  EXPECT_EQ(r.messages[2], "IR verifier: assignment to 'status' is not resolved");
}

TEST(VerifierTest, TypedAndResolvedModulePasses) {
  Table users;
  users.name = "users";
  users.loc = at(1, 1);
  Column status;
  status.name = "status";
  status.type = Type(TypeKind::Text);
  status.loc = at(2, 1);
  users.columns.push_back(status);

  auto value = str("x");
  value->setType(Type(TypeKind::Text));
  auto ref = col("status");
  ref->setType(Type(TypeKind::Text));
  llvm::cast<ColumnRefExpr>(*ref).column = &users.columns[0];
  llvm::cast<ColumnRefExpr>(*ref).table = &users;
  // A NULL literal may stay unknown (PostgreSQL leaves it so in IS DISTINCT FROM).
  auto where = std::make_unique<IsDistinctExpr>(at(), std::move(ref), null(), false);
  where->setType(Type(TypeKind::Bool));
  auto op = update("users", "status", std::move(value), std::move(where));
  auto &u = llvm::cast<UpdateOp>(*op);
  u.resolved = &users;
  u.assignments[0].resolved = &users.columns[0];
  Result r = verify(*oneUpdate(std::move(op)), true);
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.messages.empty());
}

TEST(VerifierTest, UnresolvedColumnInTypedMode) {
  auto ref = col("ghost");
  ref->setType(Type(TypeKind::Text));
  auto m = oneUpdate(update("users", "status", std::move(ref)));
  auto &u = llvm::cast<UpdateOp>(*m->migrations[0]->operations[0]);
  Table t;
  u.resolved = &t;
  Column c;
  u.assignments[0].resolved = &c;
  Result r = verify(*m, true);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0], "IR verifier: unresolved column reference (col ghost : text)");
}

TEST(VerifierTest, SpecialCallArity) {
  auto m = oneUpdate(
      update("users", "s", special(FuncCallExpr::Form::Substring, "substring", col("s"))));
  Result r = verify(*m, false);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0],
            "IR verifier: special call (func substring form=substring (col s)) has 1 arguments");
}

TEST(VerifierTest, MigrationAndTableInvariants) {
  Module m(postgresDialect());
  auto t = std::make_unique<Table>();
  t->name = "users";
  m.tables.push_back(std::move(t));
  auto mig = std::make_unique<Migration>();
  mig->name = "m";
  mig->operations.push_back(nullptr);
  m.migrations.push_back(std::move(mig));
  Result r = verify(m, false);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.messages.size(), 3u);
  EXPECT_EQ(r.messages[0], "IR verifier: table 'users' has no source location");
  EXPECT_EQ(r.messages[1], "IR verifier: migration 'm' has no source location");
  EXPECT_EQ(r.messages[2], "IR verifier: null operation in migration 'm'");
}

} // namespace
