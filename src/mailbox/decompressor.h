#pragma once
// Streams that decompress gzip, xz, zstd and bzip2 data as it is read, one buffer at a time, so a
// compressed mailbox of any size is read in bounded memory. Concatenated streams (as written by
// `cat a.gz b.gz` or parallel compressors) are read through to the end. Data that ends early or
// does not decode throws StreamError naming the format and the fault.
#include <memory>

#include "mailbox/byte_stream.h"
#include "mailbox/file_descriptor.h"

namespace bg::mailbox {

// Reads what `raw` holds, decompressed when its first bytes are the magic number of gzip, xz,
// zstd or bzip2, as is otherwise.
std::unique_ptr<ByteStream> decompressed(std::unique_ptr<ByteStream> raw);

// Reads what `fd` holds, as decompressed() does. `fd` may be a pipe: nothing is sought.
std::unique_ptr<ByteStream> open_decompressed(FileDescriptor fd);

}  // namespace bg::mailbox
