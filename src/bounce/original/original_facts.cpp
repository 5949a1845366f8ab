#include "bounce/original/original_facts.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "bounce/address.h"
#include "bounce/original/received.h"
#include "mime/ascii.h"
#include "mime/headers.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The d= tag of a DKIM-Signature (RFC 6376 section 3.5). Only that tag is unfolded: the
// signature itself, with its b= and bh= data, runs to hundreds of bytes.
std::string dkim_domain(std::string_view signature) {
  std::string_view rest = signature;
  while (!rest.empty()) {
    const std::size_t semicolon = rest.find(';');
    const std::string_view tag = mime::trim(rest.substr(0, semicolon));
    if (tag.size() > 2 && (tag[0] == 'd' || tag[0] == 'D')) {
      const std::string_view after_name = mime::trim(tag.substr(1));
      if (after_name.starts_with('=')) return mime::lowercase(mime::trim(mime::unfold(after_name.substr(1))));
    }
    if (semicolon == std::string_view::npos) break;
    rest.remove_prefix(semicolon + 1);
  }
  return {};
}

// The list's ID an unfolded List-Id value holds, without its angle brackets; none when it holds
// a space.
std::string_view list_id_in(std::string_view id) {
  const std::size_t open = id.find('<');
  const std::size_t close = id.find('>', open == std::string_view::npos ? 0 : open);
  if (open != std::string_view::npos && close != std::string_view::npos) id = id.substr(open + 1, close - open - 1);
  if (id.find(' ') != std::string_view::npos) return {};
  return id;
}

// The fields the facts are read from, found in one pass over the block rather than one lookup
// for each name: the first field of each name, nullptr where there is none, and where the
// Received fields start and end.
struct OriginalFields {
  const std::string_view* message_id = nullptr;
  const std::string_view* from = nullptr;
  const std::string_view* return_path = nullptr;
  const std::string_view* to = nullptr;
  const std::string_view* subject = nullptr;
  const std::string_view* date = nullptr;
  const std::string_view* list_id = nullptr;
  const std::string_view* authentication_results = nullptr;
  // In the order they are preferred.
  const std::string_view* originating_ips[3] = {nullptr, nullptr, nullptr};
  std::size_t first_received = 0;
  std::size_t received_end = 0;  // one past the last
  std::size_t received_count = 0;
};

// Whether the `size` bytes at `field_name` are those at `lowercase_name` but for case, a word at a
// time, the last word overlapping the one before it.
template <typename Word>
bool same_words_lowered(const char* field_name, const char* lowercase_name, std::size_t size) {
  constexpr Word kCaseBits = static_cast<Word>(0x2020202020202020ULL);
  const auto word_at = [](const char* at) {
    Word word;
    std::memcpy(&word, at, sizeof word);
    return word;
  };
  for (std::size_t at = 0; at + sizeof(Word) < size; at += sizeof(Word))
    if ((word_at(field_name + at) | kCaseBits) != word_at(lowercase_name + at)) return false;
  return (word_at(field_name + size - sizeof(Word)) | kCaseBits) == word_at(lowercase_name + size - sizeof(Word));
}

// Whether `field` is called `lowercase_name`, of two bytes or more and only lowercase letters
// and '-'. Setting bit 0x20 of a byte gives such a byte only when it is that letter in either
// case, or '-': the byte that gives '-' besides itself is a carriage return, which no field name
// holds.
bool is_named(const mime::HeaderField& field, std::string_view lowercase_name) {
  const std::size_t size = lowercase_name.size();
  if (field.name.size() != size) return false;
  if (size >= 8) return same_words_lowered<std::uint64_t>(field.name.data(), lowercase_name.data(), size);
  if (size >= 4) return same_words_lowered<std::uint32_t>(field.name.data(), lowercase_name.data(), size);
  return same_words_lowered<std::uint16_t>(field.name.data(), lowercase_name.data(), size);
}

// Sets `slot` to `field`'s value when the field is called `name` and is the first of that name.
bool take_first(const mime::HeaderField& field, std::string_view name, const std::string_view*& slot) {
  if (!is_named(field, name)) return false;
  if (slot == nullptr) slot = &field.value;
  return true;
}

bool is_received(const mime::HeaderField& field) { return is_named(field, "received"); }
bool is_dkim_signature(const mime::HeaderField& field) { return is_named(field, "dkim-signature"); }

// `visit_dkim_signature` is called with each DKIM-Signature value, in order.
template <typename VisitDkimSignature>
OriginalFields find_fields(const std::vector<mime::HeaderField>& fields, VisitDkimSignature visit_dkim_signature) {
  OriginalFields found;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const mime::HeaderField& field = fields[i];
    // Names are told apart by their length first: most fields are none of these.
    switch (field.name.size()) {
      case 2: take_first(field, "to", found.to); break;
      case 4: take_first(field, "from", found.from) || take_first(field, "date", found.date); break;
      case 7: take_first(field, "subject", found.subject) || take_first(field, "list-id", found.list_id); break;
      case 8:
        if (is_received(field)) {
          if (found.received_count++ == 0) found.first_received = i;
          found.received_end = i + 1;
        }
        break;
      case 10: take_first(field, "message-id", found.message_id); break;
      case 11:
        take_first(field, "return-path", found.return_path) || take_first(field, "x-sender-ip", found.originating_ips[1]) ||
            take_first(field, "x-source-ip", found.originating_ips[2]);
        break;
      case 14:
        if (is_dkim_signature(field)) visit_dkim_signature(field.value);
        break;
      case 16: take_first(field, "x-originating-ip", found.originating_ips[0]); break;
      case 22: take_first(field, "authentication-results", found.authentication_results); break;
      default: break;
    }
  }
  return found;
}

// The message ID an unfolded Message-ID value holds, without angle brackets or trailing comments.
std::string_view message_id_in(std::string_view id) {
  const std::size_t open = id.find('<');
  const std::size_t close = id.find('>', open == std::string_view::npos ? 0 : open);
  if (open != std::string_view::npos && close != std::string_view::npos) return id.substr(open + 1, close - open - 1);
  if (const std::size_t space = id.find(' '); space != std::string_view::npos) return id.substr(0, space);
  return id;
}

}  // namespace

std::string clean_message_id(std::string_view value) {
  std::string scratch;
  return std::string(message_id_in(mime::unfolded(value, scratch)));
}

OriginalMessage read_original(std::string_view header_block, const mime::Headers* parsed) {
  OriginalMessage original;
  read_original_into(header_block, parsed, original);
  return original;
}

void read_original_into(std::string_view header_block, const mime::Headers* parsed, OriginalMessage& original) {
  // A block not parsed yet is parsed into one Headers per thread, whose list of fields keeps its
  // room from one original to the next: nothing read here keeps a view into it. Its fields are
  // only walked, never looked up by name, so they are not indexed by name.
  thread_local mime::Headers parsed_here;
  if (parsed == nullptr) {
    parsed_here.parse_fields(header_block);
    parsed = &parsed_here;
  }
  const mime::Headers& headers = *parsed;
  if (headers.empty()) return;
  original.present = true;

  // Each DKIM signing domain is kept once, in the order first signed.
  const auto add_dkim_domain = [&](std::string_view signature) {
    std::string domain = dkim_domain(signature);
    if (!domain.empty() && std::find(original.dkim_domains.begin(), original.dkim_domains.end(), domain) ==
                               original.dkim_domains.end())
      original.dkim_domains.push_back(std::move(domain));
  };
  const OriginalFields fields = find_fields(headers.fields(), add_dkim_domain);
  const auto raw = [](const std::string_view* value) { return value == nullptr ? std::string_view() : *value; };

  // Values are unfolded into one scratch string, and only those that need it: most do not. The
  // string is the thread's, and keeps its room from one original to the next.
  thread_local std::string unfolded;
  original.messageid = message_id_in(mime::unfolded(raw(fields.message_id), unfolded));
  mime::text_of_value_into(raw(fields.from), original.from);
  original.returnpath = address_in(raw(fields.return_path));
  mime::text_of_value_into(raw(fields.to), original.to);
  mime::text_of_value_into(raw(fields.subject), original.subject);
  original.date = mime::unfolded(raw(fields.date), unfolded);
  original.listid = list_id_in(mime::unfolded(raw(fields.list_id), unfolded));
  original.authentication_results = mime::unfolded(raw(fields.authentication_results), unfolded);
  // Each hop is read into its place in the list, which is sized for them all at once.
  original.received.reserve(fields.received_count);
  for (std::size_t i = fields.first_received; i < fields.received_end; ++i) {
    const mime::HeaderField& field = headers.fields()[i];
    if (!is_received(field)) continue;
    parse_received(field.value, original.received.emplace_back());
  }
  for (const std::string_view* value : fields.originating_ips) {
    // Most originals have none of them.
    if (value == nullptr || value->empty()) continue;
    std::string ip(mime::trim(mime::unfolded(*value, unfolded)));
    ip.erase(std::remove_if(ip.begin(), ip.end(), [](char c) { return c == '[' || c == ']'; }), ip.end());
    if (is_ip_address(ip)) {
      original.x_originating_ip = ip;
      break;
    }
  }
}

}  // namespace bg::bounce
