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

/// The privacy-purpose-limitation message for a use privacy-scan's join has
/// worded already (\p UseText as dataUseText words it, \p Context as
/// " (as called from 'f')" or ""), as the per-TU summaries carry it.
std::string purposeNotAllowedMessage(const std::string &UseText,
                                     const std::string &Context,
                                     const reason::PurposeNotAllowed &R);

} // namespace privacy

#endif // PRIVACY_MESSAGES_H
