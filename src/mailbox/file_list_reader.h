#pragma once
// Reads the files found in a Maildir or a directory tree. Small files, the usual case, are read
// with one read() each into a shared buffer, many files to a batch, which is much faster than
// mapping each one; a large or compressed file, or an archive, gets a reader of its own. A file
// that cannot be read or is not mail is reported as a problem, and reading goes on.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "mailbox/directory_walker.h"
#include "mailbox/file_descriptor.h"
#include "mailbox/file_sequence_reader.h"

namespace bg::mailbox {

class FileListReader final : public FileSequenceReader {
 public:
  // `problems` are those met while finding the files, reported first.
  FileListReader(std::vector<FoundFile> files, std::vector<ReadProblem> problems);

  std::uint64_t bytes_read() const override;
  std::uint64_t bytes_total() const override { return bytes_total_; }

 private:
  bool next_file(std::optional<std::uint64_t>& size) override;
  // Reads the small file into `buffer` and appends its messages to `batch`, or hands it to a
  // reader of its own when it turns out to be compressed or an archive.
  void read_small_file(SmallFileBatch& buffer, Batch& batch) override;
  void open_large_file() override;
  void own_reader_done(bool failed) override;

  // Gives `file`, open as `fd` (at its start), a reader of its own: for a large or compressed
  // file, or an archive.
  void open_own_reader(FileDescriptor fd, const FoundFile& file);
  // Opens `file`, the one at next_file_ - 1, or passes over it with a problem when it cannot be.
  FileDescriptor open_for_reading(const FoundFile& file);
  // Opens `file` by its name within its folder, whose descriptor is kept while its files are
  // opened: the kernel then looks up one name instead of every folder on the way to it.
  int open_in_folder(const FoundFile& file);
  // Opens the files that follow, a few dozen of them, and asks the kernel to start reading the
  // small ones: on a cold cache their reads then proceed while earlier files are parsed, instead
  // of each one waiting for the disk in turn.
  void open_ahead();
  // Passes over `file`, noting why, and counts it as read; `unreadable` when its bytes could
  // not be read.
  void skip(const FoundFile& file, std::string what, bool unreadable);
  // Passes over `file`, which holds no mail, and counts it as read.
  void pass_over(const FoundFile& file);

  // A file opened ahead: its descriptor, or why it could not be opened.
  struct OpenedFile {
    FileDescriptor fd;
    int error = 0;
  };

  std::vector<FoundFile> files_;
  std::size_t next_file_ = 0;
  std::deque<OpenedFile> opened_;  // files_[next_file_ - 1] onwards, as far as opened
  std::size_t next_to_open_ = 0;
  std::size_t files_held_open_ = 0;  // at most, the one being read included; set at the first open
  FileDescriptor folder_;  // the folder of the last file opened, unless it could not be opened
  std::string folder_path_;
  std::uint64_t own_reader_size_ = 0;
  std::uint64_t bytes_done_ = 0;  // of the files read to the end
  std::uint64_t bytes_total_ = 0;
};

}  // namespace bg::mailbox
