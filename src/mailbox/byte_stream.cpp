#include "mailbox/byte_stream.h"

#include <algorithm>
#include <cstring>
#include <system_error>

namespace bg::mailbox {

ReadUpTo read_up_to(ByteStream& stream, char* buffer, std::size_t size) {
  ReadUpTo read;
  try {
    while (read.size < size) {
      const std::size_t more = stream.read(buffer + read.size, size - read.size);
      if (more == 0) break;
      read.size += more;
    }
  } catch (const StreamError& error) {
    read.error = error.what();
  }
  return read;
}

std::size_t FdStream::read(char* buffer, std::size_t size) {
  try {
    const std::size_t got = read_fully(fd_.get(), buffer, size);
    consumed_ += got;
    return got;
  } catch (const std::system_error& error) {
    throw StreamError(error.code().message());
  }
}

std::size_t BytesStream::read(char* buffer, std::size_t size) {
  const std::size_t count = std::min(size, bytes_.size() - read_);
  std::memcpy(buffer, bytes_.data() + read_, count);
  read_ += count;
  return count;
}

std::size_t PrefixedStream::read(char* buffer, std::size_t size) {
  if (prefix_read_ == prefix_.size()) return rest_->read(buffer, size);
  const std::size_t count = std::min(size, prefix_.size() - prefix_read_);
  std::memcpy(buffer, prefix_.data() + prefix_read_, count);
  prefix_read_ += count;
  return count;
}

}  // namespace bg::mailbox
