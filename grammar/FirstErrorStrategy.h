//===- FirstErrorStrategy.h - stop an ANTLR parse at its first error -*- C++ -*-===//
//
// Our grammars report one syntax error per input (an expression, a
// customSQL) at its offending token: no recovery, which would only add
// errors that follow from the first. Shared by every generated parser.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "antlr4-runtime.h"

namespace shc::grammar {

/// Reports the first syntax error to the listeners and cancels the parse.
class FirstErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  void reportError(antlr4::Parser *parser, const antlr4::RecognitionException &e) override {
    if (inErrorRecoveryMode(parser))
      return;
    beginErrorCondition(parser);
    parser->notifyErrorListeners(e.getOffendingToken(), "", nullptr);
  }
  void recover(antlr4::Parser *, std::exception_ptr) override {
    throw antlr4::ParseCancellationException();
  }
  antlr4::Token *recoverInline(antlr4::Parser *parser) override {
    throw antlr4::InputMismatchException(parser);
  }
  void sync(antlr4::Parser *) override {}
};

} // namespace shc::grammar
