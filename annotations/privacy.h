/*
 * privacy.h - privacy-tidy annotations for C and C++.
 *
 * Mark personal data, purposes of processing and the places where data
 * leaves the program. The ids are those of the project's privacy policy
 * (a JSON file, see docs/policy-format.md); privacy-tidy checks the code
 * against it.
 *
 * Under Clang every macro is an `annotate` attribute that the privacy-tidy
 * checks read; under any other compiler every macro is empty, so the header
 * costs nothing and warns about nothing. No dependencies, valid C and C++.
 *
 * Annotate strings are "privacy.<kind>"; the checker's list of kinds is
 * checker/include/privacy/AnnotationKinds.def.
 */
#ifndef PRIVACY_TIDY_ANNOTATIONS_PRIVACY_H
#define PRIVACY_TIDY_ANNOTATIONS_PRIVACY_H

/* The header must stay quiet under -Weverything, which flags variadic macros
 * as C++98/C89 incompatible: silence exactly that, for these lines only. */
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wvariadic-macros"
#pragma clang diagnostic ignored "-Wc++98-compat-pedantic"
#endif

#if defined(__clang__) && !defined(PRIVACY_TIDY_DISABLE)
#define PRIVACY_TIDY_ATTR_(...) __attribute__((annotate(__VA_ARGS__)))
#else
#define PRIVACY_TIDY_ATTR_(...)
#endif

/* The value is personal data item "item" of the policy.
 * On: a field, variable, parameter, function (its return value), or a
 * class/struct (every object of it). */
#define PRIVACY_DATA(item) PRIVACY_TIDY_ATTR_("privacy.data", item)

/* Code here processes personal data for these purposes (one or more ids).
 * On: a function or method, a lambda, a class (all its methods), a
 * namespace. The innermost annotated place wins. */
#define PRIVACY_PURPOSE(...) PRIVACY_TIDY_ATTR_("privacy.purpose", __VA_ARGS__)

/* What is passed is disclosed to recipient "recipient"; an optional second
 * argument is the ISO 3166-1 alpha-2 country the code sends it to.
 * On: a function (all its arguments) or one parameter. */
#define PRIVACY_TRANSFER(...) PRIVACY_TIDY_ATTR_("privacy.transfer", __VA_ARGS__)

/* What is passed is persisted in store "store".
 * On: a function (all its arguments) or one parameter. */
#define PRIVACY_STORE(store) PRIVACY_TIDY_ATTR_("privacy.store", store)

/* Erases a data subject's data from store "store" (deletion on request,
 * destruction at the end of retention).
 * On: a function. */
#define PRIVACY_ERASE(store) PRIVACY_TIDY_ATTR_("privacy.erase", store)

/* What is passed is written to logs (the policy's store "logs").
 * On: a function (all its arguments) or one parameter. */
#define PRIVACY_LOG PRIVACY_TIDY_ATTR_("privacy.log")

/* Returning true means the data subject gave consent "consent".
 * On: a function returning bool. */
#define PRIVACY_CONSENT_CHECK(consent)                                        \
  PRIVACY_TIDY_ATTR_("privacy.consent_check", consent)

/* On a function: its return value is no longer personal data (anonymised
 * or aggregated). On a parameter: the function anonymises what is passed
 * there before keeping, sending or returning anything of it.
 * On: a function or one parameter. */
#define PRIVACY_ANONYMIZE PRIVACY_TIDY_ATTR_("privacy.anonymize")

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif /* PRIVACY_TIDY_ANNOTATIONS_PRIVACY_H */
