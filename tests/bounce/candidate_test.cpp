// The first look must let every bounce through, and should stop ordinary mail.
#include "bounce/candidate.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "mailbox/message_source.h"

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

}  // namespace
}  // namespace bg::bounce
