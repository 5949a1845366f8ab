// What the record builder makes of real bounces: codes taken from the reply where it says more,
// multi-line replies joined, hard and soft.
#include "bounce/record_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "corpus_scoring.h"

namespace bg::bounce {
namespace {

const std::string kMaildir = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir/";

Record only_record(const std::string& file) {
  const auto records = testing::records_of_file(kMaildir + file);
  EXPECT_EQ(records.size(), 1u) << file;
  return records.empty() ? Record{} : records.front();
}

// The reader hands one result to module after module, emptied between them: an emptied result
// must read as a new one, whatever a module left in it.
TEST(EngineResult, AnEmptiedResultIsAsMade) {
  EngineResult result;
  result.recipients.emplace_back();
  result.recipients.back().recipient = "bob@example.org";
  result.original = "From: alice@example.com\n";
  result.kind = MessageKind::kAutoReply;
  result.clear();
  EXPECT_TRUE(result.recipients.empty());
  EXPECT_TRUE(result.original.empty());
  EXPECT_EQ(result.kind, EngineResult{}.kind);
}

TEST(RecordBuilder, MultiLineReplyIsJoinedWithoutItsRepeatedPrefixes) {
  const Record record = only_record("rhost-google-02.eml");
  EXPECT_EQ(record.replycode, "550");
  EXPECT_EQ(record.deliverystatus, "5.1.1");
  EXPECT_NE(record.diagnosticcode.find("550 5.1.1 The email account that you tried to reach does not exist. Please "
                                       "try double-checking the recipient's email address"),
            std::string::npos)
      << record.diagnosticcode;
  EXPECT_EQ(record.diagnosticcode.find("550-5.1.1"), std::string::npos);
}

TEST(RecordBuilder, TheReplysCodeReplacesAVagueOne) {
  // The report says 4.5.0; La Poste's reply says 550 5.5.0, a permanent refusal.
  const Record record = only_record("rhost-franceptt-10.eml");
  EXPECT_EQ(record.deliverystatus, "5.5.0");
  EXPECT_EQ(record.replycode, "550");
}

TEST(RecordBuilder, ReplyCodeOfAnotherClassThanTheStatusIsDropped) {
  // Amazon SES: "554 4.4.7 Message expired ... <421 4.4.2 Connection timed out>": the 421 goes
  // with the temporary status.
  const auto records = testing::records_of_file(kMaildir + "lhost-amazonworkmail-05.eml");
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].replycode[0], records[0].deliverystatus[0]);
}

// The record of one recipient whose reply is `diagnosis`, in a bounce that says nothing more.
Record record_of_reply(std::string_view diagnosis) {
  BounceMessage message;
  message.parse("From: MAILER-DAEMON@example.net\nTo: sender@example.org\nSubject: failure\n\nfailed\n");
  EngineResult result;
  result.recipients.emplace_back().recipient = "user@example.com";
  result.recipients.back().diagnosis = diagnosis;
  std::vector<Record> records;
  build_records(message, std::move(result), RecordSource{"Test", {}, 0}, records);
  EXPECT_EQ(records.size(), 1u);
  if (records.empty()) return Record{};
  decide_reason(records.front());
  return records.front();
}

// A built record holds the format module's verdict as its reason until the reason is decided;
// deciding weighs the reply and sets what follows from the reason: hard or soft, the action.
TEST(RecordBuilder, AReasonIsTheFormatsVerdictUntilDecided) {
  BounceMessage message;
  message.parse("From: MAILER-DAEMON@example.net\nTo: sender@example.org\nSubject: failure\n\nfailed\n");
  EngineResult result;
  for (const auto& [recipient, reply] : {std::pair{"a@example.com", "550 5.1.1 <a@example.com>: user unknown"},
                                         std::pair{"b@example.com", "452 4.2.2 <b@example.com>: mailbox full"}}) {
    DeliveryStatus& status = result.recipients.emplace_back();
    status.recipient = recipient;
    status.diagnosis = reply;
    status.reason = "onhold";
  }
  std::vector<Record> records;
  build_records(message, std::move(result), RecordSource{"Test", {}, 0}, records);
  ASSERT_EQ(records.size(), 2u);
  for (const Record& record : records) {
    EXPECT_EQ(record.reason, "onhold");
    EXPECT_FALSE(record.hardbounce);
  }
  for (Record& record : records) decide_reason(record);
  EXPECT_EQ(records[0].reason, "userunknown");
  EXPECT_TRUE(records[0].hardbounce);
  EXPECT_EQ(records[0].action, "failed");
  EXPECT_EQ(records[1].reason, "mailboxfull");
  EXPECT_FALSE(records[1].hardbounce);
  EXPECT_EQ(records[1].kind, MessageKind::kBounce);
}

// The clues to the SMTP command are looked for sixteen positions at a time: each is found in any
// case at every offset in a block, and words that only start like one are none.
TEST(RecordBuilder, CommandCluesAtEveryOffset) {
  const std::pair<std::string_view, std::string_view> kClues[] = {
      {"In Reply To RCPT TO command", "RCPT"}, {"AFTER end of DATA", "DATA"},
      {"after MAIL FROM:<a@b>", "MAIL"},      {"Refused to talk to me", "HELO"}};
  for (std::size_t pad = 0; pad <= 40; ++pad) {
    const std::string before = "550 " + std::string(pad, 'x') + " ";
    for (const auto& [clue, command] : kClues)
      EXPECT_EQ(record_of_reply(before + std::string(clue)).smtpcommand, command) << pad << " " << clue;
    EXPECT_EQ(record_of_reply(before + "in repl y to RCPT TO, afte r DATA, refuse d").smtpcommand, "") << pad;
  }
}

// A multi-line reply is told by its code followed by '-', found from the dashes: dashes elsewhere,
// before the code or at the start, do not make a reply multi-line, and the code's does at every offset.
TEST(RecordBuilder, MultiLineReplyFoundByItsDash) {
  for (std::size_t pad = 0; pad <= 20; ++pad) {
    const std::string before = "-" + std::string(pad, 'x') + "-a ";
    EXPECT_EQ(record_of_reply(before + "550-5.1.1 no such user 550 5.1.1 here").diagnosticcode,
              before + "550 5.1.1 no such user here")
        << pad;
    EXPECT_EQ(record_of_reply(before + "550 5.1.1 no-such-user 5550-1").diagnosticcode,
              before + "550 5.1.1 no-such-user 5550-1")
        << pad;
  }
}

// The host that answered, after "host " alone or as part of "from remote host ".
TEST(RecordBuilder, HostTheReplyNames) {
  EXPECT_EQ(record_of_reply("host MX.example.com[192.0.2.1] said: 550 unknown user").rhost, "mx.example.com");
  EXPECT_EQ(record_of_reply("SMTP error from remote host mx.example.com [192.0.2.1] refused").rhost, "mx.example.com");
  EXPECT_EQ(record_of_reply("host localhost said: 550 no").rhost, "");
}

TEST(RecordBuilder, HardBounceRule) {
  EXPECT_TRUE(is_hard_bounce("userunknown", "5.1.1"));
  EXPECT_TRUE(is_hard_bounce("hostunknown", "5.1.2"));
  EXPECT_TRUE(is_hard_bounce("hasmoved", "5.1.6"));
  EXPECT_TRUE(is_hard_bounce("notaccept", "5.1.10"));
  EXPECT_FALSE(is_hard_bounce("notaccept", "4.3.2"));
  EXPECT_FALSE(is_hard_bounce("mailboxfull", "5.2.2"));
  EXPECT_FALSE(is_hard_bounce("vacation", ""));
}

TEST(RecordBuilder, AddresserDestinationAndTimeComeFromTheBounce) {
  const Record record = only_record("rhost-google-02.eml");
  EXPECT_FALSE(record.addresser.empty());
  EXPECT_EQ(record.destination, record.recipient.substr(record.recipient.find('@') + 1));
  EXPECT_GT(record.timestamp, 1000000000);
  EXPECT_EQ(record.timezoneoffset.size(), 5u);
  EXPECT_EQ(record.decodedby, "Postfix");
  EXPECT_EQ(record.smtpcommand, "RCPT");
  EXPECT_EQ(record.rhost, "aspmx.l.google.com");
}

// A record whose report gives no date that parses takes the bounce's own, read once for all of
// them; one whose report gives a date keeps it.
TEST(RecordBuilder, ARecordWithoutADateTakesTheBounces) {
  const std::string text =
      "From: MAILER-DAEMON@example.net\nTo: sender@example.org\nDate: Thu, 1 Feb 2024 10:00:00 +0900\n"
      "Subject: failure\n\nfailed\n";
  BounceMessage message;
  message.parse(text);
  EngineResult result;
  for (std::string_view date : {"", "Fri, 2 Feb 2024 12:00:00 -0500", "not a date", ""}) {
    DeliveryStatus& status = result.recipients.emplace_back();
    status.recipient = "user@example.com";
    status.date = date;
  }
  std::vector<Record> records;
  build_records(message, std::move(result), RecordSource{"Test", {}, 0}, records);
  ASSERT_EQ(records.size(), 4u);
  for (std::size_t i : {0, 2, 3}) {
    EXPECT_EQ(records[i].timestamp, 1706749200) << i;
    EXPECT_EQ(records[i].timezoneoffset, "+0900") << i;
  }
  EXPECT_EQ(records[1].timestamp, 1706893200);
  EXPECT_EQ(records[1].timezoneoffset, "-0500");
}

// The records built for one recipient whose report says nothing more, of the bounce `text`.
std::vector<Record> records_of_one_recipient(const std::string& text) {
  BounceMessage message;
  message.parse(text);
  EngineResult result;
  result.recipients.emplace_back().recipient = "user@example.com";
  std::vector<Record> records;
  build_records(message, std::move(result), RecordSource{"Test", {}, 0}, records);
  return records;
}

// The bounce's own date as written: folded, with tabs, CRLF line ends, a comment, or in an
// encoded word, which is decoded first; an empty or absent one gives no time.
TEST(RecordBuilder, TheBouncesDateInEveryWriting) {
  struct Case {
    std::string date_field;
    std::int64_t timestamp;
  };
  for (const Case& c : {Case{"Date: Thu, 1 Feb 2024 10:00:00 +0900\n", 1706749200},
                        Case{"Date: Thu, 1 Feb 2024\n 10:00:00 +0900\n", 1706749200},
                        Case{"Date: Thu,\r\n\t1 Feb 2024\t10:00:00\r\n +0900 (JST)\r\n", 1706749200},
                        Case{"Date:\tThu, 1 Feb 2024 10:00:00\n\t+0900\n", 1706749200},
                        Case{"Date: 1 Feb 2024 10:00:00 +0900\n", 1706749200},
                        Case{"Date: =?us-ascii?Q?Thu=2C_1_Feb_2024_10=3A00=3A00_+0900?=\n", 1706749200},
                        Case{"Date: \n", 0},
                        Case{"", 0}}) {
    const std::string text = "From: MAILER-DAEMON@example.net\n" + c.date_field + "Subject: failure\n\nfailed\n";
    const std::vector<Record> records = records_of_one_recipient(text);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].timestamp, c.timestamp) << c.date_field;
    EXPECT_EQ(records[0].timezoneoffset, c.timestamp == 0 ? "" : "+0900") << c.date_field;
  }
}

// Every record of a bounce holds the returned original, whichever of its recipients have an
// address; a bounce none of whose recipients has one adds no record, and leaves those of the
// bounces before as they were.
TEST(RecordBuilder, EveryRecordHoldsTheOriginal) {
  const std::string text = "From: MAILER-DAEMON@example.net\nTo: sender@example.org\nSubject: failure\n\nfailed\n";
  BounceMessage message;
  message.parse(text);
  const auto build = [&](std::initializer_list<std::string_view> recipients, std::vector<Record>& records) {
    EngineResult result;
    result.original = "From: alice@example.com\nSubject: hello\nMessage-ID: <m1@example.com>\n\n";
    for (std::string_view recipient : recipients) result.recipients.emplace_back().recipient = recipient;
    build_records(message, std::move(result), RecordSource{"Test", {}, 0}, records);
  };
  std::vector<Record> records;
  build({"no address", "bob@example.org", "no address either", "carol@example.org", "dave@example.org"}, records);
  ASSERT_EQ(records.size(), 3u);
  for (const Record& record : records) {
    EXPECT_TRUE(record.original.present) << record.recipient;
    EXPECT_EQ(record.subject(), "hello") << record.recipient;
    EXPECT_EQ(record.messageid(), "m1@example.com") << record.recipient;
    EXPECT_EQ(record.addresser, "alice@example.com") << record.recipient;
  }
  EXPECT_EQ(records[0].recipient, "bob@example.org");
  EXPECT_EQ(records[2].recipient, "dave@example.org");

  build({"no address"}, records);
  build({}, records);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].recipient, "dave@example.org");
  EXPECT_EQ(records[2].subject(), "hello");
}

// The hosts a report gives are cleaned where they are: what precedes an '=', brackets and
// parentheses, what follows a space, and trailing dots and carriage returns dropped, lowercased.
TEST(RecordBuilder, TheReportsHostsAreCleaned) {
  const std::string text = "From: MAILER-DAEMON@example.net\nSubject: failure\n\nfailed\n";
  BounceMessage message;
  message.parse(text);
  struct Case {
    std::string_view given;
    std::string_view cleaned;
  };
  for (const Case& c : {Case{"mx.example.com", "mx.example.com"}, Case{"helo=MX.Example.NET.", "mx.example.net"},
                        Case{"[192.0.2.1]", "192.0.2.1"}, Case{"(mx.example.org) extra words", "mx.example.org"},
                        Case{"relay.example.\r", "relay.example"}, Case{"...", ""}, Case{"", ""}}) {
    EngineResult result;
    DeliveryStatus& status = result.recipients.emplace_back();
    status.recipient = "user@example.com";
    status.lhost = c.given;
    status.rhost = c.given;
    std::vector<Record> records;
    build_records(message, std::move(result), RecordSource{"Test", {}, 0}, records);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].lhost, c.cleaned) << c.given;
    EXPECT_EQ(records[0].rhost, c.cleaned) << c.given;
  }
}

// Hosts of every length from one byte to past two blocks of sixteen, with a byte to cut at each
// place: a bracket or parenthesis is dropped, a space ends the name, and what precedes an '='
// goes. Those with none are only lowercased.
TEST(RecordBuilder, AHostIsCleanedWhereverItsByteToCutFalls) {
  const std::string text = "From: MAILER-DAEMON@example.net\nSubject: failure\n\nfailed\n";
  BounceMessage message;
  message.parse(text);
  const auto cleaned = [&](const std::string& host) {
    EngineResult result;
    DeliveryStatus& status = result.recipients.emplace_back();
    status.recipient = "user@example.com";
    status.lhost = host;
    std::vector<Record> records;
    build_records(message, std::move(result), RecordSource{"Test", {}, 0}, records);
    return records.at(0).lhost;
  };
  for (std::size_t size = 1; size <= 40; ++size) {
    const std::string plain(size, 'M');
    EXPECT_EQ(cleaned(plain), std::string(size, 'm')) << size;
    for (std::size_t at = 0; at < size; ++at) {
      std::string host = plain;
      for (const char bracket : {'[', ']', '(', ')'}) {
        host[at] = bracket;
        EXPECT_EQ(cleaned(host), std::string(size - 1, 'm')) << host;
      }
      host[at] = ' ';
      EXPECT_EQ(cleaned(host), std::string(at, 'm')) << host;
      host[at] = '=';
      EXPECT_EQ(cleaned(host), std::string(size - at - 1, 'm')) << host;
    }
  }
}

// The hosts of a bounce's own Received lines, folded or not, for a recipient whose report names
// none: each bounce's own, a shorter line unfolded after a longer one included.
TEST(RecordBuilder, HostsOfTheBouncesOwnReceivedLines) {
  const std::string kLong =
      "Received: from relay.example.net (relay.example.net [192.0.2.1])\n\tby mx.top.example.org with ESMTP id\n"
      "\t0123456789abcdef0123456789abcdef; Thu, 1 Feb 2024 10:00:00 +0900\n";
  const std::string kShort = "Received: from b.example\n by c.example;\n Thu, 1 Feb 2024 10:00:00 +0900\n";
  struct Case {
    std::string received;
    std::string_view lhost;
    std::string_view rhost;
  };
  for (const Case& c : {Case{kLong + kShort, "mx.top.example.org", "b.example"},
                        Case{kShort + kLong, "c.example", "relay.example.net"},
                        Case{kShort, "c.example", "b.example"},
                        Case{"Received: from d.example by e.example; Thu, 1 Feb 2024 10:00:00 +0900\n", "e.example",
                             "d.example"}}) {
    const std::string text = c.received + "From: MAILER-DAEMON@example.net\nSubject: failure\n\nfailed\n";
    const std::vector<Record> records = records_of_one_recipient(text);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].lhost, c.lhost) << c.received;
    EXPECT_EQ(records[0].rhost, c.rhost) << c.received;
  }
}

}  // namespace
}  // namespace bg::bounce
