#include "core/csv.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

std::vector<std::vector<std::string>> Fields(std::string_view text) {
  auto r = ParseCsv(text);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  std::vector<std::vector<std::string>> out;
  if (r)
    for (auto& rec : *r) out.push_back(rec.fields);
  return out;
}

TEST(CsvTest, PlainFieldsLfAndCrlf) {
  using V = std::vector<std::vector<std::string>>;
  EXPECT_EQ(Fields("a,b,c\n1,2,3\n"), (V{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(Fields("a,b,c\r\n1,2,3\r\n"), (V{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(Fields("a,b\r\n1,2"), (V{{"a", "b"}, {"1", "2"}}));  // no final line break
  EXPECT_EQ(Fields("a,,\n"), (V{{"a", "", ""}}));
  EXPECT_EQ(Fields(""), V{});
}

TEST(CsvTest, QuotesDoubledQuotesAndEmbeddedNewlines) {
  auto r =
      ParseCsv("id,text\r\n1,\"Hello, \"\"world\"\"\"\r\n2,\"two\r\nlines\nhere\"\r\n3,\"\"\r\n");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[1].fields[1], "Hello, \"world\"");
  EXPECT_EQ((*r)[2].fields[1], "two\r\nlines\nhere");
  EXPECT_EQ((*r)[3].fields[1], "");
  // Line numbers are where each record starts.
  EXPECT_EQ((*r)[0].line, 1);
  EXPECT_EQ((*r)[1].line, 2);
  EXPECT_EQ((*r)[2].line, 3);
  EXPECT_EQ((*r)[3].line, 6);
}

TEST(CsvTest, BomAndUtf8AndBlankLines) {
  auto r = ParseCsv("\xEF\xBB\xBFtitle\n\nMüller — 王小明\n\n");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].fields[0], "title");
  EXPECT_EQ((*r)[1].fields[0], "Müller — 王小明");
  EXPECT_EQ((*r)[1].line, 3);
}

TEST(CsvTest, MalformedInputNamesTheLine) {
  auto unterminated = ParseCsv("a\n\"open\nstill open");
  ASSERT_FALSE(unterminated);
  EXPECT_EQ(unterminated.error().field, "body");
  EXPECT_NE(unterminated.error().message.find("line 2"), std::string::npos);
  auto stray = ParseCsv("a\nab\"c\n");
  ASSERT_FALSE(stray);
  EXPECT_NE(stray.error().message.find("line 2"), std::string::npos);
  auto after = ParseCsv("a\n\"x\"y\n");
  ASSERT_FALSE(after);
  EXPECT_NE(after.error().message.find("line 2"), std::string::npos);
  auto latin1 = ParseCsv("a\nb\nM\xFCller\n");
  ASSERT_FALSE(latin1);
  EXPECT_NE(latin1.error().message.find("line 3"), std::string::npos);
}

TEST(CsvTest, WriterQuotesWhenNeededAndGuardsFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded "), "\" padded \"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("-5"), "'-5");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("'=x"), "''=x");
  EXPECT_EQ(CsvField("=x", false), "=x");
  EXPECT_EQ(CsvLine({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(CsvTest, UnguardIsTheInverseOfTheGuard) {
  for (std::string v : {"=1+1", "'=1", "''-2", "-", "@", "plain", "'quoted'", "+", "\tx"}) {
    auto parsed = ParseCsv(CsvLine({v}));
    ASSERT_TRUE(parsed.has_value()) << v;
    ASSERT_EQ(parsed->size(), v.empty() ? 1u : 1u) << v;
    EXPECT_EQ(CsvUnguard((*parsed)[0].fields[0]), v);
  }
}

TEST(CsvTest, WriteThenParseRoundTrips) {
  std::vector<std::vector<std::string>> rows = {
      {"title", "description", "fees"},
      {"Cardiology, adult", "Line one\r\nLine \"two\"", "application:all:75.00"},
      {"Pädiatrie 小児科", "", "=cmd|' /C calc'!A0"},
  };
  std::string text;
  for (const auto& r : rows) text += CsvLine(r);
  auto parsed = ParseCsv(text);
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t j = 0; j < rows[i].size(); ++j)
      EXPECT_EQ(CsvUnguard((*parsed)[i].fields[j]), rows[i][j]);
  }
  EXPECT_EQ((*parsed)[2].line, 4);
}

}  // namespace
}  // namespace clerkship::core
