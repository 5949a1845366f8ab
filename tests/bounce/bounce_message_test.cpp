// The text a bounce is read from: however large the returned original, or a text part without
// end, only its first megabyte is flattened, and the records do not change.
#include "bounce/bounce_message.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bounce/bounce_reader.h"

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
        {"messageid", records[0].messageid, expected[0].messageid},
        {"subject", records[0].subject, expected[0].subject}})
    EXPECT_EQ(huge_value, small_value) << field;
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
  const std::string notice =
      "From: MAILER-DAEMON@mx.example.net\nContent-Type: multipart/report; boundary=\"B1\"\n\n"
      "--B1\nContent-Type: text/plain\n\nDelivery failed.\n\n--B1\nContent-Type: message/rfc822\n\n";
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
  bounce.parse(notice + fields + "\n\nthe text\n\n--B1--\n");
  EXPECT_NE(bounce.body().find("Content-Type: message/rfc822\n" + written + "\nthe text\n"), std::string::npos)
      << bounce.body();
  bounce.parse(notice + fields + "\n--B1--\n");
  EXPECT_NE(bounce.body().find("Content-Type: message/rfc822\n" + written + "\n"), std::string::npos) << bounce.body();
  bounce.parse(notice + fields);
  EXPECT_NE(bounce.body().find("Content-Type: message/rfc822\n" + written + "\n"), std::string::npos) << bounce.body();

  // With CRLF line ends no field reads as written.
  std::string crlf_fields;
  for (const char c : fields) crlf_fields += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string crlf_message = notice + crlf_fields + "\r\n\r\nthe text\r\n\r\n--B1--\r\n";
  bounce.parse(crlf_message);
  const mime::Part& original = bounce.tree().parts().back();
  ASSERT_EQ(original.headers.fields().size(), 10u);
  std::string expected = "Content-Type: message/rfc822\n";
  for (const mime::HeaderField& field : original.headers.fields())
    expected += std::string(field.name) + ": " + std::string(field.value) + "\n";
  EXPECT_NE(bounce.body().find(expected + "\n"), std::string::npos) << bounce.body();
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

// The marker line is found from the line breaks, thirty-two bytes at a time, and the original's
// blank line the same way: a marker line or a blank line at every offset of a block, after
// lines of every length that start with the markers' first bytes or with others.
TEST(SplitAtOriginal, FindsTheMarkerLineAndTheBlankLineAtEveryOffset) {
  const std::initializer_list<std::string_view> markers = {"--- Below", "Content-Type: message/rfc822", "---"};
  const auto expected_split = [&](std::string_view body) -> BodyParts {
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
  for (std::string_view filler : {"", "Content-Type: text/plain", "-- a", "x"}) {
    for (std::size_t length = 0; length <= 70; ++length) {
      std::string notice;
      while (notice.size() < length) notice += std::string(filler) + "\n";
      notice.resize(length, 'y');
      for (std::string_view marker_line : {"--- Below this line\n", "Content-Type: message/rfc822\n", "---\n", ""}) {
        for (std::size_t headers = 0; headers <= 40; ++headers) {
          const std::string original = std::string(headers, 'h') + "\n\nbody\n";
          const std::string body = notice + "\n" + std::string(marker_line) + original;
          const BodyParts parts = split_at_original(body, markers);
          const BodyParts expected = expected_split(body);
          EXPECT_EQ(parts.notice, expected.notice) << body;
          EXPECT_EQ(parts.original, expected.original) << body;
        }
      }
    }
  }
}

}  // namespace
}  // namespace bg::bounce
