//===- LabelTest.cpp - labels read from and written to their string -------===//
#include "privacy/Label.h"
#include "privacy/Taint.h"

#include "gtest/gtest.h"

using namespace privacy;
using namespace privacy::taint;

namespace {

Label roundTrip(const std::string &Text) {
  std::optional<Label> L = Label::parse(Text);
  EXPECT_TRUE(L.has_value()) << Text;
  if (!L)
    return Label(ItemLabel{""});
  EXPECT_EQ(L->str(), Text);
  return *L;
}

TEST(LabelTest, Item) {
  Label L = roundTrip("phone_mobile");
  ASSERT_TRUE(L.as<ItemLabel>());
  EXPECT_EQ(L.as<ItemLabel>()->Item, "phone_mobile");
  EXPECT_TRUE(L.isItem());
  EXPECT_FALSE(L.isPlaceholder());
  EXPECT_EQ(L.fields(), nullptr);
}

TEST(LabelTest, Parameter) {
  Label L = roundTrip("$p12.address.city");
  const auto *P = L.as<ParamPlaceholder>();
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Index, 12u);
  EXPECT_EQ(P->Fields, (FieldPath{"address", "city"}));
  EXPECT_TRUE(L.isPlaceholder());
  EXPECT_EQ(L.withoutFields().str(), "$p12");
  EXPECT_EQ(roundTrip("$p0").as<ParamPlaceholder>()->Index, 0u);
  EXPECT_EQ(paramLabel(3), "$p3");
}

TEST(LabelTest, This) {
  Label L = roundTrip("$this.email");
  ASSERT_TRUE(L.as<ThisPlaceholder>());
  EXPECT_EQ(L.as<ThisPlaceholder>()->Fields, FieldPath{"email"});
  EXPECT_TRUE(roundTrip("$this").as<ThisPlaceholder>()->Fields.empty());
  EXPECT_EQ(thisLabel(), "$this");
}

TEST(LabelTest, Capture) {
  Label L = roundTrip("$cuser@0x55d0c0ffee.name");
  const auto *C = L.as<CapturePlaceholder>();
  ASSERT_TRUE(C);
  EXPECT_EQ(C->Name, "user");
  EXPECT_EQ(C->Id, "0x55d0c0ffee");
  EXPECT_EQ(C->Fields, FieldPath{"name"});
}

TEST(LabelTest, ReturnInOneFileAndInTheProgram) {
  Label Local = roundTrip("$r7");
  ASSERT_TRUE(Local.as<ReturnPlaceholder>());
  EXPECT_FALSE(Local.as<ReturnPlaceholder>()->File);
  EXPECT_EQ(Local.as<ReturnPlaceholder>()->Call, 7u);

  // The file may hold dots and colons; the number follows the last colon.
  Label Global = roundTrip("$r:src/a:b.cpp:42.address.zip");
  const auto *R = Global.as<ReturnPlaceholder>();
  ASSERT_TRUE(R);
  EXPECT_EQ(R->File, std::optional<std::string>("src/a:b.cpp"));
  EXPECT_EQ(R->Call, 42u);
  EXPECT_EQ(R->Fields, (FieldPath{"address", "zip"}));
  EXPECT_EQ(Global.withoutFields().str(), "$r:src/a:b.cpp:42");

  // What the summary writer does: the file makes a local one global.
  Label Made = Local;
  Made.as<ReturnPlaceholder>()->File = "app.cpp";
  EXPECT_EQ(Made.str(), "$r:app.cpp:7");
  EXPECT_EQ(roundTrip("$r::3").as<ReturnPlaceholder>()->File,
            std::optional<std::string>(""));
}

TEST(LabelTest, CallbackResult) {
  Label K = roundTrip("$k3.note");
  const auto *R = K.as<CallbackResultPlaceholder>();
  ASSERT_TRUE(R);
  EXPECT_EQ(R->Call, 3u);
  EXPECT_EQ(R->Fields, FieldPath{"note"});
  EXPECT_TRUE(K.isPlaceholder());
  EXPECT_EQ(K.withoutFields().str(), "$k3");
  EXPECT_EQ(labelKind("$k3"), LabelKind::CallbackResult);
  EXPECT_EQ(fieldCount("$k3.note.zip"), 2u);
  EXPECT_EQ(withoutFields("$k3.note"), "$k3");
  for (const char *Bad : {"$k", "$kx", "$k01", "$k3.", "$k-1"})
    EXPECT_FALSE(Label::parse(Bad).has_value()) << Bad;
}

TEST(LabelTest, Markers) {
  Label Fn = roundTrip("#fn:c:app.cpp@F@send#*1C#");
  ASSERT_TRUE(Fn.isMarker(MarkerKind::Function));
  EXPECT_EQ(Fn.as<MarkerLabel>()->Text, "c:app.cpp@F@send#*1C#");
  EXPECT_EQ(Fn.fields(), nullptr);
  EXPECT_TRUE(roundTrip("#slot:handler@0x1234").isMarker(MarkerKind::Slot));
  EXPECT_TRUE(roundTrip("#fd:socket").isMarker(MarkerKind::FileDescriptor));
  EXPECT_FALSE(Fn.isPlaceholder());
  EXPECT_FALSE(Fn.isItem());
}

TEST(LabelTest, AnonymousMembersHaveEmptyNames) {
  // `union { Impl_ _impl_; };` as protoc generates it.
  std::optional<Label> L = Label::parse("$this.._impl_.email_");
  ASSERT_TRUE(L.has_value());
  EXPECT_EQ(L->str(), "$this.._impl_.email_");
}

TEST(LabelTest, MalformedStringsAreRejected) {
  for (const char *Bad :
       {"",     "$",      "$p",     "$px",      "$p01",      "$p-1",
        "$p1.", "$p1.a.", "$p1a",   "$this.",   "$thisx",    "$t",
        "$x0",  "$c",     "$cname", "$c@0x1",   "$cname@",   "$r",
        "$rx",  "$r:",    "$r:3",   "$r:file:", "$r:file:x", "$r3.",
        "#",    "#fn:",   "#fn",    "#other:x", "#slot:"})
    EXPECT_FALSE(Label::parse(Bad).has_value()) << Bad;
}

TEST(LabelTest, KindFromTheFirstCharacters) {
  EXPECT_EQ(labelKind("email"), LabelKind::Item);
  EXPECT_EQ(labelKind("$p0.x"), LabelKind::Param);
  EXPECT_EQ(labelKind("$this"), LabelKind::This);
  EXPECT_EQ(labelKind("$cx@1"), LabelKind::Capture);
  EXPECT_EQ(labelKind("$r:f:1"), LabelKind::Return);
  EXPECT_EQ(labelKind("#fd:socket"), LabelKind::Marker);
  EXPECT_EQ(labelKind("$q"), LabelKind::Malformed);
  EXPECT_TRUE(isPlaceholder("$p0"));
  EXPECT_TRUE(isReturnPlaceholder("$r3"));
  EXPECT_FALSE(isReturnPlaceholder("$p3"));
  EXPECT_TRUE(isMarker("#fn:x"));
  EXPECT_FALSE(isPlaceholder("email"));
}

TEST(LabelTest, BuiltAsTheParserReadsThem) {
  EXPECT_EQ(captureLabel("user", "0x1f"), "$cuser@0x1f");
  EXPECT_EQ(
      roundTrip(captureLabel("user", "0x1f")).as<CapturePlaceholder>()->Id,
      "0x1f");
  EXPECT_EQ(returnLabel(12), "$r12");
  EXPECT_EQ(markerLabel(MarkerKind::Function, "0x2a"), "#fn:0x2a");
  EXPECT_EQ(markerLabel(MarkerKind::Slot, "cb@0x2a"), "#slot:cb@0x2a");
  EXPECT_EQ(markerLabel(MarkerKind::FileDescriptor, "socket"), "#fd:socket");
  EXPECT_TRUE(isCapturePlaceholder("$cuser@0x1f.name"));
  EXPECT_FALSE(isCapturePlaceholder("$p0"));
  EXPECT_FALSE(isCapturePlaceholder("cname"));
}

TEST(LabelTest, FieldsEditedOnTheCanonicalString) {
  std::string L = paramLabel(2);
  appendField(L, "address");
  appendField(L, "city");
  EXPECT_EQ(L, "$p2.address.city");
  EXPECT_EQ(*Label::parse(L)->fields(), (FieldPath{"address", "city"}));
  EXPECT_EQ(fieldCount(L), 2u);
  EXPECT_EQ(withoutFields(L), "$p2");

  EXPECT_EQ(fieldCount("$this"), 0u);
  EXPECT_EQ(fieldCount("$this.email"), 1u);
  EXPECT_EQ(withoutFields("$this.email"), "$this");
  EXPECT_EQ(withoutFields("$cuser@0x1f.name"), "$cuser@0x1f");
  EXPECT_EQ(fieldCount("$r7.a.b"), 2u);
  // The dots of a file are not fields.
  EXPECT_EQ(fieldCount("$r:src/a.b.cpp:4.zip"), 1u);
  EXPECT_EQ(withoutFields("$r:src/a.b.cpp:4.zip"), "$r:src/a.b.cpp:4");
  EXPECT_EQ(withoutFields("$r:src/a.b.cpp:4"), "$r:src/a.b.cpp:4");
  // Items and markers have no fields, whatever their text holds.
  EXPECT_EQ(fieldCount("user.email"), 0u);
  EXPECT_EQ(withoutFields("user.email"), "user.email");
  EXPECT_EQ(withoutFields("#fn:a.b"), "#fn:a.b");
}

TEST(LabelTest, FieldsCutAsTheParserReadsThem) {
  // What parse(), resizing the fields and str() give, for every kind.
  for (const char *Text :
       {"$p2.a.b.c", "$this.._impl_.x.y", "$cuser@0x1f.a.b.c", "$k4.a.b.c",
        "$r:src/a.b.cpp:4.x.y.z", "$r7.a", "$this", "$p0.a.b"})
    for (size_t Keep : {0u, 1u, 2u, 5u}) {
      std::optional<Label> Parsed = Label::parse(Text);
      ASSERT_TRUE(Parsed) << Text;
      if (Parsed->fields()->size() > Keep)
        Parsed->fields()->resize(Keep);
      EXPECT_EQ(withFieldsCut(Text, Keep), Parsed->str())
          << Text << " keeping " << Keep;
    }
  // Labels the parser rejects are not cut.
  EXPECT_EQ(withFieldsCut("$p0.a.b.", 1), std::nullopt);
  EXPECT_EQ(withFieldsCut("$p01.a.b", 1), std::nullopt);
  EXPECT_EQ(withFieldsCut("$p01", 0), std::nullopt);
}

TEST(LabelTest, MarkerKindFromThePrefix) {
  EXPECT_TRUE(isMarkerOf("#slot:cb@0x1", MarkerKind::Slot));
  EXPECT_FALSE(isMarkerOf("#slot:cb@0x1", MarkerKind::Function));
  EXPECT_TRUE(isMarkerOf("#fn:0x1", MarkerKind::Function));
  EXPECT_TRUE(isMarkerOf("#fd:socket", MarkerKind::FileDescriptor));
  EXPECT_FALSE(isMarkerOf("slot", MarkerKind::Slot));
  EXPECT_FALSE(isMarkerOf("$p0", MarkerKind::Slot));
}

TEST(LabelTest, TaintFoldsDeepFieldPaths) {
  Taint T;
  EXPECT_TRUE(T.add("$p0.a.b.c", nullptr));
  ASSERT_EQ(T.size(), 1u);
  EXPECT_EQ(T.labels().begin()->first, "$p0.a.b");
  EXPECT_TRUE(T.add("$r:x.cpp:1.a.b.c", nullptr));
  EXPECT_TRUE(T.has("$r:x.cpp:1.a.b"));
}

} // namespace
