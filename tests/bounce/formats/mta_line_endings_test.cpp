// Every sample of the classic mail servers' formats reads the same with CRLF or CR-only line
// endings as with the LF it is stored with.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "format_samples.h"

namespace bg::testing {
namespace {

// The Apache James and fml samples are left out: they lost the headers that mark them as
// automatic mail, so the reader passes them by (mta_test.cpp reads them with their modules).
constexpr std::string_view kFormats[] = {
    "postfix",     "exim",     "sendmail",    "qmail",   "v5sendmail",
    "opensmtpd",   "courier",  "domino",      "notes",   "messagingserver",
    "imailserver", "powermta", "mailfoundry", "mxlogic", "mfilter",
    "x1",          "x2",       "x3",          "x4",      "x5",
    "x6"};

std::vector<std::string> format_samples() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BOUNCEGUARD_TEST_DATA) +
                                                               "/sisimai/maildir")) {
    const std::string name = entry.path().filename().string();
    for (std::string_view format : kFormats)
      if (name.starts_with("lhost-" + std::string(format) + "-")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// `text` with every line ending (a few samples are stored with CRLF) made `ending`.
std::string with_line_ending(std::string_view text, std::string_view ending) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] == '\n' || text[i] == '\r')
      out.append(ending);
    else
      out.push_back(text[i]);
  }
  return out;
}

// The fields a format module and the record builder decide.
std::string described(const bounce::Record& record) {
  return record.recipient + "|" + record.deliverystatus + "|" + record.replycode + "|" +
         record.reason + "|" + record.action + "|" + record.smtpcommand + "|" + record.rhost + "|" +
         record.lhost + "|" + record.diagnosticcode + "|" + record.decodedby + "|" +
         record.messageid() + "|" + record.subject();
}

std::vector<std::string> described(const std::vector<bounce::Record>& records) {
  std::vector<std::string> out;
  for (const auto& record : records) out.push_back(described(record));
  return out;
}

class MtaLineEndings : public ::testing::TestWithParam<std::string> {};

TEST_P(MtaLineEndings, CrlfAndCrReadAsLf) {
  const std::string text = with_line_ending(file_text(sample_path(GetParam())), "\n");
  const auto expected = described(records_of_message(text));
  ASSERT_FALSE(expected.empty()) << "the LF sample gives no record";
  EXPECT_EQ(described(records_of_message(with_line_ending(text, "\r\n"))), expected) << "CRLF";
  EXPECT_EQ(described(records_of_message(with_line_ending(text, "\r"))), expected) << "CR";
}

INSTANTIATE_TEST_SUITE_P(Samples, MtaLineEndings, ::testing::ValuesIn(format_samples()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 4);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace bg::testing
