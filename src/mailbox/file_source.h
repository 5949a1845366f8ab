#pragma once
// Opens one file on disk as a message source chosen by its content: a compressed file is
// streamed through its decompressor; an archive is read member by member; an mbox, or a file
// holding one message, is memory-mapped.
#include <memory>
#include <string>

#include "mailbox/file_descriptor.h"
#include "mailbox/layout.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

// `fd` is the open regular file at `path`, `size` bytes long. Returns nullptr when the content
// is not mail for a file in that role; throws std::runtime_error (std::system_error or
// StreamError) when the file cannot be read.
std::unique_ptr<MessageSource> open_file(FileDescriptor fd, const std::string& path,
                                         std::uint64_t size, FileRole role);

}  // namespace bg::mailbox
