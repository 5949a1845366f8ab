#pragma once
// Files and folders the mailbox tests build, and a way to read a whole source into copies.
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mailbox/large_message.h"
#include "mailbox/mbox_reader.h"
#include "mailbox/message_source.h"

namespace bg::mailbox::testing {

inline const std::string kSisimai = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai";
inline const std::string kMbox0 = kSisimai + "/mailbox/mbox-0";
// Dovecot's sdbox and mdbox stores, written by Dovecot (make-stores.sh there).
inline const std::string kDovecotStores = std::string(BOUNCEGUARD_TEST_DATA) + "/dovecot";

std::string read_file(const std::string& path);
void write_file(const std::string& path, std::string_view bytes);

// A fresh directory under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The path of `name` inside; parent directories are created.
  std::string file(const std::string& name) const;

 private:
  std::string path_;
};

struct ReadMessage {
  std::string bytes;
  std::string origin;
  std::uint64_t index = 0;
  bool mbox_quoted = false;
  bool without_quoted_from = false;
  bool without_carriage_return = false;

  // The message as a reader handed it out, with `index` for its own.
  RawMessage raw(std::uint64_t as_index) const {
    return {bytes, origin, as_index, mbox_quoted, without_quoted_from, without_carriage_return};
  }
  RawMessage raw() const { return raw(index); }
};

struct ReadAll {
  std::vector<ReadMessage> messages;
  std::vector<ReadProblem> problems;
  std::size_t batches = 0;
};

// The bytes of each message read.
std::vector<std::string> bytes_of(const ReadAll& read);

// Reads `source` to the end, copying every message out of its batch.
ReadAll read_all(MessageSource& source);
ReadAll read_all(const std::string& path);
// A reader of the file at `path` through mapped windows of `window_size` bytes.
MboxReader open_mbox(const std::string& path, std::size_t window_size, std::size_t largest_message = kLargestMessage,
                     Layout layout = Layout::mailbox);
// `bytes` read as standard input gives them: from the start, without seeking, as from a pipe.
ReadAll read_as_standard_input(const std::string& bytes);

// The message of the InputError that opening `path` throws, or "no error" when it opens.
std::string open_error(const std::string& path);

// The messages of an mbox as cut by hand: at every line that starts with "From ", less the
// empty line that ends each.
std::vector<std::string> cut_at_from_lines(std::string_view mbox);

// An mbox of `messages` as an mboxrd writer makes it: lines matching ">*From " in a message
// gain a '>', and each message ends with an empty line.
std::string mboxrd_of(const std::vector<std::string>& messages);

// A random mailbox of messages small and large for a reader that keeps at most `largest` bytes
// of one: lines of every length, body lines that start like separators but are too long to be
// one, and lines longer than any separator. Its first message fills more than a stream's first
// chunk (64 kB). With `at_limit`, one message is within a few bytes of the limit (`offset`
// from 0 to 11 picks which byte).
std::string mailbox_of_large_messages(std::mt19937& random, std::size_t largest, bool at_limit, int offset);

// What a reader that keeps at most `largest` bytes of a message keeps of each message of
// `whole`: the message, or its lines within `largest` - 1 bytes; `cut` counts those cut.
std::vector<std::string> starts_kept(const ReadAll& whole, std::size_t largest, std::size_t& cut);

// The corpus .eml files, sorted by name.
std::vector<std::string> corpus_message_paths();

// The corpus files whose messages each of the Dovecot stores holds (saved.txt there).
std::vector<std::string> dovecot_saved_paths();

// Whether `message` starts with a header field.
bool starts_with_header_line(std::string_view message);

// The start of a Thunderbird summary file (Mork), which a mail folder holds beside each mailbox.
inline constexpr std::string_view kMorkSummary = "// <!-- <mdb:mork:z v=\"1.4\"/> -->\n< <(a=c)> // (f=iso-8859-1)\n";

// An archive of `members` (path, then contents), in the order given, as libarchive writes it:
// `format` is "tar", "zip", "7z", "encrypted zip" (whose passphrase is "secret"), "streamed zip"
// (members stored uncompressed with their sizes after their data, as a zip written to a pipe has
// them, which a reader from a stream must find by their signature), or "rar" (members stored
// uncompressed in RAR 4's format). A path ending in '/' is a folder.
std::string archive_of(const std::string& format, const std::vector<std::pair<std::string, std::string>>& members);

// `data` compressed as the gzip, xz, zstd and bzip2 tools would.
std::string gzip(std::string_view data);
std::string xz(std::string_view data);
std::string zstd(std::string_view data);
std::string bzip2(std::string_view data);

}  // namespace bg::mailbox::testing
