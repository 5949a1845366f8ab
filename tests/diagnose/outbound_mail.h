#pragma once
// A message sent in the owner's name, whoever really sent it, and the copies of it that end up
// somewhere: returned inside a bounce (as the owner's server or the recipient's server held
// it) or saved in the owner's Sent folder.
#include <cstdint>
#include <string>

#include "owner.h"
#include "scenario_random.h"
#include "vocabulary.h"

namespace bg::testing::scenarios {

enum class Origin {
  kOwner,     // the owner wrote it and sent it through their server
  kAttacker,  // someone with a stolen password sent it through the owner's server
  kSpammer,   // a spam bot sent it straight to the recipient, forging the owner's address
};

struct OutboundMail {
  Origin origin = Origin::kOwner;
  Person from;                  // the From field
  std::string envelope_sender;  // MAIL FROM (a BATV form when the owner's server signs)
  std::string account;          // the authenticated sender at the owner's server
  Person to;
  std::string subject;
  std::string body;
  std::string message_id;  // without angle brackets
  std::int64_t sent_at = 0;
  int offset_minutes = 0;       // the sender's time zone
  std::string client_ip;        // the machine that handed the message in
  std::string client_host;      // its reverse name, "unknown" when none
  std::string helo;             // what it called itself
  std::string queue_id;         // at the owner's server, when the message passed there
  std::string dkim_domain;      // "" when unsigned
  std::string x_originating_ip; // webmail's note of the browser's address
  std::string mailer;           // "User-Agent: ..." or "X-Mailer: ..."
  bool via_webmail = false;
  // A spammer's fake "by <owner's server> with ESMTPSA" line below the real first hop.
  bool forged_owner_hop = false;
};

// The message as the owner's server holds it when it refused to deliver it itself: its own
// submission hop on top.
std::string copy_at_owner_server(const OutboundMail& mail, const Owner& owner, bool headers_only,
                                 ScenarioRandom& random);

// The message as the recipient's server `receiving_host` received it, from the owner's server
// (owner and attacker mail) or straight from the spam bot.
std::string copy_at_recipient(const OutboundMail& mail, const Owner& owner, const std::string& receiving_host,
                              bool headers_only, ScenarioRandom& random);

// The copy the owner's mail program saved in the Sent folder.
std::string sent_folder_copy(const OutboundMail& mail);

// A Postfix queue ID: "4F1A9C2B7E".
std::string postfix_queue_id(ScenarioRandom& random);

}  // namespace bg::testing::scenarios
