//===- SummaryModelTest.cpp - per-TU summaries to JSON and back -----------===//
#include "privacy/summary/SummaryJson.h"

#include "gtest/gtest.h"

#include <cstring>

using namespace privacy;
using namespace privacy::summary;

namespace {

taint::Label label(const char *Text) { return *taint::Label::parse(Text); }

Site site(unsigned Line) { return {"src/app.cpp", Line, 3}; }

FactSite factSite(unsigned Line) {
  FactSite S;
  static_cast<Site &>(S) = site(Line);
  return S;
}

Labels labels(const char *Text) {
  return {{label(Text), {{site(1), "read here"}, {site(2), "passed here"}}}};
}

/// A summary with something in every part the format has.
TuSummary everything() {
  TuSummary S;
  S.File = "src/app.cpp";

  Finding Plain;
  Plain.At = site(4);
  Plain.Check = "privacy-log-leak";
  Plain.Message = "logging 'email'";
  Plain.Notes = {{site(3), "read here"}};
  Plain.Item = "email";
  Plain.Target = "'logLine'";
  Plain.Function = "app::send";
  Plain.CodeHash = "0123456789abcdef";
  Finding Consent = Plain;
  Consent.Check = "privacy-missing-consent";
  Consent.FunctionUsr = "c:@F@send#";
  Consent.NeedsConsents = {"marketing"};
  Finding Unannotated;
  Unannotated.At = site(5);
  Unannotated.Check = "privacy-unannotated-personal-data";
  Unannotated.Message = "field 'User::email' looks like an e-mail address";
  Unannotated.Category = "email";
  Unannotated.SuggestedItem = "email";
  Unannotated.Fixes = {{site(5), "PRIVACY_DATA(\"email\") "}};
  S.Findings = {Plain, Consent, Unannotated};

  Function F;
  F.Usr = "c:@F@send#";
  F.Name = "app::send";
  F.ShortName = "send";
  F.Analysed = true;
  F.At = site(10);
  F.DeclaredSink = true;
  F.Overrides = {"c:@S@Base@F@send#"};
  F.Own = OwnPurposes{{"billing", "support"}, site(9)};
  F.Calls = {{"c:@F@helper#", "helper", site(11), {"marketing"}}};
  F.Reads = {{"email",
              {},
              site(12),
              "using personal data 'email' from x",
              {site(1), "'email' is marked as personal data here"}}};
  Flow Transfer;
  Transfer.Kind = FlowKind::Transfer;
  Transfer.Target = "freshworks";
  Transfer.Country = "US";
  Transfer.Via = "post";
  Transfer.Catalog = "curl";
  Transfer.At = site(13);
  Transfer.Data = labels("$p0.email");
  Flow Purpose;
  Purpose.Kind = FlowKind::Purpose;
  Purpose.Purposes = {"billing", "marketing"};
  Purpose.Via = "charge";
  Purpose.DeclaredAt = site(2);
  Purpose.Data = labels("$this.name");
  Flow Slot;
  Slot.Kind = FlowKind::Slot;
  Slot.Target = "c:@handler";
  Slot.Via = "handler";
  Slot.At = site(10);
  Slot.Data = labels("#fn:c:@F@onEvent#");
  F.Flows = {Transfer, Purpose, Slot};
  F.Returns = labels("$r:src/app.cpp:2.address");
  F.Throws = labels("$p0.email");
  F.Writes = {{"$this.note", labels("$p0.email")}, {"$p1", labels("phone")}};
  IndirectCall IC;
  IC.Callee = label("#slot:c:@handler");
  IC.In = F.Usr;
  IC.InName = "send";
  IC.At = site(14);
  IC.Consents = {"marketing"};
  IC.Args = {labels("$cuser@0x1"), {}};
  IC.ArgFields = {{{"email", labels("email")}}, {}};
  F.IndirectCalls = {IC};
  Function Bare;
  Bare.Usr = "c:@F@bare#";
  S.Functions = {F, Bare};

  ExternalCall C;
  C.Caller = F.Usr;
  C.Callee = "c:@F@remote#";
  C.CalleeName = "remote";
  C.At = site(15);
  C.Args = {labels("phone")};
  C.ArgFields = {{}};
  C.Object = labels("$this");
  C.Internal = true;
  C.ReturnsAs = label("$r:src/app.cpp:1");
  C.ThrowsAs = label("$r:src/app.cpp:3");
  C.WritesAs = {{-1, label("$r:src/app.cpp:4")},
                {0, label("$r:src/app.cpp:5")}};
  ExternalCall NoResult = C;
  NoResult.ReturnsAs.reset();
  NoResult.ThrowsAs.reset();
  NoResult.WritesAs.clear();
  NoResult.Internal = false;
  S.ExternalCalls = {C, NoResult};

  S.FunctionSlots = {{"c:@handler", {"c:@F@a#", "c:@F@b#"}}};
  Flow Declared = Transfer;
  Declared.At.reset();
  Declared.Catalog.clear();
  S.DeclaredSinks = {{"c:@F@onEvent#", "onEvent", {Declared}}};
  S.ValueReturns = {{"c:@F@hashOf#", "hashOf", {}},
                    {"c:@F@copy#", "copy", {1}}};

  InventoryFacts &I = S.Inventory;
  FactSite Symbol = factSite(20);
  Symbol.Symbol = "app::Member::email";
  FactSite InFunction = factSite(21);
  InFunction.Function = "app::send";
  I.Declarations = {{"email", Symbol}};
  I.PurposeDeclarations = {{"billing", Symbol}};
  I.Erase = {{"members", Symbol}};
  I.ConsentChecks = {{"marketing", Symbol}};
  I.TransferDeclarations = {{"freshworks", Symbol}};
  I.StoreDeclarations = {{"members", Symbol}};
  I.Uses = {{"email", "billing", InFunction, true}};
  I.Sinks = {{FlowKind::Store, "members", "", "email", "save", factSite(22)}};
  I.Annotations = 7;
  I.Functions = 3;
  S.Anchors = {{site(22), "app::send", "fedcba9876543210"}};
  return S;
}

SummaryReadResult reread(const TuSummary &S) {
  return parseSummary(toJson(S).dump(1), "app.cpp.json");
}

std::string messages(const SummaryReadResult &R) {
  std::string Out;
  for (const PolicyDiagnostic &D : R.Diagnostics)
    Out += D.format() + "\n";
  return Out;
}

TEST(SummaryModelTest, RoundTripKeepsEverything) {
  TuSummary Original = everything();
  SummaryReadResult R = reread(Original);
  ASSERT_TRUE(R.Summary) << messages(R);
  EXPECT_TRUE(R.Diagnostics.empty());
  EXPECT_EQ(toJson(*R.Summary), toJson(Original));

  const TuSummary &S = *R.Summary;
  ASSERT_EQ(S.Functions.size(), 2u);
  const Function &F = S.Functions[0];
  EXPECT_TRUE(F.Analysed);
  EXPECT_EQ(F.Own->Purposes, (std::vector<std::string>{"billing", "support"}));
  ASSERT_EQ(F.Flows.size(), 3u);
  EXPECT_EQ(F.Flows[1].Kind, FlowKind::Purpose);
  EXPECT_EQ(F.Flows[1].Purposes,
            (std::vector<std::string>{"billing", "marketing"}));
  EXPECT_EQ(F.Flows[0].Data[0].Label.as<taint::ParamPlaceholder>()->Fields,
            taint::FieldPath{"email"});
  EXPECT_EQ(F.Flows[0].Data[0].Trace[1].Message, "passed here");
  EXPECT_TRUE(F.IndirectCalls[0].Callee.isMarker(taint::MarkerKind::Slot));
  EXPECT_EQ(F.IndirectCalls[0].ArgFields[0].at("email")[0].Label.str(),
            "email");
  EXPECT_FALSE(S.Functions[1].Analysed);
  EXPECT_FALSE(S.Functions[1].Own);

  ASSERT_EQ(S.ExternalCalls.size(), 2u);
  EXPECT_TRUE(S.ExternalCalls[0].Internal);
  EXPECT_EQ(S.ExternalCalls[0].ReturnsAs->as<taint::ReturnPlaceholder>()->File,
            std::optional<std::string>("src/app.cpp"));
  EXPECT_FALSE(S.ExternalCalls[1].ReturnsAs);
  EXPECT_EQ(S.ExternalCalls[0].ThrowsAs->str(), "$r:src/app.cpp:3");
  EXPECT_FALSE(S.ExternalCalls[1].ThrowsAs);
  ASSERT_EQ(S.ExternalCalls[0].WritesAs.size(), 2u);
  EXPECT_EQ(S.ExternalCalls[0].WritesAs[0].Param, -1);
  EXPECT_EQ(S.ExternalCalls[0].WritesAs[1].As.str(), "$r:src/app.cpp:5");
  EXPECT_TRUE(S.ExternalCalls[1].WritesAs.empty());
  EXPECT_EQ(F.Writes.at("$this.note")[0].Label.str(), "$p0.email");
  ASSERT_EQ(S.ValueReturns.size(), 2u);
  EXPECT_TRUE(S.ValueReturns[0].Params.empty());
  EXPECT_EQ(S.ValueReturns[1].Params, std::vector<unsigned>{1});
  EXPECT_EQ(F.Throws[0].Label.str(), "$p0.email");
  EXPECT_FALSE(S.DeclaredSinks[0].Flows[0].At);
  EXPECT_EQ(S.Findings[1].FunctionUsr,
            std::optional<std::string>("c:@F@send#"));
  EXPECT_FALSE(S.Findings[0].FunctionUsr);
  EXPECT_TRUE(S.Findings[0].Fixes.empty());
  ASSERT_EQ(S.Findings[2].Fixes.size(), 1u);
  EXPECT_EQ(S.Findings[2].Fixes[0].At.Line, 5u);
  EXPECT_EQ(S.Findings[2].Fixes[0].Text, "PRIVACY_DATA(\"email\") ");
  EXPECT_EQ(S.Inventory.Declarations[0].At.Symbol,
            std::optional<std::string>("app::Member::email"));
  EXPECT_EQ(S.Inventory.Uses[0].At.Function,
            std::optional<std::string>("app::send"));
  EXPECT_EQ(S.Inventory.Sinks[0].Kind, FlowKind::Store);
  EXPECT_EQ(S.Inventory.Annotations, 7u);
  // The facts of fingerprints (privacy/FindingIdentity.h).
  EXPECT_EQ(S.Findings[0].Item, "email");
  EXPECT_EQ(S.Findings[0].Target, "'logLine'");
  EXPECT_EQ(S.Findings[0].Function, "app::send");
  EXPECT_EQ(S.Findings[0].CodeHash, "0123456789abcdef");
  ASSERT_EQ(S.Anchors.size(), 1u);
  EXPECT_EQ(S.Anchors[0].At.Line, 22u);
  EXPECT_EQ(S.Anchors[0].Function, "app::send");
  EXPECT_EQ(S.Anchors[0].CodeHash, "fedcba9876543210");
}

TEST(SummaryModelTest, TheKeysOfEachKindOfFlow) {
  nlohmann::json J = toJson(everything());
  const nlohmann::json &Flows = J["functions"][0]["flows"];
  EXPECT_EQ(Flows[1]["target"], "billing,marketing");
  // A slot flow says where a function value goes, nothing about sinks.
  EXPECT_FALSE(Flows[2].contains("country"));
  EXPECT_FALSE(Flows[2].contains("declared_at"));
  EXPECT_TRUE(Flows[0].contains("catalog"));
  EXPECT_TRUE(J["declared_sinks"][0]["flows"][0]["site"].is_null());
  // Absent rather than empty or false.
  EXPECT_FALSE(J["functions"][1].contains("site"));
  EXPECT_FALSE(J["functions"][1].contains("returns"));
  EXPECT_FALSE(J["functions"][1].contains("overrides"));
  EXPECT_FALSE(J["external_calls"][1].contains("returns_as"));
}

TEST(SummaryModelTest, ASealedSummaryReadsAsWritten) {
  TuSummary Original = everything();
  std::string Text = summaryText(Original);
  ASSERT_EQ(Text.rfind("{\n \"seal\": \"", 0), 0u) << Text.substr(0, 40);
  ASSERT_EQ(Text.back(), '\n');
  nlohmann::json Unsealed = nlohmann::json::parse(Text);
  ASSERT_TRUE(Unsealed.at("seal").is_string());
  EXPECT_EQ(Unsealed.at("seal").get<std::string>().size(), 16u);
  Unsealed.erase("seal");
  EXPECT_EQ(Unsealed, toJson(Original));
  EXPECT_EQ(summaryText(Original), Text); // the same seal every time

  SummaryReadResult R = parseSummary(Text, "s.json");
  ASSERT_TRUE(R.Summary) << messages(R);
  EXPECT_TRUE(R.Diagnostics.empty());
  EXPECT_EQ(toJson(*R.Summary), toJson(Original));

  // A value changed under the seal: checked against the schema again.
  std::string Edited = Text;
  size_t At = Edited.find("\"declared_sink\": true");
  ASSERT_NE(At, std::string::npos);
  Edited.replace(At, std::strlen("\"declared_sink\": true"),
                 "\"declared_sink\": \"no\"");
  SummaryReadResult Bad = parseSummary(Edited, "s.json");
  EXPECT_FALSE(Bad.Summary);
  EXPECT_NE(messages(Bad).find("expected true or false (found \"no\")"),
            std::string::npos)
      << messages(Bad);

  // Another seal on the same text: checked, and read.
  std::string Resealed = Text;
  char &Digit = Resealed[std::strlen("{\n \"seal\": \"")];
  Digit = Digit == '0' ? '1' : '0';
  SummaryReadResult Checked = parseSummary(Resealed, "s.json");
  ASSERT_TRUE(Checked.Summary) << messages(Checked);
  EXPECT_EQ(toJson(*Checked.Summary), toJson(Original));
}

TEST(SummaryModelTest, OnlyTheFormatIsRequired) {
  SummaryReadResult R =
      parseSummary("{\"format\": \"privacy-tidy/tu-summary/1\"}", "s.json");
  ASSERT_TRUE(R.Summary) << messages(R);
  EXPECT_TRUE(R.Summary->Functions.empty());
  EXPECT_EQ(R.Summary->Inventory.Functions, 0u);
}

TEST(SummaryModelTest, ProblemsArePositioned) {
  nlohmann::json J = toJson(everything());
  J["functions"][0]["flows"][0]["labels"][0]["label"] = "$p0.x.";
  SummaryReadResult BadLabel = parseSummary(J.dump(1), "s.json");
  EXPECT_FALSE(BadLabel.Summary);
  ASSERT_EQ(BadLabel.Diagnostics.size(), 1u) << messages(BadLabel);
  EXPECT_NE(BadLabel.Diagnostics[0].Message.find("'$p0.x.' is not a label"),
            std::string::npos);
  EXPECT_EQ(BadLabel.Diagnostics[0].Pointer,
            "/functions/0/flows/0/labels/0/label");
  EXPECT_GT(BadLabel.Diagnostics[0].Line, 1u);

  SummaryReadResult Other =
      parseSummary("{\"format\": \"privacy-tidy/tu-summary/0\"}", "s.json");
  EXPECT_FALSE(Other.Summary);
  ASSERT_FALSE(Other.Diagnostics.empty());
  EXPECT_NE(Other.Diagnostics[0].Message.find("not a summary of format"),
            std::string::npos)
      << messages(Other);

  J = toJson(everything());
  J["external_calls"][0].erase("callee");
  SummaryReadResult Missing = parseSummary(J.dump(1), "s.json");
  EXPECT_FALSE(Missing.Summary);
  EXPECT_NE(messages(Missing).find("callee"), std::string::npos)
      << messages(Missing);
}

} // namespace
