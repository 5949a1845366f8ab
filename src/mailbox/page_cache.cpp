#include "mailbox/page_cache.h"

#include <sys/uio.h>

namespace bg::mailbox {

bool is_cached(int fd, std::uint64_t offset) {
  char byte;
  iovec into{&byte, 1};
  return ::preadv2(fd, &into, 1, static_cast<off_t>(offset), RWF_NOWAIT) == 1;
}

}  // namespace bg::mailbox
