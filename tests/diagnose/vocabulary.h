#pragma once
// The words scenarios are made of: people, domains, host names, subjects and bodies, chosen
// from fixed lists so that a seed always gives the same mail.
#include <span>
#include <string>
#include <string_view>

#include "scenario_random.h"

namespace bg::testing::scenarios {

struct Person {
  std::string name;     // "Anna Berg"
  std::string address;  // "anna.berg@gmail.com"
};

// The big mailbox providers, whose own servers answer for their users.
std::span<const std::string_view> big_providers();
bool is_big_provider(std::string_view domain);
// A misspelling of a big provider's domain ("gmial.com"), or "" for other domains.
std::string typo_of(std::string_view domain, ScenarioRandom& random);

std::string first_name(ScenarioRandom& random);
std::string last_name(ScenarioRandom& random);
// "anna.berg", "aberg", "anna_b"...
std::string local_part_of(std::string_view first, std::string_view last, ScenarioRandom& random);
// A small organisation's domain: "lindgren-bau.de".
std::string company_domain(ScenarioRandom& random);
// Someone at a company or at a big provider.
Person correspondent(ScenarioRandom& random);

// The HELO name of an infected PC: "WIN-7Q2K3L9", "DESKTOP-4HF8K2P", "User-PC".
std::string pc_helo(ScenarioRandom& random);

std::string everyday_subject(ScenarioRandom& random);
std::string everyday_body(std::string_view greeting_name, std::string_view signature, ScenarioRandom& random);
std::string spam_subject(ScenarioRandom& random);
std::string spam_body(ScenarioRandom& random);
// The display name phishing mail puts before the abused address: "DHL Express".
std::string phishing_display_name(ScenarioRandom& random);
// A newsletter the owner subscribes to.
Person newsletter_sender(ScenarioRandom& random);
std::string newsletter_subject(ScenarioRandom& random);

}  // namespace bg::testing::scenarios
