#include "http/json_io.h"

#include <gtest/gtest.h>

namespace clerkship::http {
namespace {

TEST(ParseObject, RejectsGarbageWithFieldBody) {
  for (const std::string bad : {"", "{", "[1,2]", "42", "nul", "{\"a\":1}}", "\xFF\xFE"}) {
    auto r = ParseObject(bad, {"a"});
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().field, "body") << bad;
    EXPECT_EQ(StatusFor(r.error().code), 400);
  }
}

TEST(ParseObject, RejectsInvalidUtf8InStrings) {
  auto r = ParseObject("{\"a\":\"\xC3\x28\"}", {"a"});
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("UTF-8"), std::string::npos);
}

TEST(ParseObject, NamesUnknownFields) {
  auto r = ParseObject(R"({"name":"x","admin":true})", {"name"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "admin");
}

TEST(ParseObject, SurvivesDeepNesting) {
  std::string deep(100000, '[');
  auto r = ParseObject(deep, {});
  EXPECT_FALSE(r.has_value());
}

TEST(StringField, NamesWrongTypes) {
  auto j = Json::parse(R"({"name":42})");
  auto r = StringField(j, "name", true);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "name");
  EXPECT_FALSE(StringField(j, "city", true).has_value());
  EXPECT_EQ(StringField(j, "city", false).value(), "");
}

TEST(ErrorResponse, HasTheDocumentedShape) {
  auto r = ErrorResponse(core::Error{core::ErrorCode::kConflict, "taken", "name", "secret detail"});
  EXPECT_EQ(r.status, 409);
  auto j = Json::parse(r.body);
  EXPECT_EQ(j["error"]["code"], "conflict");
  EXPECT_EQ(j["error"]["message"], "taken");
  EXPECT_EQ(j["error"]["field"], "name");
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace clerkship::http
