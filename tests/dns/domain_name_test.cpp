#include "dns/domain_name.h"

#include <gtest/gtest.h>

#include "dns/record_data.h"

namespace bg::dns {
namespace {

TEST(DomainName, QueryableNamesKeepTheSizeRules) {
  EXPECT_TRUE(is_queryable_name("mail.example.com"));
  EXPECT_TRUE(is_queryable_name("mail.example.com."));
  EXPECT_FALSE(is_queryable_name(""));
  EXPECT_FALSE(is_queryable_name("a..example.com"));
  EXPECT_FALSE(is_queryable_name(std::string(64, 'a') + ".example.com"));
  EXPECT_TRUE(is_queryable_name(std::string(63, 'a') + ".example.com"));
  std::string long_name;
  while (long_name.size() < 250) long_name += "abcdefghi.";
  EXPECT_FALSE(is_queryable_name(long_name + "example.com"));
}

TEST(DomainName, SubdomainsIgnoreCaseAndFinalDots) {
  EXPECT_TRUE(is_at_or_below("mail.Example.COM.", "example.com"));
  EXPECT_TRUE(is_at_or_below("example.com", "EXAMPLE.com."));
  EXPECT_FALSE(is_at_or_below("badexample.com", "example.com"));
  EXPECT_FALSE(is_at_or_below("com", "example.com"));
}

TEST(DomainName, PresentationFormEscapesEveryOddByte) {
  EXPECT_EQ(presentation_form("mail.example.com"), "mail.example.com");
  EXPECT_EQ(presentation_form("macro%percent  space.example.com"),
            "macro\\037percent\\032\\032space.example.com");
  EXPECT_EQ(presentation_form("a\\b\"c"), "a\\092b\\034c");
}

TEST(RecordData, TxtStringsAreKeptApartAndJoinedWithoutSpaces) {
  const std::string rdata = std::string("\x0bv=spf1 ip4:", 12) + std::string(
                                                                     "\x0e"
                                                                     "192.0.2.5 -all",
                                                                     15);
  EXPECT_EQ(txt_strings(rdata), (std::vector<std::string>{"v=spf1 ip4:", "192.0.2.5 -all"}));
  EXPECT_EQ(txt_text(rdata), "v=spf1 ip4:192.0.2.5 -all");
  EXPECT_EQ(txt_strings(std::string("\x09short", 6)), std::vector<std::string>{})
      << "truncated data";
}

TEST(RecordData, MxAndNames) {
  const std::string mx = std::string(
      "\x00\x0a\x04mail\x07"
      "example\x03"
      "com\x00",
      20);
  EXPECT_EQ(read_mx(mx).value().preference, 10);
  EXPECT_EQ(read_mx(mx).value().exchange, "mail.example.com");
  EXPECT_EQ(read_mx(std::string("\x00\x00\x00", 3)).value().exchange, "") << "null MX";
  EXPECT_FALSE(read_mx(std::string("\x00\x0a\x09mail", 7)).has_value());
  EXPECT_FALSE(read_name(std::string("\x40", 1)).has_value());
}

}  // namespace
}  // namespace bg::dns
