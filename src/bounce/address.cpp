#include "bounce/address.h"

#include <string.h>

#include <array>

#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The characters of an address's local part and domain, as tables: find_address runs over
// every reply and header that may hold an address. Both take letters, digits and 8-bit bytes
// (internationalized addresses, RFC 6531), and some punctuation each.
constexpr std::array<bool, 256> address_chars(std::string_view punctuation) {
  std::array<bool, 256> table{};
  for (int c = 0x80; c < 0x100; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (char c : punctuation) table[static_cast<unsigned char>(c)] = true;
  return table;
}

constexpr std::array<bool, 256> kLocalChars = address_chars("!#$%&'*+-/=?^_`{|}~.");
constexpr std::array<bool, 256> kDomainChars = address_chars("-.[]:_");

bool is_local_char(char c) { return kLocalChars[static_cast<unsigned char>(c)]; }
bool is_domain_char(char c) { return kDomainChars[static_cast<unsigned char>(c)]; }

}  // namespace

std::string find_address(std::string_view text) {
  std::size_t at = text.find('@');
  while (at != std::string_view::npos) {
    std::size_t start = at;
    while (start > 0 && is_local_char(text[start - 1])) --start;
    // A quoted local part: "john doe"@example.com
    if (start == at && at >= 2 && text[at - 1] == '"') {
      const std::size_t open = text.rfind('"', at - 2);
      if (open != std::string_view::npos) start = open;
    }
    std::size_t end = at + 1;
    while (end < text.size() && is_domain_char(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == ':' || text[end - 1] == ']')) {
      if (text[end - 1] == ']' && text.substr(at + 1, end - at - 1).find('[') != std::string_view::npos) break;
      --end;
    }
    std::string_view local = text.substr(start, at - start);
    while (!local.empty() && local.front() == '.') local.remove_prefix(1);
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    if (!local.empty() && !domain.empty()) {
      // Sized once, the '@' in place, and the two parts copied in beside it.
      std::string address(local.size() + 1 + domain.size(), '@');
      local.copy(address.data(), local.size());
      domain.copy(address.data() + local.size() + 1, domain.size());
      return address;
    }
    at = text.find('@', at + 1);
  }
  return {};
}

bool is_address(std::string_view text) {
  text = mime::trim(text);
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= text.size()) return false;
  return find_address(text) == text;
}

std::string_view domain_part(std::string_view address) {
  const void* at = address.empty() ? nullptr : ::memrchr(address.data(), '@', address.size());
  if (at == nullptr) return {};
  std::string_view domain = address.substr(static_cast<std::size_t>(static_cast<const char*>(at) - address.data()) + 1);
  while (!domain.empty() && (domain.back() == '>' || domain.back() == '.')) domain.remove_suffix(1);
  return domain;
}

std::string domain_of(std::string_view address) { return mime::lowercase(domain_part(address)); }

bool is_mailer_daemon(std::string_view text) {
  static constexpr std::string_view kSystemNames[] = {
      "mailer-daemon", "postmaster", "mail delivery", "mail administrator", "mail.delivery", "mailer daemon",
      "mail-daemon", "delivery subsystem", "mail system", "mailerdaemon", "maildaemon", "mdaemon", "post_master"};
  for (std::string_view name : kSystemNames)
    if (mime::icontains(text, name)) return true;
  return false;
}

}  // namespace bg::bounce
