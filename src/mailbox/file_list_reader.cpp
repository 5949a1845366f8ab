#include "mailbox/file_list_reader.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include "mailbox/file_source.h"
#include "mailbox/layout.h"

namespace bg::mailbox {

namespace {

constexpr std::size_t kFilesOpenedAhead = 64;

// How many files to hold open at once: at most kFilesOpenedAhead, and a sixteenth of the
// descriptors the process may open, so that the rest of it (libraries loading, archives, other
// mailboxes) is not left without any.
std::size_t files_to_hold_open() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return kFilesOpenedAhead;
  return std::clamp<std::size_t>(static_cast<std::size_t>(limit.rlim_cur / 16), 1, kFilesOpenedAhead);
}

}  // namespace

FileListReader::FileListReader(std::vector<FoundFile> files, std::vector<ReadProblem> problems)
    : FileSequenceReader(std::move(problems)), files_(std::move(files)) {
  for (const FoundFile& file : files_) bytes_total_ += file.size;
}

std::uint64_t FileListReader::bytes_read() const {
  return bytes_done_ + (own_reader_ ? own_reader_->bytes_read() : 0);
}

bool FileListReader::next_file(std::optional<std::uint64_t>& size) {
  if (next_file_ == files_.size()) return false;
  size = files_[next_file_].size;
  return true;
}

void FileListReader::open_large_file() {
  const FoundFile& file = files_[next_file_++];
  if (FileDescriptor fd = open_for_reading(file); fd.valid()) open_own_reader(std::move(fd), file);
}

void FileListReader::own_reader_done(bool) { bytes_done_ += own_reader_size_; }

FileDescriptor FileListReader::open_for_reading(const FoundFile& file) {
  open_ahead();
  OpenedFile opened = std::move(opened_.front());
  opened_.pop_front();
  if (!opened.fd.valid()) skip(file, std::strerror(opened.error), true);
  return std::move(opened.fd);
}

void FileListReader::open_ahead() {
  if (files_held_open_ == 0) files_held_open_ = files_to_hold_open();
  const std::size_t end = std::min(files_.size(), next_file_ - 1 + files_held_open_);
  for (; next_to_open_ < end; ++next_to_open_) {
    const FoundFile& file = files_[next_to_open_];
    OpenedFile opened{FileDescriptor(open_in_folder(file))};
    if (!opened.fd.valid()) {
      opened.error = errno;
      // Out of descriptors, perhaps because of those held here: a file needed later is opened
      // again when its turn comes, with none held.
      if ((opened.error == EMFILE || opened.error == ENFILE) && !opened_.empty()) return;
    } else if (file.size <= SmallFileBatch::kLargestFile) {  // a large file is streamed, not read ahead
      ::posix_fadvise(opened.fd.get(), 0, static_cast<off_t>(file.size), POSIX_FADV_WILLNEED);
    }
    opened_.push_back(std::move(opened));
  }
}

int FileListReader::open_in_folder(const FoundFile& file) {
  const std::size_t slash = file.path.rfind('/');
  if (slash == std::string::npos || slash == 0) return ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  const std::string_view folder(file.path.data(), slash);
  if (folder != folder_path_) {
    folder_path_ = folder;
    folder_ = FileDescriptor(::open(folder_path_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  }
  // A folder that cannot be opened (out of descriptors, say) leaves the whole path to open.
  if (!folder_.valid()) return ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  return ::openat(folder_.get(), file.path.c_str() + slash + 1, O_RDONLY | O_CLOEXEC);
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
    pass_over(file);
}

void FileListReader::read_small_file(SmallFileBatch& buffer, Batch& batch) {
  const FoundFile& file = files_[next_file_++];
  FileDescriptor fd = open_for_reading(file);
  if (!fd.valid()) return;
  char* const start = buffer.free_space();
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
  if (needs_own_reader(content)) {
    ::lseek(fd.get(), 0, SEEK_SET);
    open_own_reader(std::move(fd), file);
    return;
  }
  const Layout layout = choose_layout(content, file.role);
  if (layout == Layout::not_mail) {
    pass_over(file);
    return;
  }
  bytes_done_ += file.size;
  buffer.keep(size, file.path, layout, batch, problems_);
}

void FileListReader::pass_over(const FoundFile& file) {
  pass_over_not_mail(file.path, file.path);
  bytes_done_ += file.size;
}

void FileListReader::skip(const FoundFile& file, std::string what, bool unreadable) {
  problems_.push_back({file.path, std::move(what), unreadable});
  bytes_done_ += file.size;
}

}  // namespace bg::mailbox
