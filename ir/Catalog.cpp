//===- Catalog.cpp - what a dialect answers about types and functions -----===//

#include "ir/Catalog.h"

using namespace shc;

Catalog::~Catalog() = default;
