// Postfix bounces (bounce(5)): Subject "Undelivered Mail Returned to Sender", From
// "MAILER-DAEMON (Mail Delivery System)". A text part after "The mail system" with one
// "<recipient>: reply... (in reply to RCPT TO command)" paragraph per recipient, then a
// message/delivery-status part and the returned message.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// One "<recipient>: what happened" paragraph of the text part. Its recipient and lines are views
// of the notice; the alias and the text are read out of the lines squeezed.
struct Paragraph {
  std::string_view recipient;
  std::string alias;       // "(expanded from <alias>)"
  std::string_view lines;  // its lines in the notice, from the end of the recipient's "<...>"
  std::string text;        // the lines joined, without the alias
};

bool starts_reading(std::string_view line) {
  const std::string_view text = mime::trim(line);
  if (text.starts_with("This is the ") &&
      (mime::icontains(text, " program") || text.starts_with("This is the mail system at host")))
    return true;
  return line.starts_with(" ") && (text == "The mail system" || text.ends_with(" program"));
}

// Reads "<r@example.jp> (expanded from <a@example.org>): text" into a new paragraph at the end
// of `paragraphs`.
bool read_paragraph_start(std::string_view line, std::vector<Paragraph>& paragraphs) {
  if (!line.starts_with("<")) return false;
  const std::size_t close = line.find('>');
  if (close == std::string_view::npos) return false;
  const std::string_view after = line.substr(close + 1);
  if (!after.starts_with(":") && !after.starts_with(" (expanded from")) return false;
  const std::string_view recipient = address_in(line.substr(0, close + 1));
  if (recipient.empty()) return false;
  paragraphs.push_back({recipient, {}, after, {}});
  return true;
}

// The parts of a paragraph: the alias it was expanded from, and the text after the colon. Its
// lines are squeezed as they stand in the notice, where the line breaks between them are white
// space that squeezing makes one space, as joining them with a space would.
void finish_paragraph(Paragraph& paragraph) {
  std::string joined = squeeze_spaces(paragraph.lines);
  std::string_view rest = joined;
  if (rest.starts_with("(expanded from ")) {
    const std::size_t close = rest.find(')');
    if (close != std::string_view::npos) {
      paragraph.alias = find_address(rest.substr(0, close));
      rest.remove_prefix(close + 1);
    }
  }
  rest = mime::trim(rest);
  if (rest.starts_with(":")) rest.remove_prefix(1);
  paragraph.text = std::string(mime::trim(rest));
}

// "(in reply to RCPT TO command)", "(in reply to end of DATA command)": the command answered.
std::string command_of(std::string_view text) {
  std::size_t at = text.find("(in reply to ");
  if (at == std::string_view::npos)
    return text.find("refused to talk to me") != std::string_view::npos ? "HELO" : "";
  std::string_view rest = text.substr(at + 13);
  if (rest.starts_with("end of ")) rest.remove_prefix(7);
  return std::string(rest.substr(0, std::min<std::size_t>(4, mime::find_any(rest, " )"))));
}

constexpr std::string_view kReportPart = "Content-Type: message/delivery-status";

// What Postfix wrote between the line that starts the notice's text and the delivery report:
// those lines, and the paragraphs among them.
struct NoticeText {
  std::string_view lines;
  std::vector<Paragraph> paragraphs;
};

NoticeText read_notice_text(std::string_view notice) {
  NoticeText text;
  std::size_t read_from = std::string_view::npos;
  std::size_t read_to = notice.size();
  bool in_paragraph = false;
  std::size_t pos = 0;
  while (pos < notice.size()) {
    const mime::Line line = mime::line_at(notice, pos);
    const std::size_t line_start = pos;
    pos = line.next;
    if (read_from == std::string_view::npos) {
      if (starts_reading(line.text)) read_from = pos;
      continue;
    }
    if (line.text.starts_with(kReportPart)) {
      read_to = line_start;
      break;
    }
    if (read_paragraph_start(line.text, text.paragraphs)) {
      in_paragraph = true;
    } else if (in_paragraph && !mime::trim(line.text).empty()) {
      std::string_view& lines = text.paragraphs.back().lines;
      lines = std::string_view(lines.data(), static_cast<std::size_t>(line.text.data() + line.text.size() - lines.data()));
    } else {
      in_paragraph = false;
    }
  }
  if (read_from < read_to) text.lines = notice.substr(read_from, read_to - read_from);
  for (Paragraph& paragraph : text.paragraphs) finish_paragraph(paragraph);
  return text;
}

const Paragraph* paragraph_for(const std::vector<Paragraph>& paragraphs,
                               const DeliveryStatus& status, std::size_t index) {
  for (const std::string* address : {&status.recipient, &status.alias}) {
    for (const Paragraph& paragraph : paragraphs)
      if (!address->empty() && mime::iequals(paragraph.recipient, *address)) return &paragraph;
  }
  return index < paragraphs.size() ? &paragraphs[index] : nullptr;
}

// The delivery report's Diagnostic-Code is often a shorter copy of the paragraph; the paragraph
// also names the remote host and the command, so it is preferred when it holds the reply.
void merge_paragraph(const Paragraph& paragraph, DeliveryStatus& status) {
  if (status.alias.empty() && !paragraph.alias.empty()) status.alias = paragraph.alias;
  if (status.command.empty()) status.command = command_of(paragraph.text);
  const bool bare_code = !status.diagnosis.empty() &&
                         status.diagnosis.find_first_not_of("0123456789") == std::string::npos;
  if (status.diagnosis.empty() || bare_code || paragraph.text.size() > status.diagnosis.size())
    status.diagnosis = paragraph.text;
}

class Postfix final : public Engine {
 public:
  std::string_view name() const override { return "Postfix"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.subject() != "Undelivered Mail Returned to Sender") return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (message.headers().has("X-AOL-IP")) return false;

    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    const NoticeText text = read_notice_text(parts.notice);
    const std::vector<Paragraph>& paragraphs = text.paragraphs;

    std::vector<DeliveryStatus> recipients;
    // The report's part is looked for with the search of std::string_view, which memchr skips
    // to each capital C, rare in a notice, instead of testing every position sixteen at a time.
    if (const std::size_t report_at = parts.notice.find(kReportPart); report_at != std::string_view::npos)
      recipients = read_dsn_recipients(parts.notice.substr(report_at));
    if (recipients.empty()) {
      for (const Paragraph& paragraph : paragraphs) {
        DeliveryStatus status;
        status.recipient = paragraph.recipient;
        recipients.push_back(std::move(status));
      }
    }
    // Whether Postfix lost its log is one search of the notice's lines together, made only when
    // nothing else named a recipient: the notice that says so holds no line break.
    if (recipients.empty() && mime::contains_text(text.lines, "--- Delivery report unavailable ---")) {
      // Postfix lost its log: the returned message's To is the best guess.
      DeliveryStatus status;
      for (std::size_t pos = 0; pos < parts.original.size();) {
        const mime::Line line = mime::line_at(parts.original, pos);
        pos = line.next;
        if (mime::istarts_with(line.text, "To:")) status.recipient = find_address(line.text);
      }
      if (!status.recipient.empty()) recipients.push_back(std::move(status));
    }
    if (recipients.empty()) return false;

    for (std::size_t i = 0; i < recipients.size(); ++i) {
      DeliveryStatus& status = recipients[i];
      if (const Paragraph* paragraph = paragraph_for(paragraphs, status, i))
        merge_paragraph(*paragraph, status);
      if (mime::iequals(status.spec, "X-POSTFIX") || status.spec.empty()) {
        // Postfix's own diagnostics are SMTP conversations unless a local program failed.
        if (status.diagnosis.find(" said:") != std::string::npos ||
            mime::iequals(status.spec, "X-POSTFIX"))
          status.spec = "SMTP";
      }
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& postfix_engine() {
  static const Postfix engine;
  return engine;
}

}  // namespace bg::bounce
