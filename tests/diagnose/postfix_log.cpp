#include "postfix_log.h"

#include <algorithm>

#include <fmt/format.h>

#include "mail_dates.h"

namespace bg::testing::scenarios {

void PostfixLog::line(std::int64_t at, const std::string& process, int pid, const std::string& text) {
  const std::string host = owner_->relay_host.substr(0, owner_->relay_host.find('.'));
  lines_.push_back({at, lines_.size(),
                    fmt::format("{} {} postfix/{}[{}]: {}", syslog_date({at, owner_->offset_minutes}), host,
                                process, pid == 0 ? random_->between(3001, 65000) : pid, text)});
}

void PostfixLog::record(const OutboundMail& mail, const Delivery& delivery) {
  const std::string& id = mail.queue_id;
  const std::string client =
      mail.via_webmail ? std::string("localhost[127.0.0.1]") : mail.client_host + "[" + mail.client_ip + "]";
  line(mail.sent_at, "submission/smtpd", 0,
       fmt::format("{}: client={}, sasl_method=PLAIN, sasl_username={}", id, client, mail.account));
  line(mail.sent_at, "cleanup", 0, fmt::format("{}: message-id=<{}>", id, mail.message_id));
  line(mail.sent_at, "qmgr", queue_manager_pid_,
       fmt::format("{}: from=<{}>, size={}, nrcpt=1 (queue active)", id, mail.envelope_sender,
                   1200 + mail.body.size() + random_->below(2000)));
  const double delay = static_cast<double>(delivery.at - mail.sent_at) + 0.3;
  const std::string relay = fmt::format("{}[{}]:25", delivery.relay_host, delivery.relay_ip);
  if (delivery.refused) {
    line(delivery.at, "smtp", 0,
         fmt::format("{}: to=<{}>, relay={}, delay={:.1f}, delays=0.1/0/0.4/0.2, dsn={}, status=bounced (host {}[{}] "
                     "said: {} (in reply to {} command))",
                     id, mail.to.address, relay, delay, delivery.dsn, delivery.relay_host, delivery.relay_ip,
                     delivery.reply, delivery.command));
    line(delivery.at, "bounce", 0,
         fmt::format("{}: sender non-delivery notification: {}", id, postfix_queue_id(*random_)));
  } else {
    line(delivery.at, "smtp", 0,
         fmt::format("{}: to=<{}>, relay={}, delay={:.1f}, delays=0.1/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 "
                     "Ok: queued as {})",
                     id, mail.to.address, relay, delay, random_->hex(12, true)));
  }
  line(delivery.at, "qmgr", queue_manager_pid_, fmt::format("{}: removed", id));
}

std::string PostfixLog::text() const {
  std::vector<const Line*> sorted;
  for (const Line& entry : lines_) sorted.push_back(&entry);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Line* a, const Line* b) {
    return a->at != b->at ? a->at < b->at : a->order < b->order;
  });
  std::string out;
  for (const Line* entry : sorted) out += entry->text + "\n";
  return out;
}

}  // namespace bg::testing::scenarios
