#include "store/database.h"

#include <gtest/gtest.h>

namespace clerkship::store {
namespace {

TEST(SplitSqlStatements, SplitsOnLineEndSemicolonsAndSkipsComments) {
  auto parts = SplitSqlStatements("-- c\nCREATE TABLE a (x TEXT);\nCREATE INDEX i ON a (x);\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NE(parts[0].find("CREATE TABLE a"), std::string::npos);
  EXPECT_EQ(parts[0].find(';'), std::string::npos);
}

TEST(SplitSqlStatements, KeepsTriggerBodiesWhole) {
  auto parts = SplitSqlStatements(
      "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\nEND;\nSELECT 1;\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NE(parts[0].find("INSERT INTO b VALUES (1);"), std::string::npos);
}

TEST(Database, RejectsUnknownUrl) {
  auto db = Database::Open("mysql://x", 1);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().field, "db");
}

TEST(Database, RedactsPasswordInErrors) {
  auto db = Database::Open("postgresql://u:s3cret@127.0.0.1:1/x?connect_timeout=1", 1);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().message.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace clerkship::store

namespace clerkship::store {
namespace {

TEST(PostgresConninfo, TranslatesUrls) {
  EXPECT_EQ(PostgresConninfo("postgresql://postgres@127.0.0.1:5432/db"),
            "user='postgres' host='127.0.0.1' port='5432' dbname='db'");
  EXPECT_EQ(PostgresConninfo("postgresql://u:p%40ss@h/db?options=-csearch_path%3Dx"),
            "user='u' password='p@ss' host='h' dbname='db' options='-csearch_path=x'");
  EXPECT_EQ(PostgresConninfo("postgresql://h/d?application_name=it's"),
            "host='h' dbname='d' application_name='it\\'s'");
}

}  // namespace
}  // namespace clerkship::store
