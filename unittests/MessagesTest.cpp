//===- MessagesTest.cpp - the words of findings from their facts ----------===//
//
// The lit tests see every message the analysis of their inputs produces;
// these cover what only privacy-scan's join reports (a store with no erase
// path) and that a use worded in a summary reads the same as a typed one.
//
//===----------------------------------------------------------------------===//
#include "privacy/Messages.h"

#include "gtest/gtest.h"

using namespace privacy;

namespace {

TEST(MessagesTest, StoreWithoutErase) {
  EXPECT_EQ(findingMessage(reason::StoreWithoutErase{"crm", {"email", "name"}}),
            "store 'crm' receives personal data (email, name) but no function "
            "in the program is marked PRIVACY_ERASE(\"crm\"); erasure on "
            "request and destruction at the end of retention have no code "
            "path");
}

TEST(MessagesTest, PurposeNotAllowedTypedAndWordedAgree) {
  reason::PurposeNotAllowed R{{DataUse::Read, "email", "field 'A::email'"},
                              "marketing",
                              "report",
                              {"billing", "support"}};
  std::string Expected =
      "using personal data 'email' from field 'A::email' for purpose "
      "'marketing' (as called from 'report') is not allowed by the policy "
      "(allowed purposes: billing, support)";
  EXPECT_EQ(findingMessage(R), Expected);
  EXPECT_EQ(findingMessage(R, dataUseText(R.Use)), Expected);
  R.AllowedPurposes.clear();
  R.CalledFrom.clear();
  EXPECT_EQ(findingMessage(R),
            "using personal data 'email' from field 'A::email' for purpose "
            "'marketing' is not allowed by the policy (no activity allows "
            "'email' at all)");
}

TEST(MessagesTest, ConsentMissingListsEveryConsent) {
  reason::ConsentMissing R{{DataUse::ReturnedBy, "phone", "lookup"},
                           "marketing",
                           "",
                           {"sms", "push"}};
  EXPECT_EQ(findingMessage(R),
            "using personal data 'phone' returned by 'lookup' for purpose "
            "'marketing' needs consent 'sms' or 'push', but no "
            "PRIVACY_CONSENT_CHECK for it guards every path to this use");
}

TEST(MessagesTest, ConsentMissingTypedAndWordedAgree) {
  reason::ConsentMissing R{{DataUse::Read, "email", "field 'A::email'"},
                           "marketing",
                           "report",
                           {"newsletter"}};
  std::string Expected =
      "using personal data 'email' from field 'A::email' for purpose "
      "'marketing' (as called from 'report') needs consent 'newsletter', but "
      "no PRIVACY_CONSENT_CHECK for it guards every path to this use";
  EXPECT_EQ(findingMessage(R), Expected);
  EXPECT_EQ(findingMessage(R, dataUseText(R.Use)), Expected);
  // The use as a summary carries it, whatever words it has.
  EXPECT_EQ(findingMessage(R, "using it"),
            "using it for purpose 'marketing' (as called from 'report') needs "
            "consent 'newsletter', but no PRIVACY_CONSENT_CHECK for it guards "
            "every path to this use");
}

TEST(MessagesTest, ConsentMissingSaysWhoseConsentWasChecked) {
  reason::ConsentMissing R{{DataUse::Read, "phone", "field 'Person::phone'"},
                           "marketing",
                           "",
                           {"marketing"}};
  R.CheckedFor = {"r.referrer", "sender"};
  R.UsedFor = "r.friend_";
  EXPECT_EQ(findingMessage(R),
            "using personal data 'phone' from field 'Person::phone' for "
            "purpose 'marketing' needs consent 'marketing', but no "
            "PRIVACY_CONSENT_CHECK for it guards every path to this use (it "
            "is checked only for 'r.referrer', 'sender', not for "
            "'r.friend_')");
}

TEST(MessagesTest, RecipientUndeclaredForPurposeListsItsPurposes) {
  EXPECT_EQ(
      findingMessage(reason::RecipientUndeclaredForPurpose{
          "email", "crm", "marketing", "promote", {"support", "billing"}}),
      "sending personal data 'email' to recipient 'crm' for purpose "
      "'marketing' (as called from 'promote'), which the policy does "
      "not declare for it (purposes declared for 'crm': support, "
      "billing)");
  EXPECT_EQ(findingMessage(reason::RecipientUndeclaredForPurpose{
                "name", "ledger", "billing", "", {}}),
            "sending personal data 'name' to recipient 'ledger' for purpose "
            "'billing', which the policy does not declare for it (purposes "
            "declared for 'ledger': none)");
}

TEST(MessagesTest, WordedFindingKeepsConsentsAndNotes) {
  FindingFacts Facts{
      CheckKind::MissingConsent,
      clang::SourceLocation(),
      reason::ConsentMissing{{DataUse::PassedTo, "email", "'send'"},
                             "marketing",
                             "",
                             {"email_ads"}},
      {{clang::SourceLocation(), note::OnlyConsentsChecked{{"a", "b"}}},
       {clang::SourceLocation(), note::UnguardedBranch{false, "email_ads"}}}};
  Finding F = wordFinding(Facts);
  EXPECT_EQ(F.Check, CheckKind::MissingConsent);
  EXPECT_EQ(F.Consents, std::vector<std::string>{"email_ads"});
  ASSERT_EQ(F.Notes.size(), 2u);
  EXPECT_EQ(F.Notes[0].Message,
            "only consent 'a', 'b' is checked on the way here");
  EXPECT_EQ(F.Notes[1].Message,
            "on this path the condition is false and consent 'email_ads' is "
            "not known");
}

TEST(MessagesTest, ArgumentCounts) {
  EXPECT_EQ(findingMessage(reason::WrongArgumentCount{"PRIVACY_DATA", 1, 1, 2}),
            "PRIVACY_DATA takes 1 argument, but 2 were given");
  EXPECT_EQ(
      findingMessage(reason::WrongArgumentCount{"PRIVACY_TRANSFER", 1, 2, 0}),
      "PRIVACY_TRANSFER takes 1 or 2 arguments, but 0 were given");
  EXPECT_EQ(
      findingMessage(reason::WrongArgumentCount{"PRIVACY_PURPOSE", 1, -1, 0}),
      "PRIVACY_PURPOSE takes at least 1 argument, but 0 were given");
}

TEST(MessagesTest, AnnotationOnGeneratedNamesTheMacroOrTheCompiler) {
  EXPECT_EQ(
      findingMessage(reason::AnnotationOnGenerated{
          "PRIVACY_DATA", "function", "Z__PROPERTY_NAME_email", "DTO_FIELD"}),
      "PRIVACY_DATA lands on function 'Z__PROPERTY_NAME_email', which "
      "macro 'DTO_FIELD' generates, not on a declaration written here; "
      "annotate the declaration meant in an annotations file "
      "(docs/annotations.md)");
  EXPECT_EQ(findingMessage(reason::AnnotationOnGenerated{
                "PRIVACY_PURPOSE", "function", "operator=", ""}),
            "PRIVACY_PURPOSE lands on the implicit function 'operator=', "
            "which the compiler declares, not on a declaration written here; "
            "annotate the declaration meant in an annotations file "
            "(docs/annotations.md)");
}

TEST(MessagesTest, ReturnsVoid) {
  EXPECT_EQ(findingMessage(reason::ReturnsVoid{"PRIVACY_ANONYMIZE", "scrub"}),
            "PRIVACY_ANONYMIZE on function 'scrub', which returns void; on a "
            "function it marks the return value");
}

} // namespace
