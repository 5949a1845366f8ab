#pragma once
// Replies that scenarios put into layouts in place of the layout's own: refusals that name a
// blocklist or the sender's reputation, refusals for failed SPF, DKIM or DMARC, and spam
// rejections. The texts follow what the named services really answer.
#include <string>
#include <string_view>

#include "scenario_random.h"

namespace bg::testing::scenarios {

struct Reply {
  std::string text;     // "554 5.7.1 Service unavailable; Client host [203.0.113.10] blocked using ..."
  std::string status;   // "5.7.1"
  std::string command;  // what it answered, as Postfix names it: "RCPT TO", "end of DATA", "MAIL FROM"
  std::string list;     // the blocklist or check it names: "zen.spamhaus.org", "dmarc"...
};

// The refusal a destination's servers give to mail from a listed `ip`: the big providers answer
// in their own words, other domains name the DNS blocklist they use (the same one every time
// for one domain).
Reply blocklist_reply(std::string_view recipient_domain, std::string_view ip, ScenarioRandom& random);

// The refusal a destination gives to unauthenticated mail from `domain`, sent from `ip`.
Reply authentication_reply(std::string_view recipient, std::string_view sender, std::string_view domain,
                           std::string_view ip, ScenarioRandom& random);

// The refusal for an address that does not exist, in the words of the recipient's provider.
Reply unknown_user_reply(std::string_view recipient, ScenarioRandom& random);

// The refusal for a full mailbox.
Reply mailbox_full_reply(std::string_view recipient);

// A refusal for spam content.
Reply spam_reply(std::string_view recipient_domain, std::string_view ip, ScenarioRandom& random);

}  // namespace bg::testing::scenarios
