// The RFC 3464 reader's markers: the line after which the report starts and the line that starts
// the returned original, each told first by its first letter, in any case.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "format_samples.h"

namespace bg::testing {
namespace {

// A bounce from no known server, told one by its empty Return-Path alone, whose report is announced
// by `report_marker`.
std::string report_after(std::string_view report_marker, std::string_view line_end = "\n") {
  std::string message;
  for (std::string_view line :
       {std::string_view("From: Someone <someone@example.org>"), std::string_view("To: sender@example.com"),
        std::string_view("Return-Path: <>"), std::string_view("Subject: About your message"), std::string_view(),
        std::string_view("C"), std::string_view(), report_marker,
        std::string_view("Final-Recipient: rfc822; kijitora@example.jp"), std::string_view("Action: failed"),
        std::string_view("Status: 5.1.1"), std::string_view("Diagnostic-Code: smtp; 550 5.1.1 User unknown")})
    message.append(line).append(line_end);
  return message;
}

// A bounce that names its recipient only in the original that `original_marker` starts.
std::string original_after(std::string_view original_marker) {
  return "From: Someone <someone@example.org>\nTo: sender@example.com\nReturn-Path: <>\n"
         "Subject: About your message\n\n"
         "Content-Type: message/delivery-status\n\nR\nc\n" +
         std::string(original_marker) + "\nTo: neko@example.jp\n";
}

std::string recipient_of(const std::string& message) {
  const auto records = records_of_message(message);
  return records.size() == 1 && records[0].decodedby == "RFC3464" ? records[0].recipient : std::string();
}

TEST(Rfc3464, StartsTheReportAfterAMarkerOfEachFirstLetterInAnyCase) {
  for (std::string_view marker : {"content-type: message/delivery-status", "CONTENT-TYPE: MESSAGE/DELIVERY-STATUS",
                                  "This report relates to your message", "THE ORIGINAL MESSAGE WAS RECEIVED AT ",
                                  "your message could not be delivered", "Your message could not be delivered"})
    EXPECT_EQ(recipient_of(report_after(marker)), "kijitora@example.jp") << marker;
}

TEST(Rfc3464, StartsTheReportAfterAMarkerEndedByCrlf) {
  EXPECT_EQ(recipient_of(report_after("Content-Type: message/delivery-status", "\r\n")), "kijitora@example.jp");
}

TEST(Rfc3464, DoesNotStartTheReportAfterALineThatOnlySharesAMarkersFirstLetterOrTail) {
  for (std::string_view line : {"", "c", "T", "y", "Xontent-Type: message/delivery-status",
                                "ontent-type: message/delivery-status", "content-type: message/delivery-statu"})
    EXPECT_TRUE(records_of_message(report_after(line)).empty()) << line;
}

TEST(Rfc3464, StartsTheOriginalAtAMarkerOfEachFirstLetterInAnyCase) {
  for (std::string_view marker : {"content-type: message/rfc822", "CONTENT-TYPE: TEXT/RFC822-HEADERS",
                                  "Return-Path: <sender@example.com>", "RETURN-PATH: <sender@example.com>"})
    EXPECT_EQ(recipient_of(original_after(marker)), "neko@example.jp") << marker;
}

TEST(Rfc3464, DoesNotStartTheOriginalAtALineThatOnlySharesAMarkersFirstLetter) {
  for (std::string_view line : {"r", "C", "Xontent-Type: message/rfc822", "Return-Path: sender@example.com"})
    EXPECT_TRUE(records_of_message(original_after(line)).empty()) << line;
}

}  // namespace
}  // namespace bg::testing
