#include "mailbox/sniff.h"

#include <charconv>

#include "mailbox/dbox.h"
#include "mailbox/mbox_splitter.h"
#include "mime/lines.h"

namespace bg::mailbox {

namespace {

constexpr std::string_view kGzipMagic("\x1f\x8b", 2);
constexpr std::string_view kXzMagic("\xfd\x37zXZ\0", 6);  // \xfd then "7zXZ"
constexpr std::string_view kZstdMagic("\x28\xb5\x2f\xfd", 4);
constexpr std::string_view kOutlookDataMagic("!BDN", 4);  // Personal Folders (.pst) and offline (.ost) files

// "BZh", the block size from 1 to 9, then the magic of a block (the digits of pi) or of the end
// of an empty stream (those of the square root of pi).
bool is_bzip2(std::string_view head) {
  return head.size() >= 10 && head.starts_with("BZh") && head[3] >= '1' && head[3] <= '9' &&
         (head.substr(4, 6) == "\x31\x41\x59\x26\x53\x59" || head.substr(4, 6) == "\x17\x72\x45\x38\x50\x90");
}

// Whether `line` starts a header field. Stricter than the grammar, which allows any printable
// name: real field names are words joined by '-', and a JSON or CSV line is not mail.
bool is_header_line(std::string_view line) {
  const auto is_name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  };
  std::size_t i = 0;
  while (i < line.size() && is_name_char(line[i])) ++i;
  if (i == 0) return false;
  while (i < line.size() && mime::is_space_or_tab(line[i])) ++i;
  return i < line.size() && line[i] == ':';
}

}  // namespace

Content sniff(std::string_view head) {
  head = head.substr(0, kSniffSize);
  if (head.empty()) return Content::empty;
  if (head.starts_with(kGzipMagic)) return Content::gzip;
  if (head.starts_with(kXzMagic)) return Content::xz;
  if (head.starts_with(kZstdMagic)) return Content::zstd;
  if (is_bzip2(head)) return Content::bzip2;
  if (!archive_format(head).empty()) return Content::archive;
  if (head.starts_with(kOutlookDataMagic)) return Content::outlook_data;
  if (is_dbox_file(head)) return Content::dbox;
  // The first line decides before any NUL byte does: a crash can leave runs of NULs inside a
  // mailbox, and losing the whole mailbox to them would be worse than reading them as text.
  const mime::Line first = mime::line_at(head, 0);
  if (is_separator_line(first.text)) return Content::mbox;
  if (is_header_line(first.text)) return Content::message;
  // A message may carry a damaged envelope line ("From MAILER-DAEMON") before its header, or
  // Apple Mail's line of its length.
  if (first.text.starts_with("From ") && first.next < head.size() &&
      is_header_line(mime::line_at(head, first.next).text))
    return Content::message;
  if (emlx_message_length(head)) return Content::message;
  if (head.find('\0') != std::string_view::npos) return Content::binary;
  return Content::text;
}

std::optional<std::size_t> emlx_message_length(std::string_view text) {
  const mime::Line first = mime::line_at(text, 0);
  std::string_view digits = first.text;
  if (digits.ends_with('\r')) digits.remove_suffix(1);
  std::size_t length = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (first.next >= text.size() || !is_header_line(mime::line_at(text, first.next).text)) return std::nullopt;
  return length;
}

std::string_view archive_format(std::string_view head) {
  // A tar header holds "ustar" at byte 257.
  if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) return "zip";
  if (head.starts_with("7z\xBC\xAF\x27\x1C")) return "7z";
  if (head.starts_with("Rar!\x1A\x07")) return "rar";
  if (head.size() >= 262 && head.substr(257, 5) == "ustar") return "tar";
  return {};
}

bool is_compressed(Content content) {
  return content == Content::gzip || content == Content::xz || content == Content::zstd ||
         content == Content::bzip2;
}

bool needs_own_reader(Content content) {
  return content == Content::archive || content == Content::outlook_data || is_compressed(content);
}

}  // namespace bg::mailbox
