// Feeds arbitrary bytes to the mailbox readers, as a file and as a stream. Nothing may crash or
// hang, and every reader must find the same messages whatever its window or chunk size: the
// file as opened normally, through tiny memory-mapped windows, and through a pipe-like stream
// read in tiny chunks. An archive (plain or compressed) is read as a file and as a stream. Every message is normalized too. A stream and a mapped file that keep
// only the start of a large message must both keep the same start, whatever their chunks (and
// of a large dbox file, the same messages at its start).
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mailbox/decompressor.h"
#include "mailbox/layout.h"
#include "mailbox/mbox_reader.h"
#include "mailbox/mbox_splitter.h"
#include "mailbox/message_source.h"
#include "mailbox/normalize.h"
#include "mailbox/sniff.h"
#include "mailbox/stream_reader.h"
#include "mailbox/stream_source.h"

namespace {

using namespace bg::mailbox;

constexpr std::size_t kTinyWindow = 61;
constexpr std::size_t kTinyChunk = 37;
constexpr std::size_t kSmallLargest = 1500;  // the largest message kept, in the last checks

// The start of `message` that a reader keeping at most kSmallLargest bytes of one keeps: all of
// it when it is smaller, else what ends at its last line break within kSmallLargest - 1 bytes.
std::string kept_start(const std::string& message, char line_break) {
  if (message.size() + 2 < kSmallLargest) return message;
  const std::size_t last_break = std::string_view(message).substr(0, kSmallLargest - 1).rfind(line_break);
  return message.substr(0, last_break == std::string_view::npos ? kSmallLargest - 1 : last_break + 1);
}

std::vector<std::string> read_messages(MessageSource& source) {
  std::vector<std::string> messages;
  std::string scratch;
  Batch batch;
  while (source.next(batch)) {
    for (const RawMessage& message : batch.messages) {
      if (message.bytes.empty()) std::abort();
      normalize(message, scratch);
      messages.emplace_back(message.bytes);
    }
  }
  source.take_problems();
  return messages;
}

// The fuzz input as a file of its own, in memory.
FileDescriptor memory_file(const std::uint8_t* data, std::size_t size) {
  FileDescriptor fd(::memfd_create("fuzz-mailbox", MFD_CLOEXEC));
  if (!fd.valid()) std::abort();
  for (std::size_t done = 0; done < size;) {
    const ssize_t wrote = ::write(fd.get(), data + done, size - done);
    if (wrote <= 0) std::abort();
    done += static_cast<std::size_t>(wrote);
  }
  return fd;
}

// A fresh descriptor of the same file, reading from its start.
FileDescriptor reopen(const FileDescriptor& fd) {
  const std::string path = "/proc/self/fd/" + std::to_string(fd.get());
  FileDescriptor copy(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!copy.valid()) std::abort();
  return copy;
}

// Whether the file holds an archive, maybe compressed, which open_source() reads member by member.
bool holds_archive(const FileDescriptor& file) {
  std::string head(kSniffSize, '\0');
  try {
    head.resize(read_up_to(*open_decompressed(reopen(file)), head.data(), head.size()).size);
  } catch (const StreamError&) {
    return false;  // not even its magic number could be read
  }
  return sniff(head) == Content::archive;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const FileDescriptor file = memory_file(data, size);
  if (holds_archive(file)) {
    try {
      read_messages(*open_source("/proc/self/fd/" + std::to_string(file.get())));
    } catch (const InputError&) {
    }
    try {
      read_messages(*open_stream_source(std::make_unique<FdStream>(reopen(file)), "fuzz", FileRole::named, size));
    } catch (const StreamError&) {
    }
    return 0;
  }

  std::vector<std::string> opened;
  try {
    auto source = open_source("/proc/self/fd/" + std::to_string(file.get()));
    opened = read_messages(*source);
  } catch (const InputError&) {
    // Binary content named alone: the stream reader below reports it as not mail.
  }

  StreamReader stream(open_decompressed(reopen(file)), "fuzz", FileRole::named, size, kTinyChunk);
  if (read_messages(stream) != opened) std::abort();

  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Content content = sniff(text);
  const Layout layout = choose_layout(content, FileRole::named);
  if (!is_compressed(content) && layout != Layout::not_mail) {
    MboxReader windows(MappedFile(reopen(file), size), "fuzz", layout, kTinyWindow);
    if (read_messages(windows) != opened) std::abort();

    const char line_break = layout == Layout::mailbox
                                ? static_cast<char>(detect_line_break(text.substr(0, kLineBreakProbeSize)))
                                : '\n';
    std::vector<std::string> expected;
    if (layout == Layout::dbox) {
      // A dbox file is read as far as one message may reach, for the messages that lie there.
      std::vector<Piece> pieces;
      split_whole(text.substr(0, kSmallLargest + kLongestSeparatorLine + 2), Layout::dbox, pieces);
      for (const Piece& piece : pieces) expected.push_back(kept_start(std::string(piece.bytes), line_break));
    } else {
      for (const std::string& message : opened) expected.push_back(kept_start(message, line_break));
    }
    StreamReader small(open_decompressed(reopen(file)), "fuzz", FileRole::named, size, kTinyChunk, kSmallLargest);
    if (read_messages(small) != expected) std::abort();
    MboxReader small_windows(MappedFile(reopen(file), size), "fuzz", layout, kTinyWindow, kSmallLargest);
    if (read_messages(small_windows) != expected) std::abort();
  }
  return 0;
}
