#include "mailbox/file_list_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <stdexcept>
#include <system_error>

#include "mailbox/file_source.h"
#include "mailbox/layout.h"

namespace bg::mailbox {

// The bytes of the small files of one batch, and their names.
struct FileListReader::Buffer {
  std::unique_ptr<char[]> bytes{new char[kBatchBytes]};
  std::size_t used = 0;
  std::size_t files = 0;
  std::deque<std::string> origins;  // a deque, so that views of earlier names stay valid

  bool has_room_for(std::uint64_t size) const {
    return files < kBatchFiles && used + size <= kBatchBytes;
  }
};

FileListReader::FileListReader(std::vector<FoundFile> files, std::vector<ReadProblem> problems)
    : files_(std::move(files)), problems_(std::move(problems)) {
  for (const FoundFile& file : files_) bytes_total_ += file.size;
}

bool FileListReader::read_ahead() {
  Batch batch;
  if (!next(batch)) return false;
  read_ahead_ = std::move(batch);
  return true;
}

std::uint64_t FileListReader::bytes_read() const {
  return bytes_done_ + (own_reader_ ? own_reader_->bytes_read() : 0);
}

bool FileListReader::next(Batch& batch) {
  if (read_ahead_) {
    batch = std::move(*read_ahead_);
    read_ahead_.reset();
    return true;
  }
  batch.messages.clear();
  batch.storage.reset();
  std::shared_ptr<Buffer> buffer;
  while (true) {
    if (own_reader_) {
      if (!batch.messages.empty()) break;  // the small files before it first
      if (next_from_own_reader(batch)) return true;
      continue;
    }
    if (next_file_ == files_.size()) break;
    const FoundFile& file = files_[next_file_];
    if (file.size > kLargeFile) {
      if (!batch.messages.empty()) break;  // this batch first, then the large file
      if (FileDescriptor fd = open_for_reading(file); fd.valid())
        open_own_reader(std::move(fd), file);
      ++next_file_;
      continue;
    }
    if (!buffer) buffer = std::make_shared<Buffer>();
    if (!buffer->has_room_for(file.size)) break;
    read_small_file(file, *buffer, batch);
    ++next_file_;
  }
  if (!batch.messages.empty()) batch.storage = std::move(buffer);
  return !batch.messages.empty();
}

bool FileListReader::next_from_own_reader(Batch& batch) {
  const bool got = own_reader_->next(batch);
  for (ReadProblem& problem : own_reader_->take_problems()) problems_.push_back(std::move(problem));
  if (!got) {
    bytes_done_ += own_reader_size_;
    own_reader_.reset();
  }
  return got;
}

FileDescriptor FileListReader::open_for_reading(const FoundFile& file) {
  FileDescriptor fd(::open(file.path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) skip(file, std::strerror(errno), true);
  return fd;
}

void FileListReader::open_own_reader(FileDescriptor fd, const FoundFile& file) {
  try {
    own_reader_ = open_file(std::move(fd), file.path, file.size, file.role);
  } catch (const std::runtime_error& error) {
    skip(file, error.what(), true);
    return;
  }
  if (own_reader_)
    own_reader_size_ = file.size;
  else
    skip(file, "not a mail file", false);
}

void FileListReader::read_small_file(const FoundFile& file, Buffer& buffer, Batch& batch) {
  FileDescriptor fd = open_for_reading(file);
  if (!fd.valid()) return;
  char* const start = buffer.bytes.get() + buffer.used;
  std::size_t size = 0;
  try {
    // A file that grew since it was listed is read as far as its listed size.
    size = read_fully(fd.get(), start, file.size);
  } catch (const std::system_error& error) {
    skip(file, error.code().message(), true);
    return;
  }
  const std::string_view text(start, size);

  const Content content = sniff(text);
  if (content == Content::archive) {
    skip(file, archive_notice(text), true);  // it may hold mail that is not read
    return;
  }
  if (is_compressed(content)) {
    ::lseek(fd.get(), 0, SEEK_SET);
    open_own_reader(std::move(fd), file);
    return;
  }
  const Layout layout = choose_layout(content, file.role);
  if (layout == Layout::not_mail) {
    skip(file, "not a mail file", false);
    return;
  }
  bytes_done_ += file.size;
  pieces_.clear();
  split_whole(text, layout, pieces_);
  if (pieces_.empty()) return;

  buffer.used += size;
  ++buffer.files;
  const std::string_view origin = buffer.origins.emplace_back(file.path);
  for (std::size_t i = 0; i < pieces_.size(); ++i)
    batch.messages.push_back({pieces_[i], origin, i, layout == Layout::mailbox});
}

void FileListReader::skip(const FoundFile& file, std::string what, bool unreadable) {
  problems_.push_back({file.path, std::move(what), unreadable});
  bytes_done_ += file.size;
}

}  // namespace bg::mailbox
