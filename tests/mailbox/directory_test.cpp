// Maildirs and directory trees: which files are read, in which order, and what is reported.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include "mailbox/directory_walker.h"
#include "mailbox/file_list_reader.h"
#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

using testing::kMorkSummary;
using testing::kSisimai;
using testing::read_all;
using testing::read_file;
using testing::ReadAll;

std::vector<std::string> origins(const ReadAll& read) {
  std::vector<std::string> names;
  for (const testing::ReadMessage& message : read.messages) names.push_back(message.origin);
  return names;
}

TEST(Maildir, ReadsCurThenNewSortedByNameAndSkipsTmpAndHiddenFiles) {
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  testing::TempDir maildir;
  const auto put = [&](const std::string& name, std::size_t corpus_index) {
    testing::write_file(maildir.file(name), read_file(corpus[corpus_index]));
    return maildir.file(name);
  };
  const std::string new_b = put("new/1700000002.b", 4);
  const std::string new_a = put("new/1700000001.a", 3);
  const std::string cur_c = put("cur/1600000003.c:2,S", 2);
  const std::string cur_a = put("cur/1600000001.a:2,S", 0);
  const std::string cur_b = put("cur/1600000002.b:2,RS", 1);
  put("tmp/1700000009.z", 5);
  put("cur/.hidden", 6);
  put("dovecot-uidlist", 7);

  const ReadAll read = read_all(maildir.path());
  EXPECT_EQ(origins(read), (std::vector<std::string>{cur_a, cur_b, cur_c, new_a, new_b}));
  ASSERT_EQ(read.messages.size(), 5u);
  EXPECT_EQ(read.messages[0].bytes, read_file(corpus[0]));
  EXPECT_EQ(read.messages[3].bytes, read_file(corpus[3]));
  for (const testing::ReadMessage& message : read.messages) {
    EXPECT_EQ(message.index, 0u);
    EXPECT_FALSE(message.mbox_quoted);
  }
  EXPECT_TRUE(read.problems.empty());
}

TEST(Maildir, IncludesMaildirPlusPlusFolders) {
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  testing::TempDir maildir;
  testing::write_file(maildir.file("cur/1"), read_file(corpus[0]));
  testing::write_file(maildir.file(".Sent/cur/2"), read_file(corpus[1]));
  testing::write_file(maildir.file(".notes/3"), read_file(corpus[2]));  // not a Maildir

  const ReadAll read = read_all(maildir.path());
  EXPECT_EQ(origins(read),
            (std::vector<std::string>{maildir.file("cur/1"), maildir.file(".Sent/cur/2")}));
}

TEST(Maildir, ManySmallFilesAndALargeOneKeepTheirOrder) {
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  testing::TempDir maildir;
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < 700; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "cur/%05zu", i);
    std::string bytes = read_file(corpus[i % corpus.size()]);
    if (i == 300) bytes += std::string(SmallFileBatch::kLargestFile + 12345, 'x') + "\n";
    testing::write_file(maildir.file(name), bytes);
    expected.push_back(maildir.file(name));
  }
  const ReadAll read = read_all(maildir.path());
  EXPECT_EQ(origins(read), expected);
  ASSERT_EQ(read.messages.size(), 700u);
  EXPECT_EQ(read.messages[300].bytes, read_file(expected[300]));
  EXPECT_EQ(read.messages[699].bytes, read_file(expected[699]));
  EXPECT_GE(read.batches, 4u);  // 256 files a batch at most, and the large file alone
}

// A Maildir of `count` corpus messages, named 00000, 00001... in cur/; returns their paths.
std::vector<std::string> write_numbered_maildir(const testing::TempDir& maildir, std::size_t count) {
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "cur/%05zu", i);
    testing::write_file(maildir.file(name), read_file(corpus[i % corpus.size()]));
    paths.push_back(maildir.file(name));
  }
  return paths;
}

// The files of `maildir`, listed, in a reader of their own.
FileListReader reader_of(const testing::TempDir& maildir) {
  std::vector<ReadProblem> problems;
  std::vector<FoundFile> found = find_mail_files(maildir.path(), problems);
  return FileListReader(std::move(found), std::move(problems));
}

// Lowers the number of descriptors this process may open, for as long as it lives.
class DescriptorLimit {
 public:
  explicit DescriptorLimit(rlim_t limit) {
    ::getrlimit(RLIMIT_NOFILE, &saved_);
    rlimit lowered = saved_;
    lowered.rlim_cur = limit;
    ::setrlimit(RLIMIT_NOFILE, &lowered);
  }
  ~DescriptorLimit() { ::setrlimit(RLIMIT_NOFILE, &saved_); }
  DescriptorLimit(const DescriptorLimit&) = delete;
  DescriptorLimit& operator=(const DescriptorLimit&) = delete;

 private:
  rlimit saved_{};
};

TEST(Maildir, FilesThatVanishAfterTheListingAreReportedInTheirPlace) {
  // Files are opened some way ahead of the one being read: one gone from inside that stretch
  // and one from beyond it are both reported, and every other file is read in order.
  testing::TempDir maildir;
  std::vector<std::string> expected = write_numbered_maildir(maildir, 150);
  std::vector<ReadProblem> problems;
  std::vector<FoundFile> found = find_mail_files(maildir.path(), problems);
  ASSERT_EQ(found.size(), 150u);
  const std::string near = expected[5];
  const std::string far = expected[120];
  ASSERT_EQ(::unlink(near.c_str()), 0);
  ASSERT_EQ(::unlink(far.c_str()), 0);
  std::erase(expected, near);
  std::erase(expected, far);

  FileListReader reader(std::move(found), std::move(problems));
  const ReadAll read = read_all(reader);
  EXPECT_EQ(origins(read), expected);
  std::vector<std::string> reported;
  for (const ReadProblem& problem : read.problems) reported.push_back(problem.origin + ": " + problem.what);
  EXPECT_EQ(reported, (std::vector<std::string>{near + ": No such file or directory",
                                                far + ": No such file or directory"}));
  EXPECT_EQ(reader.bytes_read(), reader.bytes_total());
}

TEST(Maildir, AFolderGoneAfterTheListingHasItsFilesReportedAndTheNextFolderRead) {
  // Files are opened by their names within their folder: a folder that is gone leaves each of
  // its files reported, and the folder after it is opened and read.
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  testing::TempDir maildir;
  testing::write_file(maildir.file("cur/1"), read_file(corpus[0]));
  testing::write_file(maildir.file("new/2"), read_file(corpus[1]));
  testing::write_file(maildir.file("new/3"), read_file(corpus[2]));
  testing::write_file(maildir.file(".Sent/cur/4"), read_file(corpus[3]));
  std::vector<ReadProblem> problems;
  std::vector<FoundFile> found = find_mail_files(maildir.path(), problems);
  ASSERT_EQ(found.size(), 4u);
  ASSERT_EQ(::unlink(maildir.file("new/2").c_str()), 0);
  ASSERT_EQ(::unlink(maildir.file("new/3").c_str()), 0);
  ASSERT_EQ(::rmdir(maildir.file("new").c_str()), 0);

  FileListReader reader(std::move(found), std::move(problems));
  const ReadAll read = read_all(reader);
  EXPECT_EQ(origins(read), (std::vector<std::string>{maildir.file("cur/1"), maildir.file(".Sent/cur/4")}));
  ASSERT_EQ(read.messages.size(), 2u);
  EXPECT_EQ(read.messages[1].bytes, read_file(corpus[3]));
  std::vector<std::string> reported;
  for (const ReadProblem& problem : read.problems) reported.push_back(problem.origin + ": " + problem.what);
  EXPECT_EQ(reported, (std::vector<std::string>{maildir.file("new/2") + ": No such file or directory",
                                                maildir.file("new/3") + ": No such file or directory"}));
}

TEST(Maildir, OpeningFilesAheadLeavesDescriptorsForReadingAndForTheRestOfTheProcess) {
  // With few descriptors to spare, every file is still read, and between batches the process
  // can still open files of its own (a charset module, another mailbox): half of those eight.
  testing::TempDir maildir;
  const std::vector<std::string> expected = write_numbered_maildir(maildir, 300);
  FileListReader reader = reader_of(maildir);

  // A limit that leaves eight descriptors free beside those this process holds already.
  int limit = 0;
  for (int free_below = 0; free_below < 8; ++limit)
    if (::fcntl(limit, F_GETFD) == -1) ++free_below;
  std::vector<std::string> read;
  bool others_could_open = true;
  {
    const DescriptorLimit lowered(static_cast<rlim_t>(limit));
    Batch batch;
    while (reader.next(batch)) {
      for (const RawMessage& message : batch.messages) read.emplace_back(message.origin);
      std::vector<FileDescriptor> others;
      for (int i = 0; i < 4; ++i) others.emplace_back(::open("/dev/null", O_RDONLY | O_CLOEXEC));
      others_could_open = others_could_open && others.back().valid();
    }
  }

  EXPECT_EQ(read, expected);
  EXPECT_TRUE(others_could_open);
  const std::vector<ReadProblem> reported = reader.take_problems();
  EXPECT_TRUE(reported.empty()) << reported.front().origin << ": " << reported.front().what;
}

TEST(Maildir, RunningOutOfDescriptorsOnlyStopsTheOpeningAhead) {
  // The process may open 160 files, so the reader would hold ten; the test itself holds all
  // but three of the others, and every file is still read.
  testing::TempDir maildir;
  const std::vector<std::string> expected = write_numbered_maildir(maildir, 100);
  FileListReader reader = reader_of(maildir);

  ReadAll read;
  {
    const DescriptorLimit lowered(160);
    std::vector<FileDescriptor> held;
    while (true) {
      FileDescriptor fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
      if (!fd.valid()) break;
      held.push_back(std::move(fd));
    }
    ASSERT_GT(held.size(), 3u);
    held.resize(held.size() - 3);
    read = read_all(reader);
  }

  EXPECT_EQ(origins(read), expected);
  EXPECT_TRUE(read.problems.empty()) << read.problems.front().origin << ": " << read.problems.front().what;
}

TEST(Directory, TheCorpusFolderYieldsEveryMessageOfEveryFile) {
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  ASSERT_EQ(corpus.size(), 445u);
  const ReadAll read = read_all(kSisimai + "/maildir");
  // Two files hold two messages each, saved one after the other with their envelope lines.
  ASSERT_EQ(read.messages.size(), 447u);
  std::vector<std::string> files = origins(read);
  files.erase(std::unique(files.begin(), files.end()), files.end());
  EXPECT_EQ(files, corpus);
  EXPECT_TRUE(read.problems.empty());
}

// Apple Mail keeps each message in an .emlx file: a line with the message's length, the
// message, then a property list of its flags.
std::string emlx_of(const std::string& message) {
  return std::to_string(message.size()) + "\n" + message +
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n"
         "\t<key>flags</key>\n\t<integer>8590195713</integer>\n</dict>\n</plist>\n";
}

TEST(Directory, AppleMailMessagesAreReadWithoutTheirLengthAndFlags) {
  testing::TempDir library;
  // Apple Mail writes messages without an mbox envelope line, as most corpus files are.
  std::vector<std::string> paths = testing::corpus_message_paths();
  std::erase_if(paths, [](const std::string& path) { return !testing::starts_with_header_line(read_file(path)); });
  ASSERT_GT(paths.size(), 400u);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    // Messages Apple Mail has not finished downloading are ".partial.emlx".
    const std::string name = std::to_string(1000 + i) + (i % 10 == 0 ? ".partial.emlx" : ".emlx");
    testing::write_file(library.file("V10/1F0C2B9E/INBOX.mbox/5A7D/Data/" + name), emlx_of(read_file(paths[i])));
  }
  const ReadAll read = read_all(library.path());
  ASSERT_EQ(read.messages.size(), paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(read.messages[i].bytes, read_file(paths[i])) << paths[i];
    EXPECT_FALSE(read.messages[i].mbox_quoted);
  }
  EXPECT_TRUE(read.problems.empty());

  // One named alone, with CRLF line ends.
  std::string crlf;
  for (const char c : read_file(paths[0])) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  testing::write_file(library.file("one.emlx"), emlx_of(crlf));
  const ReadAll one = read_all(library.file("one.emlx"));
  ASSERT_EQ(one.messages.size(), 1u);
  EXPECT_EQ(one.messages[0].bytes, crlf);
}

TEST(Directory, WalksSubfoldersReadsMboxesAndReportsWhatIsNotMail) {
  testing::TempDir root;
  testing::write_file(root.file("a/Inbox"), read_file(testing::kMbox0));
  testing::write_file(root.file("a/b/one.eml"), read_file(kSisimai + "/maildir/arf-01.eml"));
  testing::write_file(root.file("a/empty-folder"), "");
  testing::write_file(root.file("a/notes.json"), "{\"file\": \"x\"}\n");
  testing::write_file(root.file("a/photo.jpg"), std::string("\xff\xd8\xff\xe0\0\x10JFIF", 10));
  testing::write_file(root.file("a/old-mail.zip"), std::string("PK\x03\x04\x14\0\0\0\x08\0", 10));
  testing::write_file(root.file(".cache/Inbox"), read_file(testing::kMbox0));
  ASSERT_EQ(::symlink("nowhere", root.file("a/broken").c_str()), 0);

  auto source = open_source(root.path());
  const ReadAll read = read_all(*source);
  ASSERT_EQ(read.messages.size(), 38u);
  EXPECT_EQ(read.messages[0].origin, root.file("a/Inbox"));
  EXPECT_EQ(read.messages[36].index, 36u);
  EXPECT_EQ(read.messages[37].origin, root.file("a/b/one.eml"));

  std::vector<std::string> reported;
  for (const ReadProblem& problem : read.problems) {
    reported.push_back(problem.origin + ": " + problem.what);
    // Nothing was lost but what the damaged archive may hold.
    EXPECT_EQ(problem.unreadable, problem.origin.ends_with(".zip")) << reported.back();
  }
  std::sort(reported.begin(), reported.end());
  EXPECT_EQ(reported, (std::vector<std::string>{
                          root.file("a/broken") + ": No such file or directory",
                          root.file("a/notes.json") + ": not a mail file",
                          root.file("a/old-mail.zip") + ": damaged archive: Truncated ZIP file header",
                          root.file("a/photo.jpg") + ": not a mail file",
                      }));
  EXPECT_EQ(source->bytes_read(), source->bytes_total());
}

TEST(Maildir, AMessageLinkedIntoTwoFoldersIsReadOnce) {
  // Dovecot copies a message to another folder by linking it there.
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  testing::TempDir maildir;
  testing::write_file(maildir.file("cur/1"), read_file(corpus[0]));
  testing::write_file(maildir.file("cur/2"), read_file(corpus[1]));
  testing::write_file(maildir.file(".Bounces/cur/keep"), "");
  ASSERT_EQ(::link(maildir.file("cur/1").c_str(), maildir.file(".Bounces/cur/1").c_str()), 0);
  ASSERT_EQ(::symlink(maildir.file("cur/2").c_str(), maildir.file(".Bounces/cur/2").c_str()), 0);
  ASSERT_EQ(::unlink(maildir.file(".Bounces/cur/keep").c_str()), 0);

  const ReadAll read = read_all(maildir.path());
  EXPECT_EQ(origins(read), (std::vector<std::string>{maildir.file("cur/1"), maildir.file("cur/2")}));
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].origin, maildir.path());
  EXPECT_EQ(read.problems[0].what, "2 files are links to mail read already");
  EXPECT_FALSE(read.problems[0].unreadable);
}

TEST(Directory, AFolderLinkedInsideTheTreeIsReadOnce) {
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  testing::TempDir root;
  testing::write_file(root.file("real/one.eml"), read_file(corpus[0]));
  testing::write_file(root.file("real/two.eml"), read_file(corpus[1]));
  ASSERT_EQ(::symlink(root.file("real").c_str(), root.file("alias").c_str()), 0);

  const std::vector<FoundFile> found = [&] {
    std::vector<ReadProblem> problems;
    return find_mail_files(root.path(), problems);
  }();
  ASSERT_EQ(found.size(), 4u);
  EXPECT_TRUE(found[0].linked) << found[0].path;  // alias/one.eml, through the linked folder
  EXPECT_FALSE(found[2].linked) << found[2].path;  // real/one.eml, a plain file

  const ReadAll read = read_all(root.path());
  EXPECT_EQ(origins(read), (std::vector<std::string>{root.file("alias/one.eml"), root.file("alias/two.eml")}));
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].what, "2 files are links to mail read already");
}

TEST(Directory, ATreeDeeperThanTheDescriptorsAllowedIsWalked) {
  testing::TempDir root;
  std::string levels;
  for (int level = 0; level < 200; ++level) levels += "d/";
  const std::string message = root.file(levels + "message.eml");  // made with its folders
  testing::write_file(message, read_file(testing::corpus_message_paths()[0]));

  // Fewer descriptors than levels: a walk that kept each level open would run out.
  rlimit limits {};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limits), 0);
  rlimit lowered = limits;
  lowered.rlim_cur = 64;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
  std::vector<ReadProblem> problems;
  const std::vector<FoundFile> found = find_mail_files(root.path(), problems);
  ::setrlimit(RLIMIT_NOFILE, &limits);

  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, message);
  EXPECT_TRUE(problems.empty()) << problems.front().what;
}

// Every message of `sources`, read in turn, and their problems.
ReadAll read_all(const std::vector<std::unique_ptr<MessageSource>>& sources) {
  ReadAll all;
  for (const auto& source : sources) {
    ReadAll one = read_all(*source);
    all.messages.insert(all.messages.end(), one.messages.begin(), one.messages.end());
    all.problems.insert(all.problems.end(), one.problems.begin(), one.problems.end());
  }
  return all;
}

std::vector<std::string> problem_lines(const std::vector<ReadProblem>& problems) {
  std::vector<std::string> lines;
  for (const ReadProblem& problem : problems) lines.push_back(problem.origin + ": " + problem.what);
  return lines;
}

TEST(Directory, AFileIsReadOnceWhateverInputsReachIt) {
  const std::vector<std::string> corpus = testing::corpus_message_paths();
  testing::TempDir root;
  const std::string mail = root.file("mail"), inbox = root.file("mail/inbox.eml"), sub = root.file("mail/sub");
  testing::write_file(inbox, read_file(corpus[0]));
  testing::write_file(root.file("mail/sub/one.eml"), read_file(corpus[1]));
  testing::write_file(root.file("mail/sub/two.eml"), read_file(corpus[2]));

  // A file named is read as named, wherever it stands in the list; the folder around it passes
  // over it, and a folder inside an earlier one adds nothing.
  std::vector<ReadProblem> notices;
  const ReadAll read = read_all(open_sources({mail, inbox, sub, root.path() + "/mail/", mail}, notices));
  EXPECT_EQ(origins(read), (std::vector<std::string>{root.file("mail/sub/one.eml"), root.file("mail/sub/two.eml"), inbox}));
  EXPECT_EQ(problem_lines(notices), (std::vector<std::string>{root.path() + "/mail/: the same as " + mail + ", read once",
                                                              mail + ": the same as " + mail + ", read once"}));
  EXPECT_EQ(problem_lines(read.problems),
            (std::vector<std::string>{mail + ": 1 file read through " + inbox + " instead",
                                      sub + ": 2 files read through " + mail + " instead"}));
  for (const ReadProblem& problem : read.problems) EXPECT_FALSE(problem.unreadable);

  // The file first, the folder after: the same.
  notices.clear();
  const ReadAll reversed = read_all(open_sources({root.file("mail/sub/one.eml"), mail}, notices));
  EXPECT_EQ(origins(reversed), (std::vector<std::string>{root.file("mail/sub/one.eml"), inbox, root.file("mail/sub/two.eml")}));
  EXPECT_EQ(problem_lines(reversed.problems),
            (std::vector<std::string>{mail + ": 1 file read through " + root.file("mail/sub/one.eml") + " instead"}));
}

TEST(Directory, AFileNamedIsReadAsMailEvenWhereItsFolderWouldPassItOver) {
  testing::TempDir root;
  testing::write_file(root.file("mail/inbox.mbox"), read_file(testing::kMbox0));
  testing::write_file(root.file("mail/notes.json"), "{\"file\": \"x\"}\n");  // a folder's walk passes it over
  std::vector<ReadProblem> notices;
  const ReadAll read = read_all(open_sources({root.file("mail"), root.file("mail/notes.json")}, notices));
  ASSERT_FALSE(read.messages.empty());
  EXPECT_EQ(read.messages.back().origin, root.file("mail/notes.json"));
  EXPECT_EQ(problem_lines(read.problems),
            (std::vector<std::string>{root.file("mail") + ": 1 file read through " + root.file("mail/notes.json") + " instead"}));
}

TEST(Directory, WithoutMailIsAnInputErrorNamingIt) {
  testing::TempDir root;
  testing::write_file(root.file("readme.txt"), "nothing to see\n");
  EXPECT_EQ(testing::open_error(root.path()),
            "cannot read " + root.path() + ": no mail found in its 1 file (" + root.file("readme.txt") +
            ": not a mail file)");
}

// A Thunderbird profile's mail folder: a summary file beside each mailbox, subfolders in .sbd
// folders, the filters and POP3 state beside them.
TEST(Directory, PassesOverAMailProgramsOwnFilesWithoutANotice) {
  testing::TempDir root;
  testing::write_file(root.file("Local Folders/Inbox"), read_file(testing::kMbox0));
  testing::write_file(root.file("Local Folders/Inbox.msf"), kMorkSummary);
  testing::write_file(root.file("Local Folders/Inbox.sbd/Old"), read_file(kSisimai + "/maildir/arf-01.eml"));
  testing::write_file(root.file("Local Folders/Inbox.sbd/Old.msf"), kMorkSummary);
  testing::write_file(root.file("Local Folders/Trash.MSF"), kMorkSummary);
  testing::write_file(root.file("Local Folders/msgFilterRules.dat"), "version=\"9\"\nlogging=\"no\"\n");
  testing::write_file(root.file("Local Folders/popstate.dat"), "# POP3 State File\n");
  // Named like a summary, but mail: read.
  testing::write_file(root.file("Local Folders/Saved.msf"), read_file(kSisimai + "/maildir/arf-01.eml"));
  testing::write_file(root.file("Local Folders/notes.txt"), "Call the registrar.\n");

  const ReadAll read = read_all(root.path());
  ASSERT_EQ(read.messages.size(), 39u);
  EXPECT_EQ(read.messages[0].origin, root.file("Local Folders/Inbox"));
  EXPECT_EQ(read.messages[37].origin, root.file("Local Folders/Inbox.sbd/Old"));
  EXPECT_EQ(read.messages[38].origin, root.file("Local Folders/Saved.msf"));
  EXPECT_EQ(problem_lines(read.problems),
            (std::vector<std::string>{root.file("Local Folders/notes.txt") + ": not a mail file"}));
}

TEST(Directory, AFolderOfAMailProgramsOwnFilesOnlySaysWhatItHolds) {
  testing::TempDir root;
  testing::write_file(root.file("ImapMail/INBOX.msf"), kMorkSummary);
  testing::write_file(root.file("ImapMail/msgFilterRules.dat"), "version=\"9\"\n");
  EXPECT_EQ(testing::open_error(root.file("ImapMail")),
            "cannot read " + root.file("ImapMail") + ": no mail found in its 2 files (" +
            root.file("ImapMail/INBOX.msf") + ": a mail program's own file)");
}

}  // namespace
}  // namespace bg::mailbox
