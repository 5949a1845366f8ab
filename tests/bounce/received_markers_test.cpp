// Relay signatures in a bounce's Received headers, found in one pass for all format modules.
#include "bounce/received_markers.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "bounce/bounce_message.h"

namespace bg::bounce {
namespace {

const ReceivedMarkers kRelayA = declare_received_markers({"(Relay A) with"});
const ReceivedMarkers kRelayB = declare_received_markers({".relay-b.example ("});
// A needle a format module also declares: both share one marker.
const ReceivedMarkers kKddiToo = declare_received_markers({".au.com ("});
const ReceivedMarkers kEither = declare_received_markers({"(Relay A) with", ".relay-b.example ("});
const ReceivedMarkers kRelayBInAnyCase = declare_received_markers({".RELAY-B.example ("}, MarkerCase::kCaseless);
const ReceivedMarkers kAuInAnyCase = declare_received_markers({".AU.COM ("}, MarkerCase::kCaseless);

const std::string kMessage =
    "Received: from mx.relay-b.example (mx.relay-b.example [192.0.2.7]) by in.example.org (Relay A) with\n"
    " ESMTP id 1; Tue, 3 Nov 2026 05:12:02 +0100\n"
    "Received: from a.example (a.example [192.0.2.8])\n"
    "\tby mx.relay-b.example (Relay A) with ESMTP id 2; Tue, 3 Nov 2026 05:12:01 +0100\n"
    "Received: from b.example by x.au.com (Postfix) with ESMTP id 3; Tue, 3 Nov 2026 05:12:00 +0100\n"
    "Received: from c.example by d.example (Relay A)\n with ESMTP id 4; Tue, 3 Nov 2026 05:11:59 +0100\n"
    "From: MAILER-DAEMON@in.example.org\nSubject: Undelivered Mail\n\nbody\n";

TEST(ReceivedMarkers, CountsTheHeadersThatHoldAMarker) {
  BounceMessage message;
  message.parse(kMessage);
  ASSERT_EQ(message.received().size(), 4u);
  EXPECT_EQ(message.received_mentioning(kRelayA), 2);  // not the fourth: a line break splits it
  EXPECT_EQ(message.received_mentioning(kRelayB), 2);
  EXPECT_EQ(message.received_mentioning(kEither), 2);  // the first holds both, and counts once
  EXPECT_EQ(message.received_mentioning(kKddiToo), 1);
  EXPECT_EQ(message.received_mentioning(ReceivedMarkers{}), 0);
}

TEST(ReceivedMarkers, ACaselessMarkerIsFoundInAnyCaseApartFromAnExactOne) {
  BounceMessage message;
  message.parse(kMessage);
  EXPECT_EQ(message.received_mentioning(kRelayBInAnyCase), 2);
  EXPECT_EQ(message.received_mentioning(kAuInAnyCase), 1);
  EXPECT_NE(kAuInAnyCase.bits, kKddiToo.bits);  // the same text, compared otherwise: a marker of its own
  EXPECT_EQ(message.received_mentioning(kKddiToo), 1);
}

TEST(ReceivedMarkers, AMessageWithoutReceivedHeadersHoldsNone) {
  BounceMessage message;
  message.parse("From: a@example.org\nSubject: hi\n\nbody\n");
  EXPECT_EQ(message.received_mentioning(kEither), 0);
}

TEST(ReceivedMarkers, AMessageReadAfterAnotherHoldsOnlyItsOwn) {
  BounceMessage message;
  message.parse(kMessage);
  ASSERT_EQ(message.received_mentioning(kRelayB), 2);
  message.parse("Received: from e.example by x.au.com (Postfix) with ESMTP id 5\nSubject: hi\n\nbody\n");
  EXPECT_EQ(message.received_mentioning(kRelayB), 0);
  EXPECT_EQ(message.received_mentioning(kRelayA), 0);
  EXPECT_EQ(message.received_mentioning(kKddiToo), 1);
  EXPECT_EQ(message.received_mentioning(kEither), 0);
  message.parse("From: a@example.org\nSubject: hi\n\nbody\n");
  EXPECT_EQ(message.received_mentioning(kKddiToo), 0);
}

TEST(ReceivedMarkers, RefuseLateOrMalformedDeclarations) {
  BounceMessage message;
  message.parse(kMessage);
  EXPECT_THROW(declare_received_markers({"late marker"}), std::logic_error);
  EXPECT_THROW(declare_received_markers({"two\nlines"}), std::logic_error);
  EXPECT_THROW(declare_received_markers({""}), std::logic_error);
}

}  // namespace
}  // namespace bg::bounce
