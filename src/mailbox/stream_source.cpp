#include "mailbox/stream_source.h"

#include "mailbox/archive_reader.h"
#include "mailbox/decompressor.h"
#include "mailbox/sniff.h"
#include "mailbox/stream_reader.h"

namespace bg::mailbox {

std::unique_ptr<MessageSource> open_stream_source(std::unique_ptr<ByteStream> raw, std::string origin,
                                                  FileRole role, std::uint64_t total, int depth) {
  std::unique_ptr<ByteStream> stream = decompressed(std::move(raw));
  std::string head(kSniffSize, '\0');
  const ReadUpTo read = read_up_to(*stream, head.data(), head.size());
  head.resize(read.size);
  if (read.error) stream = std::make_unique<FailedStream>(*read.error, stream->consumed());
  const Content content = sniff(head);
  if (content == Content::outlook_data) throw RefusedStream(std::string(kOutlookDataNotice));
  // A stream named alone that is not mail fails as a file named alone does.
  if (role == FileRole::named && choose_layout(content, role) == Layout::not_mail && content != Content::archive)
    throw RefusedStream("not a mail file (binary content)");
  const bool archive = content == Content::archive;
  // libarchive reads a 7z archive only where it can seek, from a file.
  if (archive && archive_format(head) == "7z")
    throw RefusedStream("a 7z archive is read only from a file of its own: unpack it, or save it and scan the file");
  if (archive && depth > kDeepestArchive)
    throw RefusedStream("a " + std::string(archive_format(head)) + " archive inside " + std::to_string(depth) +
                        " others, which is not read: unpack it and scan what it holds");
  stream = std::make_unique<PrefixedStream>(std::move(head), std::move(stream));
  if (archive) {
    auto reader = std::make_unique<ArchiveReader>(std::move(stream), std::move(origin), total, depth);
    if (role == FileRole::named) expect_mail(*reader);
    return reader;
  }
  return std::make_unique<StreamReader>(std::move(stream), std::move(origin), role, total);
}

}  // namespace bg::mailbox
