// The parallel scan gives the same records, in the same order, as a scan in one thread: over
// an mbox of several mapped windows, each cut into many slices for the parsers, and over a
// folder of single-message files.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mailbox_test_files.h"
#include "scan/scanner.h"

namespace bg::scan {
namespace {

using mailbox::testing::TempDir;

struct ScanOutput {
  std::vector<std::string> records;  // origin, message index, recipient and reason of each
  ScanSummary summary;
};

ScanOutput scan_with(const std::string& input, unsigned threads) {
  ScanOptions options;
  options.inputs = {input};
  options.threads = threads;
  ScanOutput output;
  output.summary = scan(options, [&](bounce::Record&& record) {
    output.records.push_back(record.origin + " #" + std::to_string(record.message_index) + " " + record.recipient +
                             " " + record.reason);
  });
  return output;
}

// Every corpus message, `copies` times over, with a message that is not mail in the middle.
std::string corpus_mbox(int copies) {
  std::vector<std::string> messages;
  for (int copy = 0; copy < copies; ++copy) {
    for (const std::string& path : mailbox::testing::corpus_message_paths())
      messages.push_back(mailbox::testing::read_file(path));
    if (copy == copies / 2) messages.push_back("\x01\x02 not a mail message\n");
  }
  return mailbox::testing::mboxrd_of(messages);
}

void expect_same_scan(const ScanOutput& alone, const ScanOutput& parallel) {
  EXPECT_EQ(parallel.records, alone.records);
  EXPECT_EQ(parallel.summary.messages_read, alone.summary.messages_read);
  EXPECT_EQ(parallel.summary.bytes_read, alone.summary.bytes_read);
  EXPECT_EQ(parallel.summary.bounce_messages, alone.summary.bounce_messages);
  EXPECT_EQ(parallel.summary.malformed, alone.summary.malformed);
  EXPECT_EQ(parallel.summary.by_reason, alone.summary.by_reason);
  ASSERT_EQ(parallel.summary.problems.size(), alone.summary.problems.size());
  for (std::size_t i = 0; i < alone.summary.problems.size(); ++i)
    EXPECT_EQ(parallel.summary.problems[i].what, alone.summary.problems[i].what);
}

TEST(Scanner, ParallelScanOfALargeMboxKeepsInputOrder) {
  TempDir dir;
  const std::string path = dir.file("large.mbox");
  const std::string mbox = corpus_mbox(7);
  ASSERT_GT(mbox.size(), std::size_t{10} << 20);  // more than one mapped window
  mailbox::testing::write_file(path, mbox);

  const ScanOutput alone = scan_with(path, 1);
  ASSERT_GT(alone.records.size(), 2000u);
  EXPECT_EQ(alone.summary.malformed, 1u);
  for (unsigned threads : {2u, 3u, 8u}) {
    SCOPED_TRACE(threads);
    expect_same_scan(alone, scan_with(path, threads));
  }
}

TEST(Scanner, ParallelScanOfAFolderKeepsFileOrder) {
  const std::string folder = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir";
  const ScanOutput alone = scan_with(folder, 1);
  ASSERT_GT(alone.records.size(), 400u);
  expect_same_scan(alone, scan_with(folder, 2));
}

}  // namespace
}  // namespace bg::scan
