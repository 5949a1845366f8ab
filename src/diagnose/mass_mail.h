#pragma once
// Telling the owner's own mail from mass mail sent through their systems by someone who has
// their password. One bounce rarely shows it; together they do: spam and phishing subjects, one
// client address sending them, recipients the owner never wrote to, mail missing from the Sent
// folder, refusals as spam.
#include <cstdint>
#include <map>
#include <string>

#include "bounce/record.h"
#include "diagnose/bounce_verdict.h"
#include "diagnose/sent_mail.h"

namespace bg::diagnose {

class MassMailDetector {
 public:
  explicit MassMailDetector(const SentMail& sent) : sent_(sent) {}

  // Learns from an owner-sent bounce which client addresses send spam-like mail.
  void observe(const bounce::Record& record, const BounceVerdict& verdict);
  // Whether the bounce answers mail that looks like part of such mass mail.
  bool is_candidate(const bounce::Record& record, const BounceVerdict& verdict) const;

 private:
  // Where the mail was submitted from: the client of the authenticated submission, or the
  // address a webmail recorded in X-Originating-IP.
  static std::string client_of(const bounce::Record& record, const BounceVerdict& verdict);

  const SentMail& sent_;
  std::map<std::string, std::uint64_t> spam_by_client_;
};

}  // namespace bg::diagnose
