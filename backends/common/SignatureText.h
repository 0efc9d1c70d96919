//===- SignatureText.h - signatures written as catalogue text -----*- C++ -*-===//
//
// Catalogue tables spell types by PostgreSQL's compact pg_type names, the
// shared vocabulary of every dialect's tables: "int8", "_text",
// "anycompatible", and a parameter list as "text,variadic any".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Signature.h"

#include "llvm/ADT/StringRef.h"

namespace shc {

/// A compact type name ("int4", "_text", "anyelement"); an unknown name is
/// TypeKind::Error.
SigType parseSigType(llvm::StringRef name);

/// One overload from its table row: "text,variadic any" and the like.
Signature makeSignature(llvm::StringRef name, llvm::StringRef params, llvm::StringRef result);

} // namespace shc
