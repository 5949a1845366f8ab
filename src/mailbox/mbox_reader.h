#pragma once
// Reads a file from disk through memory-mapped windows: an mbox, split into its messages, or a
// file that holds one message. Each batch holds the messages that end inside one window, and
// the window is unmapped once the last batch that refers to it is released, so a mailbox of any
// size is read in bounded memory. A message larger than the window gets a larger window.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailbox/layout.h"
#include "mailbox/mapped_file.h"
#include "mailbox/mbox_splitter.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

class MboxReader final : public MessageSource {
 public:
  static constexpr std::size_t kDefaultWindowSize = std::size_t{8} << 20;

  // `layout` is Layout::mailbox or Layout::single_message.
  MboxReader(MappedFile file, std::string origin, Layout layout,
             std::size_t window_size = kDefaultWindowSize);

  bool next(Batch& batch) override;
  std::vector<ReadProblem> take_problems() override { return std::move(problems_); }
  std::uint64_t bytes_read() const override { return cursor_; }
  std::uint64_t bytes_total() const override { return file_.size(); }

 private:
  // Maps the window at the cursor, larger and larger until a message ends inside it, and
  // appends the messages that end there to `batch`.
  void read_window(Batch& batch);
  void append(Batch& batch, std::shared_ptr<const MappedWindow> window);

  MappedFile file_;
  std::shared_ptr<const std::string> origin_;
  Layout layout_;
  std::size_t window_size_;
  std::optional<MboxSplitter> splitter_;  // set by the first window, once line breaks are known
  std::uint64_t cursor_ = 0;              // where the next message starts in the file
  std::uint64_t next_index_ = 0;
  std::vector<std::string_view> pieces_;
  std::vector<ReadProblem> problems_;
};

}  // namespace bg::mailbox
