#include "mailbox/archive_reader.h"

#include <optional>
#include <string_view>
#include <utility>

#include "libraries/libarchive.h"
#include "libraries/shared_library.h"
#include "mailbox/mail_program_files.h"
#include "mailbox/sniff.h"
#include "mailbox/stream_source.h"

namespace bg::mailbox {

namespace {

constexpr std::size_t kReadBlock = 256 * 1024;

// libarchive, loaded by the first archive read. Without it an archive cannot be read, and is
// reported like one that cannot be opened.
const libraries::LibArchive& archive_library() {
  try {
    return libraries::libarchive();
  } catch (const libraries::LibraryError& error) {
    throw StreamError(error.what());
  }
}

// What libarchive said went wrong, or `fallback` when it said nothing.
std::string error_of(struct archive* archive, const char* fallback) {
  const char* what = archive_library().error_string(archive);
  return what != nullptr && *what != '\0' ? what : fallback;
}

// The bytes of the member libarchive is at, read as a stream.
class MemberStream final : public ByteStream {
 public:
  explicit MemberStream(struct archive* archive) : archive_(archive) {}

  std::size_t read(char* buffer, std::size_t size) override {
    const la_ssize_t got = archive_library().read_data(archive_, buffer, size);
    if (got < 0) throw StreamError(error_of(archive_, "the archive is damaged"));
    consumed_ += static_cast<std::uint64_t>(got);
    return static_cast<std::size_t>(got);
  }
  std::uint64_t consumed() const override { return consumed_; }

 private:
  struct archive* archive_;
  std::uint64_t consumed_ = 0;
};

// How a member's path says to read it: not at all (a hidden file, or one in a hidden folder
// that is not a Maildir's), as a Maildir message (in cur/ or new/), or as a file in a folder.
std::optional<FileRole> role_of(std::string_view path) {
  std::string_view name;
  std::string_view parent;
  bool in_hidden_folder = false;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if (part.empty() || part == "." || part == "..") continue;  // "./mail/x" from tar -C dir .
    if (!name.empty()) {
      in_hidden_folder = in_hidden_folder || name.starts_with('.');
      parent = name;
    }
    name = part;
  }
  if (name.empty() || name.starts_with('.')) return std::nullopt;
  if (parent == "cur" || parent == "new") return FileRole::in_maildir;  // Maildir++ folders are hidden
  if (in_hidden_folder) return std::nullopt;
  return FileRole::in_directory;
}

}  // namespace

// The libarchive reader, and the stream it reads from when it reads no file.
struct ArchiveReader::Archive {
  Archive() : handle(archive_library().read_new()) {
    if (handle == nullptr) throw StreamError("out of memory");
    archive_library().read_support_format_tar(handle);
    archive_library().read_support_format_zip(handle);
    archive_library().read_support_format_7zip(handle);
    archive_library().read_support_format_rar(handle);
    archive_library().read_support_format_rar5(handle);
  }
  ~Archive() { archive_library().read_free(handle); }

  static la_ssize_t read_stream(struct archive* handle, void* self, const void** block) {
    Archive& archive = *static_cast<Archive*>(self);
    try {
      *block = archive.block.get();
      return static_cast<la_ssize_t>(archive.stream->read(archive.block.get(), kReadBlock));
    } catch (const StreamError& error) {
      archive_library().set_error(handle, ARCHIVE_FATAL, "%s", error.what());
      return -1;
    }
  }

  struct archive* handle;
  FileDescriptor fd;
  std::unique_ptr<ByteStream> stream;
  std::unique_ptr<char[]> block;
};

ArchiveReader::ArchiveReader(FileDescriptor fd, std::string origin, std::uint64_t size)
    : archive_(std::make_unique<Archive>()), origin_(std::move(origin)), size_(size), depth_(0) {
  archive_->fd = std::move(fd);
  if (archive_library().read_open_fd(archive_->handle, archive_->fd.get(), kReadBlock) != ARCHIVE_OK)
    throw StreamError(error_of(archive_->handle, "not an archive that can be read"));
}

ArchiveReader::ArchiveReader(std::unique_ptr<ByteStream> stream, std::string origin, std::uint64_t size,
                             int depth)
    : archive_(std::make_unique<Archive>()), origin_(std::move(origin)), size_(size), depth_(depth) {
  archive_->stream = std::move(stream);
  archive_->block.reset(new char[kReadBlock]);
  if (archive_library().read_open(archive_->handle, archive_.get(), nullptr, &Archive::read_stream, nullptr) != ARCHIVE_OK)
    throw StreamError(error_of(archive_->handle, "not an archive that can be read"));
}

// The member reader goes first: it reads from the archive.
ArchiveReader::~ArchiveReader() { own_reader_.reset(); }

std::uint64_t ArchiveReader::bytes_read() const {
  if (archive_->stream) return archive_->stream->consumed();
  return static_cast<std::uint64_t>(archive_library().filter_bytes(archive_->handle, -1));
}

void ArchiveReader::open_large_file() {
  Member member = *std::exchange(member_, std::nullopt);
  auto stream = std::make_unique<MemberStream>(archive_->handle);
  if (!is_mail_program_file(member.path)) return open_member_reader(std::move(member), std::move(stream));
  // A mail program's own file is passed over quietly once its start shows that it holds no mail.
  std::string start(kSniffSize, '\0');
  const ReadUpTo read = read_up_to(*stream, start.data(), start.size());
  start.resize(read.size);
  const Content content = sniff(start);
  if (!read.error && !needs_own_reader(content) && choose_layout(content, member.role) == Layout::not_mail)
    return pass_over_not_mail(member.origin, member.path);
  std::unique_ptr<ByteStream> rest;
  if (read.error) rest = std::make_unique<FailedStream>(*read.error, read.size);
  else rest = std::move(stream);
  open_member_reader(std::move(member), std::make_unique<PrefixedStream>(std::move(start), std::move(rest)));
}

bool ArchiveReader::next_file(std::optional<std::uint64_t>& size) {
  while (!member_ && !ended_) {
    struct archive_entry* entry = nullptr;
    const int status = archive_library().read_next_header(archive_->handle, &entry);
    if (status == ARCHIVE_EOF) break;
    if (status == ARCHIVE_RETRY) continue;
    if (status == ARCHIVE_FATAL) {
      // The members before the damage were read; what follows it is lost. Damage met inside the
      // last member was reported for it already.
      if (!member_failed_)
        problems_.push_back({origin_, "damaged archive: " + error_of(archive_->handle, "no more members can be read"), true});
      break;
    }
    member_failed_ = false;
    // Links to earlier members name mail read already.
    if (archive_library().entry_filetype(entry) != AE_IFREG || archive_library().entry_hardlink(entry) != nullptr) continue;
    const char* path = archive_library().entry_pathname_utf8(entry);
    if (path == nullptr) path = archive_library().entry_pathname(entry);
    if (path == nullptr) continue;
    const std::optional<FileRole> role = role_of(path);
    if (!role) continue;
    ++files_seen_;
    if (archive_library().entry_is_data_encrypted(entry)) {
      problems_.push_back({origin_ + ":" + path, "encrypted: unpack it with its passphrase and scan what it holds", true});
      continue;
    }
    member_ = Member{origin_ + ":" + path, path, *role, std::nullopt};
    if (archive_library().entry_size_is_set(entry)) member_->size = static_cast<std::uint64_t>(archive_library().entry_size(entry));
  }
  if (!member_) {
    ended_ = true;
    return false;
  }
  size = member_->size;
  return true;
}

void ArchiveReader::read_small_file(SmallFileBatch& buffer, Batch& batch) {
  Member member = *std::exchange(member_, std::nullopt);
  char* const start = buffer.free_space();
  const std::size_t size = static_cast<std::size_t>(*member.size);
  MemberStream stream(archive_->handle);
  const ReadUpTo read = read_up_to(stream, start, size);
  if (read.error) {
    // Read as a stream, the messages before the damage are kept.
    auto rest = std::make_unique<FailedStream>(*read.error, read.size);
    return open_member_reader(std::move(member),
                              std::make_unique<PrefixedStream>(std::string(start, read.size), std::move(rest)));
  }
  const std::string_view text(start, read.size);
  const Content content = sniff(text);
  if (needs_own_reader(content))
    return open_member_reader(std::move(member), std::make_unique<BytesStream>(std::string(text)));
  const Layout layout = choose_layout(content, member.role);
  if (layout == Layout::not_mail) {
    pass_over_not_mail(member.origin, member.path);
    return;
  }
  buffer.keep(read.size, std::move(member.origin), layout, batch, problems_);
}

void ArchiveReader::open_member_reader(Member member, std::unique_ptr<ByteStream> stream) {
  try {
    own_reader_ =
        open_stream_source(std::move(stream), member.origin, member.role, member.size.value_or(0), depth_ + 1);
  } catch (const RefusedStream& error) {
    // Refused for its kind, the member was not damaged: damage after it is the archive's own.
    problems_.push_back({member.origin, error.what(), true});
  } catch (const StreamError& error) {
    problems_.push_back({member.origin, error.what(), true});
    member_failed_ = true;
  }
}

void expect_mail(ArchiveReader& archive) {
  if (archive.read_ahead()) return;
  const std::vector<ReadProblem> problems = archive.take_problems();
  // Before any member, only the archive itself can be at fault.
  if (archive.files_seen() == 0 && !problems.empty()) throw StreamError(problems.front().what);
  std::string what = "no mail found in the archive";
  if (archive.files_seen() > 0)
    what += "'s " + std::to_string(archive.files_seen()) + (archive.files_seen() == 1 ? " file" : " files");
  throw StreamError(what + archive.why_no_mail(problems));
}

}  // namespace bg::mailbox
