//===- Signature.cpp - function and operator signatures --------------------===//

#include "ir/Signature.h"

using namespace shc;

std::string SigType::str() const {
  switch (poly) {
  case Poly::None:
    return type.str();
  case Poly::Any:
    return "\"any\"";
  case Poly::AnyElement:
    return "anyelement";
  case Poly::AnyNonArray:
    return "anynonarray";
  case Poly::AnyArray:
    return "anyarray";
  case Poly::AnyCompatible:
    return "anycompatible";
  case Poly::AnyCompatibleArray:
    return "anycompatiblearray";
  case Poly::AnyCompatibleNonArray:
    return "anycompatiblenonarray";
  }
  return "?";
}
