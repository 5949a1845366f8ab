// The text a bounce is read from: however large the returned original, or a text part without
// end, only its first megabyte is flattened, and the records do not change.
#include "bounce/bounce_message.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "bounce/bounce_reader.h"
#include "bounce/original/original_facts.h"

namespace bg::bounce {
namespace {

// A Postfix DSN returning an original whose text body is `original_body`.
std::string postfix_bounce(const std::string& original_body) {
  return "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\n"
         "To: alice@example.com\n"
         "Subject: Undelivered Mail Returned to Sender\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\n\n"
         "--B1\nContent-Type: text/plain\n\n"
         "This is the mail system at host mx.example.net.\n\n"
         "<bob@example.org>: host mx.example.org[192.0.2.1] said: 552 5.3.4 Message size\n"
         "    exceeds fixed limit (in reply to end of DATA command)\n\n"
         "--B1\nContent-Type: message/delivery-status\n\n"
         "Reporting-MTA: dns; mx.example.net\n\n"
         "Final-Recipient: rfc822; bob@example.org\nAction: failed\nStatus: 5.3.4\n"
         "Diagnostic-Code: smtp; 552 5.3.4 Message size exceeds fixed limit\n\n"
         "--B1\nContent-Type: message/rfc822\n\n"
         "From: alice@example.com\nTo: bob@example.org\nSubject: the logs\n"
         "Message-ID: <logs@example.com>\nContent-Type: text/plain\n\n" +
         original_body + "\n--B1--\n";
}

// A report up to its returned original's part and the blank line after that part's headers.
const std::string kNoticeBeforeOriginal =
    "From: MAILER-DAEMON@mx.example.net\nContent-Type: multipart/report; boundary=\"B1\"\n\n"
    "--B1\nContent-Type: text/plain\n\nDelivery failed.\n\n--B1\nContent-Type: message/rfc822\n\n";

std::string lines_of(std::size_t bytes) {
  const std::string line = "2026-11-05 10:00:00 a line of the log that was mailed\n";
  std::string text;
  while (text.size() < bytes) text += line;
  return text;
}

std::vector<Record> records_of(const std::string& message) {
  BounceReader reader;
  std::vector<Record> records;
  reader.read({message, "test", 0, false}, records);
  return records;
}

TEST(BounceMessage, AHugeReturnedOriginalIsReadOnlyAsFarAsNeeded) {
  const std::string small = postfix_bounce("see the log below\n");
  const std::string huge = postfix_bounce(lines_of(std::size_t{24} << 20));

  BounceMessage message;
  message.parse(huge);
  EXPECT_LT(message.body().size(), std::size_t{2} << 20);
  EXPECT_NE(message.body().find("a line of the log"), std::string::npos);

  const std::vector<Record> expected = records_of(small);
  const std::vector<Record> records = records_of(huge);
  ASSERT_EQ(expected.size(), 1u);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "bob@example.org");
  EXPECT_EQ(records[0].reason, "mesgtoobig");
  for (const auto& [field, huge_value, small_value] :
       {std::tuple{"deliverystatus", records[0].deliverystatus, expected[0].deliverystatus},
        {"reason", records[0].reason, expected[0].reason},
        {"diagnosticcode", records[0].diagnosticcode, expected[0].diagnosticcode},
        {"messageid", records[0].messageid(), expected[0].messageid()},
        {"subject", records[0].subject(), expected[0].subject()}})
    EXPECT_EQ(huge_value, small_value) << field;
}

// A record keeps the path it was read from when the reader goes on to other files, those whose
// paths are as long included, and when the text it was read from is gone.
TEST(BounceReader, EachRecordKeepsThePathItWasReadFrom) {
  const std::string bounce = postfix_bounce("the logs\n");
  const std::vector<std::string> paths = {"/mail/a.mbox", "/mail/a.mbox", "/mail/b.mbox", "",
                                          "/mail/a folder with a name longer than a string holds in place.mbox",
                                          "/mail/a.mbox"};
  BounceReader reader;
  std::vector<Record> records;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string path = paths[i];  // gone once read, as a batch's storage is
    reader.read({bounce, path, i, false}, records);
  }
  ASSERT_EQ(records.size(), paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(std::string_view(records[i].origin), paths[i]) << i;
}

TEST(BounceMessage, ATextPartWithoutEndIsReadForItsFirstMegabyte) {
  const std::string message = "From: MAILER-DAEMON@mx.example.net\nSubject: Returned mail\n\n" +
                              lines_of(std::size_t{8} << 20);
  BounceMessage bounce;
  bounce.parse(message);
  EXPECT_LE(bounce.body().size(), (std::size_t{1} << 20) + 1);
  EXPECT_TRUE(bounce.body().ends_with("mailed\n\n")) << "cut at a line end";
}

// A multipart whose boundary never appears has no parts: its text is read as it stands, from
// after the first blank line, and a message with no blank line gives no text.
TEST(BounceMessage, AMultipartWithoutItsBoundariesIsReadAsItStands) {
  BounceMessage bounce;
  bounce.parse(
      "From: MAILER-DAEMON@mx.example.net\nContent-Type: multipart/report; boundary=\"lost\"\n\n"
      "Delivery to bob@example.org failed.\n\nStatus: 5.1.1\n");
  EXPECT_EQ(bounce.body(), "Delivery to bob@example.org failed.\n\nStatus: 5.1.1\n");
  bounce.parse("From: MAILER-DAEMON@mx.example.net\nContent-Type: multipart/report; boundary=\"lost\"\n");
  EXPECT_EQ(bounce.body(), "");
}

// The returned original's header block is written a field a line, "Name: value": fields written
// so are copied as they stand, runs of them at once, and the others are written so, whether the
// block ends with its blank line, at a boundary, or at the end of the message.
TEST(BounceMessage, TheReturnedOriginalsFieldsAreWrittenAsNameColonSpaceValue) {
  const std::string fields =
      "From alice@example.com Thu Nov  5 10:00:00 2026\n"
      "From: alice@example.com\nTo:bob@example.org\nCc:   carol@example.org\nX-Empty:\nX-Blank: \n"
      "Subject: a folded\n subject\nX-Spaced : value\nReceived: by mx\n\tid 1\nnot a field\n"
      "Message-ID: <logs@example.com>\nX-Last: end";
  const std::string written =
      "From: alice@example.com\nTo: bob@example.org\nCc: carol@example.org\nX-Empty: \nX-Blank: \n"
      "Subject: a folded\n subject\nX-Spaced: value\nReceived: by mx\n\tid 1\nnot a field\n"
      "Message-ID: <logs@example.com>\nX-Last: end\n";
  BounceMessage bounce;
  bounce.parse(kNoticeBeforeOriginal + fields + "\n\nthe text\n\n--B1--\n");
  EXPECT_NE(bounce.body().find("Content-Type: message/rfc822\n" + written + "\nthe text\n"), std::string::npos)
      << bounce.body();
  bounce.parse(kNoticeBeforeOriginal + fields + "\n--B1--\n");
  EXPECT_NE(bounce.body().find("Content-Type: message/rfc822\n" + written + "\n"), std::string::npos) << bounce.body();
  bounce.parse(kNoticeBeforeOriginal + fields);
  EXPECT_NE(bounce.body().find("Content-Type: message/rfc822\n" + written + "\n"), std::string::npos) << bounce.body();

  // With CRLF line ends no field reads as written.
  std::string crlf_fields;
  for (const char c : fields) crlf_fields += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string crlf_message = kNoticeBeforeOriginal + crlf_fields + "\r\n\r\nthe text\r\n\r\n--B1--\r\n";
  bounce.parse(crlf_message);
  const mime::Part& original = bounce.tree().parts().back();
  ASSERT_EQ(original.headers.fields().size(), 10u);
  std::string expected = "Content-Type: message/rfc822\n";
  for (const mime::HeaderField& field : original.headers.fields())
    expected += std::string(field.name) + ": " + std::string(field.value) + "\n";
  EXPECT_NE(bounce.body().find(expected + "\n"), std::string::npos) << bounce.body();
}

void expect_same_facts(const OriginalMessage& taken, const OriginalMessage& parsed) {
  EXPECT_EQ(taken.present, parsed.present);
  for (const auto& [field, taken_value, parsed_value] :
       {std::tuple{"messageid", taken.messageid, parsed.messageid},
        {"from", taken.from, parsed.from},
        {"returnpath", taken.returnpath, parsed.returnpath},
        {"to", taken.to, parsed.to},
        {"subject", taken.subject, parsed.subject},
        {"date", taken.date, parsed.date},
        {"listid", taken.listid, parsed.listid},
        {"x_originating_ip", taken.x_originating_ip, parsed.x_originating_ip},
        {"authentication_results", taken.authentication_results, parsed.authentication_results}})
    EXPECT_EQ(taken_value, parsed_value) << field;
  EXPECT_EQ(taken.dkim_domains, parsed.dkim_domains);
  ASSERT_EQ(taken.received.size(), parsed.received.size());
  for (std::size_t i = 0; i < taken.received.size(); ++i) {
    const ReceivedHop& a = taken.received[i];
    const ReceivedHop& b = parsed.received[i];
    EXPECT_EQ(std::tie(a.from_host, a.from_rdns, a.from_ip, a.by_host, a.protocol, a.auth_sender, a.date),
              std::tie(b.from_host, b.from_rdns, b.from_ip, b.by_host, b.protocol, b.auth_sender, b.date));
  }
}

// The returned original's facts are read from the MIME tree's parse of its header block when the
// text cut for it from the body is exactly that block's bytes, and are those of the text parsed
// anew. A part of the block, a block rewritten by flattening, one a text/rfc822-headers part
// carries, and one that reads otherwise on its own are parsed anew.
TEST(BounceMessage, TheReturnedOriginalsParsedHeadersAreTakenOnlyForTheirOwnBytes) {
  const std::string fields =
      "Return-Path: <alice@example.com>\n"
      "Received: from laptop.example.com (dsl.example.net [198.51.100.7])\n"
      "\tby smtp.example.com (Postfix) with ESMTPSA id 4F1A; Tue, 3 Nov 2026 05:12:02 +0100\n"
      "DKIM-Signature: v=1; a=rsa-sha256; d=Example.com;\n\ts=sel1; b=abc\n"
      "X-Originating-IP: [192.0.2.77]\n"
      "From: Alice <alice@example.com>\nTo: bob@example.org\nDate: Tue, 3 Nov 2026 05:12:02 +0100\n"
      "Message-ID: <logs@example.com>\nList-Id: Logs <logs.example.com>\n"
      "Subject: =?UTF-8?Q?the_logs?=\n folded\n";
  const std::string end = "\nthe text\n\n--B1--\n";
  const auto original_of = [](const BounceMessage& bounce, std::string_view marker) {
    return std::string(split_at_original(bounce.body(), {marker}).original);  // a copy, as format modules return it
  };

  // The tree's fields are views into the message, which must outlive them.
  const std::string returned = kNoticeBeforeOriginal + fields + end;
  BounceMessage bounce;
  bounce.parse(returned);
  std::string original = original_of(bounce, kRfc822Part);
  ASSERT_EQ(original, fields);
  const mime::Headers* parsed = bounce.parsed_header_block(original);
  ASSERT_EQ(parsed, &bounce.tree().parts().back().headers);
  expect_same_facts(read_original(original, parsed), read_original(original));
  EXPECT_EQ(read_original(original, parsed).subject, "the logs folded");
  EXPECT_EQ(bounce.parsed_header_block(original.substr(0, original.size() - 8)), nullptr);
  EXPECT_EQ(bounce.parsed_header_block(original.substr(original.find('\n') + 1)), nullptr);
  EXPECT_EQ(bounce.parsed_header_block(""), nullptr);

  // The same text, from "To:bob@example.org" written "To: bob@example.org", and from a
  // text/rfc822-headers part, whose headers the tree does not parse.
  std::string unspaced = fields;
  unspaced.replace(unspaced.find("To: "), 4, "To:");
  std::string headers_part = kNoticeBeforeOriginal;
  headers_part.replace(headers_part.rfind("message/rfc822"), 14, "text/rfc822-headers");
  for (const auto& [message, marker] : {std::pair{kNoticeBeforeOriginal + unspaced + end, kRfc822Part},
                                        {headers_part + fields + end, kRfc822HeadersPart}}) {
    bounce.parse(message);
    original = original_of(bounce, marker);
    EXPECT_EQ(original, fields);
    EXPECT_EQ(bounce.parsed_header_block(original), nullptr);
  }

  // A line that is neither a field nor a continuation, last before the blank line, is folded
  // into the last field; read alone, it ends the block.
  const std::string stray_line = kNoticeBeforeOriginal + fields + "not a field\n" + end;
  bounce.parse(stray_line);
  original = original_of(bounce, kRfc822Part);
  EXPECT_EQ(original, fields + "not a field\n");
  EXPECT_EQ(bounce.parsed_header_block(original), nullptr);
  EXPECT_EQ(read_original(original, &bounce.tree().parts().back().headers).subject, "the logs folded not a field");
  EXPECT_EQ(read_original(original).subject, "the logs folded");

  // A first field "From : ..." after an mbox "From " line, read alone, is skipped as that line.
  const std::string mbox_from = kNoticeBeforeOriginal + "From alice@example.com Thu Nov  5 10:00:00 2026\n" +
                                "From : carol@example.org\n" + fields + end;
  bounce.parse(mbox_from);
  const std::size_t block = mbox_from.find("From : ");
  const std::string_view block_bytes =
      std::string_view(mbox_from).substr(block, mbox_from.find("\n\n", block) + 1 - block);
  EXPECT_EQ(bounce.parsed_header_block(block_bytes), nullptr);
  EXPECT_EQ(read_original(block_bytes, &bounce.tree().parts().back().headers).from, "carol@example.org");
  EXPECT_EQ(read_original(block_bytes).from, "Alice <alice@example.com>");
}

// The original starts at the first line that starts with a marker, whichever of the markers
// it is; a marker inside a line does not count. (Messages are read with LF line ends.)
TEST(SplitAtOriginal, TheFirstLineStartingWithAMarkerEndsTheNotice) {
  const std::string body =
      "The mail could not be delivered. See -- Original message -- below.\n"
      "\n"
      "-- Original headers --\n"
      "-- Original message --\n"
      "\n"
      "Subject: hello\n"
      "From: a@example.org\n"
      "\n"
      "body\n";
  const BodyParts parts = split_at_original(body, {"-- Original message --", "-- Original headers --"});
  EXPECT_EQ(parts.notice, "The mail could not be delivered. See -- Original message -- below.\n\n");
  EXPECT_EQ(parts.original, "-- Original message --\n");  // the next line, up to its blank line

  const BodyParts at_start = split_at_original("-- Original message --\nSubject: hi\n\nbody\n", {"-- Original message --"});
  EXPECT_EQ(at_start.notice, "");
  EXPECT_EQ(at_start.original, "Subject: hi\n");

  // Two markers starting the same line: the one listed first is cut off whole.
  const BodyParts longer_first = split_at_original("notice\n--- Below\nSubject: x\n", {"--- Below", "---"});
  EXPECT_EQ(longer_first.notice, "notice\n");
  EXPECT_EQ(longer_first.original, "Subject: x\n");

  const BodyParts none = split_at_original("no marker here\nat all", {"-- Original message --"});
  EXPECT_EQ(none.notice, "no marker here\nat all");
  EXPECT_EQ(none.original, "");
}

// The marker line is found from the line breaks, thirty-two bytes at a time, or, for markers
// that share their first byte, from each of that byte; the original's blank line from the line
// breaks too: a marker line or a blank line at every offset of a block, after lines of every
// length that start with the markers' first bytes or with others, hold them inside, or end with
// CRLF or a lone CR (after which no line starts).
TEST(SplitAtOriginal, FindsTheMarkerLineAndTheBlankLineAtEveryOffset) {
  const std::initializer_list<std::string_view> mixed = {"--- Below", "Content-Type: message/rfc822", "---"};
  const std::initializer_list<std::string_view> parts = {kRfc822Part, kRfc822HeadersPart};
  const std::initializer_list<std::string_view> indented = {"  Content-Type: message/rfc822"};
  const auto expected_split = [&](std::string_view body, std::initializer_list<std::string_view> markers) -> BodyParts {
    for (std::size_t line = 0; line < body.size(); line = body.find('\n', line) + 1) {
      for (std::string_view marker : markers) {
        if (!body.substr(line).starts_with(marker)) continue;
        std::string_view original = body.substr(line + marker.size());
        original.remove_prefix(std::min(original.size(), original.find('\n') + 1));
        while (!original.empty() && (original.front() == '\n' || original.front() == ' ')) original.remove_prefix(1);
        if (const std::size_t blank = original.find("\n\n"); blank != std::string_view::npos)
          original = original.substr(0, blank + 1);
        return {body.substr(0, line), original};
      }
      if (body.find('\n', line) == std::string_view::npos) break;
    }
    return {body, {}};
  };
  for (const auto& markers : {mixed, parts, indented}) {
    for (std::string_view filler : {"", "Content-Type: text/plain", "-- a", "x", "a Content-Type: message/rfc822", "C\r",
                                    "\r", "  C"}) {
      for (std::size_t length = 0; length <= 70; ++length) {
        std::string notice;
        while (notice.size() < length) notice += std::string(filler) + "\n";
        notice.resize(length, 'y');
        for (std::string_view marker_line : {"--- Below this line\n", "Content-Type: message/rfc822\n", "---\n",
                                             "Content-Type: text/rfc822-headers\n", "  Content-Type: message/rfc822\n",
                                             "Content-Type: message/rfc822", ""}) {
          for (std::size_t headers = 0; headers <= 40; ++headers) {
            const std::string original = std::string(headers, 'h') + "\n\nbody\n";
            for (const std::string& body : {notice + "\n" + std::string(marker_line) + original,
                                            notice + "\r\n" + std::string(marker_line) + original,
                                            notice + "\r" + std::string(marker_line) + original,
                                            std::string(marker_line) + notice}) {
              const BodyParts split = split_at_original(body, markers);
              const BodyParts expected = expected_split(body, markers);
              EXPECT_EQ(split.notice, expected.notice) << body;
              EXPECT_EQ(split.original, expected.original) << body;
            }
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace bg::bounce
