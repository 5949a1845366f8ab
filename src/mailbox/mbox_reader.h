#pragma once
// Reads a file from disk through memory-mapped windows: an mbox, split into its messages, or a
// file that holds one message. Each batch holds the messages that end inside one window, and
// the window is unmapped once the last batch that refers to it is released, so a mailbox of any
// size is read in bounded memory. A message larger than the window gets a larger window, up to
// the largest message kept: of a larger one only the start is mapped and kept, with a notice,
// and the rest is passed over through windows of the usual size.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailbox/large_message.h"
#include "mailbox/layout.h"
#include "mailbox/mapped_file.h"
#include "mailbox/mbox_splitter.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

class MboxReader final : public MessageSource {
 public:
  static constexpr std::size_t kDefaultWindowSize = std::size_t{8} << 20;

  // `layout` is Layout::mailbox, Layout::single_message or Layout::dbox.
  MboxReader(MappedFile file, std::string origin, Layout layout,
             std::size_t window_size = kDefaultWindowSize, std::size_t largest_message = kLargestMessage);

  bool next(Batch& batch) override;
  std::vector<ReadProblem> take_problems() override { return std::move(problems_); }
  std::uint64_t bytes_read() const override { return cursor_; }
  std::uint64_t bytes_total() const override { return file_.size(); }

 private:
  // Maps the window at the cursor, larger and larger until a message ends inside it, and
  // appends the messages that end there to `batch`.
  void read_window(Batch& batch);
  // Maps what is kept of a file read whole: its one message, or a dbox file's messages.
  void read_whole(Batch& batch);
  // Hands out the start of the message that fills `window` without ending in it, and starts
  // passing over its rest.
  void cut_oversized(Batch& batch, std::shared_ptr<const MappedWindow> window);
  // Maps windows over the rest of a message too large to keep until the next message starts,
  // and appends the messages that end in the window where it does.
  void pass_over(Batch& batch);
  // Appends the pieces_, each whole or its start kept, to `batch`, which keeps `window` alive.
  void append(Batch& batch, std::shared_ptr<const MappedWindow> window);

  MappedFile file_;
  std::shared_ptr<const std::string> origin_;
  Layout layout_;
  std::size_t window_size_;
  std::size_t largest_message_;
  // A window this large that holds no message's end holds the start of one too large to keep.
  std::size_t cut_size_;
  std::optional<MboxSplitter> splitter_;  // set by the first window, once line breaks are known
  char line_break_ = '\n';
  bool passing_over_ = false;  // the rest of a message too large to keep
  bool inside_long_line_ = false;  // while passing over: the cursor is not at a line break
  std::uint64_t cursor_ = 0;              // where the next message starts in the file
  std::uint64_t next_index_ = 0;
  std::vector<Piece> pieces_;
  std::vector<ReadProblem> problems_;
};

}  // namespace bg::mailbox
