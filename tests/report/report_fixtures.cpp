#include "report_fixtures.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <utility>

#include "bounce/bounce_reader.h"
#include "mailbox/message_source.h"

namespace bg::report::fixtures {

namespace {

bounce::ReceivedHop hop(std::string from_host, std::string from_ip, std::string by_host, std::string protocol,
                        std::string date) {
  bounce::ReceivedHop hop;
  hop.from_host = std::move(from_host);
  hop.from_ip = std::move(from_ip);
  hop.by_host = std::move(by_host);
  hop.protocol = std::move(protocol);
  hop.date = std::move(date);
  return hop;
}

}  // namespace

std::vector<bounce::Record> corpus_records() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir"))
    paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  bounce::BounceReader reader;
  std::vector<bounce::Record> records;
  for (const std::string& path : paths) {
    const auto source = mailbox::open_source(path);
    mailbox::Batch batch;
    while (source->next(batch))
      for (const mailbox::RawMessage& message : batch.messages) reader.read(message, records);
  }
  return records;
}

bounce::Record exim_backscatter_record() {
  bounce::Record record;
  record.recipient = "j.doe@remote-isp.net";
  record.addresser = "alice@example.com";
  record.deliverystatus = "5.1.1";
  record.replycode = "550";
  record.action = "failed";
  record.reason = "userunknown";
  record.hardbounce = true;
  record.diagnosticcode =
      "550 5.1.1 <j.doe@remote-isp.net>: Recipient address rejected: User unknown";
  record.diagnostictype = "SMTP";
  record.smtpcommand = "RCPT";
  record.lhost = "mail.remote-isp.net";
  record.rhost = "mx.remote-isp.net";
  record.destination = "remote-isp.net";
  record.senderdomain = "example.com";
  record.timestamp = 1793679128;  // Tue, 03 Nov 2026 04:12:08 +0000
  record.timezoneoffset = "+0000";
  record.original.subject = "Invoice #88213 overdue - action required";
  record.original.messageid = "20261103051202.4F1A9C2B7E0D@WIN-7Q2K3L9";
  record.decodedby = "Exim";
  record.origin = bounce::SharedText(BOUNCEGUARD_TEST_DATA "/seed/exim-spoofed-backscatter.eml");
  record.kind = bounce::MessageKind::kBounce;
  record.original.present = true;
  record.original.from = "\"Alice\" <alice@example.com>";
  record.original.returnpath = "alice@example.com";
  record.original.to = "j.doe@remote-isp.net";
  record.original.date = "Tue, 3 Nov 2026 05:12:02 +0100";
  record.original.received.push_back(
      hop("WIN-7Q2K3L9", "185.220.101.47", "mail.remote-isp.net", "esmtp", "Tue, 03 Nov 2026 04:12:07 +0000"));
  return record;
}

bounce::Record office365_record() {
  bounce::Record record;
  record.recipient = "carol.smith@partner-co.example";
  record.addresser = "bob@example.com";
  record.deliverystatus = "5.1.10";
  record.replycode = "550";
  record.action = "failed";
  record.reason = "userunknown";
  record.hardbounce = true;
  record.diagnosticcode =
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup";
  record.diagnostictype = "SMTP";
  record.lhost = "AM9PR02MB7250.eurprd02.prod.outlook.com";
  record.destination = "partner-co.example";
  record.senderdomain = "example.com";
  record.timestamp = 1793784640;  // Wed, 4 Nov 2026 09:30:40 +0000
  record.timezoneoffset = "+0000";
  record.original.subject = "Quarterly figures";
  record.original.messageid =
      "AM9PR02MB72503A1D2F6C8E9B7A1C4E55D1232@AM9PR02MB7250.eurprd02.prod.outlook.com";
  record.decodedby = "Office365";
  record.origin = bounce::SharedText(BOUNCEGUARD_TEST_DATA "/seed/office365-ndr-unknown-recipient.eml");
  record.message_index = 0;
  record.kind = bounce::MessageKind::kBounce;
  record.original.present = true;
  record.original.from = "Bob <bob@example.com>";
  record.original.to = "\"carol.smith@partner-co.example\" <carol.smith@partner-co.example>";
  record.original.date = "Wed, 4 Nov 2026 09:30:34 +0000";
  record.original.received.push_back(hop("AM9PR02MB7250.eurprd02.prod.outlook.com", "",
                                         "AM9PR02MB7250.eurprd02.prod.outlook.com", "mapi",
                                         "Wed, 4 Nov 2026 09:30:35 +0000"));
  record.original.dkim_domains = {"example.com"};
  record.original.x_originating_ip = "203.0.113.77";
  return record;
}

scan::ScanSummary summary_of(const std::vector<bounce::Record>& records) {
  scan::ScanSummary summary;
  summary.inputs = {BOUNCEGUARD_TEST_DATA "/seed"};
  for (const bounce::Record& record : records) {
    ++summary.messages_read;
    if (record.kind == bounce::MessageKind::kBounce) ++summary.bounce_messages;
    if (record.kind == bounce::MessageKind::kDelay) ++summary.delay_messages;
    summary.count(record);
  }
  return summary;
}

std::string numbered_recipient(std::size_t i) {
  return "user" + std::to_string(i) + "@remote-isp.net";
}

std::string render_numbered_records(Format format, std::size_t count) {
  std::ostringstream out;
  const std::unique_ptr<RecordWriter> writer = make_writer(format, out, {});
  scan::ScanSummary summary;
  bounce::Record record = exim_backscatter_record();
  for (std::size_t i = 0; i < count; ++i) {
    record.message_index = i;
    record.recipient = numbered_recipient(i);
    writer->write(record);
    ++summary.messages_read;
    ++summary.bounce_messages;
    summary.count(record);
  }
  writer->finish(summary);
  return out.str();
}

std::string render(Format format, const std::vector<bounce::Record>& records,
                   const scan::ScanSummary& summary, const WriterOptions& options) {
  std::ostringstream out;
  const std::unique_ptr<RecordWriter> writer = make_writer(format, out, options);
  for (const bounce::Record& record : records) writer->write(record);
  writer->finish(summary);
  return out.str();
}

}  // namespace bg::report::fixtures
