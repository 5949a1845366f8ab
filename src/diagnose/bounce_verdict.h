#pragma once
// Who sent the original of one bounce, and so what the bounce is: the evidence weighed by how
// hard it is to forge (Sent folder and mail log, then a BATV tag, then what the recipient's own
// server wrote, then DKIM and Message-ID), and the category that follows with the reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bounce/record.h"
#include "diagnose/blocklist_mention.h"
#include "diagnose/diagnosis_types.h"
#include "diagnose/owner.h"
#include "diagnose/sent_mail.h"
#include "dns/ip_address.h"

namespace bg::diagnose {

// What the diagnosis knows beyond the one bounce.
struct VerdictContext {
  const Owner& owner;
  const SentMail& sent;
  bool owner_uses_batv = false;  // some bounces came to BATV-tagged addresses of the owner
};

// The hop of the returned original's Received chain where it entered the recipient's systems
// from outside: the top-most one, past the recipient's internal relays. Written by the
// recipient's server, so its connecting IP is the sender's, whatever lower lines claim.
struct EntryHop {
  const bounce::ReceivedHop* hop = nullptr;
  const bounce::ReceivedHop* below = nullptr;  // the sender's own line under it, if any
  dns::IpAddress address;                      // the hop's from_ip, parsed
};
EntryHop entry_hop(const bounce::OriginalMessage& original);

struct BounceVerdict {
  std::optional<bool> sent_by_owner;
  Category category = Category::kUnknown;
  bounce::Evidence evidence;
  std::optional<BlocklistMention> blocklist;  // looked for only where it decides the category
  // The four views below are of the judged record's Received hops, valid while it is.
  std::string_view entry_ip;  // where the original came from, when known
  std::optional<dns::IpAddress> entry_address;  // the same, parsed
  std::string_view entry_helo;
  std::string_view auth_sender;  // a trusted authenticated submission's sender
  std::string_view client_ip;    // and the client it came from
  bool spammy_subject = false;  // looked for in mail sent by the owner only
};

BounceVerdict judge(const bounce::Record& record, const VerdictContext& context);

// Subjects typical of spam and phishing ("Invoice overdue", "Verify your account").
bool looks_like_spam_subject(std::string_view subject);

}  // namespace bg::diagnose
