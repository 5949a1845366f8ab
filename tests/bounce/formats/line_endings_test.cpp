// The service formats read a bounce alike whatever its line endings: every sample of theirs,
// converted in memory to CRLF and to CR-only line endings, gives the records of the LF original.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "format_samples.h"

namespace bg::testing {
namespace {

// The producers whose samples (lhost-<name>-NN.eml) these formats read.
constexpr std::string_view kProducers[] = {
    "exchange2003", "exchange2007", "office365",    "outlook",      "gmail",
    "googlegroups", "yahoo",        "amazonses",    "receivingses", "amazonworkmail",
    "sendgrid",     "zoho",         "gmx",          "einsundeins",  "mailru",
    "yandex",       "verizon",      "bigfoot",      "biglobe",      "ezweb",
    "kddi",         "dragonfly",    "activehunter", "amavis",       "barracuda",
    "mcafee",       "surfcontrol"};

std::vector<std::string> service_samples() {
  std::vector<std::string> names;
  const std::filesystem::path folder =
      std::filesystem::path(BOUNCEGUARD_TEST_DATA) / "sisimai" / "maildir";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    for (std::string_view producer : kProducers)
      if (name.starts_with("lhost-" + std::string(producer) + "-")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// `text` with each line ending (LF, CRLF or CR) written as `ending`.
std::string with_line_endings(std::string_view text, std::string_view ending) {
  std::string converted;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // the LF ends it
    if (text[i] == '\n' || text[i] == '\r')
      converted.append(ending);
    else
      converted.push_back(text[i]);
  }
  return converted;
}

// Everything a format module and the record builder read off a bounce.
std::vector<std::string> described(const std::vector<bounce::Record>& records) {
  std::vector<std::string> lines;
  for (const bounce::Record& r : records)
    lines.push_back(r.decodedby + " | " + r.recipient + " | " + r.addresser + " | " +
                    r.deliverystatus + " | " + r.replycode + " | " + r.reason + " | " +
                    (r.hardbounce ? "hard" : "soft") + " | " + r.action + " | " + r.smtpcommand +
                    " | " + r.lhost + " | " + r.rhost + " | " + r.diagnostictype + " | " +
                    r.diagnosticcode + " | " + r.subject() + " | " + r.messageid() + " | " +
                    r.feedbacktype + " | " + std::to_string(r.timestamp));
  return lines;
}

class LineEndings : public ::testing::TestWithParam<std::string> {};

TEST_P(LineEndings, CrlfAndCrOnlyCopiesGiveTheSameRecords) {
  // A few samples were saved with CRLF: their LF form is the original here.
  const std::string original = with_line_endings(file_text(sample_path(GetParam())), "\n");
  ASSERT_FALSE(original.empty());
  const std::vector<std::string> expected = described(records_of_message(original));
  EXPECT_EQ(described(records_of_message(with_line_endings(original, "\r\n"))), expected) << "CRLF";
  EXPECT_EQ(described(records_of_message(with_line_endings(original, "\r"))), expected)
      << "CR only";
}

INSTANTIATE_TEST_SUITE_P(ServiceSamples, LineEndings, ::testing::ValuesIn(service_samples()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(LineEndingSamples, CoverEveryProducer) {
  const std::vector<std::string> samples = service_samples();
  for (std::string_view producer : kProducers) {
    const bool found = std::any_of(samples.begin(), samples.end(), [&](const std::string& name) {
      return name.starts_with("lhost-" + std::string(producer) + "-");
    });
    EXPECT_TRUE(found) << producer;
  }
}

}  // namespace
}  // namespace bg::testing
