#include "replies.h"

#include <array>

#include <fmt/format.h>

namespace bg::testing::scenarios {

namespace {

bool is_microsoft(std::string_view domain) { return domain == "outlook.com" || domain == "hotmail.com"; }
bool is_yahoo(std::string_view domain) { return domain == "yahoo.com" || domain == "aol.com"; }

std::string gsmtp_id(ScenarioRandom& random) {
  return random.alphanumeric(16) + "." + std::to_string(random.between(100, 999)) + " - gsmtp";
}

// The DNS blocklists small sites query, with the words each reply adds.
struct DnsBlocklist {
  std::string_view zone;
  std::string_view explanation;  // {0} is the address
};
constexpr std::array<DnsBlocklist, 5> kDnsBlocklists = {{
    {"zen.spamhaus.org", "https://www.spamhaus.org/query/ip/{0}"},
    {"bl.spamcop.net", "Blocked - see https://www.spamcop.net/bl.shtml?{0}"},
    {"b.barracudacentral.org", "https://www.barracudacentral.org/lookups/lookup-reputation?ip={0}"},
    {"dnsbl.sorbs.net", "Currently Sending Spam See: http://www.sorbs.net/lookup.shtml?{0}"},
    {"dnsbl-1.uceprotect.net",
     "IP {0} is UCEPROTECT-Level1 listed. See http://www.uceprotect.net/rblcheck.php?ipr={0}"},
}};

}  // namespace

Reply blocklist_reply(std::string_view recipient_domain, std::string_view ip, ScenarioRandom& random) {
  if (recipient_domain == "gmail.com") {
    return {fmt::format("550-5.7.1 [{}] Our system has detected that this message is 550-5.7.1 likely "
                        "suspicious due to the very low reputation of the sending IP 550-5.7.1 address. To best "
                        "protect our users from spam, the message has been 550-5.7.1 blocked. Please visit 550 "
                        "5.7.1  https://support.google.com/mail/answer/188131 for more information. {}",
                        ip, gsmtp_id(random)),
            "5.7.1", "end of DATA", "gmail low reputation"};
  }
  if (is_microsoft(recipient_domain)) {
    if (random.chance(0.5))
      return {fmt::format("550 5.7.1 Unfortunately, messages from [{}] weren't sent. Please contact your "
                          "Internet service provider since part of their network is on our block list (S3150). "
                          "You can also refer your provider to "
                          "http://mail.live.com/mail/troubleshooting.aspx#errors. "
                          "[DB5EUR03FT0{}.eop-EUR03.prod.protection.outlook.com]",
                          ip, random.between(10, 99)),
              "5.7.1", "MAIL FROM", "microsoft S3150"};
    return {fmt::format("550 5.7.606 Access denied, banned sending IP [{}]. To request removal from this list "
                        "please visit https://sender.office.com/ and follow the directions. For more information "
                        "please go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) "
                        "[AM4PEPF000{}.eurprd04.prod.outlook.com]",
                        ip, random.hex(5, true)),
            "5.7.606", "RCPT TO", "microsoft banned sending IP"};
  }
  if (is_yahoo(recipient_domain)) {
    return {fmt::format("421 4.7.0 [TSS04] Messages from {} temporarily deferred due to unexpected volume or user "
                        "complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
                        ip),
            "4.7.0", "MAIL FROM", "yahoo TSS04"};
  }
  const DnsBlocklist& list = kDnsBlocklists[stable_hash(recipient_domain) % kDnsBlocklists.size()];
  return {fmt::format("554 5.7.1 Service unavailable; Client host [{}] blocked using {}; {}", ip, list.zone,
                      fmt::format(fmt::runtime(list.explanation), ip)),
          "5.7.1", "RCPT TO", std::string(list.zone)};
}

Reply authentication_reply(std::string_view recipient, std::string_view sender, std::string_view domain,
                           std::string_view ip, ScenarioRandom& random) {
  const std::string_view recipient_domain = recipient.substr(recipient.find('@') + 1);
  if (recipient_domain == "gmail.com") {
    if (random.chance(0.5))
      return {fmt::format("550-5.7.26 This mail is unauthenticated, which poses a security risk to the "
                          "550-5.7.26 sender and Gmail users, and has been blocked. The sender must 550-5.7.26 "
                          "authenticate with at least one of SPF or DKIM. For this message, 550-5.7.26 DKIM "
                          "checks did not pass and SPF check for [{}] did not 550-5.7.26 pass with ip: [{}]. The "
                          "sender should visit 550-5.7.26  https://support.google.com/mail/answer/81126#authentication "
                          "for 550 5.7.26 instructions on setting up authentication. {}",
                          domain, ip, gsmtp_id(random)),
              "5.7.26", "end of DATA", "spf dkim"};
    return {fmt::format("550-5.7.26 Unauthenticated email from {0} is not accepted due to domain's 550-5.7.26 "
                        "DMARC policy. Please contact the administrator of {0} domain 550-5.7.26 if this was a "
                        "legitimate mail. To learn about the DMARC initiative, 550 5.7.26 go to  "
                        "https://support.google.com/mail/?p=DmarcRejection {1}",
                        domain, gsmtp_id(random)),
            "5.7.26", "end of DATA", "dmarc"};
  }
  if (is_microsoft(recipient_domain)) {
    return {fmt::format("550 5.7.515 Access denied, sending domain [{}] doesn't meet the required authentication "
                        "level. The sender's domain in the 5322.From address doesn't meet the authentication "
                        "requirements defined for the sender. To learn how to comply, visit "
                        "https://aka.ms/SenderRequirements [SN1PEPF000{}.namprd05.prod.outlook.com]",
                        domain, random.hex(5, true)),
            "5.7.515", "end of DATA", "dmarc"};
  }
  if (is_yahoo(recipient_domain)) {
    return {"550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all "
            "senders to authenticate with either SPF or DKIM.",
            "5.7.9", "end of DATA", "spf dkim"};
  }
  if (random.chance(0.5))
    return {fmt::format("550 5.7.23 <{}>: Recipient address rejected: Message rejected due to: SPF fail - not "
                        "authorized. Please see http://www.open-spf.org/Why;s=mfrom;id={};ip={};r=<UNKNOWN>",
                        recipient, sender, ip),
            "5.7.23", "RCPT TO", "spf"};
  return {fmt::format("550 5.7.1 rejected by DMARC policy for {}", domain), "5.7.1", "end of DATA", "dmarc"};
}

Reply unknown_user_reply(std::string_view recipient, ScenarioRandom& random) {
  const std::string_view domain = recipient.substr(recipient.find('@') + 1);
  if (domain == "gmail.com")
    return {fmt::format("550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 "
                        "double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. "
                        "For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser {}",
                        gsmtp_id(random)),
            "5.1.1", "RCPT TO", "userunknown"};
  if (is_microsoft(domain))
    return {fmt::format("550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). "
                        "[BN8NAM12FT0{}.eop-nam12.prod.protection.outlook.com]",
                        random.between(10, 99)),
            "5.5.0", "RCPT TO", "userunknown"};
  if (is_yahoo(domain))
    return {fmt::format("554 delivery error: dd This user doesn't have a {} account ({}) [0] - "
                        "mta{}.mail.gq1.yahoo.com",
                        domain, recipient, random.between(1000, 9999)),
            "5.0.0", "end of DATA", "userunknown"};
  return {fmt::format("550 5.1.1 <{}>: Recipient address rejected: User unknown in virtual mailbox table", recipient),
          "5.1.1", "RCPT TO", "userunknown"};
}

Reply mailbox_full_reply(std::string_view recipient) {
  return {fmt::format("552 5.2.2 <{}>: Recipient address rejected: Mailbox full", recipient), "5.2.2", "RCPT TO",
          "mailboxfull"};
}

Reply spam_reply(std::string_view recipient_domain, std::string_view ip, ScenarioRandom& random) {
  if (recipient_domain == "gmail.com") {
    return {fmt::format("550-5.7.1 [{}] Our system has detected that this message is 550-5.7.1 likely "
                        "unsolicited mail. To reduce the amount of spam sent to Gmail, 550-5.7.1 this message has "
                        "been blocked. Please visit 550-5.7.1  "
                        "https://support.google.com/mail/?p=UnsolicitedMessageError 550 5.7.1  for more "
                        "information. {}",
                        ip, gsmtp_id(random)),
            "5.7.1", "end of DATA", "spam"};
  }
  if (random.chance(0.5))
    return {"550 5.7.1 Message rejected as spam by Content Filtering.", "5.7.1", "end of DATA", "spam"};
  return {"554 5.7.1 Spam message rejected", "5.7.1", "end of DATA", "spam"};
}

}  // namespace bg::testing::scenarios
