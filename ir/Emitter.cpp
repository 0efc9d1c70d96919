//===- Emitter.cpp - what a dialect's SQL writer answers ------------------===//

#include "ir/Emitter.h"

using namespace shc;

Emitter::~Emitter() = default;
