// Reading single lines as DSN fields, and a report of them.
#include "bounce/dsn_fields.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "bounce/dsn_report.h"

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

// The colon is looked for among a line's first sixteen bytes before the rest: names padded to put
// it at every position, in lines of every length, and lines with no colon at all.
TEST(DsnFields, ColonAtEveryPosition) {
  for (std::size_t padding = 0; padding <= 34; ++padding) {
    for (std::size_t value_size = 0; value_size <= 20; ++value_size) {
      const std::string value(value_size, 'v');
      const std::string text = "Status" + std::string(padding, ' ') + ":" + value;
      const auto line = read_dsn_line(text);
      ASSERT_TRUE(line.has_value()) << text;
      EXPECT_EQ(line->field, DsnField::kStatus) << text;
      EXPECT_EQ(line->value, value) << text;
      EXPECT_FALSE(read_dsn_line("Status" + std::string(padding, ' ') + value)) << text;
    }
  }
}

// A type is the part before a semicolon among the value's first sixteen bytes: the semicolon at
// every position of values of every length, in a typed field and in one that takes no type.
TEST(DsnFields, SemicolonAtEveryPosition) {
  for (std::size_t size = 1; size <= 40; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      std::string value(size, 'x');
      value[at] = ';';
      const std::string text = "Diagnostic-Code: " + value;
      const auto line = read_dsn_line(text);
      ASSERT_TRUE(line.has_value()) << text;
      if (at < 16) {
        EXPECT_EQ(line->type, value.substr(0, at)) << text;
        EXPECT_EQ(line->value, value.substr(at + 1)) << text;
      } else {
        EXPECT_EQ(line->type, "") << text;
        EXPECT_EQ(line->value, value) << text;
      }
      const std::string untyped_text = "Status: " + value;  // the result views it
      const auto untyped = read_dsn_line(untyped_text);
      ASSERT_TRUE(untyped.has_value()) << value;
      EXPECT_EQ(untyped->type, "") << value;
      EXPECT_EQ(untyped->value, value) << value;
    }
  }
  const auto spaced = read_dsn_line("Diagnostic-Code:  smtp \t;\t 550 no ");
  ASSERT_TRUE(spaced.has_value());
  EXPECT_EQ(spaced->type, "smtp");
  EXPECT_EQ(spaced->value, "550 no");
}

// A diagnostic is squeezed only when squeezing changes it: white space of every kind and run at
// every position of diagnostics of every length, folded or not, reads as squeeze_spaces makes it.
TEST(DsnReport, DiagnosisSqueezedWhereItNeedsIt) {
  for (std::size_t size = 1; size <= 40; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (std::string_view white : {" ", "  ", "\t", " \t", "   "}) {
        std::string diagnosis(size, 'd');
        for (std::size_t k = 3; k < size; k += 7) diagnosis[k] = ' ';
        diagnosis.replace(at, std::min(white.size(), size - at), white.substr(0, size - at));
        for (const std::string& fields :
             {"Final-Recipient: rfc822; a@example.jp\nDiagnostic-Code: smtp; x" + diagnosis + "x\n",
              "Final-Recipient: rfc822; a@example.jp\nDiagnostic-Code: smtp; x\n  " + diagnosis + "x\n"}) {
          const std::vector<DeliveryStatus> recipients = read_dsn_report(fields);
          ASSERT_EQ(recipients.size(), 1u) << fields;
          const std::size_t start = fields.find("; x") + 2;
          const std::string unfolded = fields.substr(start, fields.rfind('x') - start + 1);
          EXPECT_EQ(recipients[0].diagnosis, squeeze_spaces(unfolded)) << fields;
        }
      }
    }
  }
}

}  // namespace
}  // namespace bg::bounce
