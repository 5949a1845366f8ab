#pragma once
// Reads the files found in a Maildir or a directory tree. Small files, the usual case, are read
// with one read() each into a shared buffer, many files to a batch, which is much faster than
// mapping each one; a large or compressed file gets a reader of its own, as if it were named
// alone. A file that cannot be read or is not mail is reported as a problem, and reading goes on.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "mailbox/directory_walker.h"
#include "mailbox/file_descriptor.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

class FileListReader final : public MessageSource {
 public:
  static constexpr std::size_t kBatchBytes = std::size_t{8} << 20;
  static constexpr std::size_t kBatchFiles = 256;
  // Larger files are memory-mapped by a reader of their own rather than copied.
  static constexpr std::size_t kLargeFile = std::size_t{1} << 20;

  // `problems` are those met while finding the files, reported first.
  FileListReader(std::vector<FoundFile> files, std::vector<ReadProblem> problems);

  // Reads ahead to the first message; false when no file holds any.
  bool read_ahead();

  bool next(Batch& batch) override;
  std::vector<ReadProblem> take_problems() override { return std::move(problems_); }
  std::uint64_t bytes_read() const override;
  std::uint64_t bytes_total() const override { return bytes_total_; }

 private:
  struct Buffer;

  // Reads the small `file` into `buffer` and appends its messages to `batch`, or hands it to a
  // reader of its own when it turns out to be compressed.
  void read_small_file(const FoundFile& file, Buffer& buffer, Batch& batch);
  // Gives `file`, open as `fd` (at its start), a reader of its own: for a large or compressed file.
  void open_own_reader(FileDescriptor fd, const FoundFile& file);
  FileDescriptor open_for_reading(const FoundFile& file);
  // Passes over `file`, noting why, and counts it as read; `unreadable` when its bytes could
  // not be read.
  void skip(const FoundFile& file, std::string what, bool unreadable);
  // Copies the problems of the file reader, and moves on when it is done.
  bool next_from_own_reader(Batch& batch);

  std::vector<FoundFile> files_;
  std::size_t next_file_ = 0;
  std::unique_ptr<MessageSource> own_reader_;  // for the large or compressed file being read
  std::uint64_t own_reader_size_ = 0;
  std::optional<Batch> read_ahead_;
  std::uint64_t bytes_done_ = 0;  // of the files read to the end
  std::uint64_t bytes_total_ = 0;
  std::vector<std::string_view> pieces_;
  std::vector<ReadProblem> problems_;
};

}  // namespace bg::mailbox
