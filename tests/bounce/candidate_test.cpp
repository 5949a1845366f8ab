// The first look must let every bounce through, and should stop ordinary mail.
#include "bounce/candidate.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "mailbox/message_source.h"
#include "mime/ascii.h"

namespace bg::bounce {
namespace {

const std::string kData = BOUNCEGUARD_TEST_DATA;

std::size_t count_messages(const std::string& path, bool& all_candidates, std::string& missed) {
  std::size_t messages = 0;
  const auto source = mailbox::open_source(path);
  mailbox::Batch batch;
  mime::Headers headers;
  while (source->next(batch)) {
    for (const auto& message : batch.messages) {
      headers.parse(message.bytes);
      ++messages;
      // Postfix's postmaster copies are left out on purpose (see the test below).
      if (headers.raw("Subject").starts_with("Postmaster Copy:")) continue;
      if (!may_be_bounce(headers)) {
        all_candidates = false;
        missed += std::string(message.origin) + " #" + std::to_string(message.index) + "\n";
      }
    }
  }
  return messages;
}

TEST(Candidate, EveryCorpusBounceGoesOnToTheFormatModules) {
  bool all = true;
  std::string missed;
  std::size_t messages = count_messages(kData + "/sisimai/maildir", all, missed);
  messages += count_messages(kData + "/sisimai/mailbox/mbox-0", all, missed);
  messages += count_messages(kData + "/seed", all, missed);
  EXPECT_TRUE(all) << missed;
  EXPECT_EQ(messages, 447u + 37u + 2u);
}

bool passes_first_look(const char* text) {
  mime::Headers headers;
  headers.parse(text);
  return may_be_bounce(headers);
}

TEST(Candidate, OrdinaryMailStopsAtTheHeaders) {
  const char* ordinary[] = {
      "From: Alice <alice@example.com>\nTo: bob@example.org\nSubject: Lunch on Friday?\nPrecedence: bulk\n"
      "X-Spam-Report: none\nContent-Type: text/plain\n\nHi\n",
      "From: \"Mr. FoRK\" <fork_list@hotmail.com>\nSubject: Re: [SAtalk] spam report problem\n"
      "Content-Type: multipart/alternative; boundary=x\n\n--x--\n",
      "From: Newsletter <news@shop.example>\nSubject: =?utf-8?Q?Weekly_offers?=\nAuto-Submitted: no\n\nBuy\n",
      // The sender fields are searched together, but a phrase split between two is not found.
      "From: The Mail\nSender: Delivery team <team@example.com>\nSubject: Lunch\n\n"};
  for (const char* text : ordinary) EXPECT_FALSE(passes_first_look(text)) << text;
}

TEST(Candidate, ASubjectOrASenderAloneLetsABounceThrough) {
  const char* bounces[] = {
      "From: someone@example.com\nSubject: Undeliverable: Lunch\n\n",
      "From: someone@example.com\nSubject: =?UTF-8?B?VW5kZWxpdmVyYWJsZTogTHVuY2g=?=\n\n",  // "Undeliverable: Lunch"
      "From: Mail Delivery System <bounces@mx.example.com>\nSubject: Lunch\n\n",
      "From: someone@example.com\nSender: MAILER-DAEMON@mx.example.com\nSubject: Lunch\n\n",
      "Return-Path: <postmaster@mx.example.com>\nFrom: someone@example.com\nSubject: Lunch\n\n",
      "From: someone@example.com\nReturn-Path: <someone@example.com>\nSender: Mail Delivery Subsystem <x@y>\n\n"};
  for (const char* text : bounces) EXPECT_TRUE(passes_first_look(text)) << text;
}

TEST(Candidate, PostmasterCopiesAreNotCountedTwice) {
  mime::Headers headers;
  headers.parse("Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.com\nSubject: Postmaster Copy: Undelivered Mail\n\n");
  EXPECT_FALSE(may_be_bounce(headers));
}

TEST(Candidate, EachHeaderClueAloneLetsABounceThroughWhateverItsCase) {
  const std::string ordinary = "To: bob@example.org\nSubject: Lunch\n";
  const std::string clues[] = {"Return-Path: <>\n",
                               "RETURN-PATH:  <> \n",
                               "Return-Path: <someone@example.com>\nReturn-Path: <>\n",
                               "Content-Type: multipart/report; report-type=delivery-status\n",
                               "content-type: Message/Delivery-Status\n",
                               "Content-Type: text/plain\nContent-Type: message/feedback-report\n",
                               "X-Failed-Recipients: bob@example.org\n",
                               "x-autoreply: yes\n",
                               "X-Autorespond: yes\n",
                               "X-Mailer-Daemon: 1\n",
                               "X-SES-Outgoing: 1\n",
                               "X-Amz-Sns-Message-Id: 1\n",
                               "X-HmXmrOriginalRecipient: bob@example.org\n",
                               "X-MS-Exchange-Message-Is-Ndr: \n",
                               "X-Postfix-Queue-ID: 4F2A\n",
                               "X-AOL-IP: 192.0.2.1\n",
                               "X-MXL-NoteHash: 1\n",
                               "X-Apple-Unsubscribe: true\n",
                               "X-Apple-Action: vacation\n",
                               "Auto-Submitted: auto-replied\n",
                               "Auto-Submitted: no\nAuto-Submitted: auto-generated\n",
                               "Precedence: bulk\nPrecedence: AUTO_REPLY\n",
                               "X-MLServer: fml\nFrom: list-admin@example.com\n"};
  for (const std::string& clue : clues) {
    EXPECT_TRUE(passes_first_look((clue + ordinary + "\n").c_str())) << clue;
    EXPECT_TRUE(passes_first_look((ordinary + clue + "\n").c_str())) << clue;
  }
  const char* near_misses[] = {"Return-Path: <someone@example.com>\n", "Auto-Submitted:  No \n",
                               "Precedence: auto-reply\n", "X-Failed: bob@example.org\n",
                               "From: list-admin@example.com\n",  // a list's admin without a list server
                               // the last From is the list's sender, not its admin
                               "X-MLServer: fml\nFrom: list-admin@example.com\nFrom: someone@example.com\n"};
  for (const char* near_miss : near_misses) EXPECT_FALSE(passes_first_look((ordinary + near_miss + "\n").c_str())) << near_miss;
}

// A Content-Type names a report wherever its phrase falls, in any case: the phrases are found from
// their '/' or '-', sixteen bytes at a time and then one by one, among other dashes and slashes.
// What a caseless search for each phrase finds is the answer.
TEST(Candidate, AReportContentTypeAtEveryOffsetInAnyCase) {
  for (std::string_view phrase : {"multipart/report", "Delivery-Status", "FEEDBACK-REPORT", "multipart-report",
                                  "delivery/status", "feedback-repor", "elivery-status", "multipart/reporT"}) {
    for (std::size_t size = phrase.size(); size <= 40; ++size) {
      for (std::size_t at = 0; at + phrase.size() <= size; ++at) {
        std::string value(size, 'x');
        for (std::size_t k = 0; k < size; k += 3) value[k] = k % 2 == 0 ? '-' : '/';
        value.replace(at, phrase.size(), phrase);
        const bool named = mime::icontains(value, "multipart/report") || mime::icontains(value, "delivery-status") ||
                           mime::icontains(value, "feedback-report");
        EXPECT_EQ(passes_first_look(("To: bob@example.org\nContent-Type: " + value + "\n\n").c_str()), named)
            << value;
      }
    }
  }
}

TEST(Candidate, APostmasterCopyOutweighsEveryClueAndOnlyTheLastSubjectCounts) {
  const std::string copy = "Subject: Postmaster Copy: Undelivered Mail\n";
  const std::string clues[] = {"Return-Path: <>\n", "Content-Type: multipart/report\n", "X-Failed-Recipients: b@x\n",
                               "Auto-Submitted: auto-replied\n", "From: MAILER-DAEMON@mx.example.com\n",
                               "X-MLServer: fml\nFrom: list-admin@example.com\n"};
  for (const std::string& clue : clues) {
    EXPECT_FALSE(passes_first_look((clue + copy + "\n").c_str())) << clue;
    EXPECT_FALSE(passes_first_look((copy + clue + "\n").c_str())) << clue;
    EXPECT_FALSE(passes_first_look(("Subject: Lunch\n" + clue + copy + "\n").c_str())) << clue;
    EXPECT_TRUE(passes_first_look((copy + clue + "Subject: Lunch\n\n").c_str())) << clue;
  }
  // The subject's clue is read in the last Subject too.
  EXPECT_TRUE(passes_first_look("Subject: Lunch\nSubject: Undeliverable: Lunch\n\n"));
  EXPECT_FALSE(passes_first_look("Subject: Undeliverable: Lunch\nSubject: Lunch\n\n"));
}

}  // namespace
}  // namespace bg::bounce
