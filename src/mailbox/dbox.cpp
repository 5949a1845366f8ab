#include "mailbox/dbox.h"

#include <charconv>
#include <filesystem>
#include <optional>

#include "mailbox/large_message.h"

namespace bg::mailbox {

namespace {

constexpr std::string_view kMessageMagic("\x01\x02N", 3);
constexpr std::string_view kMetadataMagic("\n\x01\x03\n", 4);
// "\x01\x02N", a space, eight characters, a space, sixteen hex digits, the line break.
constexpr std::size_t kShortestMessageHeader = 30;
constexpr std::size_t kSizeOffset = 13;
constexpr std::size_t kSizeDigits = 16;

struct FileHeader {
  std::size_t message_header_size = 0;
  std::size_t end = 0;  // just past its line
};

std::optional<std::size_t> parse_hex(std::string_view digits) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// The first line, "2 M1e C6b09e928": version 2, then fields named by their first letter.
std::optional<FileHeader> read_file_header(std::string_view text) {
  if (!text.starts_with("2 ")) return std::nullopt;
  const std::size_t line_end = text.find('\n');
  if (line_end == std::string_view::npos) return std::nullopt;
  std::string_view fields = text.substr(2, line_end - 2);
  FileHeader header;
  header.end = line_end + 1;
  while (!fields.empty()) {
    const std::size_t space = fields.find(' ');
    const std::string_view field = fields.substr(0, space);
    fields.remove_prefix(space == std::string_view::npos ? fields.size() : space + 1);
    if (!field.starts_with('M')) continue;
    const std::optional<std::size_t> size = parse_hex(field.substr(1));
    if (!size || *size < kShortestMessageHeader) return std::nullopt;
    header.message_header_size = *size;
  }
  if (header.message_header_size == 0) return std::nullopt;
  return header;
}

// The size of the message whose header starts at `at`, if a well-formed header does.
std::optional<std::size_t> message_size(std::string_view text, std::size_t at, std::size_t header_size) {
  const std::string_view header = text.substr(at, header_size);
  if (header.size() < header_size || !header.starts_with(kMessageMagic) || header.back() != '\n')
    return std::nullopt;
  return parse_hex(header.substr(kSizeOffset, kSizeDigits));
}

// Where the next message's header starts, given where a message ends: past its metadata, whose
// lines end at an empty one. At the end of `text` when the metadata runs to it; at `at` itself
// when no metadata follows, which the next header's check then finds damaged.
std::size_t past_metadata(std::string_view text, std::size_t at) {
  if (!text.substr(at).starts_with(kMetadataMagic)) return at;
  for (std::size_t line = at + kMetadataMagic.size(); line < text.size();) {
    if (text[line] == '\n') return line + 1;
    const std::size_t line_end = text.find('\n', line);
    if (line_end == std::string_view::npos) break;
    line = line_end + 1;
  }
  return text.size();
}

}  // namespace

bool is_dbox_file(std::string_view head) {
  const std::optional<FileHeader> header = read_file_header(head);
  return header && head.substr(header->end).starts_with(kMessageMagic);
}

std::size_t split_dbox(std::string_view text, std::vector<Piece>& messages, CutMessage cut) {
  const std::optional<FileHeader> header = read_file_header(text);
  if (!header) return text.size();
  const std::size_t header_size = header->message_header_size;
  std::size_t damaged = 0;
  for (std::size_t at = header->end; at + header_size <= text.size();) {
    std::optional<std::size_t> size = message_size(text, at, header_size);
    if (!size) {
      // Damage: what follows is read again from the next well-formed message header.
      std::size_t next = at;
      do next = text.find(kMessageMagic, next + 1);
      while (next != std::string_view::npos && !(size = message_size(text, next, header_size)));
      if (next == std::string_view::npos) return damaged + text.size() - at;
      damaged += next - at;
      at = next;
    }
    const std::string_view message = text.substr(at + header_size).substr(0, *size);
    if (message.size() < *size && cut == CutMessage::drop) break;
    if (!message.empty()) messages.push_back({message});
    at = past_metadata(text, at + header_size + message.size());
  }
  return damaged;
}

bool in_mdbox_mailbox(std::string_view path) {
  const std::size_t mails = path.find("/dbox-Mails/");
  const std::size_t mailboxes = path.substr(0, mails).rfind("/mailboxes/");
  if (mails == std::string_view::npos || mailboxes == std::string_view::npos) return false;
  std::error_code error;
  return std::filesystem::is_directory(std::string(path.substr(0, mailboxes)) + "/storage", error);
}

std::string dbox_damage_notice(std::size_t damaged_bytes) {
  return "damaged dbox file: " + std::to_string(damaged_bytes) + " bytes between its messages were passed over";
}

std::string dbox_cut_notice(std::size_t largest) {
  const std::string limit = size_limit_text(largest);
  return "a dbox file larger than " + limit + ": what follows its first " + limit + " was not read";
}

}  // namespace bg::mailbox
