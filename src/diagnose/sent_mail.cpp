#include "diagnose/sent_mail.h"

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "bounce/address.h"
#include "bounce/original/original_facts.h"
#include "bounce/original/received.h"
#include "mailbox/byte_stream.h"
#include "mailbox/decompressor.h"
#include "mailbox/file_descriptor.h"
#include "mailbox/message_source.h"
#include "mime/ascii.h"
#include "mime/headers.h"

namespace bg::diagnose {

namespace {

constexpr int kInSentFolder = 1;
constexpr int kInMailLog = 2;

// Every address in an address-list header ("a@x, B <b@y>").
std::vector<std::string> addresses_in(std::string_view list) {
  std::vector<std::string> addresses;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (std::string address = bounce::find_address(list.substr(0, comma)); !address.empty())
      addresses.push_back(mime::lowercase(address));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return addresses;
}

bool is_authenticated_submission(std::string_view protocol) {
  const std::string lower = mime::lowercase(protocol);
  return lower == "esmtpsa" || lower == "esmtpa" || lower == "smtpsa" || lower == "esmtpsa+pipelining";
}

// The value of "name=value" in a log line, "<...>" or up to the next comma or space.
std::string_view log_value(std::string_view line, std::string_view name) {
  const std::size_t at = line.find(name);
  if (at == std::string_view::npos) return {};
  std::string_view rest = line.substr(at + name.size());
  if (rest.starts_with("<")) {
    const std::size_t close = rest.find('>');
    return close == std::string_view::npos ? std::string_view() : rest.substr(1, close - 1);
  }
  return rest.substr(0, rest.find_first_of(", "));
}

}  // namespace

std::vector<mailbox::ReadProblem> SentMail::read_sent_folder(const std::string& path) {
  const auto source = mailbox::open_source(path);
  mailbox::Batch batch;
  mime::Headers headers;
  std::size_t not_mail = 0;
  while (source->next(batch)) {
    for (const mailbox::RawMessage& message : batch.messages) {
      headers.parse(message.bytes);
      if (headers.empty()) {
        ++not_mail;
        continue;
      }
      ++sent_messages_;
      const std::string id = bounce::clean_message_id(headers.raw("Message-ID"));
      if (!id.empty()) message_ids_[id] |= kInSentFolder;
      for (std::string_view field : {"To", "Cc", "Bcc"})
        headers.for_each(field, [&](std::string_view value) {
          for (const std::string& address : addresses_in(mime::unfold(value))) add_correspondent(address);
        });
      headers.for_each("Received", [&](std::string_view value) {
        const bounce::ReceivedHop hop = bounce::parse_received(value);
        if (is_authenticated_submission(hop.protocol) && !hop.by_host.empty())
          ++submission_hosts_[mime::lowercase(hop.by_host)];
      });
    }
  }
  std::vector<mailbox::ReadProblem> problems = source->take_problems();
  if (not_mail > 0)
    problems.push_back({path, std::to_string(not_mail) + (not_mail == 1 ? " message" : " messages") +
                                  " in it not mail (no header), passed over"});
  return problems;
}

void SentMail::read_mail_log(const std::string& path) {
  mailbox::FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw mailbox::InputError(path, std::strerror(errno));
  try {
    // logrotate compresses the older logs; they are read as they are.
    const std::unique_ptr<mailbox::ByteStream> log = mailbox::open_decompressed(std::move(fd));
    constexpr std::size_t kChunk = 64 * 1024;
    constexpr std::size_t kLongestLine = 1024 * 1024;
    std::string text;
    std::size_t line_start = 0;
    while (true) {
      text.erase(0, line_start);
      line_start = 0;
      const std::size_t kept = text.size();
      text.resize(kept + kChunk);
      const std::size_t got = log->read(text.data() + kept, kChunk);
      text.resize(kept + got);
      if (got == 0) break;
      for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', line_start)) {
        read_log_line(std::string_view(text).substr(line_start, end - line_start));
        line_start = end + 1;
      }
      // No log line is this long: what has no line end by then is not a log, and is passed over
      // rather than kept in memory.
      if (text.size() - line_start > kLongestLine) line_start = text.size();
    }
    if (!text.empty()) read_log_line(text);  // a last line without its line end
  } catch (const mailbox::StreamError& error) {
    throw mailbox::InputError(path, error.what());
  }
}

void SentMail::read_log_line(std::string_view line) {
  // Postfix: "postfix/cleanup[123]: 4F1A9C2B7E: message-id=<...>"; Exim: "<= ... id=<...>".
  std::string_view id = log_value(line, "message-id=");
  if (id.empty() && line.find(" <= ") != std::string_view::npos) id = log_value(line, " id=");
  if (!id.empty()) {
    message_ids_[bounce::clean_message_id(id)] |= kInMailLog;
    ++logged_messages_;
  }
  // Postfix delivery lines name the recipients: "postfix/smtp[...]: ID: to=<a@b>, relay=...".
  if (line.find("postfix/smtp[") != std::string_view::npos || line.find("postfix/lmtp[") != std::string_view::npos) {
    const std::string_view to = log_value(line, " to=");
    if (!to.empty()) add_correspondent(mime::lowercase(to));
  }
  // Exim delivery lines: "=> a@b R=dnslookup T=remote_smtp".
  if (const std::size_t arrow = line.find(" => "); arrow != std::string_view::npos) {
    const std::string address = bounce::find_address(line.substr(arrow + 4, 320));
    if (!address.empty()) add_correspondent(mime::lowercase(address));
  }
}

bool SentMail::in_sent_folder(std::string_view message_id) const {
  if (message_ids_.empty()) return false;
  const auto it = message_ids_.find(std::string(message_id));
  return it != message_ids_.end() && (it->second & kInSentFolder);
}

bool SentMail::in_mail_log(std::string_view message_id) const {
  if (message_ids_.empty()) return false;
  const auto it = message_ids_.find(std::string(message_id));
  return it != message_ids_.end() && (it->second & kInMailLog);
}

bool SentMail::wrote_to(std::string_view address) const {
  return correspondents_.contains(mime::lowercase(address));
}

bool SentMail::wrote_to_domain(std::string_view domain) const {
  return correspondent_domains_.contains(mime::lowercase(domain));
}

void SentMail::add_correspondent(std::string_view address) {
  correspondents_.emplace(address);
  const std::string domain = bounce::domain_of(address);
  if (!domain.empty()) correspondent_domains_.insert(domain);
}

}  // namespace bg::diagnose
