#include "mailbox/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "mailbox/page_cache.h"

namespace bg::mailbox {

MappedWindow::~MappedWindow() { ::munmap(mapping_, mapping_size_); }

std::shared_ptr<const MappedWindow> MappedFile::map(std::uint64_t offset,
                                                    std::size_t length) const {
  static const std::uint64_t page_size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  const std::uint64_t mapping_offset = offset - offset % page_size;
  const std::size_t lead = static_cast<std::size_t>(offset - mapping_offset);
  const std::size_t mapping_size = lead + length;
  // MAP_POPULATE maps the whole window at once: one system call instead of a page fault every
  // few pages as the splitter walks through it.
  void* mapping = ::mmap(nullptr, mapping_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_.get(),
                         static_cast<off_t>(mapping_offset));
  if (mapping == MAP_FAILED) throw std::system_error(errno, std::generic_category(), "mmap");
  // Read-ahead in large steps, and pages behind the reader may be dropped first.
  ::madvise(mapping, mapping_size, MADV_SEQUENTIAL);
  // The next window is likely the bytes that follow: on a cold cache the kernel starts reading
  // them now, while this one is parsed, instead of when it is mapped. Asked only when its last
  // byte is not cached: on a warm cache the request would walk all its pages for nothing, which
  // cost a scan of the all-bounce mailbox 2% of its time.
  if (const std::uint64_t end = offset + length; end < size_) {
    const std::uint64_t next = std::min<std::uint64_t>(length, size_ - end);
    if (!is_cached(fd_.get(), end + next - 1))
      ::posix_fadvise(fd_.get(), static_cast<off_t>(end), static_cast<off_t>(next), POSIX_FADV_WILLNEED);
  }
  const std::string_view bytes(static_cast<const char*>(mapping) + lead, length);
  return std::make_shared<const MappedWindow>(mapping, mapping_size, bytes);
}

}  // namespace bg::mailbox
