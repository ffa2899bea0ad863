#include "core/text.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(Utf8, AcceptsAnyScript) {
  EXPECT_TRUE(IsValidUtf8("Nguyễn Thị Minh Khai"));
  EXPECT_TRUE(IsValidUtf8("محمد عبد الله"));
  EXPECT_TRUE(IsValidUtf8("王小明 😀"));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8, RejectsMalformed) {
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated 3-byte at end
}

TEST(Text, TrimAndCount) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(CodePointCount("王小明"), 3u);
}

TEST(Text, FoldsLatinDiacriticsOnly) {
  EXPECT_EQ(FoldDiacritics("Müller Łódź São Paulo Ærø"), "Muller Lodz Sao Paulo Aro");
  EXPECT_EQ(FoldDiacritics("王小明 محمد"), "王小明 محمد");
  EXPECT_EQ(FoldDiacritics("plain"), "plain");
}

TEST(Text, Email) {
  EXPECT_TRUE(LooksLikeEmail("amina@example.org"));
  EXPECT_FALSE(LooksLikeEmail("amina@example"));
  EXPECT_FALSE(LooksLikeEmail("a@@b.org"));
  EXPECT_FALSE(LooksLikeEmail("a b@c.org"));
  EXPECT_FALSE(LooksLikeEmail("@c.org"));
}

}  // namespace
}  // namespace clerkship::core
