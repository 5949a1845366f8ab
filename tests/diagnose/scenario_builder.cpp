#include "scenario_builder.h"

#include <algorithm>

#include <fmt/format.h>

#include "bounce/address.h"
#include "ground_truth.h"
#include "mail_dates.h"
#include "scenario_files.h"

namespace bg::testing::scenarios {

namespace {

Given given_by(Variant variant) {
  switch (variant) {
    case Variant::kMailboxOnly: return {};
    case Variant::kSentFolder: return {true, false, true, false};
    case Variant::kMailLog: return {true, false, false, true};
    case Variant::kRelayGiven: return {true, true, false, false};
    case Variant::kEverything: return {true, true, true, true};
  }
  return {};
}

std::string local_of(std::string_view address) { return std::string(address.substr(0, address.find('@'))); }

}  // namespace

ScenarioBuilder::ScenarioBuilder(const ScenarioSpec& spec)
    : spec_(spec),
      given_(given_by(spec.variant)),
      random_(spec.seed * 7919u + static_cast<std::uint32_t>(spec.kind) * 131u +
              static_cast<std::uint32_t>(spec.variant)),
      owner_(make_owner(random_)),
      log_(owner_, random_),
      situations_(situations_of(spec.kind)) {
  start_ = unix_time_of(2026, 1 + static_cast<int>(spec.seed % 10), 1 + static_cast<int>(spec.seed % 25), 7, 0, 0);
  owner_dkim_domain_ = owner_.domain;
}

bool ScenarioBuilder::present(std::string_view situation) const {
  return std::find(situations_.begin(), situations_.end(), situation) != situations_.end();
}

ScenarioBuilder::Server ScenarioBuilder::server_of(const std::string& domain) {
  const auto known = servers_.find(domain);
  if (known != servers_.end()) return known->second;
  Server server;
  if (domain == "gmail.com")
    server.host = "gmail-smtp-in.l.google.com";
  else if (domain == "outlook.com" || domain == "hotmail.com")
    server.host = domain.substr(0, domain.find('.')) + "-com.olc.protection.outlook.com";
  else if (domain == "yahoo.com")
    server.host = "mta6.am0.yahoodns.net";
  else if (domain == "aol.com")
    server.host = "mx-aol.mail.gm0.yahoodns.net";
  else
    server.host = (random_.chance(0.5) ? "mx1." : "mail.") + domain;
  server.ip = random_.public_ipv4();
  servers_[domain] = server;
  return server;
}

std::int64_t ScenarioBuilder::working_hours_moment(int day) {
  return start_ + day * kDay + random_.between(1, 10) * kHour + random_.between(0, 59) * kMinute +
         random_.between(0, 59) - owner_.offset_minutes * kMinute;
}

OutboundMail ScenarioBuilder::owner_mail(const Person& from, const Person& to, std::int64_t at) {
  OutboundMail mail;
  mail.origin = Origin::kOwner;
  mail.from = from;
  mail.account = from.address;
  mail.envelope_sender = owner_.envelope_sender(from.address, at);
  mail.to = to;
  mail.subject = everyday_subject(random_);
  mail.body = everyday_body(to.name.substr(0, to.name.find(' ')), from.name, random_);
  mail.message_id = fmt::format("{}-{}-{}-{}-{}@{}", random_.hex(8), random_.hex(4), random_.hex(4), random_.hex(4),
                                random_.hex(12), owner_.relay_host);
  mail.sent_at = at;
  mail.offset_minutes = owner_.offset_minutes;
  mail.client_ip = random_.home_ipv4();
  std::string dashed = mail.client_ip;
  std::replace(dashed.begin(), dashed.end(), '.', '-');
  mail.client_host = "host-" + dashed + ".broadband.example";
  mail.helo = "[192.168.1." + std::to_string(random_.between(2, 250)) + "]";
  mail.queue_id = postfix_queue_id(random_);
  mail.dkim_domain = owner_dkim_domain_;
  mail.mailer = "User-Agent: Mozilla Thunderbird";
  return mail;
}

OutboundMail ScenarioBuilder::attacker_mail(const Person& to, std::int64_t at) {
  OutboundMail mail;
  mail.origin = Origin::kAttacker;
  mail.from = {phishing_display_name(random_), attacker_account_};
  mail.account = attacker_account_;
  mail.envelope_sender = owner_.envelope_sender(attacker_account_, at);
  mail.to = to;
  mail.subject = spam_subject(random_);
  mail.body = spam_body(random_);
  mail.message_id = random_.chance(0.5) ? random_.alphanumeric(32) + "@" + owner_.domain
                                        : fmt::format("{}.{}@{}", at, random_.hex(10, true), owner_.relay_host);
  mail.sent_at = at;
  mail.offset_minutes = 0;
  mail.queue_id = postfix_queue_id(random_);
  mail.dkim_domain = owner_dkim_domain_;
  mail.via_webmail = random_.chance(0.4);
  if (mail.via_webmail) {
    mail.x_originating_ip = random_.pick(attacker_ips_);
    mail.mailer = "User-Agent: Roundcube Webmail/1.6.6";
  } else {
    mail.client_ip = random_.pick(attacker_ips_);
    mail.client_host = "unknown";
    mail.helo = random_.chance(0.5) ? "User" : "[" + mail.client_ip + "]";
    mail.mailer = "X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)";
  }
  return mail;
}

OutboundMail ScenarioBuilder::spammer_mail(const Person& to, std::int64_t at) {
  OutboundMail mail;
  mail.origin = Origin::kSpammer;
  if (random_.chance(0.6)) {
    mail.from = random_.pick(owner_.people);
  } else {
    const std::string first = first_name(random_);
    mail.from = {first, local_part_of(first, last_name(random_), random_) + "@" + owner_.domain};
  }
  mail.account = mail.from.address;
  mail.envelope_sender = mail.from.address;  // a spammer cannot sign BATV tags
  mail.to = to;
  mail.subject = spam_subject(random_);
  mail.body = spam_body(random_);
  mail.sent_at = at;
  mail.offset_minutes = random_.pick(std::vector<int>{-300, 0, 60, 180, 330, 480});
  mail.client_ip = random_.public_ipv4();
  mail.client_host = "unknown";
  mail.helo = pc_helo(random_);
  switch (random_.below(3)) {
    case 0: mail.message_id = fmt::format("{}.{}@{}", at, random_.hex(12, true), mail.helo); break;
    case 1: mail.message_id = random_.hex(24) + "@" + company_domain(random_); break;
    default:
      mail.message_id = fmt::format("{}-{}-{}@{}", random_.hex(8, true), random_.hex(4, true),
                                    random_.hex(12, true), mail.helo);
  }
  if (random_.chance(0.5)) mail.mailer = "X-Mailer: Microsoft Outlook Express 6.00.2900.5512";
  return mail;
}

const Layout& ScenarioBuilder::layout_for(BounceWriter writer, std::string_view reason,
                                          std::string_view recipient_domain, bool replaces_reply,
                                          bool without_original) {
  std::vector<const Layout*> candidates;
  for (const Layout& layout : layouts()) {
    const LayoutSpec& spec = layout.spec();
    if (writer == BounceWriter::kOwnerServer ? !spec.owner_server : !spec.remote_server) continue;
    if (replaces_reply ? !layout.replaceable_reply() : (!reason.empty() && spec.reason != reason)) continue;
    if (without_original && layout.names_original_id()) continue;
    const bool for_this_provider =
        std::find(spec.providers.begin(), spec.providers.end(), recipient_domain) != spec.providers.end();
    const bool generic_fits = spec.providers.empty() &&
                              (writer == BounceWriter::kOwnerServer || !is_big_provider(recipient_domain));
    if (for_this_provider || generic_fits) candidates.push_back(&layout);
  }
  if (candidates.empty())
    throw std::logic_error(fmt::format("no layout for a {} bounce ({}) to {}",
                                       writer == BounceWriter::kOwnerServer ? "owner server" : "remote", reason,
                                       recipient_domain));
  return *random_.pick(candidates);
}

void ScenarioBuilder::keep_in_sent_folder(const OutboundMail& mail) {
  sent_.emplace_back(mail.sent_at, mbox_message("-", mail.sent_at, sent_folder_copy(mail)));
}

void ScenarioBuilder::delivered(const OutboundMail& mail) {
  const Server server = server_of(bounce::domain_of(mail.to.address));
  log_.record(mail, {server.host, server.ip, mail.sent_at + random_.between(1, 5), false, "2.0.0", "", ""});
  if (mail.origin == Origin::kOwner) keep_in_sent_folder(mail);
}

std::map<std::string, std::string> ScenarioBuilder::bounce_fields(const OutboundMail& mail, const FailurePlan& plan,
                                                                  const Reply& reply, std::int64_t bounced_at) {
  const std::string recipient_domain = bounce::domain_of(mail.to.address);
  const Server recipient_server = server_of(recipient_domain);
  const bool through_owner = mail.origin != Origin::kSpammer;
  std::map<std::string, std::string> fields;
  fields["RCPT"] = mail.to.address;
  fields["RCPT_LOCAL"] = local_of(mail.to.address);
  fields["RCPT_DOMAIN"] = recipient_domain;
  fields["ENVELOPE"] = mail.envelope_sender;
  fields["SENDER_LOCAL"] = local_of(mail.from.address);
  fields["OWNER_DOMAIN"] = owner_.domain;
  fields["OWNER_MX"] = owner_.inbound_host;
  fields["SUBJECT"] = mail.subject;
  fields["ORIGINAL_ID"] = mail.message_id;
  fields["REPLY"] = reply.text;
  fields["STATUS"] = reply.status;
  fields["COMMAND"] = reply.command;
  fields["NAMED_IP"] = owner_.relay_ip;
  fields["QUEUE_ID"] = mail.queue_id.empty() ? postfix_queue_id(random_) : mail.queue_id;
  if (plan.writer == BounceWriter::kOwnerServer) {
    fields["LHOST"] = owner_.relay_host;
    fields["LHOST_IP"] = owner_.relay_ip;
    fields["CLIENT_HOST"] = mail.via_webmail ? "localhost" : mail.client_host;
    fields["CLIENT_IP"] = mail.via_webmail ? "127.0.0.1" : mail.client_ip;
    fields["REMOTE_HOST"] = recipient_server.host;
    fields["REMOTE_IP"] = recipient_server.ip;
    fields["DATE"] = rfc5322_date({bounced_at, owner_.offset_minutes});
  } else {
    fields["LHOST"] =
        plan.layout->spec().keep_reporting_host ? plan.layout->own_reporting_host() : recipient_server.host;
    fields["LHOST_IP"] = recipient_server.ip;
    fields["CLIENT_HOST"] = through_owner ? owner_.relay_host : mail.helo;
    fields["CLIENT_IP"] = through_owner ? owner_.relay_ip : mail.client_ip;
    // The mailbox server behind the gateway, which refused the message.
    fields["REMOTE_HOST"] = "mailstore" + std::to_string(random_.between(1, 4)) + "." + recipient_domain;
    fields["REMOTE_IP"] = "10." + std::to_string(random_.below(256)) + "." + std::to_string(random_.below(256)) +
                          "." + std::to_string(random_.between(2, 254));
    fields["DATE"] = rfc5322_date({bounced_at, 0});
  }
  fields["BOUNCE_ID"] = fmt::format("{}.{}@{}", bounced_at, random_.hex(10, true), fields["LHOST"]);
  return fields;
}

ExpectedBounce ScenarioBuilder::truth_of(const OutboundMail& mail, const FailurePlan& plan,
                                         const std::string& connecting_ip, std::int64_t bounced_at) const {
  const bool by_owner = plan.writer == BounceWriter::kOwnerServer;
  const bool through_owner = mail.origin != Origin::kSpammer;
  ExpectedBounce truth;
  truth.recipient = mail.to.address;
  if (!through_owner) truth.sent_by_owner = false;
  else if (plan.return_original || owner_.batv) truth.sent_by_owner = true;
  truth.category = plan.category;
  truth.layout = std::string(plan.layout->spec().file);
  truth.writer = by_owner ? "owner_server" : "remote_server";
  truth.reply = plan.reply ? plan.reply->list : "layout";
  truth.trap = plan.trap;
  truth.original_returned = plan.return_original;
  if (plan.return_original) {
    truth.original_message_id = mail.message_id;
    truth.connecting_ip = connecting_ip;
  }
  truth.timestamp = bounced_at;
  if (through_owner) {
    if (owner_.batv) truth.owner_evidence.push_back("batv");
    if (plan.return_original && given_.sent && mail.origin == Origin::kOwner)
      truth.owner_evidence.push_back("sent_folder");
    if (plan.return_original && given_.log) truth.owner_evidence.push_back("mail_log");
    if (plan.return_original && given_.relay)
      truth.owner_evidence.push_back(by_owner ? "owner_server_copy" : "relay_top_hop");
  }
  return truth;
}

void ScenarioBuilder::failed(const OutboundMail& mail, const FailurePlan& plan) {
  const Layout& layout = *plan.layout;
  const bool by_owner = plan.writer == BounceWriter::kOwnerServer;
  const bool through_owner = mail.origin != Origin::kSpammer;
  const std::int64_t bounced_at =
      mail.sent_at + (by_owner ? random_.between(2, 40) : random_.between(40, 3 * static_cast<int>(kHour)));

  Reply reply;
  if (plan.reply) {
    reply = *plan.reply;
  } else {
    reply.text = layout.spec().own_reply;
    const std::size_t placeholder = reply.text.find("{RCPT}");
    if (placeholder != std::string::npos) reply.text.replace(placeholder, 6, mail.to.address);
    reply.status = layout.spec().own_status;
    reply.command = "RCPT TO";
  }
  const std::map<std::string, std::string> fields = bounce_fields(mail, plan, reply, bounced_at);
  std::string original;
  if (plan.return_original) {
    original = by_owner ? copy_at_owner_server(mail, owner_, layout.headers_only(), random_)
                        : copy_at_recipient(mail, owner_, fields.at("LHOST"), layout.headers_only(), random_);
  }
  // Whoever handed the original to the server that wrote the returned copy's top hop.
  const std::string& connecting_ip = fields.at("CLIENT_IP");
  mailbox_.push_back(
      {bounced_at, "MAILER-DAEMON", layout.render(fields, original), truth_of(mail, plan, connecting_ip, bounced_at)});

  if (through_owner) {
    const Server recipient_server = server_of(bounce::domain_of(mail.to.address));
    Delivery delivery{recipient_server.host, recipient_server.ip, by_owner ? bounced_at - 1 : mail.sent_at + 2,
                      by_owner, by_owner ? reply.status : "2.0.0", reply.text, reply.command};
    if (by_owner && layout.spec().reason == "hostunknown") {
      delivery.relay_host.clear();
      delivery.reply = fmt::format("Host or domain name not found. Name service error for name={} type=MX: "
                                   "Host not found",
                                   bounce::domain_of(mail.to.address));
    }
    log_.record(mail, delivery);
  }
  if (mail.origin == Origin::kOwner) keep_in_sent_folder(mail);
}

void ScenarioBuilder::incoming(const Person& from, const Person& to, const std::string& subject,
                               const std::string& body, std::int64_t at, bool newsletter) {
  const std::string domain = bounce::domain_of(from.address);
  const std::string ip = random_.public_ipv4();
  const std::string host = "out" + std::to_string(random_.between(1, 9)) + ".smtp." + domain;
  std::string text = fmt::format("Return-Path: <{}>\nReceived: from {} ({} [{}])\n\tby {} (Postfix) with ESMTPS id {}\n"
                                 "\tfor <{}>; {}\n",
                                 from.address, host, host, ip, owner_.inbound_host, postfix_queue_id(random_),
                                 to.address, rfc5322_date({at + 2, owner_.offset_minutes}));
  text += fmt::format("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={}; s=s1;\n\tbh={}=;\n\tb={}\n",
                      domain, random_.alphanumeric(43), random_.alphanumeric(86));
  text += fmt::format("From: \"{}\" <{}>\nTo: \"{}\" <{}>\nSubject: {}\nDate: {}\nMessage-ID: <{}@{}>\n", from.name,
                      from.address, to.name, to.address, subject, rfc5322_date({at, 0}), random_.hex(20), domain);
  if (newsletter) {
    text += fmt::format("List-Id: <news.{}>\nList-Unsubscribe: <https://{}/unsubscribe?u={}>\nPrecedence: bulk\n",
                        domain, domain, random_.hex(16));
  }
  text += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body;
  mailbox_.push_back({at + 2, from.address, text, std::nullopt});
}

Scenario ScenarioBuilder::build(const std::filesystem::path& folder) {
  choose_correspondents();
  plan_situations();
  everyday_incoming();
  if (present("compromise")) compromise_burst();
  everyday_outgoing();
  if (present("spoofing")) spoofing_campaign();
  if (present("delivery_failures")) delivery_failures();

  std::stable_sort(mailbox_.begin(), mailbox_.end(),
                   [](const MailboxEntry& a, const MailboxEntry& b) { return a.at < b.at; });
  std::stable_sort(sent_.begin(), sent_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  Scenario scenario;
  scenario.spec = spec_;
  scenario.domain = owner_.domain;
  scenario.relays = {owner_.relay_ip, owner_.relay_host};
  for (const Person& person : owner_.people) scenario.addresses.push_back(person.address);
  scenario.batv = owner_.batv;
  scenario.situations = situations_;
  if (given_.domain) scenario.given_domains = {owner_.domain};
  if (given_.relay) scenario.given_relays = scenario.relays;

  std::filesystem::create_directories(folder);
  scenario.mailbox = folder / "inbox.mbox";
  std::string mbox;
  for (const MailboxEntry& entry : mailbox_) {
    mbox += mbox_message(entry.envelope_sender, entry.at, entry.text);
    if (entry.bounce) scenario.bounces.push_back(*entry.bounce);
  }
  scenario.messages = mailbox_.size();
  write_file(scenario.mailbox, mbox);
  if (given_.sent) {
    scenario.sent_folder = folder / "sent.mbox";
    std::string sent;
    for (const auto& [at, text] : sent_) sent += text;
    write_file(scenario.sent_folder, sent);
  }
  if (given_.log) {
    scenario.mail_log = folder / "maillog";
    write_file(scenario.mail_log, log_.text());
  }
  scenario.truth = folder / "truth.json";
  write_truth(scenario, scenario.truth);
  return scenario;
}

}  // namespace bg::testing::scenarios
