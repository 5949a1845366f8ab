#pragma once
// Bytes read in order from something that cannot be mapped or sought: standard input, a pipe,
// or a decompressor.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "mailbox/file_descriptor.h"

namespace bg::mailbox {

// The bytes of a stream could not be read or decoded; the message says what went wrong.
class StreamError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `size` (> 0) bytes into `buffer`; returns 0 only at the end. Throws StreamError.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  // Bytes taken from the file so far (the compressed ones for a decompressor), for progress.
  virtual std::uint64_t consumed() const = 0;
};

// What read_up_to() read: how many bytes, and the failure that cut it short, if one did.
struct ReadUpTo {
  std::size_t size = 0;
  std::optional<std::string> error;
};

// Reads into `buffer` until it holds `size` bytes or `stream` ends. A failure part way is
// returned rather than thrown, with the bytes read before it in `buffer`.
ReadUpTo read_up_to(ByteStream& stream, char* buffer, std::size_t size);

class FdStream final : public ByteStream {
 public:
  explicit FdStream(FileDescriptor fd) : fd_(std::move(fd)) {}
  std::size_t read(char* buffer, std::size_t size) override;
  std::uint64_t consumed() const override { return consumed_; }

 private:
  FileDescriptor fd_;
  std::uint64_t consumed_ = 0;
};

// Bytes already in memory, read as a stream.
class BytesStream final : public ByteStream {
 public:
  explicit BytesStream(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t size) override;
  std::uint64_t consumed() const override { return read_; }

 private:
  std::string bytes_;
  std::size_t read_ = 0;
};

// The rest of a stream that failed where it was read so far, so that a reader given what was
// read meets the failure after it, as it would have.
class FailedStream final : public ByteStream {
 public:
  FailedStream(std::string error, std::uint64_t consumed) : error_(std::move(error)), consumed_(consumed) {}
  std::size_t read(char*, std::size_t) override { throw StreamError(error_); }
  std::uint64_t consumed() const override { return consumed_; }

 private:
  std::string error_;
  std::uint64_t consumed_;
};

// Gives back bytes that were read from a stream to look at them, then the rest of the stream.
class PrefixedStream final : public ByteStream {
 public:
  PrefixedStream(std::string prefix, std::unique_ptr<ByteStream> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  std::size_t read(char* buffer, std::size_t size) override;
  std::uint64_t consumed() const override { return rest_->consumed(); }

 private:
  std::string prefix_;
  std::size_t prefix_read_ = 0;
  std::unique_ptr<ByteStream> rest_;
};

}  // namespace bg::mailbox
