//===- ClassifierTest.cpp - identifier words and name patterns ------------===//
//
// The lit tests run the shipped classifier on declarations; these pin the
// word splitting and the matching rules on small classifiers of their own
// (docs/checks/unannotated-personal-data.md, "The classifier").
//
//===----------------------------------------------------------------------===//
#include "privacy/Classifier.h"

#include "gtest/gtest.h"

using namespace privacy;

namespace {

using Words = std::vector<std::string>;

TEST(ClassifierTest, IdentifierWords) {
  EXPECT_EQ(identifierWords("clientIPAddress"),
            (Words{"client", "ip", "address"}));
  EXPECT_EQ(identifierWords("mobile_phone_number"),
            (Words{"mobile", "phone", "number"}));
  EXPECT_EQ(identifierWords("email2"), (Words{"email", "2"}));
  EXPECT_EQ(identifierWords("ipv4Addr"), (Words{"ipv", "4", "addr"}));
  EXPECT_EQ(identifierWords("USERNAME"), (Words{"username"}));
  EXPECT_EQ(identifierWords("m_sNick"), (Words{"nick"}));
  EXPECT_EQ(identifierWords("m_pUser"), (Words{"user"}));
  EXPECT_EQ(identifierWords("kEmailKey"), (Words{"email", "key"}));
  EXPECT_EQ(identifierWords("s"), (Words{"s"}));
  EXPECT_EQ(identifierWords("고객_이메일"), (Words{"고객", "이메일"}));
  EXPECT_EQ(identifierWords("user이메일2"), (Words{"user", "이메일", "2"}));
}

Classifier load(const std::string &Text) {
  ClassifierLoadResult R = parseClassifier(Text, "test.json");
  for (const PolicyDiagnostic &D : R.Diagnostics)
    ADD_FAILURE() << D.format();
  return R.ok() ? *R.Loaded : Classifier();
}

std::string classify(const Classifier &C, const std::string &Name) {
  const ClassifierCategory *Category = C.classifyName(Name);
  return Category ? Category->Id : "";
}

TEST(ClassifierTest, PatternsAndExclusions) {
  Classifier C = load(R"({
    "exclusions": ["count", "^is", "*hash"],
    "categories": [
      {"id": "email", "looks": "an e-mail address",
       "names": ["email", "이메일"], "exclude": ["template"]},
      {"id": "device", "looks": "a device id", "names": ["mac address"]},
      {"id": "postal", "looks": "a postal address", "names": ["home address"]},
      {"id": "secret", "looks": "a password",
       "names": ["*passwd*", "account key", "pass$"]}
    ]})");
  EXPECT_EQ(classify(C, "userEmail"), "email");
  EXPECT_EQ(classify(C, "emails"), "email");
  EXPECT_EQ(classify(C, "e_mail"), "email"); // written apart
  EXPECT_EQ(classify(C, "emailTemplate"), "");
  EXPECT_EQ(classify(C, "emailCount"), "");
  EXPECT_EQ(classify(C, "isEmail"), "");
  EXPECT_EQ(classify(C, "thisEmail"), "email"); // "^is" is a whole word
  EXPECT_EQ(classify(C, "macAddress"), "device");
  EXPECT_EQ(classify(C, "homeaddress"), "postal"); // written together
  EXPECT_EQ(classify(C, "thepasswd"), "secret");
  EXPECT_EQ(classify(C, "passwdhash"), ""); // "*hash" looks inside words
  EXPECT_EQ(classify(C, "accountKey"), "secret");
  EXPECT_EQ(classify(C, "userPass"), "secret");
  EXPECT_EQ(classify(C, "passThrough"), ""); // "pass$": the last word only
  EXPECT_EQ(classify(C, "사용자이메일"), "email");
  EXPECT_EQ(classify(C, "address"), "");
}

TEST(ClassifierTest, TypesAndMerge) {
  Classifier C = load(R"({"categories": [
      {"id": "ip", "looks": "an IP address", "types": ["in_addr"],
       "exclude": ["server"]}]})");
  ASSERT_NE(C.classifyType("in_addr"), nullptr);
  EXPECT_EQ(C.classifyType("in_addr")->Id, "ip");
  EXPECT_EQ(C.classifyType("sockaddr"), nullptr);
  EXPECT_TRUE(C.excluded({"server", "addr"}, *C.classifyType("in_addr")));
  Classifier More = load(R"({"categories": [
      {"id": "ip", "names": ["client ip"]},
      {"id": "shoe", "looks": "a shoe size", "names": ["shoe size"]}]})");
  C.merge(More);
  EXPECT_EQ(classify(C, "clientIp"), "ip");
  EXPECT_EQ(classify(C, "shoeSize"), "shoe");
  EXPECT_EQ(C.category("ip")->Looks, "an IP address");
}

TEST(ClassifierTest, BadPatternsAreErrorsWithPositions) {
  ClassifierLoadResult R =
      parseClassifier("{\"categories\": [{\"id\": \"x\", \"looks\": \"an x\",\n"
                      "  \"names\": [\"Two  Spaces\"]}]}",
                      "bad.json");
  EXPECT_FALSE(R.ok());
  ASSERT_EQ(R.Diagnostics.size(), 1u);
  EXPECT_EQ(R.Diagnostics[0].Line, 2u);
  EXPECT_EQ(R.Diagnostics[0].Column, 13u);
}

} // namespace
