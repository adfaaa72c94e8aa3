//===- Messages.h - the words of every finding, for every front -*- C++ -*-===//
//
// The checks report what they found as data (FindingFacts, Findings.h);
// this is the one place that turns it into the message and the notes that
// clang-tidy, the compiler plugin, privacy-scan and its join print
// (docs/checks/ quotes them).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_MESSAGES_H
#define PRIVACY_MESSAGES_H

#include "privacy/Findings.h"

#include <string>
#include <vector>

namespace privacy {

/// \p Facts as the fronts print it: the warning's message and its notes.
Finding wordFinding(const FindingFacts &Facts);

/// The warning's message alone.
std::string findingMessage(const FindingReason &Reason);

/// One note of a path.
std::string noteMessage(const PathNote &Note);

/// "using personal data 'email' from field 'A::email'": the use a
/// purpose-limitation or missing-consent message starts with.
std::string dataUseText(const DataUse &Use);

/// The message of \p R with its use as a per-TU summary carries it, worded
/// by dataUseText when the summary was written (\p UseText): privacy-scan's
/// join words the findings on reads in other files with these.
std::string findingMessage(const reason::PurposeNotAllowed &R,
                           const std::string &UseText);
std::string findingMessage(const reason::ConsentMissing &R,
                           const std::string &UseText);

} // namespace privacy

#endif // PRIVACY_MESSAGES_H
