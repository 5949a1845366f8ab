#pragma once
// What the owner really sent, from their Sent folder (any mailbox `scan` reads) and the mail log
// of their server (Postfix or Exim): the Message-IDs, who they write to, and the hosts their mail
// was submitted through. A returned original whose Message-ID is here was sent by the owner.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mailbox/message_source.h"

namespace bg::diagnose {

class SentMail {
 public:
  // Reads a Sent folder; throws mailbox::InputError when it cannot be read at all, and returns
  // what could not be read inside it (a damaged file, a message that is not mail).
  std::vector<mailbox::ReadProblem> read_sent_folder(const std::string& path);
  // Reads a Postfix or Exim log, compressed (gzip, xz, zstd, bzip2) or not; throws
  // mailbox::InputError when it cannot be read.
  void read_mail_log(const std::string& path);

  bool empty() const { return message_ids_.empty(); }
  bool in_sent_folder(std::string_view message_id) const;
  bool in_mail_log(std::string_view message_id) const;
  // The owner wrote to this address (or someone at this domain) in the Sent folder or log.
  bool wrote_to(std::string_view address) const;
  bool wrote_to_domain(std::string_view domain) const;
  const std::unordered_set<std::string>& correspondent_domains() const { return correspondent_domains_; }
  // Hosts that took the owner's authenticated submissions ("by mail.example.com with ESMTPSA").
  const std::unordered_map<std::string, std::size_t>& submission_hosts() const { return submission_hosts_; }
  std::size_t sent_messages() const { return sent_messages_; }
  std::size_t logged_messages() const { return logged_messages_; }

 private:
  void read_log_line(std::string_view line);
  void add_correspondent(std::string_view address);

  // Message-ID -> where it was seen: 1 Sent folder, 2 mail log, 3 both.
  std::unordered_map<std::string, int> message_ids_;
  std::unordered_set<std::string> correspondents_;
  std::unordered_set<std::string> correspondent_domains_;
  std::unordered_map<std::string, std::size_t> submission_hosts_;
  std::size_t sent_messages_ = 0;
  std::size_t logged_messages_ = 0;
};

}  // namespace bg::diagnose
