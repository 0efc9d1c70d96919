#include "frontend/TypeNames.h"
