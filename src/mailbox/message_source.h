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
  std::string_view bytes;   // header and body; an mbox "From " separator line is not included
  std::string_view origin;  // the path read ("-" for standard input)
  std::uint64_t index = 0;  // position within its mailbox file, from 0
  // The message came out of an mbox, so body lines ">From ", ">>From "... carry one '>' of
  // mbox quoting (mboxo and mboxrd alike) that normalization removes.
  bool mbox_quoted = false;
};

struct Batch {
  std::vector<RawMessage> messages;
  std::shared_ptr<const void> storage;  // owns every byte the views above point into
};

// Something that went wrong with one file while the rest of the input could still be read.
struct ReadProblem {
  std::string origin;
  std::string what;
};

// The whole input could not be read (missing path, permission denied, not a mailbox...).
// The message is one line that names the path.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
// be gzip-, xz- or zstd-compressed. Throws InputError when the path cannot be read at all.
std::unique_ptr<MessageSource> open_source(const std::string& path);

}  // namespace bg::mailbox
