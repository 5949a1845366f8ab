#include "bounce/address.h"

#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

bool is_local_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;  // internationalized addresses (RFC 6531)
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

bool is_domain_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '[' || c == ']' || c == ':' || c == '_';
}

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
    if (!local.empty() && !domain.empty()) return std::string(local) + "@" + std::string(domain);
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

std::string domain_of(std::string_view address) {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  std::string domain = mime::lowercase(address.substr(at + 1));
  while (!domain.empty() && (domain.back() == '>' || domain.back() == '.')) domain.pop_back();
  return domain;
}

bool is_mailer_daemon(std::string_view text) {
  static constexpr std::string_view kSystemNames[] = {
      "mailer-daemon", "postmaster", "mail delivery", "mail administrator", "mail.delivery", "mailer daemon",
      "mail-daemon", "delivery subsystem", "mail system", "mailerdaemon", "maildaemon", "mdaemon", "post_master"};
  for (std::string_view name : kSystemNames)
    if (mime::icontains(text, name)) return true;
  return false;
}

}  // namespace bg::bounce
