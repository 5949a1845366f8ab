#pragma once
// Whether the system holds a file's bytes in memory already (its page cache).
#include <cstdint>

namespace bg::mailbox {

// Whether the byte at `offset` of the file open as `fd` is cached: a read of it would not wait
// for the disk. Asked with a one-byte read that the kernel refuses rather than waits for
// (RWF_NOWAIT); a kernel or file system that cannot tell counts as not cached.
bool is_cached(int fd, std::uint64_t offset);

}  // namespace bg::mailbox
