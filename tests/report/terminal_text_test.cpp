#include <gtest/gtest.h>

#include "mime/charset.h"
#include "report/terminal_text.h"

namespace bg::report {
namespace {

TEST(Printable, FlattensLinesAndDropsControlCharacters) {
  EXPECT_EQ(printable("  550 5.1.1\r\n\tUser   unknown \x1b[2J\x07 "),
            "550 5.1.1 User unknown [2J");
  EXPECT_EQ(printable("a\u202Eb"), "a b");  // a bidi override could reorder what follows
}

TEST(Printable, ReplacesInvalidUtf8) {
  const std::string text = printable("f\xFCr");
  EXPECT_TRUE(mime::is_valid_utf8(text));
  EXPECT_EQ(text, "f\uFFFDr");
}

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(display_width("user unknown"), 12u);
  EXPECT_EQ(display_width("caf\u00E9"), 4u);
  EXPECT_EQ(display_width("cafe\u0301"), 4u);             // combining acute accent
  EXPECT_EQ(display_width("\u5B9B\u5148\u4E0D\u660E"), 8u);  // 宛先不明: wide characters
}

TEST(Fit, CutsToTheWidthWithAnEllipsis) {
  EXPECT_EQ(fit("User unknown", 20), "User unknown");
  EXPECT_EQ(fit("User unknown", 12), "User unknown");
  EXPECT_EQ(fit("User unknown", 8), "User un\u2026");
  EXPECT_EQ(fit("\u5B9B\u5148\u4E0D\u660E", 6), "\u5B9B\u5148\u2026");
  EXPECT_LE(display_width(fit("\u5B9B\u5148\u4E0D\u660E", 6)), 6u);
  EXPECT_EQ(fit("abc", 0), "");
}

TEST(Pad, FillsToTheWidth) {
  EXPECT_EQ(pad_right("ab", 4), "ab  ");
  EXPECT_EQ(pad_left("ab", 4), "  ab");
  EXPECT_EQ(pad_right("\u5B9B\u5148", 5), "\u5B9B\u5148 ");
  EXPECT_EQ(pad_right("abcdef", 4), "abcdef");
}

}  // namespace
}  // namespace bg::report
