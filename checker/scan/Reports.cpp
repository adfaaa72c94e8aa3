//===- Reports.cpp - the inventory as people and tools read it ------------===//
//
// Markdown and HTML are built from one document model (headings, paragraphs,
// lists, tables of lines of spans), so the two formats always have the same
// sections and differ only in how a span is escaped. SARIF is built directly
// as JSON.
//
// The inventory may come from a file someone saved or edited (privacy-render
// reads one), so nothing here assumes a key exists or has the right type:
// every read goes through the small accessors below, which return an empty
// value instead of throwing.
//
//===----------------------------------------------------------------------===//

#include "Reports.h"
#include "privacy/Duration.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace privacy::scan {
namespace {

using json = nlohmann::json;

//===----------------------------------------------------------------------===//
// Reading the inventory without throwing
//===----------------------------------------------------------------------===//

const json &nullJson() {
  static const json Null;
  return Null;
}

const json &emptyArray() {
  static const json Empty = json::array();
  return Empty;
}

/// J[Key], or null when J is not an object or has no such key.
const json &get(const json &J, const char *Key) {
  if (!J.is_object())
    return nullJson();
  auto It = J.find(Key);
  return It == J.end() ? nullJson() : *It;
}

/// J[Key] when it is an array, else an empty array (safe to iterate).
const json &arr(const json &J, const char *Key) {
  const json &V = get(J, Key);
  return V.is_array() ? V : emptyArray();
}

std::string str(const json &J, const char *Key) {
  const json &V = get(J, Key);
  return V.is_string() ? V.get<std::string>() : std::string();
}

long long num(const json &J, const char *Key) {
  const json &V = get(J, Key);
  if (V.is_number_integer())
    return V.get<long long>();
  if (V.is_number_unsigned())
    return static_cast<long long>(V.get<unsigned long long>());
  if (V.is_number_float())
    return static_cast<long long>(V.get<double>());
  return 0;
}

bool flag(const json &J, const char *Key, bool Default) {
  const json &V = get(J, Key);
  return V.is_boolean() ? V.get<bool>() : Default;
}

bool has(const json &J, const char *Key) { return !get(J, Key).is_null(); }

/// The strings of an array (other elements skipped).
std::vector<std::string> strings(const json &J, const char *Key) {
  std::vector<std::string> Out;
  for (const json &V : arr(J, Key))
    if (V.is_string())
      Out.push_back(V.get<std::string>());
  return Out;
}

bool contains(const std::vector<std::string> &V, const std::string &S) {
  return std::find(V.begin(), V.end(), S) != V.end();
}

/// Replaces bytes that are not valid UTF-8 with U+FFFD, so that HTML is
/// well-formed and nlohmann::json::dump never throws on SARIF strings.
std::string validUtf8(std::string_view S) {
  std::string Out;
  Out.reserve(S.size());
  size_t I = 0;
  while (I < S.size()) {
    unsigned char C = static_cast<unsigned char>(S[I]);
    size_t Len = C < 0x80           ? 1
                 : (C >> 5) == 0x6  ? 2
                 : (C >> 4) == 0xE  ? 3
                 : (C >> 3) == 0x1E ? 4
                                    : 0;
    bool Ok = Len != 0 && I + Len <= S.size();
    for (size_t K = 1; Ok && K < Len; ++K)
      Ok = (static_cast<unsigned char>(S[I + K]) & 0xC0) == 0x80;
    if (Ok && Len > 1) {
      // Reject overlong forms, surrogates and code points past U+10FFFF.
      uint32_t CP = C & (0xFF >> (Len + 1));
      for (size_t K = 1; K < Len; ++K)
        CP = (CP << 6) | (static_cast<unsigned char>(S[I + K]) & 0x3F);
      static const uint32_t Min[] = {0, 0, 0x80, 0x800, 0x10000};
      Ok = CP >= Min[Len] && CP <= 0x10FFFF && !(CP >= 0xD800 && CP <= 0xDFFF);
    }
    if (!Ok) {
      Out += "\xEF\xBF\xBD";
      ++I;
      continue;
    }
    Out.append(S.substr(I, Len));
    I += Len;
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// The document model shared by Markdown and HTML
//===----------------------------------------------------------------------===//

struct Span {
  enum Kind { Plain, Code, Strong, Bad };
  std::string Text;
  Kind K = Plain;
};
/// One line of text; a table cell is a list of lines.
using Line = std::vector<Span>;
using Cell = std::vector<Line>;

struct Block {
  enum Kind { Heading, Paragraph, Notice, List, Table };
  Kind K = Paragraph;
  int Level = 2;
  std::string Anchor;
  Line Text;                       // Heading, Paragraph, Notice
  std::vector<Line> Items;         // List
  std::vector<std::string> Header; // Table
  std::vector<std::vector<Cell>> Rows;
};

Span plain(std::string S) { return {std::move(S), Span::Plain}; }
Span code(std::string S) { return {std::move(S), Span::Code}; }
Span strong(std::string S) { return {std::move(S), Span::Strong}; }
Span bad(std::string S) { return {std::move(S), Span::Bad}; }

/// A cell of one line; no line at all for empty text (shown as a dash).
Cell cell(std::string S) {
  if (S.empty())
    return Cell{};
  return Cell{Line{plain(std::move(S))}};
}
Cell cell(Line L) { return Cell{std::move(L)}; }

/// "—" for a cell with nothing to say, so no table cell is ever blank.
const char *const Dash = "\xE2\x80\x94";

//===----------------------------------------------------------------------===//
// Words
//===----------------------------------------------------------------------===//

/// Everything that depends on the language, and the labels of the ids.
class Words {
public:
  Words(const json &Inv, const std::string &RequestedLang)
      : Ko(RequestedLang == "ko"), Lang(Ko ? "ko" : "en") {
    auto Collect = [&](const char *Section, const char *IdKey,
                       std::map<std::string, json> &Into) {
      for (const json &E : arr(Inv, Section)) {
        std::string Id = str(E, IdKey);
        if (!Id.empty() && has(E, "label"))
          Into.emplace(Id, get(E, "label"));
      }
    };
    Collect("items", "id", ItemLabels);
    Collect("purposes", "id", PurposeLabels);
    Collect("recipients", "id", RecipientLabels);
    Collect("stores", "id", StoreLabels);
    Collect("consent_checks", "consent", ConsentLabels);
    for (const json &E : arr(Inv, "consents")) // not in the schema; if present
      if (!str(E, "id").empty() && has(E, "label"))
        ConsentLabels.emplace(str(E, "id"), get(E, "label"));
  }

  bool Ko;
  std::string Lang;

  const char *t(const char *KoText, const char *EnText) const {
    return Ko ? KoText : EnText;
  }

  /// A label in the report's language, then the other one, then any text.
  std::string label(const json &L) const {
    if (L.is_string())
      return L.get<std::string>();
    if (!L.is_object())
      return "";
    for (const char *Key :
         {Lang.c_str(), Ko ? "en" : "ko", "en", "ko", "text"}) {
      const json &V = get(L, Key);
      if (V.is_string() && !V.get<std::string>().empty())
        return V.get<std::string>();
    }
    for (const auto &[Key, V] : L.items())
      if (V.is_string() && !V.get<std::string>().empty())
        return V.get<std::string>();
    return "";
  }

  std::string labelOr(const json &L, const std::string &Id) const {
    std::string S = label(L);
    return S.empty() ? Id : S;
  }

  std::string named(const std::map<std::string, json> &Labels,
                    const std::string &Id) const {
    if (Id == "*")
      return t("모든 항목 (*)", "all (*)");
    auto It = Labels.find(Id);
    return It == Labels.end() ? Id : labelOr(It->second, Id);
  }
  std::string item(const std::string &Id) const {
    return named(ItemLabels, Id);
  }
  std::string purpose(const std::string &Id) const {
    if (Id == "*")
      return t("모든 목적 (*)", "all purposes (*)");
    return named(PurposeLabels, Id);
  }
  std::string recipient(const std::string &Id) const {
    return named(RecipientLabels, Id);
  }
  std::string store(const std::string &Id) const {
    return named(StoreLabels, Id);
  }
  std::string consent(const std::string &Id) const {
    return named(ConsentLabels, Id);
  }

  std::string join(const std::vector<std::string> &Parts) const {
    std::string Out;
    for (const std::string &P : Parts)
      Out += (Out.empty() ? "" : ", ") + P;
    return Out;
  }

  std::string count(long long N, const char *KoUnit, const char *EnOne,
                    const char *EnMany) const {
    if (Ko)
      return std::to_string(N) + KoUnit;
    return std::to_string(N) + " " + (N == 1 ? EnOne : EnMany);
  }
  std::string sites(long long N) const {
    return count(N, "곳", "site", "sites");
  }

  std::string yesNo(bool B) const {
    return B ? t("예", "yes") : t("아니오", "no");
  }

  /// Legal basis with the provisions it stands for (docs/policy-format.md).
  Cell basis(const std::string &B) const {
    struct Row {
      const char *Id, *Ko, *En, *Pipa, *Gdpr;
    };
    static const Row Rows[] = {
        {"consent", "정보주체의 동의", "Consent", "1", "a"},
        {"contract", "계약의 체결·이행", "Contract", "4", "b"},
        {"legal_obligation", "법령상 의무 준수", "Legal obligation", "2", "c"},
        {"vital_interests", "급박한 생명·신체·재산의 이익", "Vital interests",
         "5", "d"},
        {"public_task", "공공기관의 소관 업무 수행", "Public task", "3", "e"},
        {"legitimate_interests", "개인정보처리자의 정당한 이익",
         "Legitimate interests", "6", "f"},
    };
    for (const Row &R : Rows)
      if (B == R.Id)
        return Cell{
            Line{plain(Ko ? R.Ko : R.En)},
            Line{plain(Ko ? std::string("개인정보 보호법 제15조제1항제") +
                                R.Pipa + "호, GDPR 제6조제1항(" + R.Gdpr + ")"
                          : std::string("PIPA Art. 15(1) ") + R.Pipa +
                                ", GDPR Art. 6(1)(" + R.Gdpr + ")")}};
    return cell(Line{code(B.empty() ? "?" : B)});
  }

  /// "미국 (US)" / "United States (US)".
  std::string country(const std::string &CC) const {
    struct Row {
      const char *CC, *Ko, *En;
    };
    static const Row Rows[] = {
        {"AU", "호주", "Australia"},
        {"CA", "캐나다", "Canada"},
        {"CN", "중국", "China"},
        {"DE", "독일", "Germany"},
        {"FR", "프랑스", "France"},
        {"GB", "영국", "United Kingdom"},
        {"HK", "홍콩", "Hong Kong"},
        {"IE", "아일랜드", "Ireland"},
        {"IN", "인도", "India"},
        {"JP", "일본", "Japan"},
        {"KR", "대한민국", "Republic of Korea"},
        {"NL", "네덜란드", "Netherlands"},
        {"SG", "싱가포르", "Singapore"},
        {"TW", "대만", "Taiwan"},
        {"US", "미국", "United States"},
        {"VN", "베트남", "Viet Nam"},
    };
    if (CC.empty())
      return Dash;
    for (const Row &R : Rows)
      if (CC == R.CC)
        return std::string(Ko ? R.Ko : R.En) + " (" + CC + ")";
    return CC;
  }

  /// ISO 8601 duration in words: P5Y → "5년" / "5 years"; "" if not one.
  std::string duration(const std::string &D) const {
    return durationInWords(D, Ko);
  }

  /// Is \p R a structured retention ({period, until, ...}) rather than a label?
  static bool structured(const json &R) {
    if (!R.is_object())
      return false;
    for (const char *K :
         {"period", "until", "from", "basis", "records", "text"})
      if (has(R, K))
        return true;
    return false;
  }

  /// How long: "6개월 (P6M), 계약의 종료 또는 해지 후" etc. Without the basis.
  Cell retention(const json &R) const {
    if (R.is_null())
      return Cell{};
    if (!structured(R))
      return cell(label(R));
    Cell Out;
    std::string Period = str(R, "period");
    std::string From = label(get(R, "from"));
    if (!Period.empty()) {
      std::string InWords = duration(Period);
      Line L;
      if (Ko && !From.empty())
        L.push_back(plain(From + " 후 "));
      L.push_back(plain(InWords.empty() ? Period : InWords));
      if (!InWords.empty())
        L.push_back(plain(" (" + Period + ")"));
      if (!Ko && !From.empty())
        L.push_back(plain(" from " + From));
      Out.push_back(L);
    } else if (!From.empty()) {
      Out.push_back(Line{plain(t("기산점: ", "from ") + From)});
    }
    for (const char *K : {"until", "text"}) {
      std::string S = label(get(R, K));
      if (!S.empty())
        Out.push_back(Line{plain(S)});
    }
    return Out;
  }

  std::map<std::string, json> ItemLabels, PurposeLabels, RecipientLabels,
      StoreLabels, ConsentLabels;
};

std::string location(const json &Site) {
  std::string File = str(Site, "file");
  if (File.empty())
    return "";
  std::string Out = File;
  if (long long L = num(Site, "line")) {
    Out += ":" + std::to_string(L);
    if (long long C = num(Site, "column"))
      Out += ":" + std::to_string(C);
  }
  return Out;
}

/// "func (file:line:col)" for a site, the function in code.
Line siteLine(const json &Site) {
  Line L;
  std::string Fn = str(Site, "function");
  if (Fn.empty())
    Fn = str(Site, "symbol");
  std::string Loc = location(Site);
  if (!Fn.empty())
    L.push_back(code(Fn));
  if (!Loc.empty()) {
    if (!Fn.empty())
      L.push_back(plain(" "));
    L.push_back(code(Loc));
  }
  if (L.empty())
    L.push_back(plain("?"));
  return L;
}

//===----------------------------------------------------------------------===//
// Building the report
//===----------------------------------------------------------------------===//

class ReportBuilder {
public:
  ReportBuilder(const json &Inventory, const std::string &Lang)
      : Inv(Inventory), W(Inventory, Lang) {}

  std::string title() const {
    std::string Controller =
        W.label(get(get(get(Inv, "policy"), "controller"), "name"));
    std::string T = W.t("개인정보 처리 현황", "Record of processing");
    return Controller.empty() ? T : T + " \xE2\x80\x94 " + Controller;
  }

  std::vector<Block> build() {
    heading(1, title(), "top");
    summary();
    collected();
    processors();
    thirdParties();
    abroad();
    retention();
    consents();
    findings();
    policyDiff();
    return std::move(Doc);
  }

  const Words &words() const { return W; }

private:
  const json &Inv;
  Words W;
  std::vector<Block> Doc;
  int Section = 0;

  void heading(int Level, std::string Text, std::string Anchor) {
    Block B;
    B.K = Block::Heading;
    B.Level = Level;
    B.Anchor = std::move(Anchor);
    if (Level == 2)
      Text = std::to_string(++Section) + ". " + Text;
    B.Text = Line{plain(std::move(Text))};
    Doc.push_back(std::move(B));
  }
  void paragraph(Line L, Block::Kind K = Block::Paragraph) {
    Block B;
    B.K = K;
    B.Text = std::move(L);
    Doc.push_back(std::move(B));
  }
  void list(std::vector<Line> Items) {
    Block B;
    B.K = Block::List;
    B.Items = std::move(Items);
    Doc.push_back(std::move(B));
  }
  void table(std::vector<std::string> Header,
             std::vector<std::vector<Cell>> Rows, std::string Anchor = "") {
    for (auto &Row : Rows)
      for (Cell &C : Row)
        if (C.empty())
          C = cell(Dash);
    Block B;
    B.K = Block::Table;
    B.Anchor = std::move(Anchor);
    B.Header = std::move(Header);
    B.Rows = std::move(Rows);
    Doc.push_back(std::move(B));
  }

  const json &policy() const { return get(Inv, "policy"); }

  /// The item labels of \p Ids, one comma-separated line.
  std::string items(const std::vector<std::string> &Ids) const {
    std::vector<std::string> Names;
    for (const std::string &Id : Ids)
      Names.push_back(W.item(Id));
    return W.join(Names);
  }

  /// Items reaching a recipient or store, those the policy does not
  /// declare for it marked.
  Cell reaching(const json &Target) const {
    std::vector<std::string> Declared = strings(Target, "items_declared");
    bool All = contains(Declared, "*");
    bool InPolicy = flag(Target, "in_policy", true);
    Line L;
    for (const std::string &Id : strings(Target, "items_reaching")) {
      if (!L.empty())
        L.push_back(plain(", "));
      if (InPolicy && !All && !contains(Declared, Id))
        L.push_back(bad(W.item(Id) + W.t(" (정책에 없음)", " (not declared)")));
      else
        L.push_back(plain(W.item(Id)));
    }
    if (L.empty())
      return Cell{};
    return Cell{L};
  }

  /// The purposes the code sends a recipient data for, those the policy
  /// does not declare for it marked. The inventory writes a recipient whose
  /// policy entry lists no purposes (any purpose) with an empty list, as
  /// one that declares none: neither is marked here
  /// (privacy-undeclared-recipient reports the second).
  Cell purposesReaching(const json &Recipient) const {
    std::vector<std::string> Declared = strings(Recipient, "purposes");
    bool Listed = !Declared.empty();
    bool All = contains(Declared, "*");
    Line L;
    for (const std::string &Id : strings(Recipient, "purposes_reaching")) {
      if (!L.empty())
        L.push_back(plain(", "));
      if (Listed && !All && !contains(Declared, Id))
        L.push_back(
            bad(W.purpose(Id) + W.t(" (정책에 없음)", " (not declared)")));
      else
        L.push_back(plain(W.purpose(Id)));
    }
    if (L.empty())
      return Cell{};
    return Cell{L};
  }

  Cell declared(const json &Target) const {
    if (!flag(Target, "in_policy", true))
      return cell(Line{bad(W.t("정책에 없음", "not in the policy"))});
    return itemList(Target, "items_declared");
  }

  /// Item labels of a list the policy states; an empty one says "none".
  Cell itemList(const json &J, const char *Key) const {
    if (get(J, Key).is_array() && arr(J, Key).empty())
      return cell(W.t("없음 (개인정보 아님)", "none (no personal data)"));
    return cell(items(strings(J, Key)));
  }

  Line nameWithId(const std::string &Name, const std::string &Id) const {
    if (Name == Id || Name.empty())
      return Line{code(Id)};
    return Line{plain(Name + " "), code(Id)};
  }

  //--- 1. Summary -----------------------------------------------------------
  void summary() {
    const json &A = get(Inv, "analysis");
    const json &Failed = arr(A, "failed");
    long long Units = num(A, "translation_units"),
              Analysed = num(A, "analysed");
    long long Functions = num(A, "functions"),
              Annotations = num(A, "annotations");
    size_t New = 0, Baselined = 0;
    for (const json &F : arr(Inv, "findings"))
      (flag(F, "baselined", false) ? Baselined : New)++;

    heading(2, W.t("요약", "Summary"), "summary");
    std::string PolicyPath = str(policy(), "path");
    std::string PolicyTitle = W.label(get(policy(), "title"));
    std::string Root = str(Inv, "project_root");
    Line Intro;
    if (W.Ko) {
      Intro = {
          plain("이 보고서는 코드("), code(Root.empty() ? "." : Root),
          plain(")가 실제로 처리하는 개인정보를 개인정보처리방침과 대조한 처리 "
                "현황입니다. 대조한 방침:")};
      if (!PolicyTitle.empty())
        Intro.push_back(plain(" 「" + PolicyTitle + "」"));
      Intro.push_back(plain(PolicyTitle.empty() ? " " : " ("));
      Intro.push_back(code(PolicyPath.empty() ? "?" : PolicyPath));
      Intro.push_back(plain(PolicyTitle.empty() ? "." : ")."));
    } else {
      Intro = {
          plain("This report is the record of the personal data the code in "),
          code(Root.empty() ? "." : Root),
          plain(" actually processes, checked against the privacy policy")};
      if (!PolicyTitle.empty())
        Intro.push_back(plain(" \xE2\x80\x9C" + PolicyTitle + "\xE2\x80\x9D"));
      Intro.push_back(plain(PolicyTitle.empty() ? " " : " ("));
      Intro.push_back(code(PolicyPath.empty() ? "?" : PolicyPath));
      Intro.push_back(plain(PolicyTitle.empty() ? "." : ")."));
    }
    paragraph(Intro);

    // Personal data annotated at all? Say so plainly when not: an empty
    // inventory must never read as a clean one.
    bool Annotated;
    if (get(A, "personal_data_annotated").is_boolean()) {
      Annotated = get(A, "personal_data_annotated").get<bool>();
    } else {
      Annotated = false;
      for (const json &I : arr(Inv, "items"))
        Annotated |= !arr(I, "declarations").empty();
    }
    std::string Counts =
        W.Ko ? "번역 단위 " + std::to_string(Units) + "개 중 " +
                   std::to_string(Analysed) + "개 분석, " +
                   std::to_string(Failed.size()) + "개 실패; 함수 " +
                   std::to_string(Functions) + "개; 개인정보 주석 " +
                   std::to_string(Annotations) + "개"
             : std::to_string(Analysed) + " of " + std::to_string(Units) +
                   " translation units analysed, " +
                   std::to_string(Failed.size()) + " failed; " +
                   W.count(Functions, "", "function", "functions") + "; " +
                   W.count(Annotations, "", "privacy annotation",
                           "privacy annotations");
    if (!Annotated)
      paragraph(Line{strong(W.t("코드에 개인정보로 표시된 데이터가 없습니다 "
                                "(PRIVACY_DATA 주석 없음). ",
                                "No personal data is annotated in the code "
                                "(no PRIVACY_DATA annotation). ")),
                     plain(Counts +
                           W.t(". 아래 표의 코드 관련 내용은 비어 있으며, "
                               "이는 개인정보를 처리하지 않는다는 뜻이 아니라 "
                               "코드가 아직 주석되지 않았다는 뜻입니다.",
                               ". The code columns below are therefore empty: "
                               "this does not mean the code processes no "
                               "personal data, only that none of it is "
                               "annotated yet."))},
                Block::Notice);
    if (!Failed.empty())
      paragraph(
          Line{
              strong(
                  W.Ko ? "번역 단위 " + std::to_string(Failed.size()) +
                             "개를 분석하지 못했습니다. "
                       : std::to_string(Failed.size()) +
                             (Failed.size() == 1
                                  ? " translation unit could not be analysed. "
                                  : " translation units could not be "
                                    "analysed. ")),
              plain(W.Ko ? "이 보고서는 그 부분을 포함하지 않습니다 (아래 표 "
                           "참조)."
                    : Failed.size() == 1
                        ? "This report does not cover it (see the table below)."
                        : "This report does not cover them (see the table "
                          "below).")},
          Block::Notice);

    std::vector<std::vector<Cell>> Rows;
    auto Row = [&](const char *Ko, const char *En, Cell Value) {
      Rows.push_back({cell(W.t(Ko, En)), std::move(Value)});
    };
    Row("개인정보처리방침", "Privacy policy",
        cell(PolicyTitle.empty()
                 ? Line{code(PolicyPath)}
                 : Line{plain(PolicyTitle + " "), code(PolicyPath)}));
    std::string Controller = W.label(get(get(policy(), "controller"), "name"));
    std::string CC = str(get(policy(), "controller"), "country");
    Row("개인정보처리자", "Controller",
        cell((Controller.empty() ? std::string() : Controller + ", ") +
             W.country(CC)));
    Row("번역 단위", "Translation units",
        cell(W.Ko
                 ? std::to_string(Units) + "개 중 " + std::to_string(Analysed) +
                       "개 분석, " + std::to_string(Failed.size()) + "개 실패"
                 : std::to_string(Analysed) + " of " + std::to_string(Units) +
                       " analysed, " + std::to_string(Failed.size()) +
                       " failed"));
    Row("분석한 함수", "Functions analysed", cell(std::to_string(Functions)));
    Row("개인정보 주석", "Privacy annotations",
        cell(std::to_string(Annotations)));
    Row("개인정보 주석 여부", "Personal data annotated",
        Annotated ? cell(W.yesNo(true)) : cell(Line{bad(W.yesNo(false))}));
    Row("점검 결과", "Findings",
        cell(W.Ko ? std::to_string(New) + "건 (기준선에 있는 " +
                        std::to_string(Baselined) + "건 제외)"
                  : std::to_string(New) + " new (" + std::to_string(Baselined) +
                        " more in the baseline)"));
    std::string Tool = str(get(Inv, "tool"), "name");
    std::string Version = str(get(Inv, "tool"), "version");
    Row("도구", "Tool",
        cell(Line{code((Tool.empty() ? "privacy-scan" : Tool) +
                       (Version.empty() ? "" : " " + Version))}));
    table({W.t("구분", "Subject"), W.t("내용", "Value")}, std::move(Rows),
          "summary-table");

    if (!Failed.empty()) {
      std::vector<std::vector<Cell>> FRows;
      for (const json &F : Failed)
        FRows.push_back(
            {cell(Line{code(str(F, "file"))}), cell(str(F, "error"))});
      table({W.t("분석하지 못한 번역 단위", "Translation unit not analysed"),
             W.t("오류", "Error")},
            std::move(FRows), "failed");
    }
  }

  //--- 2. Items and purposes ------------------------------------------------
  void collected() {
    heading(2,
            W.t("수집하는 개인정보 항목 및 수집·이용 목적",
                "Collected items and purposes"),
            "collected");
    const json &Activities = arr(policy(), "activities");
    if (Activities.empty()) {
      paragraph(Line{plain(
          W.t("인벤토리에 정책의 처리 활동이 없습니다.",
              "The inventory lists no processing activities of the policy."))});
    } else {
      std::vector<std::vector<Cell>> Rows;
      for (const json &A : Activities) {
        std::string Id = str(A, "id");
        std::string Consent = str(A, "consent");
        Cell Kind{Line{plain(W.labelOr(get(A, "label"), Id))}};
        if (get(A, "required").is_boolean())
          Kind.push_back(Line{plain(flag(A, "required", false)
                                        ? W.t("(필수)", "(required)")
                                        : W.t("(선택)", "(optional)"))});
        std::vector<std::string> Purposes;
        for (const std::string &P : strings(A, "purposes"))
          Purposes.push_back(W.purpose(P));
        Rows.push_back({std::move(Kind), W.basis(str(A, "basis")),
                        Consent.empty() ? Cell{} : cell(W.consent(Consent)),
                        cell(items(strings(A, "items"))),
                        cell(W.join(Purposes))});
      }
      table({W.t("구분", "Activity"), W.t("법적 근거", "Legal basis"),
             W.t("동의", "Consent"), W.t("수집 항목", "Items"),
             W.t("수집·이용 목적", "Purposes")},
            std::move(Rows), "activities");
    }

    heading(3,
            W.t("항목별 코드의 실제 처리", "What the code does with each item"),
            "items");
    paragraph(Line{plain(W.t(
        "각 항목이 코드에서 선언된 곳, 사용되는 목적(정책이 허용하는지와 사용 "
        "위치 수), 전달되는 수신자, 저장소와 로그.",
        "Where each item is declared in code, the purposes it is used "
        "for (whether the policy allows them, and how many use sites), "
        "the recipients it reaches, where it is stored and logged."))});
    // Which items may be logged: the `logs` store's items.
    std::vector<std::string> LoggableItems;
    for (const json &S : arr(Inv, "stores"))
      if (str(S, "id") == "logs")
        LoggableItems = strings(S, "items_declared");
    std::vector<std::vector<Cell>> Rows;
    for (const json &I : arr(Inv, "items")) {
      std::string Id = str(I, "id");
      Cell Name{nameWithId(W.item(Id), Id)};
      if (!flag(I, "in_policy", true))
        Name.push_back(Line{bad(W.t("정책에 없는 항목", "not in the policy"))});

      Cell Decls;
      const json &D = arr(I, "declarations");
      if (!D.empty()) {
        Line L{plain(W.sites(D.size()) + ": ")};
        for (size_t K = 0; K < D.size() && K < 2; ++K) {
          if (K)
            L.push_back(plain(", "));
          L.push_back(code(location(D[K])));
        }
        if (D.size() > 2)
          L.push_back(
              plain(W.Ko ? " 외 " + std::to_string(D.size() - 2) + "곳"
                         : " and " + std::to_string(D.size() - 2) + " more"));
        Decls.push_back(L);
      }

      Cell Purposes;
      for (const json &P : arr(I, "purposes")) {
        bool Allowed = flag(P, "allowed", false);
        Line L{plain(W.purpose(str(P, "id")) + ": ")};
        if (Allowed)
          L.push_back(plain(W.t("허용", "allowed")));
        else
          L.push_back(bad(W.t("허용되지 않음", "NOT allowed")));
        L.push_back(plain(", " + W.sites(arr(P, "uses").size())));
        std::vector<std::string> Consents;
        for (const std::string &C : strings(P, "consents"))
          Consents.push_back(W.consent(C));
        if (!Consents.empty())
          L.push_back(plain(W.t(", 동의 필요: ", ", needs consent: ") +
                            W.join(Consents)));
        Purposes.push_back(L);
      }

      Cell Sent;
      for (const json &R : arr(I, "recipients")) {
        std::string Rid = str(R, "id");
        std::string CC = str(R, "country");
        Line L{plain(W.recipient(Rid) + (CC.empty() ? "" : " (" + CC + ")") +
                     ", " + W.sites(arr(R, "sites").size()))};
        if (!flag(R, "in_policy", true))
          L.push_back(bad(W.t(" \xE2\x80\x94 정책에 없는 수신자",
                              " \xE2\x80\x94 recipient not in the policy")));
        else if (!flag(R, "declared_for_item", true))
          L.push_back(bad(W.t(" \xE2\x80\x94 이 항목은 정책에 없음",
                              " \xE2\x80\x94 not declared for this item")));
        Sent.push_back(L);
      }
      if (!arr(I, "network").empty())
        Sent.push_back(
            Line{bad(W.Ko ? "수신자가 선언되지 않은 네트워크 API, " +
                                W.sites(arr(I, "network").size())
                          : "network API with no declared recipient, " +
                                W.sites(arr(I, "network").size()))});

      Cell Stored;
      for (const json &S : arr(I, "stores")) {
        Line L{plain(W.store(str(S, "id")) + ", " +
                     W.sites(arr(S, "sites").size()))};
        if (!flag(S, "in_policy", true))
          L.push_back(bad(W.t(" \xE2\x80\x94 정책에 없는 저장소",
                              " \xE2\x80\x94 store not in the policy")));
        else if (!flag(S, "declared_for_item", true))
          L.push_back(bad(W.t(" \xE2\x80\x94 이 항목은 정책에 없음",
                              " \xE2\x80\x94 not declared for this item")));
        Stored.push_back(L);
      }

      Cell Logged;
      if (size_t N = arr(I, "logs").size()) {
        Line L{plain(W.sites(N))};
        if (!contains(LoggableItems, Id) && !contains(LoggableItems, "*"))
          L.push_back(bad(W.t(" \xE2\x80\x94 로그 허용 안 됨",
                              " \xE2\x80\x94 not allowed in logs")));
        Logged.push_back(L);
      }
      Rows.push_back({std::move(Name), std::move(Decls), std::move(Purposes),
                      std::move(Sent), std::move(Stored), std::move(Logged)});
    }
    if (Rows.empty())
      paragraph(Line{plain(W.t("인벤토리에 항목이 없습니다.",
                               "The inventory lists no items."))});
    else
      table({W.t("항목", "Item"), W.t("코드의 선언", "Declared in code"),
             W.t("코드에서 사용되는 목적", "Purposes seen in code"),
             W.t("전달되는 수신자", "Sent to"), W.t("저장소", "Stored in"),
             W.t("로그", "Logged")},
            std::move(Rows), "item-table");
  }

  //--- 3. Processors ----------------------------------------------------------
  void processors() {
    heading(2, W.t("개인정보 처리 위탁", "Processors (위탁)"), "processors");
    std::vector<std::vector<Cell>> Rows;
    for (const json &R : arr(Inv, "recipients")) {
      if (str(R, "role") != "processor")
        continue;
      std::string Id = str(R, "id");
      Rows.push_back({cell(W.recipient(Id)), cell(W.country(str(R, "country"))),
                      cell(W.label(get(R, "task"))),
                      W.retention(get(R, "retention")), declared(R),
                      reaching(R), purposesReaching(R)});
    }
    if (Rows.empty()) {
      paragraph(Line{plain(W.t("정책에 수탁자가 없습니다.",
                               "The policy names no processors."))});
      return;
    }
    table({W.t("수탁자", "Processor"), W.t("국가", "Country"),
           W.t("위탁하는 업무의 내용", "Entrusted task"),
           W.t("보유 및 이용 기간", "Retention"),
           W.t("위탁 항목 (정책)", "Items (policy)"),
           W.t("코드에서 전달되는 항목", "Items reaching it in code"),
           W.t("코드에서 전달되는 목적",
               "Purposes it receives data for in code")},
          std::move(Rows), "processor-table");
  }

  //--- 4. Third parties -------------------------------------------------------
  void thirdParties() {
    heading(2, W.t("개인정보의 제3자 제공", "Third parties (제3자 제공)"),
            "third-parties");
    std::vector<std::vector<Cell>> Rows;
    for (const json &R : arr(Inv, "recipients")) {
      if (str(R, "role") != "third_party")
        continue;
      Rows.push_back({cell(W.recipient(str(R, "id"))),
                      cell(W.country(str(R, "country"))), purposeOf(R),
                      W.retention(get(R, "retention")), declared(R),
                      reaching(R), purposesReaching(R)});
    }
    if (Rows.empty()) {
      paragraph(
          Line{plain(W.t("정책에 개인정보를 제공받는 제3자가 없습니다.",
                         "The policy names no third parties personal data is "
                         "provided to."))});
      return;
    }
    table({W.t("제공받는 자", "Recipient"), W.t("국가", "Country"),
           W.t("제공받는 자의 이용 목적", "Recipient's purpose"),
           W.t("보유 및 이용 기간", "Retention"),
           W.t("제공 항목 (정책)", "Items (policy)"),
           W.t("코드에서 제공되는 항목", "Items reaching it in code"),
           W.t("코드에서 제공되는 목적",
               "Purposes it receives data for in code")},
          std::move(Rows), "third-party-table");
  }

  Cell purposeOf(const json &R) const {
    std::string Own = W.label(get(R, "recipient_purpose"));
    if (!Own.empty())
      return cell(Own);
    std::vector<std::string> Names;
    for (const std::string &P : strings(R, "purposes"))
      Names.push_back(W.purpose(P));
    return Names.empty() ? Cell{} : cell(W.join(Names));
  }

  //--- 5. Transfers abroad ----------------------------------------------------
  void abroad() {
    heading(2, W.t("개인정보의 국외 이전", "Transfers abroad (국외이전)"),
            "abroad");
    std::string Home = str(get(policy(), "controller"), "country");
    std::vector<std::vector<Cell>> Rows;
    for (const json &R : arr(Inv, "recipients")) {
      std::string CC = str(R, "country");
      bool Abroad = get(R, "abroad").is_boolean()
                        ? flag(R, "abroad", false)
                        : (!CC.empty() && !Home.empty() && CC != Home);
      if (!Abroad)
        continue;
      Rows.push_back({cell(W.recipient(str(R, "id"))), cell(W.country(CC)),
                      declared(R), reaching(R), purposeOf(R),
                      cell(W.label(get(R, "method"))),
                      W.retention(get(R, "retention"))});
    }
    if (Rows.empty()) {
      paragraph(Line{plain(W.t("정책에 국외로 이전되는 수신자가 없습니다.",
                               "The policy names no recipient abroad."))});
      return;
    }
    table({W.t("이전받는 자", "Recipient"), W.t("이전되는 국가", "Country"),
           W.t("이전되는 항목 (정책)", "Items transferred (policy)"),
           W.t("코드에서 이전되는 항목", "Items reaching it in code"),
           W.t("이전받는 자의 이용 목적", "Purpose"),
           W.t("이전 방법", "Method"), W.t("보유 및 이용 기간", "Retention")},
          std::move(Rows), "abroad-table");
  }

  //--- 6. Retention -----------------------------------------------------------
  void retention() {
    heading(2, W.t("개인정보의 보유 및 이용 기간", "Retention (보유기간)"),
            "retention");
    std::vector<std::vector<Cell>> Rows;
    for (const json &S : arr(Inv, "stores")) {
      std::string Id = str(S, "id");
      bool InPolicy = flag(S, "in_policy", true);
      const json &R = get(S, "retention");
      Cell Name{Line{plain(W.store(Id))}};
      std::string Records =
          Words::structured(R) ? W.label(get(R, "records")) : "";
      if (!Records.empty() && Records != W.store(Id))
        Name.push_back(Line{plain(Records)});
      if (!InPolicy)
        Name.push_back(
            Line{bad(W.t("정책에 없는 저장소", "not in the policy"))});
      bool Reached = !arr(S, "items_reaching").empty();

      Cell Period = W.retention(R);
      if (Period.empty() && Reached)
        Period = cell(Line{bad(W.t("보유 기간 없음", "no retention stated"))});
      Cell Basis;
      if (Words::structured(R) && has(R, "basis"))
        Basis = cell(W.label(get(R, "basis")));

      Cell Erase;
      for (const json &E : arr(S, "erase_functions"))
        Erase.push_back(siteLine(E));
      if (Erase.empty()) {
        if (Id == "logs")
          Erase = cell(W.t("파기 경로 없음 (로그 순환은 점검 대상 아님)",
                           "no erase path (log rotation is not checked)"));
        else if (Reached)
          Erase = cell(Line{bad(W.t("\xE2\x9A\xA0 파기 경로 없음",
                                    "\xE2\x9A\xA0 no erase path"))});
        else
          Erase = cell(W.t("파기 경로 없음 (저장되는 항목 없음)",
                           "no erase path (nothing stored)"));
      }
      Rows.push_back(
          {std::move(Name), InPolicy ? itemList(S, "items_declared") : Cell{},
           reaching(S), std::move(Period), std::move(Basis), std::move(Erase)});
    }
    if (Rows.empty()) {
      paragraph(
          Line{plain(W.t("정책과 코드에 저장소가 없습니다.",
                         "Neither the policy nor the code names a store."))});
      return;
    }
    table({W.t("저장소 (보관 정보)", "Store (records)"),
           W.t("보관 항목 (정책)", "Items (policy)"),
           W.t("코드에서 저장되는 항목", "Items reaching it in code"),
           W.t("보유 기간", "Retention period"),
           W.t("근거 법령", "Legal basis"),
           W.t("파기 함수", "Erase functions")},
          std::move(Rows), "retention-table");
  }

  //--- 7. Consent checks ------------------------------------------------------
  void consents() {
    heading(2, W.t("동의 확인", "Consent checks"), "consents");
    std::map<std::string, std::vector<std::string>>
        Needed; // consent → activities
    for (const json &A : arr(policy(), "activities")) {
      std::string C = str(A, "consent");
      if (!C.empty())
        Needed[C].push_back(W.labelOr(get(A, "label"), str(A, "id")));
    }
    std::map<std::string, const json *> Checks;
    for (const json &C : arr(Inv, "consent_checks"))
      if (!str(C, "consent").empty())
        Checks.emplace(str(C, "consent"), &C);
    std::set<std::string> Ids;
    for (const auto &[Id, A] : Needed)
      Ids.insert(Id);
    for (const auto &[Id, C] : Checks)
      Ids.insert(Id);
    std::vector<std::vector<Cell>> Rows;
    for (const std::string &Id : Ids) {
      Cell Fns;
      auto It = Checks.find(Id);
      if (It != Checks.end())
        for (const json &F : arr(*It->second, "functions"))
          Fns.push_back(siteLine(F));
      if (Fns.empty())
        Fns = cell(Line{bad(W.t(
            "\xE2\x9A\xA0 코드에 동의 확인 함수(PRIVACY_CONSENT_CHECK) 없음",
            "\xE2\x9A\xA0 no PRIVACY_CONSENT_CHECK function in the code"))});
      auto N = Needed.find(Id);
      Rows.push_back({cell(nameWithId(W.consent(Id), Id)),
                      N == Needed.end() ? cell(W.t("정책의 처리 활동에 없음",
                                                   "no activity of the policy"))
                                        : cell(W.join(N->second)),
                      std::move(Fns)});
    }
    if (Rows.empty()) {
      paragraph(Line{plain(
          W.t("동의를 근거로 한 처리 활동도, 코드의 동의 확인 함수도 없습니다.",
              "No activity rests on consent and the code checks none."))});
      return;
    }
    table({W.t("동의", "Consent"), W.t("이 동의가 필요한 처리", "Needed by"),
           W.t("코드의 동의 확인 함수", "Checked in code by")},
          std::move(Rows), "consent-table");
  }

  //--- 8. Findings ------------------------------------------------------------
  void findings() {
    heading(2, W.t("점검 결과", "Findings"), "findings");
    const json &Findings = arr(Inv, "findings");
    size_t Baselined = 0;
    for (const json &F : Findings)
      Baselined += flag(F, "baselined", false);
    if (Findings.empty()) {
      paragraph(Line{plain(W.t("점검 결과가 없습니다.", "No findings."))});
      return;
    }
    size_t New = Findings.size() - Baselined;
    paragraph(Line{plain(W.Ko ? "새 점검 결과 " + std::to_string(New) +
                                    "건, 기준선(baseline)에 "
                                    "있는 기존 결과 " +
                                    std::to_string(Baselined) + "건."
                              : std::to_string(New) + " new " +
                                    (New == 1 ? "finding" : "findings") + ", " +
                                    std::to_string(Baselined) +
                                    " already in the baseline.")});
    std::vector<std::vector<Cell>> Rows;
    size_t N = 0;
    for (const json &F : Findings) {
      Cell Message{Line{plain(str(F, "message"))}};
      for (const json &Note : arr(F, "notes"))
        Message.push_back(Line{plain("\xE2\x86\xB3 "), code(location(Note)),
                               plain(": " + str(Note, "message"))});
      bool Base = flag(F, "baselined", false);
      Rows.push_back({cell(std::to_string(++N)),
                      cell(Line{code(str(F, "check"))}),
                      cell(Line{code(location(F))}), std::move(Message),
                      Base ? cell(W.t("기준선 (기존)", "baselined"))
                           : cell(Line{strong(W.t("신규", "new"))})});
    }
    table({"#", W.t("점검", "Check"), W.t("위치", "Location"),
           W.t("내용", "Message"), W.t("상태", "Status")},
          std::move(Rows), "finding-table");
  }

  //--- 9. Policy vs code ------------------------------------------------------
  void policyDiff() {
    heading(2, W.t("정책과 코드의 차이", "Policy vs code"), "policy-diff");
    const json &D = get(Inv, "policy_diff");
    struct Kind {
      const char *Key, *Ko, *En, *Section;
    };
    static const Kind Kinds[] = {
        {"items", "항목", "Items", "items"},
        {"purposes", "목적", "Purposes", "purposes"},
        {"recipients", "수신자", "Recipients", "recipients"},
        {"stores", "저장소", "Stores", "stores"}};
    std::vector<std::vector<Cell>> Rows;
    for (const Kind &K : Kinds) {
      const json &Diff = get(D, K.Key);
      auto Name = [&](const std::string &Id) {
        std::string Key = K.Key;
        return Key == "items"        ? W.item(Id)
               : Key == "purposes"   ? W.purpose(Id)
               : Key == "recipients" ? W.recipient(Id)
                                     : W.store(Id);
      };
      Cell NotSeen, NotDeclared;
      for (const std::string &Id : strings(Diff, "declared_not_seen"))
        NotSeen.push_back(nameWithId(Name(Id), Id));
      for (const std::string &Id : strings(Diff, "seen_not_declared")) {
        Line L = nameWithId(Name(Id), Id);
        // What reaches an undeclared recipient or store.
        for (const json &E : arr(Inv, K.Section))
          if (str(E, "id") == Id && (std::string(K.Key) == "recipients" ||
                                     std::string(K.Key) == "stores")) {
            std::string Items = items(strings(E, "items_reaching"));
            if (!Items.empty())
              L.push_back(plain(" \xE2\x86\x90 " + Items));
          }
        NotDeclared.push_back(L);
      }
      if (NotDeclared.empty())
        NotDeclared = Cell{};
      else
        for (Line &L : NotDeclared)
          L.insert(L.begin(), bad("\xE2\x9A\xA0 "));
      Rows.push_back(
          {cell(W.t(K.Ko, K.En)), std::move(NotSeen), std::move(NotDeclared)});
    }
    paragraph(Line{plain(W.t(
        "정책에 선언되었지만 코드에서 보이지 않는 것은 코드가 아직 주석되지 "
        "않았거나 정책이 실제보다 넓다는 뜻이고, 코드에만 있는 것은 정책에 "
        "공개되지 않은 처리입니다.",
        "Declared but never seen: the code is not annotated yet, or the "
        "policy says more than the code does. Seen but not declared: "
        "processing the policy does not disclose."))});
    table({W.t("구분", "Kind"),
           W.t("정책에만 있음 (코드에서 보이지 않음)",
               "Declared, never seen in code"),
           W.t("코드에만 있음 (정책에 없음)", "Seen in code, not declared")},
          std::move(Rows), "diff-table");

    std::vector<Line> Warnings;
    for (const json &Warning : arr(Inv, "policy_warnings"))
      if (Warning.is_string())
        Warnings.push_back(Line{plain(Warning.get<std::string>())});
    if (!Warnings.empty()) {
      heading(3, W.t("정책 경고", "Policy warnings"), "policy-warnings");
      list(std::move(Warnings));
    }
  }
};

//===----------------------------------------------------------------------===//
// Markdown
//===----------------------------------------------------------------------===//

/// Plain text in Markdown: characters that would start markup are escaped,
/// line breaks become <br> (a table row is one line), other controls spaces.
std::string mdText(const std::string &S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    switch (C) {
    case '\\':
    case '`':
    case '*':
    case '[':
    case ']':
    case '|':
    case '~':
      Out += '\\';
      Out += C;
      break;
    case '_': {
      // GFM never reads an underscore inside a word (user_id) as emphasis.
      auto Word = [&](size_t K) {
        unsigned char W = static_cast<unsigned char>(S[K]);
        return W >= 0x80 || std::isalnum(W);
      };
      bool Inside = I > 0 && I + 1 < S.size() && Word(I - 1) && Word(I + 1);
      if (!Inside)
        Out += '\\';
      Out += C;
      break;
    }
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '&': {
      // Only where it would start an entity reference (&amp; &#38;).
      size_t K = I + 1;
      while (K < S.size() &&
             (std::isalnum(static_cast<unsigned char>(S[K])) || S[K] == '#'))
        ++K;
      Out += K > I + 1 && K < S.size() && S[K] == ';' ? "&amp;" : "&";
      break;
    }
    case '\r':
      if (I + 1 < S.size() && S[I + 1] == '\n')
        break;
      [[fallthrough]];
    case '\n':
      Out += "<br>";
      break;
    default:
      Out += (static_cast<unsigned char>(C) < 0x20 || C == 0x7f) ? ' ' : C;
    }
  }
  return Out;
}

/// A code span that survives backticks and, inside tables, pipes.
std::string mdCode(const std::string &S) {
  std::string Body;
  size_t Run = 0, Longest = 0;
  for (char C : S) {
    Run = C == '`' ? Run + 1 : 0;
    Longest = std::max(Longest, Run);
    if (C == '|')
      Body += "\\|";
    else
      Body += (static_cast<unsigned char>(C) < 0x20 || C == 0x7f) ? ' ' : C;
  }
  if (Body.empty())
    return "";
  std::string Fence(Longest + 1, '`');
  bool Pad = Body.front() == '`' || Body.back() == '`';
  return Fence + (Pad ? " " : "") + Body + (Pad ? " " : "") + Fence;
}

std::string mdLine(const Line &L) {
  std::string Out;
  for (const Span &S : L) {
    switch (S.K) {
    case Span::Plain:
      Out += mdText(S.Text);
      break;
    case Span::Code:
      Out += mdCode(S.Text);
      break;
    case Span::Strong:
    case Span::Bad: {
      // Emphasis may not start or end with a space.
      size_t B = S.Text.find_first_not_of(' ');
      if (B == std::string::npos) {
        Out += mdText(S.Text);
        break;
      }
      size_t E = S.Text.find_last_not_of(' ');
      Out += mdText(S.Text.substr(0, B)) + "**" +
             mdText(S.Text.substr(B, E - B + 1)) + "**" +
             mdText(S.Text.substr(E + 1));
      break;
    }
    }
  }
  return Out;
}

std::string mdCell(const Cell &C) {
  std::string Out;
  for (size_t I = 0; I < C.size(); ++I)
    Out += (I ? "<br>" : "") + mdLine(C[I]);
  return Out;
}

std::string renderMd(const std::vector<Block> &Doc) {
  std::string Out;
  for (const Block &B : Doc) {
    switch (B.K) {
    case Block::Heading:
      Out += std::string(static_cast<size_t>(std::clamp(B.Level, 1, 6)), '#') +
             " " + mdLine(B.Text) + "\n\n";
      break;
    case Block::Paragraph:
      Out += mdLine(B.Text) + "\n\n";
      break;
    case Block::Notice:
      Out += "> " + mdLine(B.Text) + "\n\n";
      break;
    case Block::List:
      for (const Line &L : B.Items)
        Out += "- " + mdLine(L) + "\n";
      Out += "\n";
      break;
    case Block::Table: {
      Out += "|";
      for (const std::string &H : B.Header)
        Out += " " + mdText(H) + " |";
      Out += "\n|";
      for (size_t I = 0; I < B.Header.size(); ++I)
        Out += " --- |";
      Out += "\n";
      for (const auto &Row : B.Rows) {
        Out += "|";
        for (size_t I = 0; I < B.Header.size(); ++I)
          Out += " " + (I < Row.size() ? mdCell(Row[I]) : std::string()) + " |";
        Out += "\n";
      }
      Out += "\n";
      break;
    }
    }
  }
  while (Out.size() > 1 && Out[Out.size() - 1] == '\n' &&
         Out[Out.size() - 2] == '\n')
    Out.pop_back();
  return Out;
}

//===----------------------------------------------------------------------===//
// HTML
//===----------------------------------------------------------------------===//

std::string htmlText(const std::string &S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    case '\r':
      if (I + 1 < S.size() && S[I + 1] == '\n')
        break;
      [[fallthrough]];
    case '\n':
      Out += "<br>";
      break;
    case '\t':
      Out += ' ';
      break;
    default:
      Out += (static_cast<unsigned char>(C) < 0x20 || C == 0x7f) ? ' ' : C;
    }
  }
  return Out;
}

/// Code text with break opportunities after '/' and "::", so that paths
/// and qualified names wrap at their joints rather than anywhere.
std::string htmlCode(const std::string &S) {
  std::string Out;
  size_t Start = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    size_t End = S[I] == '/'                                            ? I + 1
                 : (S[I] == ':' && I + 1 < S.size() && S[I + 1] == ':') ? I + 2
                                                                        : 0;
    if (End && End < S.size()) {
      Out += htmlText(S.substr(Start, End - Start)) + "<wbr>";
      Start = End;
      I = End - 1;
    }
  }
  return Out + htmlText(S.substr(Start));
}

std::string htmlLine(const Line &L) {
  std::string Out;
  for (const Span &S : L) {
    switch (S.K) {
    case Span::Plain:
      Out += htmlText(S.Text);
      break;
    case Span::Code:
      Out += "<code>" + htmlCode(S.Text) + "</code>";
      break;
    case Span::Strong:
    case Span::Bad: {
      // Spaces around emphasis stay outside it, as in the Markdown.
      size_t B = S.Text.find_first_not_of(' ');
      if (B == std::string::npos) {
        Out += htmlText(S.Text);
        break;
      }
      size_t E = S.Text.find_last_not_of(' ');
      Out += htmlText(S.Text.substr(0, B)) +
             (S.K == Span::Bad ? "<strong class=\"bad\">" : "<strong>") +
             htmlText(S.Text.substr(B, E - B + 1)) + "</strong>" +
             htmlText(S.Text.substr(E + 1));
      break;
    }
    }
  }
  return Out;
}

const char *const Css = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1b1f24;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR",
    "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 1.7em; margin: 0 0 .6em; padding-bottom: .3em; border-bottom: 3px solid #1f4e79; }
h2 { font-size: 1.3em; margin: 1.8em 0 .6em; padding-bottom: .2em; border-bottom: 1px solid #c8d0da; color: #1f4e79; }
h3 { font-size: 1.1em; margin: 1.4em 0 .5em; }
p { margin: .5em 0 .8em; }
nav ul { margin: .3em 0 1em; padding: 0; list-style: none; columns: 2; }
nav li { margin: .1em 0; }
nav a { color: #1f4e79; text-decoration: none; }
nav a:hover { text-decoration: underline; }
/* Korean breaks between words (어절), not inside them. */
:lang(ko) p, :lang(ko) td, :lang(ko) th, :lang(ko) li { word-break: keep-all; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em;
  background: #eef1f4; border-radius: 3px; padding: 0 .25em; overflow-wrap: break-word; }
.table-wrap { overflow-x: auto; margin: .6em 0 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { border: 1px solid #9aa5b1; padding: 5px 8px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
thead th { background: #e3e9f0; font-weight: 600; }
tbody tr:nth-child(even) td { background: #f8f9fb; }
#summary-table td:first-child { width: 28%; font-weight: 600; }
#finding-table td:first-child { width: 2.5em; text-align: right; }
#finding-table td:nth-child(2) code { white-space: nowrap; }
.bad { color: #b00020; }
.notice { border-left: 4px solid #b00020; background: #fdf0f1; padding: .6em .9em; }
footer { margin-top: 2em; color: #5b6570; font-size: .85em; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 9pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, td, th { page-break-inside: avoid; break-inside: avoid; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
  tbody tr:nth-child(even) td, thead th, code, .notice {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string renderHtmlDoc(const std::vector<Block> &Doc,
                          const std::string &Title, const Words &W) {
  std::string Out = "<!DOCTYPE html>\n<html lang=\"" + W.Lang +
                    "\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"privacy-scan\">\n"
                    "<title>" +
                    htmlText(Title) + "</title>\n<style>" + Css +
                    "</style>\n</head>\n<body>\n<main>\n";
  // A table of contents from the numbered sections.
  std::string Toc;
  for (const Block &B : Doc)
    if (B.K == Block::Heading && B.Level == 2)
      Toc += "<li><a href=\"#" + htmlText(B.Anchor) + "\">" + htmlLine(B.Text) +
             "</a></li>\n";
  bool TocDone = false;
  for (const Block &B : Doc) {
    std::string Id =
        B.Anchor.empty() ? "" : " id=\"" + htmlText(B.Anchor) + "\"";
    switch (B.K) {
    case Block::Heading: {
      std::string L = std::to_string(std::clamp(B.Level, 1, 6));
      Out += "<h" + L + Id + ">" + htmlLine(B.Text) + "</h" + L + ">\n";
      if (B.Level == 1 && !TocDone && !Toc.empty()) {
        Out += "<nav aria-label=\"" + std::string(W.t("목차", "Contents")) +
               "\"><ul>\n" + Toc + "</ul></nav>\n";
        TocDone = true;
      }
      break;
    }
    case Block::Paragraph:
      Out += "<p>" + htmlLine(B.Text) + "</p>\n";
      break;
    case Block::Notice:
      Out += "<p class=\"notice\">" + htmlLine(B.Text) + "</p>\n";
      break;
    case Block::List:
      Out += "<ul>\n";
      for (const Line &L : B.Items)
        Out += "<li>" + htmlLine(L) + "</li>\n";
      Out += "</ul>\n";
      break;
    case Block::Table:
      Out += "<div class=\"table-wrap\"><table" + Id + ">\n<thead><tr>";
      for (const std::string &H : B.Header)
        Out += "<th scope=\"col\">" + htmlText(H) + "</th>";
      Out += "</tr></thead>\n<tbody>\n";
      for (const auto &Row : B.Rows) {
        Out += "<tr>";
        for (size_t I = 0; I < B.Header.size(); ++I) {
          Out += "<td>";
          if (I < Row.size())
            for (size_t K = 0; K < Row[I].size(); ++K)
              Out += (K ? "<br>" : "") + htmlLine(Row[I][K]);
          Out += "</td>";
        }
        Out += "</tr>\n";
      }
      Out += "</tbody>\n</table></div>\n";
      break;
    }
  }
  Out +=
      "<footer>" +
      htmlText(W.t(
          "privacy-scan이 코드의 개인정보 주석과 개인정보처리방침으로부터 "
          "생성한 "
          "보고서입니다.",
          "Generated by privacy-scan from the code's privacy annotations and "
          "the privacy policy.")) +
      "</footer>\n</main>\n</body>\n</html>\n";
  return Out;
}

//===----------------------------------------------------------------------===//
// SARIF
//===----------------------------------------------------------------------===//

struct CheckInfo {
  const char *Id, *Name, *Short, *Full, *DocPage;
};

/// The checks of SPEC §3.
const CheckInfo Checks[] = {
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  {Name, #Enum, Summary, Description, DocPage},
#include "privacy/Checks.def"
};

bool isUnreserved(unsigned char C) {
  return (C >= 'A' && C <= 'Z') || (C >= 'a' && C <= 'z') ||
         (C >= '0' && C <= '9') || C == '-' || C == '.' || C == '_' || C == '~';
}

/// Percent-encodes a path for a URI, keeping '/' (and '\' turned into '/').
std::string uriPath(const std::string &Path) {
  static const char Hex[] = "0123456789ABCDEF";
  std::string Out;
  for (char Ch : Path) {
    unsigned char C = static_cast<unsigned char>(Ch == '\\' ? '/' : Ch);
    if (isUnreserved(C) || C == '/') {
      Out += static_cast<char>(C);
    } else {
      Out += '%';
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out;
}

bool isDrivePath(const std::string &P) {
  return P.size() >= 3 &&
         ((P[0] >= 'A' && P[0] <= 'Z') || (P[0] >= 'a' && P[0] <= 'z')) &&
         P[1] == ':' && (P[2] == '/' || P[2] == '\\');
}

bool isAbsolutePath(const std::string &P) {
  return (!P.empty() && P[0] == '/') || isDrivePath(P);
}

/// file:///abs/path for an absolute path.
std::string fileUri(const std::string &Abs) {
  if (isDrivePath(Abs))
    return "file:///" + Abs.substr(0, 2) + uriPath(Abs.substr(2));
  // Collapse leading slashes so "//x" cannot read as an authority.
  size_t Start = Abs.find_first_not_of('/');
  return "file:///" +
         (Start == std::string::npos ? "" : uriPath(Abs.substr(Start)));
}

json artifactLocation(const std::string &File) {
  std::string F = validUtf8(File);
  if (isAbsolutePath(F))
    return {{"uri", fileUri(F)}};
  while (F.rfind("./", 0) == 0)
    F.erase(0, 2);
  return {{"uri", uriPath(F)}, {"uriBaseId", "%SRCROOT%"}};
}

/// physicalLocation of a site, or null when it names no file.
json physicalLocation(const json &Site) {
  std::string File = str(Site, "file");
  if (File.empty())
    return nullptr;
  json P = {{"artifactLocation", artifactLocation(File)}};
  // Code scanning needs a region; a finding on a whole file (no line) is
  // placed on its first line.
  long long StartLine = num(Site, "line"), Column = num(Site, "column");
  P["region"] = {{"startLine", StartLine >= 1 ? StartLine : 1}};
  if (StartLine >= 1 && Column >= 1)
    P["region"]["startColumn"] = Column;
  return P;
}

/// The finding's fix-its (privacy-unannotated-personal-data's
/// PRIVACY_DATA) as one SARIF fix: per file an artifactChange whose
/// replacements insert text, each an empty deletedRegion at the place.
json sarifFixes(const json &Finding) {
  std::map<std::string, json> ByFile; // sorted: the same bytes every run
  std::string Inserted;
  for (const json &Fix : arr(Finding, "fixes")) {
    std::string File = str(Fix, "file"), Text = validUtf8(str(Fix, "insert"));
    long long Line = num(Fix, "line"), Column = num(Fix, "column");
    if (File.empty() || Text.empty() || Line < 1 || Column < 1)
      continue;
    json Replacement = {{"deletedRegion",
                         {{"startLine", Line},
                          {"startColumn", Column},
                          {"endLine", Line},
                          {"endColumn", Column}}},
                        {"insertedContent", {{"text", Text}}}};
    json &Change = ByFile[File];
    if (Change.is_null())
      Change = {{"artifactLocation", artifactLocation(File)},
                {"replacements", json::array()}};
    Change["replacements"].push_back(std::move(Replacement));
    if (Inserted.empty())
      Inserted = Text;
  }
  if (ByFile.empty())
    return json::array();
  json Changes = json::array();
  for (auto &[File, Change] : ByFile)
    Changes.push_back(std::move(Change));
  // Trailing blanks of the inserted text say nothing to a reader.
  while (!Inserted.empty() && Inserted.back() == ' ')
    Inserted.pop_back();
  return json::array({{{"description", {{"text", "Insert " + Inserted}}},
                       {"artifactChanges", std::move(Changes)}}});
}

json sarif(const json &Inv) {
  // Rules: the eight checks, and any other check id a finding names.
  std::map<std::string, const CheckInfo *> RuleIds;
  for (const CheckInfo &C : Checks)
    RuleIds.emplace(C.Id, &C);
  for (const char *List : {"findings", "baseline_absent"})
    for (const json &F : arr(Inv, List)) {
      std::string Check = validUtf8(str(F, "check"));
      RuleIds.emplace(Check.empty() ? "privacy-unknown" : Check, nullptr);
    }
  json Rules = json::array();
  std::map<std::string, size_t> RuleIndex;
  for (const auto &[Id, Info] : RuleIds) {
    RuleIndex[Id] = Rules.size();
    json R = {{"id", Id}};
    if (Info) {
      R["name"] = Info->Name;
      R["shortDescription"] = {{"text", Info->Short}};
      R["fullDescription"] = {{"text", Info->Full}};
    } else {
      R["shortDescription"] = {{"text", "Finding of " + Id + "."}};
    }
    R["defaultConfiguration"] = {{"level", "warning"}};
    // The page in the repository, not helpUri: SARIF wants an absolute URI
    // there, and the documentation has no address of its own.
    R["properties"] = {{"tags", {"privacy"}}};
    if (Info)
      R["properties"]["documentation"] = Info->DocPage;
    Rules.push_back(std::move(R));
  }

  json Results = json::array();
  for (const json &F : arr(Inv, "findings")) {
    std::string Check = validUtf8(str(F, "check"));
    if (Check.empty())
      Check = "privacy-unknown";
    std::string Message = validUtf8(str(F, "message"));
    json R = {{"ruleId", Check},
              {"ruleIndex", RuleIndex[Check]},
              {"level", "warning"},
              {"message", {{"text", Message.empty() ? Check : Message}}}};
    json Loc = json::object();
    json Phys = physicalLocation(F);
    if (!Phys.is_null())
      Loc["physicalLocation"] = std::move(Phys);
    std::string Fn = validUtf8(str(F, "function"));
    if (!Fn.empty())
      Loc["logicalLocations"] = {
          {{"fullyQualifiedName", Fn}, {"kind", "function"}}};
    if (!Loc.empty())
      R["locations"] = json::array({std::move(Loc)});

    json Flow = json::array(), Related = json::array();
    int NoteId = 0;
    for (const json &Note : arr(F, "notes")) {
      json NPhys = physicalLocation(Note);
      json Text = {{"text", validUtf8(str(Note, "message"))}};
      if (Text["text"].get_ref<const std::string &>().empty())
        Text["text"] = "step";
      json L = {{"message", Text}};
      if (!NPhys.is_null())
        L["physicalLocation"] = NPhys;
      Flow.push_back({{"location", L}});
      json Rel = {{"id", ++NoteId}, {"message", Text}};
      if (!NPhys.is_null())
        Rel["physicalLocation"] = std::move(NPhys);
      Related.push_back(std::move(Rel));
    }
    if (!Flow.empty()) {
      R["codeFlows"] = {{{"threadFlows", {{{"locations", std::move(Flow)}}}}}};
      R["relatedLocations"] = std::move(Related);
    }
    std::string Fingerprint = validUtf8(str(F, "fingerprint"));
    if (!Fingerprint.empty())
      R["partialFingerprints"] = {{"privacyFinding/v2", Fingerprint}};
    if (json Fixes = sarifFixes(F); !Fixes.empty())
      R["fixes"] = std::move(Fixes);
    R["baselineState"] = flag(F, "baselined", false) ? "unchanged" : "new";
    Results.push_back(std::move(R));
  }
  // Findings of the baseline that are gone (privacy-scan --baseline).
  for (const json &F : arr(Inv, "baseline_absent")) {
    std::string Check = validUtf8(str(F, "check"));
    if (Check.empty())
      Check = "privacy-unknown";
    json R = {{"ruleId", Check},
              {"ruleIndex", RuleIndex[Check]},
              {"level", "warning"},
              {"message", {{"text", validUtf8(str(F, "message"))}}},
              {"baselineState", "absent"}};
    if (R["message"]["text"].get_ref<const std::string &>().empty())
      R["message"]["text"] = Check;
    json Phys = physicalLocation(F);
    if (!Phys.is_null())
      R["locations"] = json::array({{{"physicalLocation", std::move(Phys)}}});
    std::string Fingerprint = validUtf8(str(F, "fingerprint"));
    if (!Fingerprint.empty())
      R["partialFingerprints"] = {{"privacyFinding/v2", Fingerprint}};
    Results.push_back(std::move(R));
  }

  json Driver = {{"name", "privacy-scan"}};
  std::string Version = validUtf8(str(get(Inv, "tool"), "version"));
  if (!Version.empty())
    Driver["version"] = Version;
  Driver["rules"] = std::move(Rules);

  json Run = {{"tool", {{"driver", std::move(Driver)}}}};
  std::string Root = validUtf8(str(Inv, "project_root"));
  if (isAbsolutePath(Root)) {
    std::string Uri = fileUri(Root);
    if (Uri.back() != '/')
      Uri += '/';
    Run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", Uri}}}};
  }
  // Translation units that could not be analysed: the results do not cover
  // them, and code scanning shows these notifications.
  const json &A = get(Inv, "analysis");
  json Invocation = {{"executionSuccessful", true}};
  json Notes = json::array();
  for (const json &Failed : arr(A, "failed")) {
    json N = {{"level", "error"},
              {"message",
               {{"text", "translation unit not analysed: " +
                             validUtf8(str(Failed, "error"))}}}};
    std::string File = str(Failed, "file");
    if (!File.empty())
      N["locations"] = {{{"physicalLocation",
                          {{"artifactLocation", artifactLocation(File)}}}}};
    Notes.push_back(std::move(N));
  }
  if (!Notes.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notes);
  Run["invocations"] = json::array({std::move(Invocation)});
  Run["results"] = std::move(Results);
  Run["properties"] = {
      {"translationUnits", num(A, "translation_units")},
      {"analysed", num(A, "analysed")},
      {"failed", arr(A, "failed").size()},
      {"functions", num(A, "functions")},
      {"annotations", num(A, "annotations")},
      {"personalDataAnnotated", flag(A, "personal_data_annotated", false)}};

  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", {std::move(Run)}}};
}

} // namespace

std::string renderMarkdown(const nlohmann::json &Inventory,
                           const std::string &Lang) {
  try {
    ReportBuilder B(Inventory, Lang);
    return validUtf8(renderMd(B.build()));
  } catch (...) {
    return "# privacy-scan\n\nThe inventory could not be rendered.\n";
  }
}

std::string renderHtml(const nlohmann::json &Inventory,
                       const std::string &Lang) {
  try {
    ReportBuilder B(Inventory, Lang);
    std::string Title = B.title();
    std::vector<Block> Doc = B.build();
    return validUtf8(renderHtmlDoc(Doc, Title, B.words()));
  } catch (...) {
    return "<!DOCTYPE html>\n<html><head><meta "
           "charset=\"utf-8\"><title>privacy-scan"
           "</title></head><body><p>The inventory could not be "
           "rendered.</p></body>"
           "</html>\n";
  }
}

nlohmann::json renderSarif(const nlohmann::json &Inventory) {
  try {
    return sarif(Inventory);
  } catch (...) {
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs",
             {{{"tool", {{"driver", {{"name", "privacy-scan"}}}}},
               {"results", json::array()}}}}};
  }
}

} // namespace privacy::scan
