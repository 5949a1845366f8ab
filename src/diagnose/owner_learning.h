#pragma once
// Learning who the owner is from the mail itself, when the command line does not say: their
// domain (the one the bounces come back to) and their relays (where their own returned mail came
// from: originals found in the Sent folder, or signed with the owner's DKIM key). Says what it
// learned and from what.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "bounce/record.h"
#include "diagnose/owner.h"
#include "diagnose/sent_mail.h"

namespace bg::diagnose {

class OwnerLearning {
 public:
  // Counts what `record` shows of its owner.
  void observe(const bounce::Record& record, const SentMail& sent);
  // Sets the owner's domain when none was given.
  void complete_domains(Owner& owner) const;
  // Adds the relays the mail shows: where originals found in the Sent folder or the mail log,
  // or signed with the owner's DKIM key, came from; and the Sent folder's submission hosts.
  void complete_relays(Owner& owner, const SentMail& sent) const;
  // Whether some bounces came back to BATV-tagged addresses of the owner.
  bool uses_batv(const Owner& owner) const;

 private:
  std::uint64_t bounces_ = 0;
  // Hashed, not ordered: every record counts into both.
  std::unordered_map<std::string, std::uint64_t> bounce_domains_;  // where bounces were sent
  std::unordered_map<std::string, std::uint64_t> sender_domains_;  // the originals' senders
  std::map<std::string, std::uint64_t> batv_domains_;     // BATV-tagged bounce addresses
  // Entry IPs of originals, by what vouches for them: found in the Sent folder or mail log, or
  // signed with a DKIM domain (domain -> ip -> count).
  std::map<std::string, std::uint64_t> sent_entry_ips_;
  std::map<std::string, std::map<std::string, std::uint64_t>> signed_entry_ips_;
};

}  // namespace bg::diagnose
