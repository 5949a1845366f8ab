#include "outbound_mail.h"

#include <fmt/format.h>

#include "mail_dates.h"

namespace bg::testing::scenarios {

namespace {

constexpr const char* kPostfixTls =
    "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
    "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n";

std::string base64_noise(ScenarioRandom& random, std::size_t length) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += kAlphabet[random.below(64)];
  return out;
}

std::string date_of(std::int64_t when, int offset_minutes) { return rfc5322_date({when, offset_minutes}); }

// The hop where the owner's server took the message in: from the owner's laptop, the
// attacker's machine, or the webmail front end on the server itself.
std::string submission_hop(const OutboundMail& mail, const Owner& owner, std::string_view queue_id,
                           std::int64_t when) {
  const std::string client = mail.via_webmail
                                 ? fmt::format("from {} (localhost [127.0.0.1])\n", "webmail." + owner.domain)
                                 : fmt::format("from {} ({} [{}])\n{}\t(No client certificate requested)\n",
                                               mail.helo, mail.client_host, mail.client_ip, kPostfixTls);
  return fmt::format("Received: {}\t(Authenticated sender: {})\n\tby {} (Postfix) with ESMTPSA id {}\n"
                     "\tfor <{}>; {}\n",
                     client, mail.account, owner.relay_host, queue_id, mail.to.address,
                     date_of(when, owner.offset_minutes));
}

// The hop the recipient's server wrote, in the style of one of the common servers.
std::string recipient_hop(std::string_view from_name, std::string_view reverse_name, std::string_view ip,
                          std::string_view receiving_host, const OutboundMail& mail, std::int64_t when,
                          ScenarioRandom& random) {
  const std::string date = date_of(when, 0);
  switch (random.below(3)) {
    case 0:
      return fmt::format("Received: from {} ({} [{}])\n{}\tby {} (Postfix) with ESMTPS id {}\n\tfor <{}>; {}\n",
                         from_name, reverse_name, ip, kPostfixTls, receiving_host, random.hex(11, true),
                         mail.to.address, date);
    case 1:
      return fmt::format("Received: from [{}] (helo={})\n\tby {} with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384\n"
                         "\t(Exim 4.96)\n\t(envelope-from <{}>)\n\tid {}-{}-{}\n\tfor {}; {}\n",
                         ip, from_name, receiving_host, mail.envelope_sender, random.alphanumeric(6),
                         random.alphanumeric(6), random.alphanumeric(2), mail.to.address, date);
    default:
      return fmt::format("Received: from {} ({} [{}])\n\tby {} (8.17.1/8.17.1) with ESMTPS id {}\n"
                         "\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)\n"
                         "\tfor <{}>; {}\n",
                         from_name, reverse_name, ip, receiving_host, random.alphanumeric(14), mail.to.address,
                         date);
  }
}

std::string authentication_results(const OutboundMail& mail, const Owner& owner, std::string_view receiving_host,
                                   std::string_view connecting_ip, ScenarioRandom& random) {
  if (mail.origin == Origin::kSpammer) {
    const char* spf = random.chance(0.7) ? "softfail" : "fail";
    return fmt::format("Authentication-Results: {};\n\tspf={} (domain of {} does not designate {} as permitted "
                       "sender) smtp.mailfrom={};\n\tdkim=none;\n\tdmarc=fail (p=NONE sp=NONE dis=NONE) "
                       "header.from={}\n",
                       receiving_host, spf, mail.envelope_sender, connecting_ip, mail.envelope_sender,
                       owner.domain);
  }
  const std::string dkim = mail.dkim_domain.empty()
                               ? std::string("dkim=none")
                               : fmt::format("dkim=pass header.d={} header.s=mail", mail.dkim_domain);
  return fmt::format("Authentication-Results: {};\n\t{};\n\tspf=pass (domain of {} designates {} as permitted "
                     "sender) smtp.mailfrom={};\n\tdmarc=pass (p=NONE sp=NONE dis=NONE) header.from={}\n",
                     receiving_host, dkim, mail.envelope_sender, connecting_ip, mail.envelope_sender,
                     owner.domain);
}

std::string dkim_signature(const OutboundMail& mail, ScenarioRandom& random) {
  if (mail.dkim_domain.empty()) return {};
  return fmt::format("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={};\n\ts=mail; t={};\n"
                     "\th=From:To:Subject:Date:Message-ID;\n\tbh={}=;\n\tb={}\n\t {}==\n",
                     mail.dkim_domain, mail.sent_at, base64_noise(random, 43), base64_noise(random, 64),
                     base64_noise(random, 106));
}

// The fields every copy carries, and the body.
std::string message_fields(const OutboundMail& mail) {
  std::string text = fmt::format("From: {}\nTo: {}\nSubject: {}\nDate: {}\nMessage-ID: <{}>\n",
                                 mail.from.name.empty() ? mail.from.address
                                                        : fmt::format("\"{}\" <{}>", mail.from.name, mail.from.address),
                                 mail.to.name.empty() ? mail.to.address
                                                      : fmt::format("\"{}\" <{}>", mail.to.name, mail.to.address),
                                 mail.subject, date_of(mail.sent_at, mail.offset_minutes), mail.message_id);
  if (!mail.x_originating_ip.empty()) text += "X-Originating-IP: [" + mail.x_originating_ip + "]\n";
  if (!mail.mailer.empty()) text += mail.mailer + "\n";
  text += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n";
  return text;
}

std::string with_body(std::string headers, const OutboundMail& mail, bool headers_only) {
  if (headers_only) return headers;
  return headers + "\n" + mail.body;
}

}  // namespace

std::string postfix_queue_id(ScenarioRandom& random) { return random.hex(10, true); }

std::string copy_at_owner_server(const OutboundMail& mail, const Owner& owner, bool headers_only,
                                 ScenarioRandom& random) {
  std::string headers = "Return-Path: <" + mail.envelope_sender + ">\n";
  headers += submission_hop(mail, owner, mail.queue_id, mail.sent_at);
  headers += dkim_signature(mail, random);
  headers += message_fields(mail);
  return with_body(std::move(headers), mail, headers_only);
}

std::string copy_at_recipient(const OutboundMail& mail, const Owner& owner, const std::string& receiving_host,
                              bool headers_only, ScenarioRandom& random) {
  const bool through_owner = mail.origin != Origin::kSpammer;
  const std::int64_t handed_over = mail.sent_at + random.between(1, 4);
  const std::string& connecting_ip = through_owner ? owner.relay_ip : mail.client_ip;

  std::string headers = "Return-Path: <" + mail.envelope_sender + ">\n";
  if (random.chance(0.5)) headers += authentication_results(mail, owner, receiving_host, connecting_ip, random);
  if (through_owner) {
    headers += recipient_hop(owner.relay_host, owner.relay_host, owner.relay_ip, receiving_host, mail, handed_over,
                             random);
    headers += submission_hop(mail, owner, mail.queue_id, mail.sent_at);
  } else {
    headers += recipient_hop(mail.helo, mail.client_host, mail.client_ip, receiving_host, mail, handed_over,
                             random);
    if (mail.forged_owner_hop) {
      OutboundMail claimed = mail;
      claimed.helo = "[192.168.1." + std::to_string(random.between(2, 250)) + "]";
      claimed.client_ip = random.home_ipv4();
      claimed.client_host = "unknown";
      claimed.account = mail.from.address;
      headers += submission_hop(claimed, owner, postfix_queue_id(random), mail.sent_at - random.between(1, 3));
    }
  }
  headers += dkim_signature(mail, random);
  headers += message_fields(mail);
  return with_body(std::move(headers), mail, headers_only);
}

std::string sent_folder_copy(const OutboundMail& mail) { return message_fields(mail) + "\n" + mail.body; }

}  // namespace bg::testing::scenarios
