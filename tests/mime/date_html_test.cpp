#include <gtest/gtest.h>

#include "mime/date.h"
#include "mime/html_text.h"

namespace bg::mime {
namespace {

TEST(MailDate, Rfc5322WithZoneAndComment) {
  const auto date = parse_mail_date("Thu, 29 Apr 2013 23:45:32 +0900 (JST)");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->unix_time, 1367246732);
  EXPECT_EQ(date->offset_text(), "+0900");
}

TEST(MailDate, VariantsServersWrite) {
  // No weekday, named zone.
  EXPECT_EQ(parse_mail_date("3 Nov 2026 04:12:07 GMT")->unix_time, 1793679127);
  // ctime order, as in mbox envelope lines.
  EXPECT_EQ(parse_mail_date("Thu Sep 18 17:54:04 2008")->unix_time, 1221760444);
  // Two-digit year and a colon in the offset.
  const auto colon = parse_mail_date("Mon, 5 May 09 23:34:45 -05:00");
  ASSERT_TRUE(colon);
  EXPECT_EQ(colon->offset_minutes, -300);
  EXPECT_EQ(colon->offset_text(), "-0500");
}

TEST(MailDate, NonsenseIsRejected) {
  EXPECT_FALSE(parse_mail_date(""));
  EXPECT_FALSE(parse_mail_date("yesterday"));
  EXPECT_FALSE(parse_mail_date("Thu, 32 Apr 2013 23:45:32 +0900"));
  EXPECT_FALSE(parse_mail_date("Thu, 29 Apr 2013 25:45:32 +0900"));
}

TEST(HtmlText, TagsGoEntitiesDecodeBlocksBreak) {
  const std::string text = html_to_text(
      "<html><head><style>p{color:red}</style></head><body><p>Delivery has failed to these "
      "recipients:</p><b>kijitora@example.jp</b><br>550 5.1.10 &lt;RESOLVER&gt; &amp; &#x263A; &#8364;"
      "<script>alert(1)</script><!-- hidden --></body></html>");
  EXPECT_EQ(text.find("color"), std::string::npos);
  EXPECT_EQ(text.find("alert"), std::string::npos);
  EXPECT_EQ(text.find("hidden"), std::string::npos);
  EXPECT_NE(text.find("Delivery has failed to these recipients:\nkijitora@example.jp\n550 5.1.10 <RESOLVER> & \u263A \u20AC"),
            std::string::npos)
      << text;
}

TEST(HtmlText, BrokenMarkupDoesNotLoseText) {
  EXPECT_EQ(html_to_text("a &unknown; b &#99999999; c <unclosed"), "a &unknown; b &#99999999; c ");
}

}  // namespace
}  // namespace bg::mime
