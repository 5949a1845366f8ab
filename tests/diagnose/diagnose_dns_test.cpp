// The diagnosis with a real DNS server: the owner's relays read from their SPF record, and the
// address a bounce said was refused looked up on the blocklists.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "diagnose/diagnose.h"
#include "nsd_server.h"

namespace bg::diagnose {
namespace {

const std::string kSeed = std::string(BOUNCEGUARD_TEST_DATA) + "/seed";

// A bounce of the owner's real mail, refused because its relay is on Spamhaus.
constexpr std::string_view kBlocklistedBounce =
    "Return-Path: <>\n"
    "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\n"
    "To: alice@example.com\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Date: Tue, 3 Nov 2026 06:00:00 +0000\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain\n"
    "\n"
    "<carol@partner.example>: host mx.partner.example[198.51.100.25] said: 554 5.7.1 Service unavailable;\n"
    "    Client host [203.0.113.10] blocked using zen.spamhaus.org\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.com\n"
    "\n"
    "Final-Recipient: rfc822; carol@partner.example\n"
    "Action: failed\n"
    "Status: 5.7.1\n"
    "Remote-MTA: dns; mx.partner.example\n"
    "Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [203.0.113.10] blocked using zen.spamhaus.org\n"
    "--B\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "Received: from laptop (dsl.example.net [192.0.2.77]) (Authenticated sender: alice@example.com)\n"
    "\tby mail.example.com (Postfix) with ESMTPSA id 4F1A9C; Tue, 3 Nov 2026 05:59:59 +0000\n"
    "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=mail; b=abc\n"
    "From: Alice <alice@example.com>\n"
    "To: carol@partner.example\n"
    "Subject: Contract draft\n"
    "Message-ID: <20261103055959.4F1A9C@mail.example.com>\n"
    "--B--\n";

TEST(DiagnoseWithDns, RelaysComeFromTheSpfRecordAndListingsFromTheBlocklists) {
  dns::testing::NsdServer server(
      "example.com. TXT \"v=spf1 ip4:203.0.113.10 -all\"\n"
      "10.113.0.203.zen.spamhaus.org. A 127.0.0.2\n");
  dns::Resolver resolver(server.resolver_options());

  const std::filesystem::path bounce = std::filesystem::path(::testing::TempDir()) / "blocklisted-bounce.eml";
  std::ofstream(bounce) << kBlocklistedBounce;
  OwnerOptions options;
  options.domains = {"example.com"};
  const DiagnosedScan scan =
      diagnose_inputs({kSeed + "/exim-spoofed-backscatter.eml", bounce.string()}, options, &resolver);
  std::filesystem::remove(bounce);

  ASSERT_EQ(scan.report.owner.relays.size(), 1u);
  EXPECT_EQ(scan.report.owner.relays[0], "203.0.113.10");
  bool learned_from_spf = false;
  for (const std::string& fact : scan.report.owner.learned_from)
    learned_from_spf |= fact.find("from example.com's SPF record") != std::string::npos;
  EXPECT_TRUE(learned_from_spf);

  ASSERT_EQ(scan.records.size(), 2u);
  EXPECT_EQ(scan.records[0].category, "backscatter");
  EXPECT_NE(scan.records[0].evidence[0].find("no hop through example.com's servers"), std::string::npos);
  EXPECT_EQ(scan.records[1].category, "blocklisted");

  const Situation* blocklisted = nullptr;
  for (const Situation& situation : scan.report.situations)
    if (situation.kind == SituationKind::kBlocklisted) blocklisted = &situation;
  ASSERT_NE(blocklisted, nullptr);
  bool listed = false;
  for (const std::string& fact : blocklisted->evidence) listed |= fact.find("203.0.113.10 is listed on") != std::string::npos;
  EXPECT_TRUE(listed);
}

TEST(DiagnoseWithDns, NoSpfRecordLeavesANoteAndTheScanGoesOn) {
  dns::testing::NsdServer server("example.org. TXT \"unrelated\"\n");
  dns::Resolver resolver(server.resolver_options());
  OwnerOptions options;
  options.domains = {"example.com"};
  const DiagnosedScan scan = diagnose_inputs({kSeed + "/exim-spoofed-backscatter.eml"}, options, &resolver);
  ASSERT_EQ(scan.records.size(), 1u);
  bool noted = false;
  for (const std::string& fact : scan.report.owner.learned_from)
    noted |= fact.find("no SPF record found for example.com") != std::string::npos;
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace bg::diagnose
