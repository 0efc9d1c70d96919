// The resolve pass: tables, assigned columns and column references.

#include "TypeCheckTestUtil.h"

using namespace shc;
using namespace shc::test;

namespace {
class ResolveTest : public TypeCheckFixture {};

std::unique_ptr<SelectStmt> select(ExprPtr item, std::vector<TableRef> from, ExprPtr where = {}) {
  auto q = std::make_unique<SelectStmt>();
  q->loc = SourceLoc{1, 99, 1};
  q->items.push_back({std::move(item), ""});
  q->from = std::move(from);
  q->where = std::move(where);
  return q;
}
TableRef ref(const std::string &name, const std::string &alias = "") {
  TableRef r;
  r.name = name;
  r.alias = alias;
  r.loc = SourceLoc{1, 98, 1};
  return r;
}
/// A FROM list (TableRef holds a join condition, so it only moves).
std::vector<TableRef> refs(std::vector<std::pair<std::string, std::string>> names) {
  std::vector<TableRef> out;
  for (auto &[name, alias] : names)
    out.push_back(ref(name, alias));
  return out;
}
} // namespace

TEST_F(ResolveTest, ResolvesTableColumnsAndReferences) {
  Table &t = standardTable();
  UpdateOp &op = update("t");
  ExprPtr value = bin(BinaryExpr::Op::Add, col("age"), num("1"));
  auto *ref = llvm::cast<ColumnRefExpr>(llvm::cast<BinaryExpr>(value.get())->lhs.get());
  set(op, "age", std::move(value));
  op.where = bin(BinaryExpr::Op::Eq, col("id", "t"), num("3"));
  EXPECT_TRUE(run()) << ::testing::PrintToString(messages());
  EXPECT_EQ(op.resolved, &t);
  EXPECT_EQ(op.assignments[0].resolved, t.findColumn("age"));
  EXPECT_EQ(ref->table, &t);
  EXPECT_EQ(ref->column, t.findColumn("age"));
}

TEST_F(ResolveTest, UnknownTableSuggestsAndSkipsTheOperation) {
  standardTable();
  UpdateOp &op = update("tt");
  set(op, "nosuch", num("1"));
  op.where = col("alsonosuch");
  EXPECT_FALSE(run());
  const Diagnostic &d = only();
  EXPECT_EQ(d.rule, "unknown-table");
  EXPECT_EQ(d.message, "table \"tt\" does not exist (did you mean 't'?)");
  EXPECT_EQ(d.loc, op.tableLoc);
}

TEST_F(ResolveTest, UnknownAssignedColumn) {
  standardTable();
  UpdateOp &op = update("t");
  Assignment &a = set(op, "nmae", str("x"));
  EXPECT_FALSE(run());
  const Diagnostic &d = only();
  EXPECT_EQ(d.rule, "unknown-column");
  EXPECT_EQ(d.message, "column \"nmae\" of relation \"t\" does not exist (did you mean 'name'?)");
  EXPECT_EQ(d.loc, a.loc);
}

TEST_F(ResolveTest, ColumnAssignedTwice) {
  standardTable();
  UpdateOp &op = update("t");
  set(op, "age", num("1"));
  set(op, "age", num("2"));
  EXPECT_FALSE(run());
  EXPECT_EQ(only().message, "multiple assignments to same column \"age\"");
  EXPECT_EQ(only().notes.size(), 1u);
}

TEST_F(ResolveTest, UnknownReferenceAndMissingFromEntry) {
  standardTable();
  UpdateOp &op = update("t");
  set(op, "age", col("agee"));
  op.where = bin(BinaryExpr::Op::Eq, col("id", "x"), num("1"));
  EXPECT_FALSE(run());
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "unknown-column: column \"agee\" does not exist (did you mean 'age'?)",
                            "unknown-table: missing FROM-clause entry for table \"x\""}));
}

TEST_F(ResolveTest, SubqueryScopesInnermostFirst) {
  Table &t = standardTable();
  Table &o = table("orders",
                   {column("id", Type(TypeKind::Int4)), column("total", Type(TypeKind::Numeric))});
  UpdateOp &op = update("t");
  // age = (SELECT total FROM orders o WHERE o.id = id AND t.age > 0)
  ExprPtr inner = bin(BinaryExpr::Op::And, bin(BinaryExpr::Op::Eq, col("id", "o"), col("id")),
                      bin(BinaryExpr::Op::Gt, col("age", "t"), num("0")));
  auto *andExpr = llvm::cast<BinaryExpr>(inner.get());
  auto *bareId = llvm::cast<ColumnRefExpr>(llvm::cast<BinaryExpr>(andExpr->lhs.get())->rhs.get());
  auto *outerAge = llvm::cast<ColumnRefExpr>(llvm::cast<BinaryExpr>(andExpr->rhs.get())->lhs.get());
  auto sub = std::make_unique<SubqueryExpr>(
      loc(), select(col("total"), refs({{"orders", "o"}}), std::move(inner)));
  SelectStmt *q = sub->query.get();
  set(op, "price", std::move(sub));
  EXPECT_TRUE(run()) << ::testing::PrintToString(messages());
  EXPECT_EQ(q->from[0].table, &o);
  EXPECT_EQ(bareId->table, &o); // the inner FROM shadows the update table
  EXPECT_EQ(outerAge->table, &t);
}

TEST_F(ResolveTest, AmbiguousAndUnknownFromTables) {
  standardTable();
  table("orders", {column("id", Type(TypeKind::Int4))});
  table("items", {column("id", Type(TypeKind::Int4))});
  UpdateOp &op = update("t");
  auto sub =
      std::make_unique<SubqueryExpr>(loc(), select(col("id"), refs({{"orders", ""}, {"items", ""}})));
  set(op, "age", std::move(sub));
  auto sub2 = std::make_unique<SubqueryExpr>(loc(), select(col("whatever"), refs({{"ordrs", ""}})));
  set(op, "sm", std::move(sub2));
  EXPECT_FALSE(run());
  EXPECT_EQ(messages(),
            (std::vector<std::string>{"ambiguous-column: column reference \"id\" is ambiguous",
                                      "unknown-table: table \"ordrs\" does not exist (did you mean "
                                      "'orders'?)"}));
}
