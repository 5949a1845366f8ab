// The bounceguard command as a user runs it: exit codes, formats, errors, standard input.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

const std::string kData = BOUNCEGUARD_TEST_DATA;
const std::string kCli = BOUNCEGUARD_CLI;

struct CommandResult {
  int exit_code = -1;
  std::string out;  // what the command wrote (run() mixes standard error in)
};

// Runs a shell command line and captures its standard output.
CommandResult run_shell(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Runs the command line `arguments` (already quoted) and captures its output; `environment`
// ("NAME=value ...") is set for the command only.
CommandResult run(const std::string& arguments, const std::string& stdin_path = "",
                  const std::string& environment = "") {
  std::string command = (environment.empty() ? "" : environment + " ") + kCli + " " + arguments;
  if (!stdin_path.empty()) command += " < '" + stdin_path + "'";
  return run_shell(command + " 2>&1");
}

struct SeparateOutput {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `arguments` like run(), keeping standard output and standard error apart.
SeparateOutput run_separately(const std::string& arguments) {
  // A file of its own: tests run in parallel, each in its own process.
  std::string err_path = ::testing::TempDir() + "/bounceguard-stderr-XXXXXX";
  const int fd = ::mkstemp(err_path.data());
  if (fd == -1) return {};
  ::close(fd);
  const CommandResult result = run_shell(kCli + " " + arguments + " 2>'" + err_path + "'");
  std::ifstream in(err_path);
  std::stringstream err;
  err << in.rdbuf();
  std::filesystem::remove(err_path);
  return {result.exit_code, result.out, err.str()};
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST(Cli, ScanMboxGivesTheSummaryForAPerson) {
  const CommandResult result = run("scan " + kData + "/sisimai/mailbox/mbox-0");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Messages read"), std::string::npos);
  EXPECT_NE(result.out.find("37"), std::string::npos);
  EXPECT_NE(result.out.find("userunknown"), std::string::npos);
  EXPECT_EQ(result.out.find("\033["), std::string::npos) << "no colour when not a terminal";
}

TEST(Cli, JsonlHasOneRecordPerFailedRecipient) {
  const CommandResult result = run("scan --format jsonl " + kData + "/seed/exim-spoofed-backscatter.eml");
  ASSERT_EQ(result.exit_code, 0);
  const auto records = json_lines(result.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["recipient"], "j.doe@remote-isp.net");
  EXPECT_EQ(records[0]["deliverystatus"], "5.1.1");
  EXPECT_EQ(records[0]["reason"], "userunknown");
  EXPECT_EQ(records[0]["hardbounce"], true);
  EXPECT_EQ(records[0]["original"]["received"][0]["from_ip"], "185.220.101.47");
  EXPECT_NE(records[0]["origin"].get<std::string>().find("exim-spoofed-backscatter.eml"), std::string::npos);
}

TEST(Cli, StandardInputIsOneMessage) {
  const CommandResult result = run("scan --format jsonl -", kData + "/seed/office365-ndr-unknown-recipient.eml");
  ASSERT_EQ(result.exit_code, 0);
  const auto records = json_lines(result.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["reason"], "userunknown");
  EXPECT_EQ(records[0]["origin"], "-");
}

TEST(Cli, JsonDocumentLeadsWithTheSummary) {
  const CommandResult result = run("scan --format json " + kData + "/sisimai/mailbox/mbox-0");
  ASSERT_EQ(result.exit_code, 0);
  const auto document = nlohmann::ordered_json::parse(result.out);
  EXPECT_EQ(document.begin().key(), "summary");
  EXPECT_EQ(document["summary"]["messages_read"], 37);
  EXPECT_EQ(document["records"].size(), document["summary"]["records"].get<std::size_t>());
}

TEST(Cli, CsvHasAHeaderRow) {
  const CommandResult result = run("scan --format csv " + kData + "/seed/exim-spoofed-backscatter.eml");
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_TRUE(result.out.starts_with("recipient,addresser,deliverystatus"));
}

TEST(Cli, OutputFileReceivesTheReport) {
  const std::string path = ::testing::TempDir() + "/bounceguard-out.jsonl";
  const CommandResult result = run("scan -f jsonl -o " + path + " " + kData + "/seed/exim-spoofed-backscatter.eml");
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_TRUE(result.out.empty());
  std::ifstream in(path);
  std::stringstream written;
  written << in.rdbuf();
  EXPECT_EQ(json_lines(written.str()).size(), 1u);
  std::filesystem::remove(path);
}

TEST(Cli, AnOutputThatCannotBeWrittenSaysWhy) {
  const std::string seed = kData + "/seed/exim-spoofed-backscatter.eml";
  const std::string folder = ::testing::TempDir();
  CommandResult result = run("scan -q -f jsonl -o " + folder + " " + seed);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "bounceguard: cannot write " + folder + ": Is a directory\n");
  result = run("scan -q -f jsonl -o /nonexistent-folder/report.jsonl " + seed);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "bounceguard: cannot write /nonexistent-folder/report.jsonl: No such file or directory\n");
}

TEST(Cli, AnArchiveIsScannedAsTheFolderItHolds) {
  const std::string archive = ::testing::TempDir() + "/bounceguard-seed-" + std::to_string(::getpid()) + ".tgz";
  // Members are read in the archive's order, the folder's files in the order of their names.
  ASSERT_EQ(run_shell("tar --sort=name -C '" + kData + "' -czf '" + archive + "' seed").exit_code, 0);
  const CommandResult from_archive = run("scan -q --offline -f jsonl " + archive);
  const CommandResult from_folder = run("scan -q --offline -f jsonl " + kData + "/seed");
  EXPECT_EQ(from_archive.exit_code, 0) << from_archive.out;
  const std::vector<nlohmann::json> archived = json_lines(from_archive.out);
  const std::vector<nlohmann::json> unpacked = json_lines(from_folder.out);
  ASSERT_EQ(archived.size(), unpacked.size());
  ASSERT_EQ(archived.size(), 2u);
  for (std::size_t i = 0; i < archived.size(); ++i) {
    EXPECT_EQ(archived[i]["recipient"], unpacked[i]["recipient"]);
    EXPECT_EQ(archived[i]["reason"], unpacked[i]["reason"]);
    EXPECT_TRUE(archived[i]["origin"].get<std::string>().starts_with(archive + ":seed/")) << archived[i]["origin"];
  }
  std::filesystem::remove(archive);
}

TEST(Cli, TheReportNeverOverwritesAnInput) {
  const std::string mailbox = ::testing::TempDir() + "/bounceguard-inbox-" + std::to_string(::getpid());
  const std::string link = mailbox + ".link";
  std::filesystem::copy_file(kData + "/sisimai/mailbox/mbox-0", mailbox, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(link);
  std::filesystem::create_symlink(mailbox, link);
  const auto size = std::filesystem::file_size(mailbox);
  for (const std::string& arguments : {"-o " + mailbox + " " + mailbox, "-o " + link + " " + mailbox,
                                       "-o " + mailbox + " --sent " + mailbox + " " + kData + "/seed"}) {
    SCOPED_TRACE(arguments);
    const CommandResult result = run("scan -q --offline -f jsonl " + arguments);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.out.find("would overwrite the input " + mailbox), std::string::npos) << result.out;
    EXPECT_EQ(std::filesystem::file_size(mailbox), size);
  }
  std::filesystem::remove(link);
  std::filesystem::remove(mailbox);
}

#ifdef BOUNCEGUARD_LINKS_JEMALLOC
// The program keeps the pages of freed buffers for reuse (src/cli/allocator_settings.cpp);
// asked to, jemalloc confirms that it read that setting from the binary.
TEST(Cli, AllocatorKeepsFreedPagesForReuse) {
  const CommandResult result = run("--version", "", "MALLOC_CONF=confirm_conf:true");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Set conf value: dirty_decay_ms:-1"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Set conf value: muzzy_decay_ms:-1"), std::string::npos) << result.out;
}
#endif

TEST(Cli, MissingInputExitsTwoNamingThePath) {
  const CommandResult result = run("scan /nonexistent/inbox.mbox");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("/nonexistent/inbox.mbox"), std::string::npos);
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << result.out;
}

TEST(Cli, BadUsageExitsTwo) {
  const CommandResult no_mailbox = run("scan");
  EXPECT_EQ(no_mailbox.exit_code, 2);
  EXPECT_TRUE(no_mailbox.out.starts_with("MAILBOX is required\n")) << no_mailbox.out;
  EXPECT_EQ(run("scan --format xml " + kData + "/seed").exit_code, 2);
  const CommandResult unknown = run("frobnicate " + kData + "/seed");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(unknown.out.starts_with("bounceguard: no command 'frobnicate'; the commands are scan, check and spf\n"))
      << unknown.out;
  // Nothing at all: the help, to read before trying again.
  const CommandResult nothing = run("");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.out.find("Usage: bounceguard [OPTIONS] SUBCOMMAND"), std::string::npos) << nothing.out;
  const CommandResult threads = run("scan -j 100000 " + kData + "/seed");
  EXPECT_EQ(threads.exit_code, 2);
  EXPECT_TRUE(threads.out.starts_with("--threads: Value 100000 not in range 0 to 256\n")) << threads.out;
}

TEST(Cli, HelpExplainsAndSucceeds) {
  const CommandResult result = run("scan --help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--format"), std::string::npos);
  EXPECT_NE(result.out.find("jsonl"), std::string::npos);
}

TEST(Cli, EmptyAndTruncatedFilesDoNotStopTheScan) {
  for (const char* name : {"size-0", "size-1", "size-2"}) {
    SCOPED_TRACE(name);
    const CommandResult result = run(std::string("scan -f json ") + kData + "/sisimai/mailbox/" + name);
    EXPECT_EQ(result.exit_code, 0) << result.out;
    const auto document = nlohmann::json::parse(result.out);
    EXPECT_EQ(document["summary"]["records"], 0);
  }
  // One or three bytes are not a mail message: counted as malformed, not silently dropped.
  const auto truncated = nlohmann::json::parse(run("scan -f json " + kData + "/sisimai/mailbox/size-2").out);
  EXPECT_EQ(truncated["summary"]["malformed"], 1);
}

TEST(Cli, RecordOnlyFormatsReportProblemsOnStandardError) {
  const std::string truncated = kData + "/sisimai/mailbox/size-2";
  const std::string bounce = kData + "/seed/exim-spoofed-backscatter.eml";
  for (const char* format : {"jsonl", "csv"}) {
    SCOPED_TRACE(format);
    const SeparateOutput result = run_separately(std::string("scan -q -f ") + format + " " + truncated + " " + bounce);
    EXPECT_EQ(result.exit_code, 0);
    // The records on standard output, and nothing else.
    EXPECT_EQ(result.out.find("bounceguard:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("j.doe@remote-isp.net"), std::string::npos) << result.out;
    // One line on standard error naming the malformed message's file.
    EXPECT_EQ(result.err, "bounceguard: " + truncated + ": message 1 is not a mail message (no header)\n");
  }
}

TEST(Cli, AMailLogThatProvesNothingIsNamedOnStandardError) {
  const std::string log = ::testing::TempDir() + "/bounceguard-syslog-" + std::to_string(::getpid());
  std::ofstream(log) << "Nov  3 05:12:02 host kernel: eth0 link up\n";
  const SeparateOutput result =
      run_separately("scan -q --offline -f jsonl --maillog " + log + " " + kData + "/seed/exim-spoofed-backscatter.eml");
  std::filesystem::remove(log);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(json_lines(result.out).size(), 1u);
  EXPECT_EQ(result.err, "bounceguard: " + log + ": no Postfix or Exim message-id in it, so it proves nothing sent\n");
}

TEST(Cli, AScanThatLostPartOfAnInputExitsThree) {
  // The first half of a gzip-compressed mbox: its messages are read, the rest is lost.
  const std::string cut = ::testing::TempDir() + "/bounceguard-cut-" + std::to_string(::getpid()) + ".gz";
  const std::string compressed = run_shell("gzip -c " + kData + "/sisimai/mailbox/mbox-0").out;
  ASSERT_GT(compressed.size(), 1000u);
  std::ofstream(cut, std::ios::binary) << compressed.substr(0, compressed.size() / 2);
  for (const char* format : {"jsonl", "json"}) {
    SCOPED_TRACE(format);
    const SeparateOutput result = run_separately(std::string("scan -q --offline -f ") + format + " " + cut);
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_FALSE(result.out.empty());
  }
  std::filesystem::remove(cut);
  // Content that is not mail loses nothing: a malformed message, a file that is not mail.
  EXPECT_EQ(run("scan -q --offline -f jsonl " + kData + "/sisimai/mailbox/size-2").exit_code, 0);
  const std::string folder = ::testing::TempDir() + "/bounceguard-folder-" + std::to_string(::getpid());
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(kData + "/seed/exim-spoofed-backscatter.eml", folder + "/bounce.eml",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(folder + "/notes.json") << "{\"not\": \"mail\"}\n";
  const SeparateOutput folder_scan = run_separately("scan -q --offline -f jsonl " + folder);
  EXPECT_EQ(folder_scan.exit_code, 0) << folder_scan.err;
  EXPECT_NE(folder_scan.err.find("notes.json: not a mail file"), std::string::npos) << folder_scan.err;
  std::filesystem::remove_all(folder);
}

TEST(Cli, FolderScanFindsBouncesInEveryFile) {
  const CommandResult result = run("scan -f json -q " + kData + "/seed");
  ASSERT_EQ(result.exit_code, 0);
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["summary"]["messages_read"], 2);
  EXPECT_EQ(document["summary"]["records"], 2);
}

}  // namespace

namespace {

TEST(Cli, OnlyKeepsTheChosenRecords) {
  const std::string mbox = kData + "/sisimai/mailbox/mbox-0";
  const auto all = json_lines(run("scan -f jsonl " + mbox).out);
  const auto hard = json_lines(run("scan -f jsonl --only hard " + mbox).out);
  const auto soft = json_lines(run("scan -f jsonl --only soft " + mbox).out);
  ASSERT_FALSE(hard.empty());
  ASSERT_FALSE(soft.empty());
  for (const auto& record : hard) EXPECT_TRUE(record["hardbounce"].get<bool>());
  for (const auto& record : soft) EXPECT_FALSE(record["hardbounce"].get<bool>());
  EXPECT_EQ(hard.size() + soft.size(), all.size());

  const auto failed = json_lines(run("scan -f jsonl --only failed " + kData + "/sisimai/maildir/rfc3834-01.eml").out);
  EXPECT_TRUE(failed.empty()) << "an auto-reply is not a failure";
  EXPECT_EQ(run("scan --only nothing " + mbox).exit_code, 2);
}

}  // namespace
