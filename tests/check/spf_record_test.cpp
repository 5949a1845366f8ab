// The SPF record parser, macro expansion and the record audit that needs no DNS.
#include "check/spf_record.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "check/spf_audit.h"
#include "check/spf_macros.h"
#include "mime/ascii.h"

namespace bg::check {
namespace {

SpfRecord parsed(std::string_view text) {
  auto result = parse_spf_record(text);
  if (auto* error = std::get_if<SpfSyntaxError>(&result))
    ADD_FAILURE() << text << ": " << error->message;
  return std::get<SpfRecord>(result);
}

SpfSyntaxError error_in(std::string_view text) {
  auto result = parse_spf_record(text);
  EXPECT_TRUE(std::holds_alternative<SpfSyntaxError>(result)) << text;
  return std::holds_alternative<SpfSyntaxError>(result) ? std::get<SpfSyntaxError>(result)
                                                        : SpfSyntaxError{};
}

TEST(SpfRecord, SelectsOnlyVersionOneRecords) {
  EXPECT_TRUE(is_spf_record("v=spf1"));
  EXPECT_TRUE(is_spf_record("V=SpF1 -all"));
  EXPECT_FALSE(is_spf_record("v=spf10"));
  EXPECT_FALSE(is_spf_record("v=spf1mx"));
  EXPECT_FALSE(is_spf_record("spf2.0/pra -all"));
}

TEST(SpfRecord, ReadsMechanismsWithQualifiersAndPrefixes) {
  const std::string text =
      "v=spf1 ip4:192.0.2.0/24 -ip6:2001:db8::/32 ~a:mail.example.com/28//64 ?mx "
      "include:_spf.example.net -all";
  const SpfRecord record = parsed(text);
  ASSERT_EQ(record.mechanisms.size(), 6u);
  EXPECT_EQ(record.mechanisms[0].network->to_string(), "192.0.2.0");
  EXPECT_EQ(record.mechanisms[0].ip4_prefix, 24);
  EXPECT_EQ(record.mechanisms[1].qualifier, Qualifier::fail);
  EXPECT_EQ(record.mechanisms[1].ip6_prefix, 32);
  EXPECT_EQ(record.mechanisms[2].target, "mail.example.com");
  EXPECT_EQ(record.mechanisms[2].ip4_prefix, 28);
  EXPECT_EQ(record.mechanisms[2].ip6_prefix, 64);
  EXPECT_EQ(record.mechanisms[3].qualifier, Qualifier::neutral);
  EXPECT_EQ(record.mechanisms[4].kind, MechanismKind::include);
  EXPECT_EQ(record.mechanisms[5].position, text.find("-all"));
}

TEST(SpfRecord, DomainsMayHoldColonsAndSlashes) {
  EXPECT_EQ(parsed("v=spf1 a:foo:bar/baz.example.com").mechanisms[0].target,
            "foo:bar/baz.example.com");
}

TEST(SpfRecord, ModifiersOnceEachAndUnknownOnesIgnored) {
  const SpfRecord record =
      parsed("v=spf1 exp=explain.%{d} redirect=_spf.example.com moo.cow-far_out=man:dog/cat");
  EXPECT_EQ(record.redirect, "_spf.example.com");
  EXPECT_EQ(record.explanation, "explain.%{d}");
  EXPECT_NE(error_in("v=spf1 redirect=a.example.com redirect=b.example.com").message.find("twice"),
            std::string::npos);
}

TEST(SpfRecord, SyntaxErrorsGiveTheTermsPosition) {
  EXPECT_EQ(error_in("v=spf1 ip4:1.2.3.4 -all moo").position, 24u);
  EXPECT_EQ(error_in("v=spf1 a:foo-bar -all").position, 7u);
  for (const char* bad : {"v=spf1 -all.",
                          "v=spf1 -all:x",
                          "v=spf1 all/8",
                          "v=spf1 ip4:1.2.3.4/033",
                          "v=spf1 ip4:1.2.3",
                          "v=spf1 ip6:1.2.3.4",
                          "v=spf1 a/33",
                          "v=spf1 a//129",
                          "v=spf1 a/24/64",
                          "v=spf1 ptr/0",
                          "v=spf1 include",
                          "v=spf1 include:",
                          "v=spf1 exists:%{q}.example.com",
                          "v=spf1 a:111.222.33.44",
                          "v=spf1 a:museum",
                          "v=spf1 exp=",
                          "v=spf1 =all",
                          "v=spf1 1up=foo",
                          "v=spf1 a:x.example.com\r-all",
                          "v=spf1 \x96"
                          "all",
                          "v=spf1 foo=%abc",
                          "v=spf1 a:%{c}.example.com"})
    EXPECT_TRUE(std::holds_alternative<SpfSyntaxError>(parse_spf_record(bad))) << bad;
}

TEST(SpfRecord, DomainSpecsEndInATopLabelOrAMacro) {
  EXPECT_TRUE(is_valid_domain_spec("foo.example.xn--zckzah"));
  EXPECT_TRUE(is_valid_domain_spec("example.com."));
  EXPECT_TRUE(is_valid_domain_spec("%{d}"));
  EXPECT_TRUE(is_valid_domain_spec("_spf.%{d2}"));
  EXPECT_FALSE(is_valid_domain_spec("example.-com"));
  EXPECT_FALSE(is_valid_domain_spec("abc.123"));
  EXPECT_FALSE(is_valid_domain_spec("museum."));
}

// RFC 7208 section 7.4: strong-bad@email.example.com sending from 192.0.2.3.
MacroValues rfc_example(std::string_view ip = "192.0.2.3") {
  MacroValues values;
  values.sender = "strong-bad@email.example.com";
  values.local_part = "strong-bad";
  values.sender_domain = "email.example.com";
  values.domain = "email.example.com";
  values.ip = *dns::IpAddress::parse(ip);
  values.helo = "mx.example.org";
  return values;
}

TEST(SpfMacros, TheExamplesOfRfc7208) {
  const std::vector<std::pair<std::string, std::string>> examples = {
      {"%{s}", "strong-bad@email.example.com"},
      {"%{o}", "email.example.com"},
      {"%{d4}", "email.example.com"},
      {"%{d2}", "example.com"},
      {"%{d1}", "com"},
      {"%{dr}", "com.example.email"},
      {"%{d2r}", "example.email"},
      {"%{l}", "strong-bad"},
      {"%{l-}", "strong.bad"},
      {"%{lr}", "strong-bad"},
      {"%{lr-}", "bad.strong"},
      {"%{l1r-}", "strong"},
      {"%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"},
      {"%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"},
      {"%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"},
      {"%%%_%-", "% %20"}};
  for (const auto& [macro, expansion] : examples)
    EXPECT_EQ(expand_macros(macro, rfc_example(), MacroUse::domain_spec), expansion) << macro;
  // DNS names ignore case; the nibbles come out in capitals as the openspf suite expects.
  const std::string ipv6 =
      expand_macros("%{ir}.%{v}._spf.%{d2}", rfc_example("2001:db8::cb01"), MacroUse::domain_spec)
          .value();
  EXPECT_TRUE(mime::iequals(
      ipv6,
      "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"));
}

TEST(SpfMacros, UppercaseLettersAreUrlEscapedAndExplanationLettersAreLimited) {
  MacroValues values = rfc_example();
  values.local_part = "~jack&jill=up";
  EXPECT_EQ(expand_macros("%{L}", values, MacroUse::domain_spec), "~jack%26jill%3Dup");
  EXPECT_EQ(expand_macros("%{c} says hi", values, MacroUse::explanation), "192.0.2.3 says hi");
  EXPECT_FALSE(expand_macros("%{c}", values, MacroUse::domain_spec).has_value());
  EXPECT_FALSE(expand_macros("%{d0}", values, MacroUse::domain_spec).has_value());
  EXPECT_EQ(macro_syntax_error("ok.%{x}.example.com", MacroUse::domain_spec), 3u);
}

TEST(SpfMacros, LongNamesLoseLabelsFromTheLeft) {
  std::string name = "foobar";
  while (name.size() < 300) name += ".abcdefghij";
  const std::string truncated = truncate_domain(name);
  EXPECT_LE(truncated.size(), 253u);
  EXPECT_TRUE(name.ends_with(truncated));
  EXPECT_EQ(truncated.front(), 'a');
}

TEST(SpfAuditStrings, LongStringsAndRecordsAreReported) {
  std::string record = "v=spf1";
  for (int i = 0; i < 30; ++i) record += " ip4:198.51.100." + std::to_string(i);
  record += " -all";
  const std::vector<Finding> one_string = audit_spf_strings("example.com", {record});
  EXPECT_TRUE(std::ranges::any_of(one_string,
                                  [](const Finding& f) { return f.id == "spf.string_too_long"; }));
  EXPECT_TRUE(std::ranges::any_of(one_string,
                                  [](const Finding& f) { return f.id == "spf.record_too_long"; }));
  const Finding& split = *std::ranges::find(one_string, "spf.string_too_long", &Finding::id);
  ASSERT_EQ(record.size(), 541u);
  EXPECT_EQ(std::ranges::count(split.record, '"'), 6)
      << "the fix is the record in three strings: " << split.record;
  EXPECT_TRUE(audit_spf_strings("example.com", {"v=spf1 mx -all"}).empty());
  EXPECT_EQ(audit_spf_strings("example.com", {"v=spf1 mx +all"}).front().id, "spf.all_pass");
  EXPECT_EQ(audit_spf_strings("example.com", {"v=spf1 mx"}).front().id, "spf.no_all");
  EXPECT_EQ(audit_spf_strings("example.com", {"v=spf1 mx"}).front().record,
            "example.com. TXT \"v=spf1 mx -all\"");
}

}  // namespace
}  // namespace bg::check
