#pragma once
// The person (or small organisation) whose mailbox a scenario is: their domain, the server their
// real mail leaves through, the people who write from it, and whether that server signs
// envelope senders with BATV.
#include <cstdint>
#include <string>
#include <vector>

#include "scenario_random.h"
#include "vocabulary.h"

namespace bg::testing::scenarios {

struct Owner {
  std::string domain;        // "nordhaven.example"
  std::string relay_host;    // the outbound server: "mail.nordhaven.example"
  std::string relay_ip;      // its address
  std::string inbound_host;  // where the owner's own mail arrives: "mx1.nordhaven.example"
  std::vector<Person> people;
  bool batv = false;
  int offset_minutes = 0;  // the owner's time zone

  // The envelope sender the owner's server writes for `address` on mail it sends at `when`:
  // the address, or its BATV form "prvs=KDDDSSSSSS=local@domain" (key number, the day number
  // the tag expires, 7 days on, and a signature).
  std::string envelope_sender(const std::string& address, std::int64_t when) const;
};

Owner make_owner(ScenarioRandom& random);

}  // namespace bg::testing::scenarios
