//===- SignatureText.cpp - signatures written as catalogue text -----------===//

#include "backends/common/SignatureText.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

#include <functional>

using namespace shc;

SigType shc::parseSigType(llvm::StringRef name) {
  SigType s;
  bool array = name.consume_front("_");
  using K = TypeKind;
  auto concrete = [&](K k) {
    s.type = Type(k, -1, -1, array);
    return s;
  };
  auto poly = [&](Poly p) {
    s.poly = p;
    return s;
  };
  return llvm::StringSwitch<std::function<SigType()>>(name)
      .Case("bool", [&] { return concrete(K::Bool); })
      .Case("int2", [&] { return concrete(K::Int2); })
      .Case("int4", [&] { return concrete(K::Int4); })
      .Case("int8", [&] { return concrete(K::Int8); })
      .Case("numeric", [&] { return concrete(K::Numeric); })
      .Case("float4", [&] { return concrete(K::Float4); })
      .Case("float8", [&] { return concrete(K::Float8); })
      .Case("text", [&] { return concrete(K::Text); })
      .Case("varchar", [&] { return concrete(K::Varchar); })
      .Case("bpchar", [&] { return concrete(K::Char); })
      .Case("bytea", [&] { return concrete(K::Bytea); })
      .Case("date", [&] { return concrete(K::Date); })
      .Case("time", [&] { return concrete(K::Time); })
      .Case("timetz", [&] { return concrete(K::TimeTz); })
      .Case("timestamp", [&] { return concrete(K::Timestamp); })
      .Case("timestamptz", [&] { return concrete(K::TimestampTz); })
      .Case("interval", [&] { return concrete(K::Interval); })
      .Case("uuid", [&] { return concrete(K::Uuid); })
      .Case("json", [&] { return concrete(K::Json); })
      .Case("jsonb", [&] { return concrete(K::Jsonb); })
      .Case("inet", [&] { return concrete(K::Inet); })
      .Case("xid", [&] { s.type = Type::other("xid", array); return s; })
      .Case("any", [&] { return poly(Poly::Any); })
      .Case("anyelement", [&] { return poly(Poly::AnyElement); })
      .Case("anynonarray", [&] { return poly(Poly::AnyNonArray); })
      .Case("anyarray", [&] { return poly(Poly::AnyArray); })
      .Case("anycompatible", [&] { return poly(Poly::AnyCompatible); })
      .Case("anycompatiblearray", [&] { return poly(Poly::AnyCompatibleArray); })
      .Case("anycompatiblenonarray", [&] { return poly(Poly::AnyCompatibleNonArray); })
      .Default([&] { return concrete(K::Error); })();
}

/// Builds a Signature from a row: "text,variadic any" and the like.
Signature shc::makeSignature(llvm::StringRef name, llvm::StringRef params,
                               llvm::StringRef result) {
  Signature sig;
  sig.name = name.str();
  llvm::SmallVector<llvm::StringRef, 8> parts;
  params.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef p : parts) {
    p = p.trim();
    if (p.consume_front("variadic "))
      sig.variadic = true;
    sig.params.push_back(parseSigType(p));
  }
  sig.result = parseSigType(result);
  return sig;
}

