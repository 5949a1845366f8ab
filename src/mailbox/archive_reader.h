#pragma once
// Reads the mail an archive holds (tar, zip, 7z, rar), through libarchive, as if the archive
// were a folder: member after member, in the archive's order, each member that is mail is read
// as a stream (an mbox split into its messages, or one message; compressed ones decompressed;
// an archive inside read in turn), and its messages are named "ARCHIVE:MEMBER". Members that
// are not mail are passed over with a notice, hidden ones and links to earlier members without
// one; a member in a cur/ or new/ folder is a Maildir message. Small members are read into one
// buffer, many to a batch, as the files of a folder are. Nothing is unpacked to disk, and memory
// stays bounded whatever the archive holds.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailbox/byte_stream.h"
#include "mailbox/file_descriptor.h"
#include "mailbox/file_sequence_reader.h"
#include "mailbox/layout.h"

namespace bg::mailbox {

// Archives inside an archive are read this many levels down; a deeper one is passed over with a
// notice, so that an archive that holds itself cannot keep a scan busy for ever.
inline constexpr int kDeepestArchive = 4;

class ArchiveReader final : public FileSequenceReader {
 public:
  // Reads the archive file open as `fd`, `size` bytes long; a file can be sought, which zip and
  // 7z archives read best with. Throws StreamError when it is no archive libarchive can read.
  ArchiveReader(FileDescriptor fd, std::string origin, std::uint64_t size);
  // Reads an archive from a stream: a decompressed tar, standard input, or a member of the
  // archive `depth` levels out (0 for none).
  ArchiveReader(std::unique_ptr<ByteStream> stream, std::string origin, std::uint64_t size, int depth);
  ~ArchiveReader() override;

  std::uint64_t bytes_read() const override;
  std::uint64_t bytes_total() const override { return size_; }

  // How many members were files (read or passed over), for a notice that found no mail.
  std::size_t files_seen() const { return files_seen_; }

 private:
  struct Archive;
  struct Member {
    std::string origin;  // "ARCHIVE:MEMBER"
    std::string path;    // MEMBER
    FileRole role;
    std::optional<std::uint64_t> size;  // when the archive tells it
  };

  // Moves to the next member that is a file to read, unless at one already.
  bool next_file(std::optional<std::uint64_t>& size) override;
  // Reads the small member into `buffer`, appending its messages to `batch`, or hands it to a
  // reader of its own when it turns out to be compressed or an archive.
  void read_small_file(SmallFileBatch& buffer, Batch& batch) override;
  void open_large_file() override;
  void own_reader_done(bool failed) override { member_failed_ = failed; }

  // Gives `member` a reader of its own, which reads `stream`.
  void open_member_reader(Member member, std::unique_ptr<ByteStream> stream);

  std::unique_ptr<Archive> archive_;
  std::string origin_;
  std::uint64_t size_;
  int depth_;
  std::optional<Member> member_;  // the member at hand, not read yet
  bool ended_ = false;
  bool member_failed_ = false;  // the last member could not be read to its end
  std::size_t files_seen_ = 0;
};

// Reads `archive` ahead to its first message, and throws StreamError when it holds none: an
// archive named alone is read for its mail as a folder is, and one without any is an error.
void expect_mail(ArchiveReader& archive);

}  // namespace bg::mailbox
