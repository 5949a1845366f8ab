#include "mailbox_test_files.h"

#include <archive.h>
#include <archive_entry.h>
#include <bzlib.h>
#include <fcntl.h>
#include <lzma.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "mailbox/byte_stream.h"
#include "mailbox/file_descriptor.h"
#include "mailbox/stream_source.h"

namespace bg::mailbox::testing {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "bounceguard-mailbox-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string TempDir::file(const std::string& name) const {
  const fs::path path = fs::path(path_) / name;
  fs::create_directories(path.parent_path());
  return path.string();
}

std::vector<std::string> bytes_of(const ReadAll& read) {
  std::vector<std::string> bytes;
  for (const ReadMessage& message : read.messages) bytes.push_back(message.bytes);
  return bytes;
}

ReadAll read_all(MessageSource& source) {
  ReadAll result;
  Batch batch;
  while (source.next(batch)) {
    ++result.batches;
    for (const RawMessage& message : batch.messages)
      result.messages.push_back({std::string(message.bytes), std::string(message.origin),
                                 message.index, message.mbox_quoted, message.without_quoted_from,
                                 message.without_carriage_return});
  }
  result.problems = source.take_problems();
  return result;
}

ReadAll read_all(const std::string& path) { return read_all(*open_source(path)); }

MboxReader open_mbox(const std::string& path, std::size_t window_size, std::size_t largest_message, Layout layout) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat info {};
  ::fstat(fd.get(), &info);
  return MboxReader(MappedFile(std::move(fd), static_cast<std::uint64_t>(info.st_size)), path, layout,
                    window_size, largest_message);
}

ReadAll read_as_standard_input(const std::string& bytes) {
  FileDescriptor fd(::memfd_create("stdin", MFD_CLOEXEC));
  if (::write(fd.get(), bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()) ||
      ::lseek(fd.get(), 0, SEEK_SET) != 0)
    throw std::runtime_error("cannot write the memory file");
  auto source = open_stream_source(std::make_unique<FdStream>(std::move(fd)), "-", FileRole::named, 0);
  return read_all(*source);
}

std::string open_error(const std::string& path) {
  try {
    open_source(path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

std::vector<std::string> cut_at_from_lines(std::string_view mbox) {
  std::vector<std::string> messages;
  std::size_t pos = 0;
  while (pos < mbox.size()) {
    const std::size_t end = mbox.find('\n', pos);
    const std::size_t next = end == std::string_view::npos ? mbox.size() : end + 1;
    const std::string_view line = mbox.substr(pos, next - pos);
    if (line.starts_with("From "))
      messages.emplace_back();
    else if (!messages.empty())
      messages.back() += line;
    pos = next;
  }
  // The empty line that ends each message belongs to the mailbox.
  for (std::string& message : messages) {
    if (message.ends_with("\r\n\r\n"))
      message.resize(message.size() - 2);
    else if (message.ends_with("\n\n"))
      message.pop_back();
  }
  return messages;
}

std::string mboxrd_of(const std::vector<std::string>& messages) {
  static const std::regex from_line("^(>*From )", std::regex::multiline);
  std::string mbox;
  for (const std::string& message : messages) {
    mbox += "From MAILER-DAEMON Thu Jan  1 00:00:00 2015\n";
    mbox += std::regex_replace(message, from_line, ">$1");
    if (!message.ends_with('\n')) mbox += '\n';
    mbox += '\n';
  }
  return mbox;
}

std::string mailbox_of_large_messages(std::mt19937& random, std::size_t largest, bool at_limit, int offset) {
  const auto pick = [&](std::size_t low, std::size_t high) {
    return std::uniform_int_distribution<std::size_t>(low, high)(random);
  };
  std::string mbox = "From a@example.com Thu Nov  5 10:00:00 2026\nSubject: filler\n\n";
  for (int line = 0; line < 1100; ++line) mbox += std::string(59, 'f') + "\n";
  mbox += "\n";
  for (std::size_t m = pick(1, 6); m > 0; --m) {
    if (at_limit && m == 1) {
      // "Subject: edge\n\n", the e's and a line break.
      const std::size_t length = largest - 6 + static_cast<std::size_t>(offset);
      mbox += "From a@example.com Thu Nov  5 10:00:00 2026\nSubject: edge\n\n" + std::string(length - 16, 'e') + "\n\n";
    }
    mbox += "From a@example.com Thu Nov  5 10:00:00 2026\nSubject: " + std::to_string(m) + "\n\n";
    for (std::size_t lines = pick(0, 80); lines > 0; --lines) {
      const std::size_t kind = pick(0, 9);
      if (kind == 0) mbox += "From b@example.com Thu Nov  5 10:00:00 2026" + std::string(pick(990, 1010), 'y');
      else if (kind == 1) mbox += std::string(pick(1000, 5000), 'z');
      else mbox += std::string(pick(0, 120), 'w');
      mbox += "\n";
    }
    mbox += "\n";
  }
  return mbox;
}

std::vector<std::string> starts_kept(const ReadAll& whole, std::size_t largest, std::size_t& cut) {
  std::vector<std::string> kept;
  cut = 0;
  for (const ReadMessage& message : whole.messages) {
    std::string_view start = message.bytes;
    if (start.size() + 2 >= largest) {
      const std::size_t last_break = start.substr(0, largest - 1).rfind('\n');
      start = start.substr(0, last_break == std::string_view::npos ? largest - 1 : last_break + 1);
      ++cut;
    }
    kept.emplace_back(start);
  }
  return kept;
}

std::vector<std::string> corpus_message_paths() {
  std::vector<std::string> paths;
  for (const fs::directory_entry& entry : fs::directory_iterator(kSisimai + "/maildir"))
    paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::string> dovecot_saved_paths() {
  std::vector<std::string> paths;
  std::istringstream list(read_file(kDovecotStores + "/saved.txt"));
  for (std::string line; std::getline(list, line);)
    if (!line.empty()) paths.push_back(kSisimai + "/" + line);
  return paths;
}

bool starts_with_header_line(std::string_view message) {
  static const std::regex header("^[A-Za-z][A-Za-z0-9-]*:");
  const std::string first_line(message.substr(0, message.find('\n')));
  return std::regex_search(first_line, header);
}

namespace {

void append_le(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

std::uint32_t crc32_of(std::string_view bytes) {
  const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
  return static_cast<std::uint32_t>(crc32(0, data, static_cast<uInt>(bytes.size())));
}

// One block of a RAR 4 archive: its header, from the type on, preceded by the low half of the
// header's CRC-32, then `data`.
void append_rar_block(std::string& out, std::string_view header_from_type, std::string_view data = {}) {
  append_le(out, crc32_of(header_from_type) & 0xFFFF, 2);
  out.append(header_from_type);
  out.append(data);
}

// libarchive reads RAR but cannot write it, so tests write RAR 4's stored (uncompressed) members
// themselves, following RAR's technical note: a marker, the archive header, a header per
// member, and the end block.
std::string rar_of(const std::vector<std::pair<std::string, std::string>>& members) {
  constexpr unsigned kLongBlock = 0x8000;  // a data size follows the header size
  constexpr unsigned kFolder = 0x00E0;
  constexpr unsigned kUnix = 3;
  constexpr unsigned kStored = 0x30;
  std::string out = std::string("Rar!\x1A\x07\x00", 7);
  std::string archive_header;
  append_le(archive_header, 0x73, 1);
  append_le(archive_header, 0, 2);   // flags
  append_le(archive_header, 13, 2);  // header size
  append_le(archive_header, 0, 6);   // reserved
  append_rar_block(out, archive_header);
  for (const auto& [path, contents] : members) {
    const bool folder = path.ends_with('/');
    const std::string name = folder ? path.substr(0, path.size() - 1) : path;
    std::string header;
    append_le(header, 0x74, 1);
    append_le(header, kLongBlock | (folder ? kFolder : 0), 2);
    append_le(header, 32 + name.size(), 2);
    append_le(header, contents.size(), 4);  // packed size
    append_le(header, contents.size(), 4);  // unpacked size
    append_le(header, kUnix, 1);
    append_le(header, crc32_of(contents), 4);
    append_le(header, 0x5B7A0000, 4);  // DOS date and time: 2025-11-26 00:00
    append_le(header, 20, 1);          // version needed: 2.0
    append_le(header, kStored, 1);
    append_le(header, name.size(), 2);
    append_le(header, folder ? 040755 : 0100644, 4);
    header.append(name);
    append_rar_block(out, header, contents);
  }
  std::string end;
  append_le(end, 0x7B, 1);
  append_le(end, 0x4000, 2);
  append_le(end, 7, 2);
  append_rar_block(out, end);
  return out;
}

}  // namespace

std::string archive_of(const std::string& format, const std::vector<std::pair<std::string, std::string>>& members) {
  if (format == "rar") return rar_of(members);
  struct archive* writer = archive_write_new();
  if (format == "tar") archive_write_set_format_pax_restricted(writer);
  else if (format == "zip") archive_write_set_format_zip(writer);
  else if (format == "streamed zip") {
    archive_write_set_format_zip(writer);
    archive_write_set_options(writer, "zip:compression=store");
  }
  else if (format == "7z") archive_write_set_format_7zip(writer);
  else if (format == "encrypted zip") {
    archive_write_set_format_zip(writer);
    archive_write_set_options(writer, "zip:encryption=zipcrypt");
    archive_write_set_passphrase(writer, "secret");
  }
  else throw std::invalid_argument("no archive format " + format);
  std::string bytes(std::size_t{64} << 20, '\0');
  std::size_t used = 0;
  if (archive_write_open_memory(writer, bytes.data(), bytes.size(), &used) != ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(writer));
  for (const auto& [path, contents] : members) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, path.c_str());
    archive_entry_set_filetype(entry, path.ends_with('/') ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(entry, path.ends_with('/') ? 0755 : 0644);
    // Without a size, a member's sizes follow its data.
    if (format != "streamed zip") archive_entry_set_size(entry, static_cast<la_int64_t>(contents.size()));
    archive_entry_set_mtime(entry, 1795000000, 0);
    if (archive_write_header(writer, entry) != ARCHIVE_OK ||
        archive_write_data(writer, contents.data(), contents.size()) != static_cast<la_ssize_t>(contents.size()))
      throw std::runtime_error(archive_error_string(writer));
    archive_entry_free(entry);
  }
  if (archive_write_close(writer) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(writer));
  archive_write_free(writer);
  bytes.resize(used);
  return bytes;
}

std::string gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string xz(std::string_view data) {
  std::string out(lzma_stream_buffer_bound(data.size()), '\0');
  std::size_t written = 0;
  if (lzma_easy_buffer_encode(
          6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t*>(data.data()), data.size(),
          reinterpret_cast<uint8_t*>(out.data()), &written, out.size()) != LZMA_OK)
    throw std::runtime_error("lzma_easy_buffer_encode");
  out.resize(written);
  return out;
}

std::string zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t written = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  if (ZSTD_isError(written)) throw std::runtime_error("ZSTD_compress");
  out.resize(written);
  return out;
}

std::string bzip2(std::string_view data) {
  // The bound bzip2 documents: 1% more than the data, and 600 bytes. Blocks of 100 kB (bzip2 -1),
  // as a damaged file keeps only its whole blocks.
  std::string out(data.size() + data.size() / 100 + 600, '\0');
  unsigned int written = static_cast<unsigned int>(out.size());
  if (BZ2_bzBuffToBuffCompress(out.data(), &written, const_cast<char*>(data.data()),
                               static_cast<unsigned int>(data.size()), 1, 0, 0) != BZ_OK)
    throw std::runtime_error("BZ2_bzBuffToBuffCompress");
  out.resize(written);
  return out;
}

}  // namespace bg::mailbox::testing
