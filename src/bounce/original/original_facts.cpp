#include "bounce/original/original_facts.h"

#include <algorithm>

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

std::string list_id(std::string_view value) {
  std::string scratch;
  std::string_view id = mime::unfolded(value, scratch);
  const std::size_t open = id.find('<');
  const std::size_t close = id.find('>', open == std::string_view::npos ? 0 : open);
  if (open != std::string_view::npos && close != std::string_view::npos) id = id.substr(open + 1, close - open - 1);
  if (id.find(' ') != std::string_view::npos) return {};
  return std::string(id);
}

}  // namespace

std::string clean_message_id(std::string_view value) {
  std::string scratch;
  std::string_view id = mime::unfolded(value, scratch);
  const std::size_t open = id.find('<');
  const std::size_t close = id.find('>', open == std::string_view::npos ? 0 : open);
  if (open != std::string_view::npos && close != std::string_view::npos) return std::string(id.substr(open + 1, close - open - 1));
  if (const std::size_t space = id.find(' '); space != std::string_view::npos) id = id.substr(0, space);
  return std::string(id);
}

OriginalMessage read_original(std::string_view header_block, const mime::Headers* parsed) {
  OriginalMessage original;
  mime::Headers parsed_here;
  if (parsed == nullptr) {
    parsed_here.parse(header_block);
    parsed = &parsed_here;
  }
  const mime::Headers& headers = *parsed;
  if (headers.empty()) return original;
  original.present = true;

  original.messageid = clean_message_id(headers.raw("Message-ID"));
  original.from = headers.text("From");
  original.returnpath = find_address(headers.raw("Return-Path"));
  original.to = headers.text("To");
  original.subject = headers.text("Subject");
  // Values are unfolded into one scratch string, and only those that need it: most do not.
  std::string unfolded;
  original.date = mime::unfolded(headers.raw("Date"), unfolded);
  original.listid = list_id(headers.raw("List-Id"));
  original.authentication_results = mime::unfolded(headers.raw("Authentication-Results"), unfolded);
  // Each hop is read into its place in the list, which is sized for them all at once.
  std::size_t hops = 0;
  headers.for_each("Received", [&](std::string_view) { ++hops; });
  original.received.reserve(hops);
  headers.for_each("Received", [&](std::string_view value) {
    mime::unfold_into(value, unfolded);
    parse_received(unfolded, original.received.emplace_back());
  });
  headers.for_each("DKIM-Signature", [&](std::string_view value) {
    std::string domain = dkim_domain(value);
    if (!domain.empty() && std::find(original.dkim_domains.begin(), original.dkim_domains.end(), domain) ==
                               original.dkim_domains.end())
      original.dkim_domains.push_back(std::move(domain));
  });
  for (std::string_view name : {"X-Originating-IP", "X-Sender-IP", "X-Source-IP"}) {
    // Most originals have none of them.
    const std::string_view value = headers.raw(name);
    if (value.empty()) continue;
    std::string ip(mime::trim(mime::unfolded(value, unfolded)));
    ip.erase(std::remove_if(ip.begin(), ip.end(), [](char c) { return c == '[' || c == ']'; }), ip.end());
    if (is_ip_address(ip)) {
      original.x_originating_ip = ip;
      break;
    }
  }
  return original;
}

}  // namespace bg::bounce
