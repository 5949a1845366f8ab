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

// A time is the first word whose first colon follows one or two digits: an hour of one digit
// is read, and a word with a colon further in is not a time.
TEST(MailDate, TimeIsTheWordWithAColonAfterItsHour) {
  EXPECT_EQ(parse_mail_date("Mon, 29 Apr 2013 id123:45 9:05:07 +0900")->unix_time, 1367193907);
  EXPECT_EQ(parse_mail_date("Mon, 29 Apr 2013 :45 x:1 9:05 +0900")->unix_time, 1367193900);
  EXPECT_FALSE(parse_mail_date("Mon, 29 Apr 2013 123:45 +0900"));
}

// Months by their first three letters in any case, zones by name or offset.
TEST(MailDate, EveryMonthAndZoneName) {
  const char* months[] = {"Jan", "FEBRUARY", "mar", "Apr", "May", "June", "Jul", "aug", "Septembre", "Oct", "Nov", "Dec"};
  for (int month = 1; month <= 12; ++month) {
    const auto date = parse_mail_date(std::string("1 ") + months[month - 1] + " 2020 00:00:00 +0000");
    ASSERT_TRUE(date) << months[month - 1];
    EXPECT_EQ(date->unix_time, parse_mail_date("1 " + std::string(months[month - 1]).substr(0, 3) + " 2020 00:00:00")->unix_time);
  }
  EXPECT_EQ(parse_mail_date("1 Mar 2020 00:00:00 +0000")->unix_time - parse_mail_date("1 Feb 2020 00:00:00 +0000")->unix_time,
            29 * 86400);
  EXPECT_FALSE(parse_mail_date("1 Ma 2020 00:00:00"));
  const std::pair<const char*, int> zones[] = {
      {"UT", 0},     {"utc", 0},    {"GMT", 0},    {"Z", 0},    {"EST", -300}, {"edt", -240}, {"CST", -360},
      {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"JST", 540},  {"CET", 60},
      {"CEST", 120}, {"BST", 60},   {"KST", 540},  {"HKT", 480},  {"IST", 330},  {"XYZ", 0},    {"+0130", 90}};
  for (const auto& [zone, minutes] : zones) {
    const auto date = parse_mail_date(std::string("Sun, 1 Mar 2020 12:00:00 ") + zone);
    ASSERT_TRUE(date) << zone;
    EXPECT_EQ(date->offset_minutes, minutes) << zone;
  }
}

// The standard form is read at its fixed places, any other word by word. A leading space takes
// a text the word-by-word way, which must read the same date from every near copy of the form:
// each byte changed, dropped or the text cut short.
TEST(MailDate, TheStandardFormReadsAsEveryOtherDate) {
  const auto same = [](const std::optional<MailDate>& a, const std::optional<MailDate>& b) {
    return a.has_value() == b.has_value() &&
           (!a || (a->unix_time == b->unix_time && a->offset_minutes == b->offset_minutes));
  };
  const std::string standard[] = {"Thu, 29 Apr 2013 23:45:32 +0900 (JST)",
                                  "3 Nov 2026 04:12:07 GMT",
                                  "sun, 1 Mar 2020 12:00:00 -0130",
                                  "Mon, 05 May 2009 23:34:45 XYZ 12 +0100",
                                  "Fri, 0 Apr 2013 23:45:32 +0900 12",
                                  "SAT, 31 Dec 1999 23:59:60 PDT(comment) 7",
                                  "Wed, 1 Jan 2020 00:00:00 ut,",
                                  // not a weekday but a month and a zone
                                  "Dec, 29 Apr 2013 23:45:32 +0900", "Est, 1 Jan 2020 00:00:00 +0900"};
  const char replacements[] = {'0', '9', '1', ' ', ',', '(', ')', ':', '+', '-', 'x', 'A', '\t'};
  std::size_t compared = 0;
  const auto compare = [&](const std::string& text) {
    EXPECT_TRUE(same(parse_mail_date(text), parse_mail_date(" " + text))) << text;
    ++compared;
  };
  for (const std::string& date : standard) {
    for (std::size_t at = 0; at <= date.size(); ++at) {
      compare(date.substr(0, at));
      if (at == date.size()) continue;
      compare(date.substr(0, at) + date.substr(at + 1));
      for (char c : replacements) compare(date.substr(0, at) + c + date.substr(at + 1));
    }
  }
  EXPECT_GT(compared, 3000u);
  EXPECT_EQ(parse_mail_date("sun, 1 Mar 2020 12:00:00 -0130")->unix_time,
            parse_mail_date("1 Mar 2020 13:30:00 +0000")->unix_time);
  EXPECT_FALSE(parse_mail_date("Fri, 0 Apr 2013 23:45:32 +0900"));
  EXPECT_EQ(parse_mail_date("Fri, 0 Apr 2013 23:45:32 +0900 12")->unix_time,
            parse_mail_date("Fri, 12 Apr 2013 23:45:32 +0900")->unix_time);
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
