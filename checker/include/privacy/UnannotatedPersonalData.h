//===- UnannotatedPersonalData.h - personal data nobody marked -*- C++ -*-===//
//
// The other checks see only what is annotated. A field or variable whose
// name says it holds an e-mail address, a phone number, a password... but
// that carries no PRIVACY_DATA is invisible to them: this check finds such
// declarations so that the inventory does not silently miss them.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_UNANNOTATEDPERSONALDATA_H
#define PRIVACY_UNANNOTATEDPERSONALDATA_H

// What looks like personal data is the classifier's (Classifier.h): the
// check is declared in RunChecks.h with the others.
#include "privacy/Classifier.h"

#endif // PRIVACY_UNANNOTATEDPERSONALDATA_H
