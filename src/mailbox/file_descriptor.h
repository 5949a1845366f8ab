#pragma once
// An open file descriptor that closes itself, and the read loop every reader needs.
#include <cstddef>
#include <utility>

namespace bg::mailbox {

class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Reads until `size` bytes are in `buffer` or the end of the file, retrying short reads and
// interruptions. Returns the bytes read; throws std::system_error when read() fails.
std::size_t read_fully(int fd, char* buffer, std::size_t size);

}  // namespace bg::mailbox
