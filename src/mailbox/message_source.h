#pragma once
// Mailbox readers hand out messages in batches of views into storage the batch keeps alive
// (a window of a memory-mapped mbox, or a buffer of decompressed or small-file bytes), so a
// message is never copied just to be looked at, and memory stays bounded whatever the size.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bg::mailbox {

struct RawMessage {
  // Header and body. Of an mbox message, neither the "From " separator line nor the empty line
  // that ends each message in an mbox is included.
  std::string_view bytes;
  std::string_view origin;  // the path of the file ("-" for standard input)
  std::uint64_t index = 0;  // position within its file, from 0 (0 for a one-message file)
  // The message came out of an mbox, so body lines ">From ", ">>From "... carry one '>' of
  // mbox quoting (mboxo and mboxrd alike) that normalization removes.
  bool mbox_quoted = false;
  // Of an mbox message: the splitter, which looks at every capital F after a line break or a '>'
  // of a mailbox, saw no quoted From line in it, so normalization need not look for one.
  bool without_quoted_from = false;
  // The reader saw every byte of the message and no carriage return among them, so
  // normalization need not look for one.
  bool without_carriage_return = false;
};

// The bytes of a message as a reader finds them in a file, before the message is named and
// numbered.
struct Piece {
  std::string_view bytes;
  bool without_quoted_from = false;     // as in RawMessage
  bool without_carriage_return = false;  // as in RawMessage
};

struct Batch {
  std::vector<RawMessage> messages;
  std::shared_ptr<const void> storage;  // owns every byte the views above point into, origins too
};

// Something that went wrong with one file while the rest of the input could still be read.
struct ReadProblem {
  std::string origin;
  std::string what;
  // Bytes of the input could not be read (an I/O error, damaged compression), as against input
  // that was read and is not mail: the scan's results are incomplete.
  bool unreadable = false;
};

// The whole input could not be read (missing path, permission denied, not a mailbox...).
// The message is one line that names the path.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  // "cannot read <path>: <what>"
  InputError(const std::string& path, const std::string& what)
      : std::runtime_error("cannot read " + path + ": " + what) {}
};

class MessageSource {
 public:
  virtual ~MessageSource() = default;
  // Replaces the contents of `batch` with the next messages; false once the input is exhausted.
  virtual bool next(Batch& batch) = 0;
  // Moves out the problems met since the last call.
  virtual std::vector<ReadProblem> take_problems() = 0;
  // Bytes consumed so far and the total when known (0 when not), for progress display.
  virtual std::uint64_t bytes_read() const = 0;
  virtual std::uint64_t bytes_total() const = 0;
};

// Opens `path` as whatever it is: "-" for standard input, an mbox file, a single message file
// (.eml and the like), a Maildir (cur/ and new/), or a directory searched recursively; files may
// be gzip-, xz-, zstd- or bzip2-compressed, or archives (tar, zip, 7z, rar) of any of these. What
// a file is comes from its content, not its name.
//
// A file named here is read as mail if it is text at all: an empty file yields no message, and
// a file too short or too odd to be mail (even 1 to 3 bytes) yields one message, which the
// scanner then counts as malformed, so that nothing the user named is silently ignored. Inside
// a directory only what looks like mail is read; other files become problems ("not a mail file").
//
// Throws InputError when the path cannot be read at all: it is missing or unreadable, it is a
// binary file, or it is a directory without any mail.
std::unique_ptr<MessageSource> open_source(const std::string& path);

// Opens each of `paths` as above, the inputs of one scan, so that no file is read twice: a path
// naming the same file or folder as an earlier one is left out; a file named is read as named,
// and the folders around it pass over it, as over files an earlier folder holds or files linked
// twice within them. What was left out is told in `notices`.
std::vector<std::unique_ptr<MessageSource>> open_sources(const std::vector<std::string>& paths,
                                                         std::vector<ReadProblem>& notices);

}  // namespace bg::mailbox
