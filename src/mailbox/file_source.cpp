#include "mailbox/file_source.h"

#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

#include "mailbox/archive_reader.h"
#include "mailbox/mbox_reader.h"
#include "mailbox/sniff.h"
#include "mailbox/stream_source.h"

namespace bg::mailbox {

std::unique_ptr<MessageSource> open_file(FileDescriptor fd, const std::string& path,
                                         std::uint64_t size, FileRole role) {
  std::string head(kSniffSize, '\0');
  const ssize_t got = ::pread(fd.get(), head.data(), head.size(), 0);
  if (got < 0) throw std::system_error(errno, std::generic_category());
  head.resize(static_cast<std::size_t>(got));

  const Content content = sniff(head);
  if (content == Content::outlook_data) throw RefusedStream(std::string(kOutlookDataNotice));
  if (content == Content::archive) {
    auto archive = std::make_unique<ArchiveReader>(std::move(fd), path, size);
    if (role == FileRole::named) expect_mail(*archive);
    return archive;
  }
  // A compressed file may hold an archive too (a .tar.gz), which only its decompressed bytes tell.
  if (is_compressed(content))
    return open_stream_source(std::make_unique<FdStream>(std::move(fd)), path, role, size);
  const Layout layout = choose_layout(content, role);
  if (layout == Layout::not_mail) return nullptr;
  return std::make_unique<MboxReader>(MappedFile(std::move(fd), size), path, layout);
}

}  // namespace bg::mailbox
