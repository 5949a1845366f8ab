#include "diagnose/bounce_verdict.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "bounce/address.h"
#include "bounce/literal_set.h"
#include "diagnose/batv.h"
#include "diagnose/ip_range.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::diagnose {

namespace {

// Evidence weights, by how hard each fact is to forge.
constexpr int kConclusive = 100;  // the Sent folder or the mail log
constexpr int kBatv = 50;         // a tag only the owner's server can make
constexpr int kStrong = 30;       // what the recipient's server wrote
constexpr int kAuthResults = 20;  // what the recipient's server checked
constexpr int kWeak = 4;          // DKIM domain present or absent (not verified)
constexpr int kHint = 2;          // the Message-ID's shape

// The last two labels of a host name: mx1.mail.example.com -> example.com.
std::string_view site_of(std::string_view host) {
  const std::size_t last = host.rfind('.');
  if (last == std::string_view::npos || last == 0) return host;
  const std::size_t before = host.rfind('.', last - 1);
  return before == std::string_view::npos ? host : host.substr(before + 1);
}

bool is_authenticated_submission(std::string_view protocol) {
  return mime::istarts_with(protocol, "esmtpsa") || mime::istarts_with(protocol, "esmtpa") ||
         mime::istarts_with(protocol, "smtpsa");
}

// The host after the Message-ID's last '@', as written; empty when there is none.
std::string_view message_id_host(std::string_view message_id) {
  // memrchr reads a word at a time where rfind compares byte by byte.
  const auto* at = static_cast<const char*>(memrchr(message_id.data(), '@', message_id.size()));
  return at == nullptr ? std::string_view() : message_id.substr(static_cast<std::size_t>(at + 1 - message_id.data()));
}

// PC-style names a spam bot says hello with: WIN-7Q2K3L9, DESKTOP-AB12CD, a bare address.
bool looks_like_pc_name(std::string_view helo) {
  return mime::istarts_with(helo, "win-") || mime::istarts_with(helo, "desktop-") ||
         mime::istarts_with(helo, "user-pc") || mime::istarts_with(helo, "laptop-") ||
         (!helo.empty() && helo.find('.') == std::string_view::npos);
}

struct AuthenticationResults {
  std::string spf;  // pass, fail, softfail... for the owner's domain; empty when not said
  std::string dkim;
};

// Reads "spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com" for `owner`.
AuthenticationResults read_authentication_results(std::string_view text, const Owner& owner) {
  AuthenticationResults results;
  if (!mime::icontains(text, "spf=") && !mime::icontains(text, "dkim=")) return results;
  const std::string lower = mime::lowercase(text);
  std::string_view rest = lower;
  while (!rest.empty()) {
    const std::size_t semicolon = rest.find(';');
    const std::string_view clause = mime::trim(rest.substr(0, semicolon));
    rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
    for (std::string_view method : {"spf=", "dkim="}) {
      if (!clause.starts_with(method)) continue;
      const std::string_view result = clause.substr(method.size(), clause.find(' ') - method.size());
      // The domain the result is about: smtp.mailfrom=, header.d=, header.i=, header.from=.
      bool about_owner = false;
      for (std::string_view key : {"smtp.mailfrom=", "header.d=", "header.i=", "header.from="}) {
        const std::size_t at = clause.find(key);
        if (at == std::string_view::npos) continue;
        std::string_view value = clause.substr(at + key.size());
        value = value.substr(0, mime::find_any(value, " ;"));
        const std::size_t sign = value.rfind('@');
        if (owner.owns_domain(sign == std::string_view::npos ? value : value.substr(sign + 1))) about_owner = true;
      }
      if (about_owner) (method == "spf=" ? results.spf : results.dkim) = std::string(result);
    }
  }
  return results;
}

// Ordinary failures of real mail to a recipient: the reason alone says what happened to it.
bool is_delivery_failure_reason(std::string_view reason) {
  static constexpr std::string_view kReasons[] = {
      "userunknown", "hostunknown", "mailboxfull", "suspend",      "hasmoved",    "expired",
      "exceedlimit", "mesgtoobig",  "notaccept",   "systemerror", "systemfull",  "networkerror",
      "mailererror", "toomanyconn", "filtered",    "undefined",   "onhold",      "syntaxerror",
      "norelaying",  "speeding",    "contenterror", "rejected",   "securityerror", "delivered"};
  for (std::string_view known : kReasons)
    if (reason == known) return true;
  return false;
}

// Failures that are about the recipient's address or mailbox, not about who sent the mail.
bool is_recipient_problem(std::string_view reason) {
  return reason == "userunknown" || reason == "hostunknown" || reason == "mailboxfull" || reason == "suspend" ||
         reason == "hasmoved" || reason == "mesgtoobig" || reason == "exceedlimit" || reason == "vacation" ||
         reason == "delivered" || reason == "feedback";
}

bool is_authentication_refusal(const bounce::Record& record) {
  if (record.reason == "authfailure") return true;
  for (std::string_view code : {"5.7.26", "5.7.27", "5.7.515", "5.7.23", "5.7.24", "4.7.26", "4.7.23", "4.7.24"})
    if (record.deliverystatus == code) return true;
  return mime::ifind(record.diagnosticcode, "unauthenticated") != std::string_view::npos ||
         mime::ifind(record.diagnosticcode, "dmarc policy") != std::string_view::npos;
}

}  // namespace

EntryHop entry_hop(const bounce::OriginalMessage& original) {
  const auto& hops = original.received;
  for (std::size_t i = 0; i < hops.size(); ++i) {
    const bounce::ReceivedHop& hop = hops[i];
    const auto address = parse_ip(hop.from_ip);
    if (!address || is_internal(*address)) continue;
    // A hop between two hosts of the recipient's own site is still inside its systems, unless
    // it is the last: asked first, that spares comparing the sites of most originals' one hop.
    const bool last = i + 1 == hops.size();
    const bool internal_relay = !last && !hop.from_host.empty() && !hop.by_host.empty() &&
                                mime::iequals(site_of(hop.from_host), site_of(hop.by_host));
    if (internal_relay) continue;
    return {&hop, last ? nullptr : &hops[i + 1], *address};
  }
  return {};
}

bool looks_like_spam_subject(std::string_view subject) {
  static const bounce::LiteralSet phrases = bounce::LiteralSet::compiled("spam-subjects");
  return phrases.found_in(subject);
}

BounceVerdict judge(const bounce::Record& record, const VerdictContext& context) {
  BounceVerdict verdict;
  verdict.evidence.reserve(256);  // room for the three or four facts of a typical bounce
  const Owner& owner = context.owner;
  const bounce::OriginalMessage& original = record.original;
  static const std::string kUnnamedDomain = "your domain";
  const std::string& domain = owner.domains.empty() ? kUnnamedDomain : owner.domains.front();
  int score = 0;
  // Adds the fact that `pieces` make to the evidence, with its weight.
  auto say = [&](int weight, std::initializer_list<std::string_view> pieces) {
    score += weight;
    verdict.evidence.add(pieces);
  };

  // 1. The owner's own records of what they sent.
  const bool has_message_id = original.present && !original.messageid.empty();
  if (has_message_id && context.sent.in_sent_folder(original.messageid)) {
    say(kConclusive, {"Message-ID <", original.messageid, "> is in your Sent folder"});
  } else if (has_message_id && context.sent.in_mail_log(original.messageid)) {
    say(kConclusive, {"Message-ID <", original.messageid, "> is in your server's mail log"});
  } else if (has_message_id && !context.sent.empty()) {
    say(-kWeak, {"Message-ID <", original.messageid, "> is in neither your Sent folder nor your mail log"});
  }

  // 2. BATV: only the owner's server can tag the envelope sender.
  std::optional<BatvTag> tag = read_batv(record.bounce_to);
  if (!tag && original.present) tag = read_batv(original.returnpath);
  if (tag && owner.owns_address(tag->address) && is_fresh(*tag, record.timestamp)) {
    say(kBatv, {"the bounce came back to ", record.bounce_to, ", tagged by your server (BATV)"});
  } else if (context.owner_uses_batv && !tag && owner.owns_address(record.bounce_to)) {
    say(-kBatv / 2, {"the bounce came back to ", record.bounce_to, " without the BATV tag your server adds"});
  }

  // 3. When the owner's own server wrote the bounce, its copy's top line is its own record of
  //    how it got the original: submitted with a password (the owner's mail, or an attacker's
  //    with the owner's password), or received from outside (mail to the owner it relayed on).
  const bool owner_server_bounce = original.present && !original.received.empty() &&
                                   owner.is_relay_host(record.lhost) &&
                                   owner.is_relay_host(original.received.front().by_host);
  const EntryHop entry = owner_server_bounce ? EntryHop{} : entry_hop(original);
  if (owner_server_bounce) {
    const bounce::ReceivedHop& top = original.received.front();
    const std::string_view from = top.from_ip.empty() ? "" : " from ";
    const std::optional<dns::IpAddress> client = parse_ip(top.from_ip);
    if (is_authenticated_submission(top.protocol) || (client && is_internal(*client))) {
      verdict.auth_sender = top.auth_sender;
      verdict.client_ip = top.from_ip;
      say(kStrong, {"your server ", record.lhost, " wrote this bounce: it had accepted the original", from, top.from_ip,
                    top.auth_sender.empty() ? "" : ", sent with the password of ", top.auth_sender,
                    ", and could not deliver it"});
    } else {
      say(-kStrong, {"your server ", record.lhost, " wrote this bounce for mail it received", from, top.from_ip,
                     " without a password: not mail of yours"});
    }
  }
  // What the recipient's server wrote: where the original came from, and what it checked.
  if (entry.hop != nullptr) {
    const bounce::ReceivedHop& hop = *entry.hop;
    verdict.entry_ip = hop.from_ip;
    verdict.entry_address = entry.address;
    verdict.entry_helo = hop.from_host;
    // " (HELO name)", when the hop names one.
    const std::string_view helo_open = hop.from_host.empty() ? "" : " (HELO ";
    const std::string_view helo_close = hop.from_host.empty() ? "" : ")";
    if (owner.is_relay(entry.address) || owner.is_relay_host(hop.from_rdns)) {
      say(kStrong, {"the original reached ", hop.by_host, " from your relay ", hop.from_ip,
                    hop.from_rdns.empty() ? "" : " (", hop.from_rdns, hop.from_rdns.empty() ? "" : ")"});
      // Below a hop from the owner's relay, the submission line is the owner server's own.
      if (entry.below != nullptr && is_authenticated_submission(entry.below->protocol)) {
        verdict.auth_sender = entry.below->auth_sender;
        verdict.client_ip = entry.below->from_ip;
        const bounce::ReceivedHop& below = *entry.below;
        verdict.evidence.add({"submitted to ", below.by_host, " with ", below.protocol,
                              below.auth_sender.empty() ? "" : " by ", below.auth_sender,
                              below.from_ip.empty() ? "" : " from ", below.from_ip});
      }
    } else if (owner.knows_relays()) {
      say(-kStrong, {"the original entered ", hop.by_host, " directly from ", hop.from_ip, helo_open, hop.from_host,
                     helo_close, "; no hop through ", domain, "'s servers"});
    } else if (looks_like_pc_name(hop.from_host)) {
      say(-kWeak, {"the original came from ", hop.from_ip, helo_open, hop.from_host, helo_close,
                   ", a PC-style name, not a mail server"});
    }
  }
  if (original.present && !original.authentication_results.empty()) {
    const AuthenticationResults results = read_authentication_results(original.authentication_results, owner);
    if (results.spf == "pass") say(kAuthResults, {"the recipient's server found SPF pass for ", domain});
    else if (results.spf == "fail" || results.spf == "softfail")
      say(-kAuthResults, {"the recipient's server found SPF ", results.spf, " for ", domain});
    if (results.dkim == "pass") say(kAuthResults, {"the recipient's server verified ", domain, "'s DKIM signature"});
  }

  // 4. Weaker signs: DKIM domains and the Message-ID's shape.
  if (original.present && !owner.domains.empty()) {
    bool signed_by_owner = false;
    for (const std::string& signer : original.dkim_domains) signed_by_owner = signed_by_owner || owner.owns_domain(signer);
    const bool signed_by_others = !original.dkim_domains.empty();
    if (signed_by_owner) say(kWeak, {"DKIM-signed by ", domain});
    else say(-kWeak, {"no DKIM signature", signed_by_others ? " of " : "", signed_by_others ? std::string_view(domain) : ""});
    if (has_message_id) {
      // The host is shown lowercase: most are written so, and are then not copied.
      const std::string_view written = message_id_host(original.messageid);
      const bool has_capitals = std::any_of(written.begin(), written.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      const std::string lowered = has_capitals ? mime::lowercase(written) : std::string();
      const std::string_view host = has_capitals ? std::string_view(lowered) : written;
      if (owner.is_relay_host(host)) say(kHint, {"Message-ID made by ", host});
      else if (!host.empty()) say(-kHint, {"Message-ID made by ", host, ", not by ", domain});
    }
  }
  if (!original.present) verdict.evidence.add({"the bounce returned no copy of the original"});

  if (score > 0) verdict.sent_by_owner = true;
  else if (score < 0) verdict.sent_by_owner = false;
  // Only the mass mail detector asks about the subjects of the owner's mail; the situation tally
  // tests those of backscatter itself, when it keeps count of them.
  verdict.spammy_subject = verdict.sent_by_owner == true && original.present && looks_like_spam_subject(original.subject);

  // The category follows from who sent it and why it bounced. A blocklist the reply names
  // decides it only for mail that may be the owner's and was not refused for failing its
  // authentication, so the reply is searched for one only then.
  if (verdict.sent_by_owner == false) {
    verdict.category = Category::kBackscatter;
    return verdict;
  }
  if (is_authentication_refusal(record)) {
    verdict.category = Category::kAuthFailure;
    return verdict;
  }
  // Replies about the address or the mailbox itself never name a blocklist; the others may.
  if (!is_recipient_problem(record.reason)) verdict.blocklist = find_blocklist_mention(record.diagnosticcode, record.rhost);
  if (verdict.blocklist) {
    const std::string& ip = verdict.blocklist->ip;
    if (!ip.empty() && owner.is_relay(ip)) {
      verdict.category = Category::kBlocklisted;
      verdict.evidence.add({verdict.blocklist->list, " refused your relay ", ip});
    } else if (!ip.empty() && verdict.sent_by_owner != true) {
      // Only an address of the owner's counts: this one may be whoever injected the mail.
      verdict.category = Category::kUnknown;
      verdict.evidence.add({verdict.blocklist->list, " refused ", ip, ", which is not one of your relays"});
    } else {
      verdict.category = Category::kBlocklisted;
      verdict.evidence.add({verdict.blocklist->list, " refused the mail", ip.empty() ? "" : " from ", ip});
    }
  } else if (verdict.sent_by_owner == true || is_delivery_failure_reason(record.reason)) {
    verdict.category = Category::kDeliveryFailure;
  }
  return verdict;
}

}  // namespace bg::diagnose
