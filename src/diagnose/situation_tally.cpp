#include "diagnose/situation_tally.h"

#include <algorithm>
#include <functional>
#include <span>
#include <string_view>

#include "bounce/address.h"
#include "diagnose/ip_range.h"
#include "diagnose/typo_suggestion.h"
#include "report/human_number.h"
#include "report/reason_meanings.h"

namespace bg::diagnose {

namespace {

using report::human_number;

constexpr std::size_t kListedRecipients = 5;  // addresses named in an action before "and N more"
constexpr std::size_t kAddressesKept = 1000;  // addresses remembered per reason, for the actions

bool is_spam_refusal(std::string_view reason) {
  return reason == "spamdetected" || reason == "policyviolation" || reason == "virusdetected" ||
         reason == "badreputation" || reason == "blocked" || reason == "contenterror";
}

// "1 bounce", "3 bounces"; the words may carry the verb too: plural(n, "bounce answers", "bounces answer").
std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return human_number(n) + " " + std::string(n == 1 ? one : many);
}

// "a@x, b@y, c@z and 4 more"
std::string list_of(const std::vector<std::string>& items, std::size_t total) {
  std::string text;
  for (std::size_t i = 0; i < items.size() && i < kListedRecipients; ++i) text += (i ? ", " : "") + items[i];
  if (total > kListedRecipients) text += " and " + human_number(total - kListedRecipients) + " more";
  return text;
}

std::string list_of(const std::set<std::string>& items) {
  return list_of(std::vector<std::string>(items.begin(), items.end()), items.size());
}

std::string top_of(const std::map<std::string, std::uint64_t>& counts) {
  std::string best;
  std::uint64_t best_count = 0;
  for (const auto& [name, count] : counts)
    if (count > best_count) best = name, best_count = count;
  return best;
}

// The largest number of times within any hour.
std::uint64_t busiest_hour(std::vector<std::int64_t> times) {
  std::sort(times.begin(), times.end());
  std::uint64_t best = 0;
  std::size_t start = 0;
  for (std::size_t end = 0; end < times.size(); ++end) {
    while (times[end] - times[start] > 3600) ++start;
    best = std::max<std::uint64_t>(best, end - start + 1);
  }
  return best;
}

}  // namespace

void SituationTally::Span::add(std::int64_t when) {
  ++count;
  if (when <= 0) return;
  if (first == 0 || when < first) first = when;
  if (when > last) last = when;
}

bool SituationTally::AddressList::add(const std::string& address) {
  if (in_order.size() >= kAddressesKept || !seen.insert(address).second) return false;
  in_order.push_back(address);
  return true;
}

void SituationTally::Sample::add(const std::string& value) {
  if (!value.empty() && values.size() < kSampleLimit) values.insert(value);
}

std::size_t SituationTally::AddressSample::Hash::operator()(const dns::IpAddress& address) const {
  const std::span<const std::uint8_t> bytes = address.bytes();
  return std::hash<std::string_view>()({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

void SituationTally::AddressSample::add(const dns::IpAddress& address) {
  if (values.size() < kSampleLimit) values.insert(address);
}

void SituationTally::count_candidate(const bounce::Record& record) {
  mass_mail_.add(record.timestamp);
}

void SituationTally::add(const bounce::Record& record, const BounceVerdict& verdict, Category category) {
  ++bounces_;
  if (record.original.present) ++with_original_;
  switch (category) {
    case Category::kBackscatter: {
      backscatter_.add(record.timestamp);
      if (verdict.entry_address) {
        backscatter_ips_.add(*verdict.entry_address);
        backscatter_networks_.add(network_of(*verdict.entry_address));
      }
      const std::string_view helo = verdict.entry_helo;
      if (!helo.empty() && (helo.starts_with("WIN-") || helo.starts_with("DESKTOP-") || helo.find('.') == std::string_view::npos)) {
        ++pc_style_helos_;
        if (example_helo_.empty()) example_helo_ = helo;
      }
      bool signed_by_owner = false;
      for (const std::string& signer : record.original.dkim_domains) signed_by_owner |= owner_.owns_domain(signer);
      if (record.original.present && !signed_by_owner) ++backscatter_unsigned_;
      if (record.original.present && looks_like_spam_subject(record.original.subject)) {
        ++backscatter_spammy_;
        if (example_spam_subject_.empty()) example_spam_subject_ = record.original.subject;
      }
      break;
    }
    case Category::kCompromise:
      compromise_.add(record.timestamp);
      if (!verdict.auth_sender.empty()) ++auth_senders_[std::string(verdict.auth_sender)];
      if (!verdict.client_ip.empty()) ++client_ips_[std::string(verdict.client_ip)];
      else if (!record.original.x_originating_ip.empty()) ++client_ips_[record.original.x_originating_ip];
      compromise_recipients_.add(record.recipient);
      compromise_domains_.add(record.destination);
      if (verdict.spammy_subject) ++compromise_spammy_;
      if (!sent_.empty() && !sent_.wrote_to(record.recipient)) ++compromise_unknown_recipients_;
      if (is_spam_refusal(record.reason)) ++compromise_refused_as_spam_;
      if (record.timestamp > 0 && compromise_times_.size() < 100000) compromise_times_.push_back(record.timestamp);
      break;
    case Category::kBlocklisted: {
      blocklisted_.add(record.timestamp);
      const std::string list = verdict.blocklist ? verdict.blocklist->list : std::string("a blocklist");
      ListTally& tally = lists_[list];
      tally.span.add(record.timestamp);
      if (verdict.blocklist) {
        tally.ips.add(verdict.blocklist->ip);
        tally.removal_page = verdict.blocklist->removal_page;
      }
      tally.destinations.add(record.destination);
      break;
    }
    case Category::kAuthFailure:
      authentication_.add(record.timestamp);
      auth_destinations_.add(record.destination);
      auth_entry_ips_.add(std::string(verdict.entry_ip));
      if (!record.deliverystatus.empty()) ++auth_codes_[record.deliverystatus];
      break;
    case Category::kDeliveryFailure: {
      delivery_.add(record.timestamp);
      if (verdict.sent_by_owner == true) ++delivery_confirmed_;
      if (!record.original.messageid.empty() && sent_.in_sent_folder(record.original.messageid)) ++delivery_written_;
      ++delivery_reasons_[record.reason];
      const bool new_recipient = delivery_recipients_[record.reason].add(record.recipient);
      const bool mistyped_maybe = record.reason == "hostunknown" || record.reason == "userunknown";
      if (new_recipient && mistyped_maybe && typos_.size() < kAddressesKept) {
        if (const auto suggestion = suggest_correction(record.recipient, sent_)) {
          const std::string note =
              suggestion->owner_writes_to ? " (you write to " + bounce::domain_of(suggestion->address) + ")" : "";
          typos_.emplace_back(record.recipient, suggestion->address + note);
        }
      }
      break;
    }
    case Category::kUnknown:
      ++unknown_;
      break;
  }
}

std::string SituationTally::domain() const { return owner_.domains.empty() ? "your domain" : owner_.domains.front(); }

Situation SituationTally::spoofing() const {
  Situation situation;
  situation.kind = SituationKind::kSpoofing;
  situation.bounces = backscatter_.count;
  situation.first_seen = backscatter_.first;
  situation.last_seen = backscatter_.last;
  const std::uint64_t n = backscatter_.count;
  situation.confidence = n >= 5 && n * 2 >= with_original_ ? Confidence::kHigh
                         : n >= 2                            ? Confidence::kMedium
                                                             : Confidence::kLow;
  situation.headline = "Someone is sending spam in your name (" + domain() + "): " + plural(n, "bounce answers", "bounces answer") +
                       " mail that you never sent. This is backscatter; your account is not the source.";
  std::string origin = human_number(n) + " of " + plural(bounces_, "bounce", "bounces") + (n == 1 ? " answers" : " answer") +
                       " mail sent from " +
                       plural(backscatter_ips_.values.size(), "IP", "IPs") + " in " +
                       plural(backscatter_networks_.values.size(), "network", "networks");
  origin += owner_.knows_relays() ? "; none passed through your servers" : ", not from your servers";
  situation.evidence.push_back(origin);
  if (pc_style_helos_ > 0)
    situation.evidence.push_back(plural(pc_style_helos_, "original was", "originals were") +
                                 " sent straight from a PC, not a mail server (HELO " + example_helo_ + ")");
  if (backscatter_unsigned_ > 0)
    situation.evidence.push_back(plural(backscatter_unsigned_, "original carries", "originals carry") +
                                 " no DKIM signature of " + domain());
  if (backscatter_spammy_ > 0)
    situation.evidence.push_back(plural(backscatter_spammy_, "original has a spam or phishing subject",
                                        "originals have spam or phishing subjects") +
                                 ", such as \"" + example_spam_subject_ + "\"");
  std::string spf = "v=spf1";
  for (const IpRange& relay : owner_.relays) spf += (relay.base.is_v4() ? " ip4:" : " ip6:") + relay.to_string();
  if (owner_.relays.empty()) spf += " mx";
  spf += " -all";
  situation.actions = {
      "Publish DMARC, so that receivers refuse mail forged in your name: a TXT record at _dmarc." + domain() +
          " saying \"v=DMARC1; p=reject; rua=mailto:dmarc-reports@" + domain() +
          "\" (start with p=quarantine for a week if unsure).",
      "End your SPF record with -all, so that only your servers may send as " + domain() + ": \"" + spf + "\".",
      "Sign your outgoing mail with DKIM (your mail server or provider makes the key and gives you its DNS record).",
      "Keep the bounces out: have your server tag your own mail's sender (BATV) and refuse bounces to untagged "
      "addresses, or filter bounces whose original never passed through your servers.",
      "Nothing is wrong with your account: delete these bounces; they stop when the spammers move on."};
  return situation;
}

Situation SituationTally::compromise() const {
  Situation situation;
  situation.kind = SituationKind::kCompromise;
  situation.bounces = compromise_.count;
  situation.first_seen = compromise_.first;
  situation.last_seen = compromise_.last;
  const std::uint64_t n = compromise_.count;
  const std::uint64_t burst = busiest_hour(compromise_times_);
  situation.confidence = n >= 10 && (compromise_spammy_ * 2 >= n || burst >= 10) ? Confidence::kHigh : Confidence::kMedium;
  const std::string sender = top_of(auth_senders_);
  situation.headline = "Your own account or server is sending spam: " + plural(n, "bounce answers", "bounces answer") +
                       " mass mail that really left through your servers." +
                       (sender.empty() ? "" : " The account " + sender + " sent it.");
  situation.evidence.push_back(human_number(n) + " bounces answer mail that passed through your servers, to " +
                               plural(compromise_recipients_.values.size(), "recipient", "recipients") + " at " +
                               plural(compromise_domains_.values.size(), "domain", "domains") +
                               (compromise_unknown_recipients_ > 0
                                    ? ", " + human_number(compromise_unknown_recipients_) + " of them never written to before"
                                    : ""));
  if (!sender.empty()) {
    const std::string client = top_of(client_ips_);
    situation.evidence.push_back(plural(auth_senders_.at(sender), "was", "were") + " submitted with the password of " + sender +
                                 (client.empty() ? "" : ", from " + client));
  }
  if (compromise_spammy_ > 0)
    situation.evidence.push_back(plural(compromise_spammy_, "has a spam or phishing subject", "have spam or phishing subjects"));
  if (burst >= 5) situation.evidence.push_back("they went out in a burst: " + human_number(burst) + " within one hour");
  if (compromise_refused_as_spam_ > 0)
    situation.evidence.push_back(plural(compromise_refused_as_spam_, "was", "were") + " refused as spam or for reputation");
  const std::string account = sender.empty() ? "the accounts that send through your server" : "the account " + sender;
  situation.actions = {
      "Reset the password of " + account + " now, and sign out all its sessions and app passwords.",
      "Turn on two-factor authentication for it.",
      "Check the account for forwarding rules, filters and delegates you did not create, and remove them.",
      std::string("Delete the spam still waiting in your server's outgoing queue") +
          (top_of(client_ips_).empty() ? "" : ", and block " + top_of(client_ips_) + " (where it was sent from)") + ".",
      "Scan the computers and phones that use the account for malware.",
      "Once the spam has stopped, ask to be removed from any blocklist that lists your server."};
  return situation;
}

Situation SituationTally::blocklisted() const {
  Situation situation;
  situation.kind = SituationKind::kBlocklisted;
  situation.bounces = blocklisted_.count;
  situation.first_seen = blocklisted_.first;
  situation.last_seen = blocklisted_.last;
  std::set<std::string> ips, destinations;
  std::string main_list;
  std::uint64_t main_count = 0;
  for (const auto& [list, tally] : lists_) {
    ips.insert(tally.ips.values.begin(), tally.ips.values.end());
    destinations.insert(tally.destinations.values.begin(), tally.destinations.values.end());
    if (tally.span.count > main_count) main_list = list, main_count = tally.span.count;
  }
  situation.confidence = blocklisted_.count >= 3 || destinations.size() >= 2 || !ips.empty() ? Confidence::kHigh
                                                                                             : Confidence::kMedium;
  situation.headline = "Your real mail is refused because " + (ips.empty() ? std::string("your server") : list_of(ips)) +
                       " is on " + main_list + "." +
                       (compromise_seen() ? " The listing is probably because of the spam sent from your account." : "");
  for (const auto& [list, tally] : lists_) {
    situation.evidence.push_back(plural(tally.span.count, "bounce", "bounces") + " from " +
                                 plural(tally.destinations.values.size(), "destination", "destinations") + " name " + list +
                                 (tally.ips.values.empty() ? "" : ", refusing " + list_of(tally.ips.sorted())));
  }
  if (compromise_seen()) situation.actions.push_back("Stop the spam first (see the compromise above): lists remove an address only after it stops sending spam.");
  else
    situation.actions.push_back(
        "Find out why the address is listed: an infected computer on your network, an open relay, a web form that "
        "sends mail, or a compromised account.");
  for (const auto& [list, tally] : lists_) {
    if (tally.removal_page.empty()) continue;
    situation.actions.push_back("Ask " + list + " to remove " +
                                (tally.ips.values.empty() ? std::string("your address") : list_of(tally.ips.sorted())) + ": " +
                                tally.removal_page);
  }
  situation.actions.push_back("Meanwhile, send important mail through another server (your provider's, for example).");
  return situation;
}

Situation SituationTally::authentication() const {
  Situation situation;
  situation.kind = SituationKind::kAuthentication;
  situation.bounces = authentication_.count;
  situation.first_seen = authentication_.first;
  situation.last_seen = authentication_.last;
  situation.confidence = authentication_.count >= 2 ? Confidence::kHigh : Confidence::kMedium;
  situation.headline = "Receivers refuse some of your real mail because it fails SPF, DKIM or DMARC checks: your own set-up needs fixing.";
  std::string codes;
  for (const auto& [code, count] : auth_codes_) codes += (codes.empty() ? "" : ", ") + code;
  situation.evidence.push_back(plural(authentication_.count, "bounce", "bounces") + " from " +
                               list_of(auth_destinations_.sorted()) + (codes.empty() ? "" : " (" + codes + ")"));
  if (!auth_entry_ips_.values.empty())
    situation.evidence.push_back("the refused mail was sent from " + list_of(auth_entry_ips_.sorted()));
  std::string additions;
  for (const std::string& ip : auth_entry_ips_.sorted())
    if (!owner_.is_relay(ip)) additions += (additions.empty() ? "" : " ") + std::string(ip.find(':') == std::string::npos ? "ip4:" : "ip6:") + ip;
  situation.actions = {
      "Make sure every server and service that sends mail as " + domain() + " is in your SPF record" +
          (additions.empty() ? "" : ": add " + additions + " (it sent the refused mail)") + ".",
      "Sign the mail of every sending service with DKIM for " + domain() + ".",
      "Make the From address's domain match the DKIM or SPF domain (DMARC alignment); services that send for you "
      "usually have a setting for it.",
      "Check your domain's records: bounceguard check " + domain()};
  return situation;
}

Situation SituationTally::delivery_failures() const {
  Situation situation;
  situation.kind = SituationKind::kDeliveryFailures;
  situation.bounces = delivery_.count;
  situation.first_seen = delivery_.first;
  situation.last_seen = delivery_.last;
  // Beside a compromise, mail through the owner's server may be the attacker's: only the Sent
  // folder then says a failed message was really the owner's. Beside spoofing, a bounce without
  // its original may be backscatter.
  const bool attacker_mail = compromise_seen();
  const std::uint64_t owners = attacker_mail ? delivery_written_ : delivery_confirmed_;
  const bool unexplained = backscatter_.count == 0 && !attacker_mail && delivery_.count > 0;
  situation.confidence = owners >= 3                  ? Confidence::kHigh
                         : owners >= 1 || unexplained ? Confidence::kMedium
                                                      : Confidence::kLow;
  std::size_t recipients = 0;
  for (const auto& [reason, addresses] : delivery_recipients_) recipients += addresses.in_order.size();
  situation.headline = plural(delivery_.count, "message", "messages") + " of yours could not be delivered to " +
                       plural(recipients, "recipient", "recipients") + ": wrong, full or closed mailboxes.";
  std::vector<std::pair<std::uint64_t, std::string>> by_count;
  for (const auto& [reason, count] : delivery_reasons_) by_count.emplace_back(count, reason);
  std::sort(by_count.rbegin(), by_count.rend());
  for (const auto& [count, reason] : by_count) {
    const std::string_view meaning = report::meaning_of(reason);
    situation.evidence.push_back(human_number(count) + " " + reason + (meaning.empty() ? "" : ": " + std::string(meaning)));
  }
  if (!typos_.empty()) {
    std::string fixes;
    for (std::size_t i = 0; i < typos_.size() && i < kListedRecipients; ++i)
      fixes += (i ? "; " : "") + typos_[i].first + " -> " + typos_[i].second;
    if (typos_.size() > kListedRecipients) fixes += "; and " + human_number(typos_.size() - kListedRecipients) + " more";
    situation.actions.push_back("Retype " + plural(typos_.size(), "address that looks mistyped", "addresses that look mistyped") +
                                ": " + fixes + ".");
  }
  auto recipients_of = [&](std::string_view reason) {
    const auto it = delivery_recipients_.find(std::string(reason));
    return it == delivery_recipients_.end() ? std::vector<std::string>() : it->second.in_order;
  };
  if (const auto unknown = recipients_of("userunknown"); !unknown.empty())
    situation.actions.push_back("Remove or correct the addresses that do not exist: " + list_of(unknown, unknown.size()) + ".");
  if (const auto hosts = recipients_of("hostunknown"); !hosts.empty())
    situation.actions.push_back("Check the spelling of domains that do not exist: " + list_of(hosts, hosts.size()) + ".");
  if (const auto full = recipients_of("mailboxfull"); !full.empty())
    situation.actions.push_back("These mailboxes are full; the mail may pass later, or reach the person another way: " +
                                list_of(full, full.size()) + ".");
  if (const auto closed = recipients_of("suspend"); !closed.empty())
    situation.actions.push_back("These accounts are closed or suspended; ask the people for a new address: " +
                                list_of(closed, closed.size()) + ".");
  if (situation.actions.empty())
    situation.actions.push_back("Look at the recipients below: each line says why the mail did not arrive.");
  return situation;
}

std::set<std::string> SituationTally::refused_addresses() const {
  std::set<std::string> addresses;
  for (const auto& [list, tally] : lists_) addresses.insert(tally.ips.values.begin(), tally.ips.values.end());
  return addresses;
}

std::vector<Situation> SituationTally::situations() const {
  std::vector<Situation> found;
  if (compromise_.count > 0) found.push_back(compromise());
  if (blocklisted_.count > 0) found.push_back(blocklisted());
  if (backscatter_.count > 0) found.push_back(spoofing());
  if (authentication_.count > 0) found.push_back(authentication());
  if (delivery_.count > 0) found.push_back(delivery_failures());
  return found;
}

}  // namespace bg::diagnose
