// Bounces of Japanese providers: BIGLOBE, au by KDDI's EZweb and au one net.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(Biglobe, ReadsItsOwnExplanation) {
  const auto records = records_of_sample("lhost-biglobe-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "Biglobe");
  EXPECT_EQ(records[0].recipient, "postmaster@mxr.biglobe.ne.jp");
  EXPECT_EQ(records[0].diagnosticcode,
            "The number of messages in recipient's mailbox exceeded the local limit.");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].subject(), "Cats");
}

TEST(EZweb, ReadsItsOwnSentences) {
  const auto records = records_of_sample("lhost-ezweb-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "EZweb");
  EXPECT_EQ(records[0].recipient, "this-local-part-does-not-exist-on-the-server@ezweb.ne.jp");
  EXPECT_EQ(records[0].diagnosticcode, "The user(s) account is disabled.");
  EXPECT_EQ(records[0].deliverystatus, "5.0.0");  // from its delivery-status part
  EXPECT_EQ(records[0].reason, "suspend");
}

TEST(EZweb, TakesItsMessageIdAsTheSecondClue) {
  // EZweb's sender, but neither its subject nor its relays: the Message-Id decides.
  const std::string message =
      with_replaced(with_replaced(file_text(sample_path("lhost-ezweb-02.eml")),
                                  "Subject: Mail System Error - Returned Mail", "Subject: Returned mail"),
                    "(EZweb Mail)", "(Mail)");
  EXPECT_TRUE(read_by(message, "EZweb"));
  EXPECT_FALSE(read_by(with_replaced(message, "@lsean.ezweb.ne.jp>", "@lsean.example.jp>"), "EZweb"));
}

TEST(EZweb, ReadsTheSpamFilterVerdict) {
  const auto records = records_of_sample("lhost-ezweb-01.eml");  // X-SPASIGN: NG
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "this-message-rejected-by-the-domain-filter@ezweb.ne.jp");
  EXPECT_EQ(records[0].reason, "filtered");
}

TEST(EZweb, ReadsTheRemoteServersRefusal) {
  const auto records = records_of_sample("lhost-ezweb-07.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "this-local-part-does-not-exist@ezweb.ne.jp");
  EXPECT_EQ(records[0].smtpcommand, "RCPT");  // ">>> RCPT TO:<...>"
  EXPECT_EQ(records[0].replycode, "550");
  EXPECT_EQ(records[0].reason, "userunknown");
}

TEST(EZweb, LeavesRefusalsOfOtherProvidersToTheirReply) {
  // hotmail.com refused at MAIL FROM: "550 SC-004 ... too many unwanted messages".
  const auto records = records_of_sample("lhost-ezweb-08.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora-neko-nyaan-22222-cats@hotmail.com");
  EXPECT_EQ(records[0].smtpcommand, "MAIL");
  EXPECT_NE(records[0].diagnosticcode.find("SC-004"), std::string::npos);
  EXPECT_EQ(records[0].reason, "blocked");
}

TEST(KDDI, ReadsItsOwnSentences) {
  const auto records = records_of_sample("lhost-kddi-02.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "KDDI");
  EXPECT_EQ(records[0].recipient, "kijitora@00000000000000.dion.ne.jp");
  EXPECT_EQ(records[0].diagnosticcode, "As their mailbox is full.");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].deliverystatus, "5.0.922");
}

}  // namespace
}  // namespace bg::testing
