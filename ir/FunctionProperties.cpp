//===- FunctionProperties.cpp - what analyses know about a function -------===//

#include "ir/FunctionProperties.h"

using namespace shc;

FunctionProperties::SelfIdempotence FunctionProperties::selfIdempotence() const {
  switch (role) {
  case AlgebraRole::None:
    return SelfIdempotence::Unknown;
  case AlgebraRole::Replace:
  case AlgebraRole::RegexpReplace:
  case AlgebraRole::Prefix:
    return SelfIdempotence::Conditional;
  case AlgebraRole::NeverIdempotent:
    return SelfIdempotence::Never;
  default:
    return SelfIdempotence::Always;
  }
}
