// Which provider a reply came from, by data/providers.tsv.
#include "bounce/reason/providers.h"

#include <gtest/gtest.h>

#include <string>

namespace bg::bounce {
namespace {

TEST(Providers, AHostMatchesTheNamesItEndsWith) {
  EXPECT_EQ(provider_of("gmail-smtp-in.l.google.com", ""), "google");
  EXPECT_EQ(provider_of("GMAIL.COM", ""), "google");  // without regard to case
  EXPECT_EQ(provider_of("mx01.mail.icloud.com", ""), "apple");
  EXPECT_EQ(provider_of("smtp.orange.fr", ""), "franceptt");
  EXPECT_EQ(provider_of("msmx.au.com", ""), "kddi");
}

TEST(Providers, ANameWithALeadingDotMatchesSubdomainsOnly) {
  EXPECT_EQ(provider_of("google.com", ""), "");
  EXPECT_EQ(provider_of("au.com", ""), "");
  EXPECT_EQ(provider_of("x.au.com", ""), "kddi");
  EXPECT_EQ(provider_of("orange.fr", ""), "franceptt");  // written both ways
}

TEST(Providers, ANameMatchesWholeLabelsOnly) {
  EXPECT_EQ(provider_of("notgmail.com", ""), "");
  EXPECT_EQ(provider_of("gmail.com.example.org", ""), "");
  EXPECT_EQ(provider_of("com", ""), "");
  EXPECT_EQ(provider_of(".", ""), "");
}

// Only the domains of a host no longer than the longest name are looked up: a long host is
// matched by its last labels, and never by a part of a label.
TEST(Providers, ALongHostIsMatchedByItsLastLabels) {
  const std::string labels = "a.bb.ccc.dddd.eeeee.ffffff.ggggggg.hhhhhhhh.";
  EXPECT_EQ(provider_of(labels + "GMAIL.com", ""), "google");
  EXPECT_EQ(provider_of(labels + "Mx.SecureServer.NET", ""), "godaddy");
  EXPECT_EQ(provider_of(labels + "mail.protection.outlook.com", ""), "microsoft");
  EXPECT_EQ(provider_of(std::string(80, 'x') + "gmail.com", ""), "");
  EXPECT_EQ(provider_of(std::string(80, 'x') + ".gmail.com", ""), "google");
  for (std::size_t length = 0; length <= 40; ++length) {
    const std::string label(length, 'x');
    EXPECT_EQ(provider_of(label + ".secureserver.net", ""), length == 0 ? "" : "godaddy") << length;
    EXPECT_EQ(provider_of("a." + label + ".secureserver.net", ""), "godaddy") << length;
    EXPECT_EQ(provider_of(label + "secureserver.net", ""), "") << length;
    EXPECT_EQ(provider_of(label, ""), "") << length;
  }
}

TEST(Providers, TheDomainCountsWhenTheHostNamesNone) {
  EXPECT_EQ(provider_of("", "hotmail.com"), "microsoft");
  EXPECT_EQ(provider_of("mx.example.org", "outlook.com"), "microsoft");
  EXPECT_EQ(provider_of("mx.google.com", "outlook.com"), "google");
  EXPECT_EQ(provider_of("mx.example.org", "example.org"), "");
}

}  // namespace
}  // namespace bg::bounce
