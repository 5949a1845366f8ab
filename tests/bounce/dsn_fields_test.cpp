// Reading single lines as DSN fields.
#include "bounce/dsn_fields.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <utility>

namespace bg::bounce {
namespace {

// Every field name as RFC 3464 writes it, and the field it names.
constexpr std::pair<std::string_view, DsnField> kNames[] = {
    {"Reporting-MTA", DsnField::kReportingMta},         {"Received-From-MTA", DsnField::kReceivedFromMta},
    {"Arrival-Date", DsnField::kArrivalDate},           {"Final-Recipient", DsnField::kFinalRecipient},
    {"Original-Recipient", DsnField::kOriginalRecipient}, {"X-Actual-Recipient", DsnField::kActualRecipient},
    {"Action", DsnField::kAction},                      {"Status", DsnField::kStatus},
    {"Remote-MTA", DsnField::kRemoteMta},               {"Diagnostic-Code", DsnField::kDiagnosticCode},
    {"Last-Attempt-Date", DsnField::kLastAttemptDate},  {"Will-Retry-Until", DsnField::kWillRetryUntil}};

// A line's name is compared with the field names of its length alone: every name is known in
// any case, names of one length are told apart, and a name one byte off is none of them.
TEST(DsnFields, EveryNameInAnyCaseAndNoOther) {
  for (const auto& [name, field] : kNames) {
    std::string lower(name), upper(name);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& written : {std::string(name), lower, upper, " " + lower + "\t"}) {
      const std::string text = written + ": value";  // the result views it
      const auto line = read_dsn_line(text);
      ASSERT_TRUE(line.has_value()) << written;
      EXPECT_EQ(line->field, field) << written;
      EXPECT_EQ(line->value, "value") << written;
    }
    EXPECT_FALSE(read_dsn_line(std::string(name.substr(1)) + ": value")) << name;
    EXPECT_FALSE(read_dsn_line(std::string(name) + "s: value")) << name;
    std::string changed(name);
    changed.back() = '_';
    EXPECT_FALSE(read_dsn_line(changed + ": value")) << name;
    changed = std::string(name);
    changed.front() = '_';
    EXPECT_FALSE(read_dsn_line(changed + ": value")) << name;
  }
  EXPECT_FALSE(read_dsn_line("X-Actual-Recipients-Of-Mail: value"));
  EXPECT_FALSE(read_dsn_line(": value"));
  EXPECT_FALSE(read_dsn_line("Final-Recipient rfc822 a@b"));
}

// Names are compared a word at a time: every byte value at every position of every name, the
// words' ends among them, is taken where it is the name's byte in some case and only there.
TEST(DsnFields, EveryByteAtEveryPositionOfEveryName) {
  for (const auto& [name, field] : kNames) {
    for (std::size_t at = 0; at < name.size(); ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string text(name);
        text[at] = static_cast<char>(byte);
        text += ": value";
        const auto line = read_dsn_line(text);
        if (std::tolower(byte) != std::tolower(static_cast<unsigned char>(name[at]))) {
          EXPECT_TRUE(!line || line->field != field) << text;
          continue;
        }
        ASSERT_TRUE(line.has_value()) << text;
        EXPECT_EQ(line->field, field) << text;
      }
    }
  }
}

}  // namespace
}  // namespace bg::bounce
