#pragma once
// A file read through memory-mapped windows: a window maps only part of the file, and unmaps
// itself when the last reference to it goes, so a huge file is read with bounded memory.
#include <cstdint>
#include <memory>
#include <string_view>

#include "mailbox/file_descriptor.h"

namespace bg::mailbox {

class MappedWindow {
 public:
  MappedWindow(void* mapping, std::size_t mapping_size, std::string_view bytes)
      : mapping_(mapping), mapping_size_(mapping_size), bytes_(bytes) {}
  MappedWindow(const MappedWindow&) = delete;
  MappedWindow& operator=(const MappedWindow&) = delete;
  ~MappedWindow();

  std::string_view bytes() const { return bytes_; }

 private:
  void* mapping_;
  std::size_t mapping_size_;
  std::string_view bytes_;  // the part asked for; the mapping starts at a page boundary before it
};

class MappedFile {
 public:
  MappedFile(FileDescriptor fd, std::uint64_t size) : fd_(std::move(fd)), size_(size) {}

  std::uint64_t size() const { return size_; }

  // Maps `length` bytes (at least 1) from `offset`, for reading from start to end.
  // Throws std::system_error when the mapping fails.
  std::shared_ptr<const MappedWindow> map(std::uint64_t offset, std::size_t length) const;

 private:
  FileDescriptor fd_;
  std::uint64_t size_;
};

}  // namespace bg::mailbox
