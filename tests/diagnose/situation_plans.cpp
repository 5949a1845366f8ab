// The situations a scenario can hold, as plans of mail: the owner's everyday correspondence
// (and what refuses it while blocklisted or unauthenticated), a spoofing campaign, a compromised
// account's burst, and ordinary delivery failures.
#include <algorithm>

#include "bounce/address.h"
#include "scenario_builder.h"

namespace bg::testing::scenarios {

namespace {

std::string local_of(std::string_view address) { return std::string(address.substr(0, address.find('@'))); }

// Whether a destination's servers take part (enforce DMARC, query the blocklist): always for
// the big providers, for about `share` of other domains, the same answer for one domain.
bool destination_takes_part(std::string_view domain, double share) {
  return is_big_provider(domain) || (stable_hash(domain) % 100) < share * 100;
}

}  // namespace

void ScenarioBuilder::choose_correspondents() {
  const int count = random_.between(14, 20);
  for (int i = 0; i < count; ++i) correspondents_.push_back(correspondent(random_));
  // Someone at each big provider the replies differ for, so every destination occurs.
  for (const char* provider : {"gmail.com", "outlook.com", "yahoo.com", "gmail.com"}) {
    const std::string first = first_name(random_);
    const std::string last = last_name(random_);
    correspondents_.push_back({first + " " + last, local_part_of(first, last, random_) + "@" + provider});
  }
}

void ScenarioBuilder::plan_situations() {
  if (present("authentication")) {
    authentication_enforced_ = true;
    // The owner's set-up: no DKIM signing at all, or a signature of the sending service's
    // domain that does not align with the From.
    owner_dkim_domain_ = random_.chance(0.5) ? "" : "smtp-relay-service.example";
  }
  if (present("compromise")) {
    attacker_account_ = random_.chance(0.5) ? owner_.people.front().address : "info@" + owner_.domain;
    for (int i = random_.between(1, 3); i > 0; --i) attacker_ips_.push_back(random_.public_ipv4());
    // The burst starts at night.
    burst_start_ = start_ + random_.between(6, 16) * kDay + random_.between(-6, -3) * kHour;
  }
  if (present("blocklisted") && !present("compromise")) {
    // Listed for reasons the mailbox does not show, such as a neighbour on a shared network.
    listed_from_ = start_ + random_.between(5, 15) * kDay;
    listed_until_ = listed_from_ + random_.between(7, 11) * kDay;
  }
}

void ScenarioBuilder::everyday_incoming() {
  for (int day = 0; day < kScenarioDays; ++day) {
    for (int i = random_.between(1, 3); i > 0; --i) {
      const Person& to = random_.pick(owner_.people);
      const std::int64_t at = working_hours_moment(day);
      if (random_.chance(0.35)) {
        incoming(newsletter_sender(random_), to, newsletter_subject(random_),
                 "Read this issue in your browser.\n\nUnsubscribe at any time.\n", at, true);
      } else {
        const Person& from = random_.pick(correspondents_);
        incoming(from, to, "Re: " + everyday_subject(random_),
                 everyday_body(to.name.substr(0, to.name.find(' ')), from.name, random_), at, false);
      }
    }
  }
}

FailurePlan ScenarioBuilder::blocklist_failure(const OutboundMail& mail, const std::string& category) {
  const std::string domain = bounce::domain_of(mail.to.address);
  FailurePlan plan;
  plan.category = category;
  if (!is_big_provider(domain) && random_.chance(0.15)) {
    // A gateway that took the message in and whose filter behind it queried the blocklist.
    plan.writer = BounceWriter::kRemoteServer;
    plan.reply = blocklist_reply(domain, owner_.relay_ip, random_);
    plan.layout = &layout_for(plan.writer, "", domain, true, false);
    return plan;
  }
  plan.writer = BounceWriter::kOwnerServer;
  if (random_.chance(0.5)) {
    const Layout* own = nullptr;
    for (const Layout& layout : layouts()) {
      const auto& providers = layout.spec().providers;
      if (layout.spec().reason == "badreputation" &&
          std::find(providers.begin(), providers.end(), domain) != providers.end())
        own = &layout;
    }
    if (own) {
      plan.layout = own;
      return plan;
    }
  }
  plan.reply = blocklist_reply(domain, owner_.relay_ip, random_);
  plan.layout = &layout_for(plan.writer, "", domain, true, false);
  return plan;
}

std::optional<FailurePlan> ScenarioBuilder::fate_of_everyday_mail(const OutboundMail& mail) {
  const std::string domain = bounce::domain_of(mail.to.address);
  if (authentication_enforced_ && destination_takes_part(domain, 0.4)) {
    FailurePlan plan;
    plan.category = "auth_failure";
    plan.writer = BounceWriter::kOwnerServer;
    if (domain == "gmail.com" && random_.chance(0.5)) {
      plan.layout = &layout_for(plan.writer, "authfailure", domain, false, false);
    } else {
      plan.reply = authentication_reply(mail.to.address, mail.envelope_sender, owner_.domain, owner_.relay_ip,
                                        random_);
      plan.layout = &layout_for(plan.writer, "", domain, true, false);
    }
    return plan;
  }
  const bool listed = listed_from_ != 0 && mail.sent_at >= listed_from_ &&
                      (listed_until_ == 0 || mail.sent_at < listed_until_);
  if (listed && destination_takes_part(domain, 0.6)) return blocklist_failure(mail, "blocklisted");
  return std::nullopt;
}

void ScenarioBuilder::everyday_outgoing() {
  const bool busy = present("blocklisted") || present("authentication");
  for (int day = 0; day < kScenarioDays; ++day) {
    for (int i = random_.between(busy ? 1 : 0, busy ? 4 : 3); i > 0; --i) {
      const OutboundMail mail = owner_mail(random_.pick(owner_.people), random_.pick(correspondents_),
                                           working_hours_moment(day));
      if (const auto plan = fate_of_everyday_mail(mail)) failed(mail, *plan);
      else delivered(mail);
    }
  }
}

void ScenarioBuilder::spoofing_campaign() {
  const int waves = random_.between(2, 3);
  for (int wave = 0; wave < waves; ++wave) {
    const std::int64_t wave_start =
        start_ + random_.between(0, kScenarioDays - 3) * kDay + random_.between(0, 23) * kHour;
    const std::int64_t wave_length = random_.between(6, 36) * kHour;
    for (int i = random_.between(25, 45); i > 0; --i) {
      // Backscatter comes from the smaller sites that accept first and check later; Hotmail's
      // old servers did so for full mailboxes.
      Person to = correspondent(random_);
      to.address = local_of(to.address) + "@" + (random_.chance(0.08) ? "hotmail.com" : company_domain(random_));
      OutboundMail mail = spammer_mail(to, wave_start + random_.below(static_cast<std::uint32_t>(wave_length)));
      FailurePlan plan;
      plan.writer = BounceWriter::kRemoteServer;
      plan.category = "backscatter";
      const std::string domain = bounce::domain_of(to.address);
      if (domain != "hotmail.com" && random_.chance(0.1)) {
        // The recipient's filter looked the bot's address up in a blocklist after accepting.
        plan.trap = "third_party_blocklist";
        plan.reply = blocklist_reply(domain, mail.client_ip, random_);
        plan.layout = &layout_for(plan.writer, "", domain, true, false);
      } else {
        plan.layout = &layout_for(plan.writer, "", domain, false, false);
        if (random_.chance(0.15)) {
          plan.trap = "forged_owner_hop";
          mail.forged_owner_hop = true;
        }
      }
      failed(mail, plan);
    }
  }
}

void ScenarioBuilder::compromise_burst() {
  const std::int64_t burst_length = random_.between(60, 180) * kMinute;
  const int messages = random_.between(200, 320);
  // Blocklists pick the owner's server up while the burst is still going, and keep it listed.
  const bool listing_follows = present("blocklisted");
  if (listing_follows) listed_from_ = burst_start_ + burst_length * 2 / 5;
  for (int i = 0; i < messages; ++i) {
    const std::int64_t at = burst_start_ + burst_length * i / messages + random_.below(20);
    Person to = correspondent(random_);
    const OutboundMail mail = attacker_mail(to, at);
    const std::string domain = bounce::domain_of(to.address);
    if (listing_follows && at >= listed_from_ && destination_takes_part(domain, 0.6) && random_.chance(0.7)) {
      failed(mail, blocklist_failure(mail, "compromise"));
      continue;
    }
    if (random_.chance(0.75)) {
      delivered(mail);
      continue;
    }
    FailurePlan plan;
    plan.category = "compromise";
    const bool at_smtp_time = is_big_provider(domain) || random_.chance(0.6);
    plan.writer = at_smtp_time ? BounceWriter::kOwnerServer : BounceWriter::kRemoteServer;
    const std::uint32_t why = random_.below(100);
    if (why < 50) {
      if (at_smtp_time) plan.reply = unknown_user_reply(to.address, random_);
      plan.layout = at_smtp_time ? &layout_for(plan.writer, "", domain, true, false)
                                 : &layout_for(plan.writer, "userunknown", domain, false, false);
    } else if (why < 85) {
      if (at_smtp_time || random_.chance(0.3)) {
        plan.reply = spam_reply(domain, owner_.relay_ip, random_);
        plan.layout = &layout_for(plan.writer, "", domain, true, false);
      } else {
        plan.layout = &layout_for(plan.writer, "spamdetected", domain, false, false);
      }
    } else if (domain == "gmail.com") {
      plan.layout = &layout_for(plan.writer, "mailboxfull", domain, false, false);
    } else {
      plan.reply = mailbox_full_reply(to.address);
      plan.layout = &layout_for(BounceWriter::kOwnerServer, "", domain, true, false);
      plan.writer = BounceWriter::kOwnerServer;
    }
    failed(mail, plan);
  }
}

void ScenarioBuilder::delivery_failures() {
  struct Target {
    Person person;
    std::string reason;
  };
  std::vector<Target> targets;
  // Mistyped domains of people the owner writes to at the right domain too.
  int typos = random_.between(2, 3);
  for (const Person& person : correspondents_) {
    if (typos == 0) break;
    const std::string typo = typo_of(bounce::domain_of(person.address), random_);
    if (typo.empty()) continue;
    targets.push_back({{person.name, local_of(person.address) + "@" + typo}, "hostunknown"});
    // The owner writes to the right address too, so the Sent folder shows the correct domain.
    delivered(owner_mail(random_.pick(owner_.people), person, working_hours_moment(random_.between(0, 20))));
    --typos;
  }
  for (int i = random_.between(3, 5); i > 0; --i) {
    const std::string first = first_name(random_);
    const std::string last = last_name(random_);
    targets.push_back({{first + " " + last, local_part_of(first, last, random_) + "@" + company_domain(random_)},
                       "userunknown"});
  }
  for (int i = random_.between(1, 3); i > 0; --i) {
    Person person = correspondent(random_);
    targets.push_back({person, "mailboxfull"});
  }
  for (int i = random_.between(1, 2); i > 0; --i)
    targets.push_back({{"Info", "info." + std::to_string(random_.between(10, 99)) + "@" + company_domain(random_)},
                       "suspend"});

  for (const Target& target : targets) {
    const std::string domain = bounce::domain_of(target.person.address);
    for (int attempt = random_.between(1, 3); attempt > 0; --attempt) {
      const OutboundMail mail = owner_mail(random_.pick(owner_.people), target.person,
                                           working_hours_moment(random_.between(0, kScenarioDays - 1)));
      FailurePlan plan;
      plan.category = "delivery_failure";
      plan.return_original = !random_.chance(0.25);
      if (!plan.return_original) plan.trap = "no_original";
      const bool without_original = !plan.return_original;
      if (target.reason == "hostunknown" || target.reason == "suspend") {
        plan.writer = BounceWriter::kOwnerServer;
        plan.layout = &layout_for(plan.writer, target.reason, domain, false, without_original);
      } else if (target.reason == "userunknown") {
        plan.writer = random_.chance(0.5) ? BounceWriter::kOwnerServer : BounceWriter::kRemoteServer;
        plan.layout = &layout_for(plan.writer, "userunknown", domain, false, without_original);
      } else if (domain == "gmail.com") {
        plan.writer = BounceWriter::kOwnerServer;
        plan.layout = &layout_for(plan.writer, "mailboxfull", domain, false, without_original);
      } else if (is_big_provider(domain) && domain != "outlook.com" && domain != "hotmail.com") {
        plan.writer = BounceWriter::kOwnerServer;
        plan.reply = mailbox_full_reply(target.person.address);
        plan.layout = &layout_for(plan.writer, "", domain, true, without_original);
      } else {
        plan.writer = BounceWriter::kRemoteServer;
        plan.layout = &layout_for(plan.writer, "mailboxfull", domain, false, without_original);
      }
      failed(mail, plan);
    }
  }
}

}  // namespace bg::testing::scenarios
