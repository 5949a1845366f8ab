#pragma once
// The storage of a batch of small files: their bytes, read one after another into one buffer,
// and their names. One read() each into a shared buffer is much faster than a buffer or a
// mapping for each file, and a batch of many files is handed between threads at once.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mailbox/layout.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

class SmallFileBatch {
 public:
  static constexpr std::size_t kBytes = std::size_t{8} << 20;
  static constexpr std::size_t kFiles = 256;
  // Larger files are read by a reader of their own rather than copied here.
  static constexpr std::size_t kLargestFile = std::size_t{1} << 20;

  bool has_room_for(std::uint64_t size) const { return files_ < kFiles && used_ + size <= kBytes; }
  // Where the next file's bytes are to be read: room for the size has_room_for() granted.
  char* free_space() { return bytes_.get() + used_; }
  // Keeps the `size` bytes just read into free_space() as the file `origin`, a mail file laid out
  // as `layout`, and appends its messages to `batch`, and to `problems` the damage met.
  void keep(std::size_t size, std::string origin, Layout layout, Batch& batch, std::vector<ReadProblem>& problems);

 private:
  std::unique_ptr<char[]> bytes_{new char[kBytes]};
  std::size_t used_ = 0;
  std::size_t files_ = 0;
  std::deque<std::string> origins_;  // a deque, so that views of earlier names stay valid
  std::vector<Piece> pieces_;
};

}  // namespace bg::mailbox
