//===- Portability.cpp - shared operations give the same data everywhere --===//
//
// An operation list shared by several dialect keys (one YAML anchor, or the
// same text: Migration::sharedWith) must change the same rows to the same
// values on each of those databases. The meaning every dialect is held to
// is the one of the default traits (SemanticTraits{}: PostgreSQL's): each
// target that deviates rewrites its own IR to that meaning where an exact
// equivalent exists, and reports a `portability` error naming the construct
// and the portable spelling where none does. Nothing here names a dialect:
// the differences are the catalogues' traits (ir/Catalog.h).
//
//   CONCAT with a NULL part      -> the catalogue's NULL-skipping concat ('' first)
//   = <> < > IN LIKE on strings  -> the left operand cast to bytea (exact bytes)
//   LIKE that ignores case, no   -> error: compare lower() of both sides
//     exact cast
//   integer / integer            -> DIV (truncates, as the others do)
//   assignments seen in order    -> reordered so each value reads the old row;
//                                   a cycle (a = b, b = a) is an error
//   `||` read as OR here, or as  -> error: write CONCAT(...) or OR
//     concatenation where a peer reads OR
//   a zone name that needs the   -> warning: a fixed offset converts everywhere
//     server's zone tables (a timezone_convert transform)
//
//===----------------------------------------------------------------------===//

#include "ir/Catalog.h"
#include "ir/Diagnostics.h"
#include "ir/Dialect.h"
#include "ir/Module.h"
#include "passes/Passes.h"

#include "llvm/ADT/StringSet.h"

using namespace shc;

namespace {

struct Peer {
  std::string key;
  std::string name;
  SemanticTraits traits;
  bool logicalPipes = false;
};

class Checker {
public:
  Checker(PassContext &ctx, std::vector<Peer> peers)
      : ctx(ctx), here(ctx.catalog.semantics()), peers(std::move(peers)) {}

  void update(UpdateOp &op) {
    for (Assignment &a : op.assignments)
      if (a.value)
        walk(*a.value);
    if (op.where)
      walk(*op.where);
    orderAssignments(op);
  }

private:
  /// The first peer whose trait differs from the default: the one named.
  template <typename F> const Peer *peerWhere(F defaultMeaning) const {
    for (const Peer &p : peers)
      if (defaultMeaning(p.traits))
        return &p;
    return nullptr;
  }

  void error(SourceLoc loc, std::string message, std::string hint) {
    ctx.diags.error(loc, "portability", std::move(message)).hint(std::move(hint));
  }

  static bool isString(const Expr &e) {
    const Type &t = e.getType();
    return t.isString() && !t.isArray();
  }

  /// Wraps `e` in a cast to bytea: compared byte by byte.
  static void exactBytes(ExprPtr &e) {
    SourceLoc loc = e->getLoc();
    auto cast = std::make_unique<CastExpr>(loc, std::move(e), Type(TypeKind::Bytea), "binary",
                                           CastExpr::Syntax::CastFunc);
    cast->setType(Type(TypeKind::Bytea));
    e = std::move(cast);
  }

  void caseSensitive(ExprPtr &operand, SourceLoc loc, bool like) {
    bool ignores = like ? here.likeIgnoresCase : here.equalsIgnoresCase;
    if (!ignores)
      return;
    const Peer *p = peerWhere([&](const SemanticTraits &t) {
      return like ? !t.likeIgnoresCase : !t.equalsIgnoresCase;
    });
    if (!p)
      return;
    if (here.binaryCastComparesExactly)
      return exactBytes(operand);
    error(loc,
          std::string(like ? "LIKE" : "this comparison") + " ignores case in " +
              ctx.catalog.displayName().str() + " but not in " + p->name +
              ", which shares this operation",
          "compare lower(x) with a lower-case pattern, so that both agree");
  }

  /// Every node, subqueries, CASE arms and BETWEEN bounds included. A
  /// rewrite changes the node it is on (an operand of its own, an operator,
  /// a call's name), so a plain walk over the children is enough.
  void walk(Expr &e) {
    if (auto *b = llvm::dyn_cast<BinaryExpr>(&e)) {
      binary(*b);
    } else if (auto *l = llvm::dyn_cast<LikeExpr>(&e)) {
      if (!l->caseInsensitive && l->operand && isString(*l->operand))
        caseSensitive(l->operand, l->getLoc(), /*like=*/true);
    } else if (auto *in = llvm::dyn_cast<InListExpr>(&e)) {
      if (in->operand && isString(*in->operand))
        caseSensitive(in->operand, in->getLoc(), /*like=*/false);
    } else if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e)) {
      call(*f);
    } else if (auto *tz = llvm::dyn_cast<TimezoneConvertExpr>(&e)) {
      zone(tz->fromZone, tz->fromLoc.isValid() ? tz->fromLoc : tz->getLoc());
      zone(tz->toZone, tz->toLoc.isValid() ? tz->toLoc : tz->getLoc());
    }
    forEachChild(e, [&](Expr &child) { walk(child); });
  }

  void binary(BinaryExpr &b) {
    SourceLoc at = b.opLoc.isValid() ? b.opLoc : b.getLoc();
    if (b.op == BinaryExpr::Op::Concat || b.spelledPipes) {
      bool concatHere = b.op == BinaryExpr::Op::Concat;
      for (const Peer &p : peers)
        if (p.logicalPipes == concatHere) {
          error(at,
                "|| is " + std::string(concatHere ? "concatenation" : "logical OR") + " in " +
                    ctx.catalog.displayName().str() + " but " +
                    (concatHere ? "logical OR" : "concatenation") + " in " + p.name +
                    ", which shares this operation",
                concatHere ? "write CONCAT(a, b) (or concat_ws for NULL parts)"
                           : "write OR");
          break;
        }
    }
    using Op = BinaryExpr::Op;
    bool comparison = b.op == Op::Eq || b.op == Op::Ne || b.op == Op::Lt || b.op == Op::Le ||
                      b.op == Op::Gt || b.op == Op::Ge;
    if (comparison && b.lhs && b.rhs && isString(*b.lhs) && isString(*b.rhs))
      caseSensitive(b.lhs, at, /*like=*/false);
    if (b.op == Op::Div && !here.integerDivisionTruncates && b.lhs && b.rhs &&
        b.lhs->getType().isInteger() && b.rhs->getType().isInteger() &&
        peerWhere([](const SemanticTraits &t) { return t.integerDivisionTruncates; })) {
      b.op = Op::IntDiv; // truncates toward zero, as integer / integer does elsewhere
      b.setType(b.lhs->getType());
    }
  }

  void call(FuncCallExpr &f) {
    if (f.name == "concat" && f.form == FuncCallExpr::Form::Plain && here.concatNullIsNull) {
      const Peer *p = peerWhere([](const SemanticTraits &t) { return !t.concatNullIsNull; });
      if (!p)
        return;
      if (here.nullSkippingConcat.empty())
        return error(f.getLoc(),
                     "concat() gives NULL for a NULL part in " + ctx.catalog.displayName().str() +
                         " but skips it in " + p->name + ", which shares this operation",
                     "wrap each part that may be NULL in coalesce(x, '')");
      auto sep = std::make_unique<LiteralExpr>(f.getLoc(), LiteralExpr::LitKind::String, "");
      sep->setType(Type(TypeKind::Text));
      f.name = here.nullSkippingConcat.str();
      f.args.insert(f.args.begin(), std::move(sep));
    }
  }

  void zone(llvm::StringRef name, SourceLoc loc) {
    if (!here.zoneNamesNeedTables || name.empty() || name[0] == '+' || name[0] == '-')
      return;
    const Peer *p = peerWhere([](const SemanticTraits &t) { return !t.zoneNamesNeedTables; });
    if (!p)
      return;
    ctx.diags
        .warning(loc, "portability",
                 "time zone '" + name.str() + "' converts in " + ctx.catalog.displayName().str() +
                     " only once the server's zone tables are loaded (otherwise the result is "
                     "NULL), while " + p->name + " always has it")
        .hint(ctx.catalog.timeZoneHint());
  }

  /// Each value reads the row as it was: readers of a column go before the
  /// assignment that writes it.
  void orderAssignments(UpdateOp &op) {
    if (!here.sequentialAssignments || op.assignments.size() < 2 ||
        !peerWhere([](const SemanticTraits &t) { return !t.sequentialAssignments; }))
      return;
    size_t n = op.assignments.size();
    std::vector<llvm::StringSet<>> reads(n);
    for (size_t i = 0; i < n; ++i)
      if (op.assignments[i].value)
        collectReads(*op.assignments[i].value, reads[i]);
    // Kahn's algorithm over "i reads what j writes => i before j", keeping
    // the written order where it is free.
    std::vector<std::vector<size_t>> after(n);
    std::vector<unsigned> indegree(n, 0);
    for (size_t i = 0; i < n; ++i)
      for (size_t j = 0; j < n; ++j)
        if (i != j && reads[i].count(llvm::StringRef(op.assignments[j].column).lower())) {
          after[i].push_back(j);
          ++indegree[j];
        }
    std::vector<size_t> order;
    std::vector<bool> done(n, false);
    while (order.size() < n) {
      size_t next = n;
      for (size_t i = 0; i < n && next == n; ++i)
        if (!done[i] && indegree[i] == 0)
          next = i;
      if (next == n) {
        const Peer *p = peerWhere([](const SemanticTraits &t) { return !t.sequentialAssignments; });
        return error(op.assignments[0].loc,
                     ctx.catalog.displayName().str() +
                         " assigns left to right, each value seeing the ones before it, and "
                         "these assignments read each other's columns, so no order gives " +
                         p->name + "'s result (every value from the old row)",
                     "split the operation in two, or compute the new values into other columns "
                     "first");
      }
      done[next] = true;
      order.push_back(next);
      for (size_t j : after[next])
        --indegree[j];
    }
    std::vector<Assignment> sorted;
    for (size_t i : order)
      sorted.push_back(std::move(op.assignments[i]));
    op.assignments = std::move(sorted);
  }

  static void collectReads(const Expr &e, llvm::StringSet<> &out) {
    if (auto *c = llvm::dyn_cast<ColumnRefExpr>(&e))
      out.insert(llvm::StringRef(c->name).lower());
    forEachChild(e, [&](const Expr &child) { collectReads(child, out); });
  }

  PassContext &ctx;
  SemanticTraits here;
  std::vector<Peer> peers;
};

class PortabilityPass : public Pass {
public:
  llvm::StringRef getName() const override { return "portability"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    if (!ctx.dialects)
      return success();
    unsigned before = ctx.diags.getNumErrors();
    for (auto &m : module.migrations) {
      std::vector<Peer> peers;
      for (const std::string &key : m->sharedWith)
        if (const Dialect *d = ctx.dialects->find(key); d && d->checksSql())
          peers.push_back({key, d->catalog().displayName().str(), d->catalog().semantics(),
                           d->catalog().syntax().logicalPipes});
      if (peers.empty())
        continue;
      Checker checker(ctx, std::move(peers));
      for (auto &op : m->operations)
        if (auto *u = llvm::dyn_cast<UpdateOp>(op.get()))
          checker.update(*u);
    }
    return ctx.diags.getNumErrors() == before ? success() : failure();
  }
};

} // namespace

std::unique_ptr<Pass> shc::createPortabilityPass() { return std::make_unique<PortabilityPass>(); }
