// The corpus samples the scenarios build bounces on, and what of each becomes a placeholder
// beyond the automatic ones (failed recipient, the bounce's recipient and the original's sender,
// reporting host, original subject and Message-ID, dates).
//
// Fields: RCPT, RCPT_LOCAL, RCPT_DOMAIN (the failed recipient); ENVELOPE (who the bounce goes
// to); SENDER_LOCAL; OWNER_DOMAIN; OWNER_MX (where the owner's mail arrives); LHOST, LHOST_IP
// (the server reporting); CLIENT_HOST, CLIENT_IP (who handed it the original); REMOTE_HOST,
// REMOTE_IP (the server that refused, as the reporting server talked to it); REPLY, STATUS,
// COMMAND (that server's reply and the SMTP command it answered); NAMED_IP (the address a
// reputation reply names); SUBJECT, ORIGINAL_ID, DATE, BOUNCE_ID.
#include "bounce_layouts.h"

namespace bg::testing::scenarios {

namespace {

const std::vector<LayoutSpec>& catalog() {
  static const std::vector<LayoutSpec> specs = {
      // The owner's own Postfix, refusing at SMTP time.
      {"sisimai/maildir/lhost-postfix-33.eml", "userunknown", true, false, {}, false,
       {{"BB8FFFFC16", "{QUEUE_ID}"},
        {"host mx.libsisimai.org[203.0.113.153] said: 550\n    5.1.1 <userunknown@libsisimai.org>... User Unknown "
         "(in reply to RCPT TO\n    command)",
         "host {REMOTE_HOST}[{REMOTE_IP}] said: {REPLY} (in reply to {COMMAND} command)"},
        {"Diagnostic-Code: smtp; 550 5.1.1 <userunknown@libsisimai.org>... User Unknown",
         "Diagnostic-Code: smtp; {REPLY}"},
        {"Status: 5.1.1", "Status: {STATUS}"},
        {"Remote-MTA: dns; mx.libsisimai.org", "Remote-MTA: dns; {REMOTE_HOST}"},
        {"MAILER-DAEMON@libsisimai.org", "MAILER-DAEMON@{LHOST}"}},
       "550 5.1.1 <{RCPT}>... User Unknown", "5.1.1"},
      {"sisimai/maildir/lhost-postfix-61.eml", "suspend", true, false, {}, false,
       {{"0E1D4CDC0054", "{QUEUE_ID}"},
        {"host mx3.email.ua[185.187.81.214] said: 550 Mailbox is\n    frozen. See http://mail.i.ua/err/3/ (in "
         "reply to RCPT TO command)",
         "host {REMOTE_HOST}[{REMOTE_IP}] said: {REPLY} (in reply to {COMMAND} command)"},
        {"Diagnostic-Code: smtp; 550 Mailbox is frozen. See http://mail.i.ua/err/3/",
         "Diagnostic-Code: smtp; {REPLY}"},
        {"Status: 5.0.0", "Status: {STATUS}"},
        {"Remote-MTA: dns; mx3.email.ua", "Remote-MTA: dns; {REMOTE_HOST}"},
        {"MAILER-DAEMON@example.co.jp", "MAILER-DAEMON@{LHOST}"}},
       "550 Mailbox is frozen. See http://mail.i.ua/err/3/", "5.0.0"},
      {"sisimai/maildir/lhost-postfix-06.eml", "hostunknown", true, false, {}, false,
       {{"9C81E2203D", "{QUEUE_ID}"},
        {"name=neko.example.jp", "name={RCPT_DOMAIN}"},
        {"(c135.kyoto.example.ne.jp [192.0.2.135])", "({LHOST} [{LHOST_IP}])"},
        {"6jo.example.jp", "{OWNER_MX}"}}},
      {"sisimai/maildir/rhost-google-05.eml", "mailboxfull", true, false, {"gmail.com"}, false,
       {{"qbddfL3NB0z0D2Ld", "{QUEUE_ID}"},
        {"(smtp-gw1 [192.0.2.251])", "({LHOST} [{LHOST_IP}])"}, {"mx1.example.jp", "{OWNER_MX}"}}},
      {"sisimai/maildir/lhost-postfix-58.eml", "badreputation", true, false, {"gmail.com"}, false,
       {{"1C9F8ABBBE89", "{QUEUE_ID}"},
        {"192.0.2.22", "{NAMED_IP}"}}},
      {"sisimai/maildir/rhost-microsoft-05.eml", "badreputation", true, false, {"outlook.com", "hotmail.com"}, false,
       {{"WpZGzDpcy1zw5NGv", "{QUEUE_ID}"},
        {"[192.0.2.25]", "[{NAMED_IP}]"},
        {"(relay0 [10.25.26.27])", "({LHOST} [{LHOST_IP}])"},
        {"relay1.example.jp", "{OWNER_MX}"}}},
      {"sisimai/maildir/rhost-google-03.eml", "authfailure", true, false, {"gmail.com"}, false,
       {{"Lms5yfCw0Vz5CRp3", "{QUEUE_ID}"},
        {"Authentication-Results: secure.example.jp; dmarc=none (p=none dis=none) header.from=mail4.example.com\n",
         ""},
        {"Authentication-Results: secure.example.jp; spf=fail smtp.helo=mail4.example.com\n", ""},
        {"domain [mail4.example.com]", "domain [{OWNER_DOMAIN}]"},
        {"(mx4.example.com [192.0.2.24])", "({LHOST} [{LHOST_IP}])"},
        {"[192.0.2.24]", "[{NAMED_IP}]"},
        {"neko@example.co.jp", "{RCPT}"},
        {"secure.example.jp", "{OWNER_MX}"}}},
      {"sisimai/maildir/lhost-postfix-70.eml", "authfailure", true, false, {"gmail.com"}, false,
       {{"AF578C0196A", "{QUEUE_ID}"},
        {"libsisimai.org", "{OWNER_DOMAIN}"},
        {"[203.0.113.127]", "[{LHOST_IP}]"},
        {"mbox.example.jp", "{OWNER_MX}"}}},

      // The recipient's side, which accepted the message and bounced it afterwards.
      {"seed/exim-spoofed-backscatter.eml", "userunknown", false, true, {}, false,
       {{"550 5.1.1 <j.doe@remote-isp.net>: Recipient address rejected: User unknown", "{REPLY}"},
        {"Status: 5.1.1", "Status: {STATUS}"},
        {"host mx.remote-isp.net [198.51.100.25]", "host {REMOTE_HOST} [{REMOTE_IP}]"},
        {"Remote-MTA: dns; mx.remote-isp.net", "Remote-MTA: dns; {REMOTE_HOST}"},
        {"from mail.example.com ([203.0.113.10])", "from {LHOST} ([{LHOST_IP}])"},
        {"by mx1.example.com", "by {OWNER_MX}"}},
       "550 5.1.1 <{RCPT}>: Recipient address rejected: User unknown", "5.1.1"},
      {"seed/office365-ndr-unknown-recipient.eml", "userunknown", false, true, {}, true,
       {{"MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com", "postmaster@{RCPT_DOMAIN}"},
        {"carol.smith wasn't found at partner-co.example.", "{RCPT_LOCAL} wasn't found at {RCPT_DOMAIN}."},
        {"bob            Office 365       carol.smith", "{SENDER_LOCAL}            Office 365       {RCPT_LOCAL}"}}},
      {"sisimai/maildir/lhost-sendmail-32.eml", "userunknown", false, true, {}, false,
       {{"550 5.1.1 <nyaaan@neko.example.jp>... User unknown\n", ""},
        {"550 5.1.1 Requested action not taken: mailbox unavailable", "{REPLY}"},
        {"Status: 5.1.1", "Status: {STATUS}"},
        {"c135.kyoto.example.ne.jp [192.0.2.78]", "{CLIENT_HOST} [{CLIENT_IP}]"},
        {"c135.kyoto.example.ne.jp", "{CLIENT_HOST}"},
        {"inbound-smtp.us-west-2.amazonaws.com", "{REMOTE_HOST}"},
        {"poostmaster@example.co.jp", "MAILER-DAEMON@{LHOST}"}},
       "550 5.1.1 Requested action not taken: mailbox unavailable", "5.1.1"},
      {"sisimai/maildir/lhost-courier-01.eml", "userunknown", false, true, {}, false,
       {{"(c10920.example.com [192.0.2.20])", "({CLIENT_HOST} [{CLIENT_IP}])"},
        {"postmaster@example.org", "postmaster@{RCPT_DOMAIN}"},
        {"mx.example.jp", "{OWNER_MX}"}}},
      {"sisimai/maildir/lhost-mcafee-02.eml", "userunknown", false, true, {}, false, {}},
      {"sisimai/maildir/rfc3464-26.eml", "userunknown", false, true, {}, false, {}},
      {"sisimai/maildir/lhost-postfix-14.eml", "userunknown", false, true, {}, false,
       {{"unknown user: \"kijitora\"", "unknown user: \"{RCPT_LOCAL}\""}}},
      {"sisimai/maildir/lhost-domino-02.eml", "userunknown", false, true, {}, false, {}},
      {"sisimai/maildir/lhost-qmail-23.eml", "userunknown", false, true, {}, false, {}},
      {"sisimai/maildir/lhost-outlook-01.eml", "mailboxfull", false, true, {"outlook.com", "hotmail.com"}, true, {}},
      {"sisimai/maildir/lhost-mailfoundry-02.eml", "mailboxfull", false, true, {}, false, {}},
      {"sisimai/maildir/lhost-barracuda-01.eml", "spamdetected", false, true, {}, false, {}},
      {"sisimai/maildir/lhost-amavis-03.eml", "spamdetected", false, true, {}, false, {}},
      {"sisimai/maildir/rfc3464-08.eml", "spamdetected", false, true, {}, false, {}},
      {"sisimai/maildir/lhost-sendmail-38.eml", "spamdetected", false, true, {}, false,
       {{"121-87-205-206f1.shg1.eonet.ne.jp [121.87.205.206]", "{CLIENT_HOST} [{CLIENT_IP}]"},
        {"121-87-205-206f1.shg1.eonet.ne.jp", "{CLIENT_HOST}"},
        {"mail.example.com", "{REMOTE_HOST}"}}},
  };
  return specs;
}

}  // namespace

std::span<const LayoutSpec> layout_catalog() { return catalog(); }

}  // namespace bg::testing::scenarios
