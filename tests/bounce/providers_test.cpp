// Which provider a reply came from, by data/providers.tsv.
#include "bounce/reason/providers.h"

#include <gtest/gtest.h>

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

TEST(Providers, TheDomainCountsWhenTheHostNamesNone) {
  EXPECT_EQ(provider_of("", "hotmail.com"), "microsoft");
  EXPECT_EQ(provider_of("mx.example.org", "outlook.com"), "microsoft");
  EXPECT_EQ(provider_of("mx.google.com", "outlook.com"), "google");
  EXPECT_EQ(provider_of("mx.example.org", "example.org"), "");
}

}  // namespace
}  // namespace bg::bounce
