#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

/// The candidate closest to `name` by edit distance, the way Ninja's
/// SpellcheckString does it, or "" when nothing is close enough (distance at
/// most max(1, len/3)). Ties go to the earliest candidate, so callers pass
/// candidates in a deterministic order.
std::string suggestClosest(llvm::StringRef name, llvm::ArrayRef<std::string> candidates);
std::string suggestClosest(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates);

/// ` (did you mean 'x'?)` or "" — ready to append to a message.
std::string didYouMean(llvm::StringRef name, llvm::ArrayRef<std::string> candidates);
std::string didYouMean(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates);

} // namespace shc
