//===- Suggest.h - "did you mean" for ids -----------------------*- C++ -*-===//
#ifndef PRIVACY_SUGGEST_H
#define PRIVACY_SUGGEST_H

#include <string>
#include <string_view>
#include <vector>

namespace privacy {

/// The candidate closest to \p Word by edit distance, if close enough to be
/// a plausible typo (at most a third of the word's length); else empty.
std::string closestMatch(std::string_view Word,
                         const std::vector<std::string> &Candidates);

/// " (did you mean 'x'?)" or "" when nothing is close.
std::string didYouMean(std::string_view Word,
                       const std::vector<std::string> &Candidates);

} // namespace privacy

#endif // PRIVACY_SUGGEST_H
