#include "bounce/dsn_report.h"

#include "bounce/dsn_fields.h"
#include "mime/lines.h"

namespace bg::bounce {

std::string squeeze_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

void fill_from_per_message(const DeliveryStatus& per_message, DeliveryStatus& status) {
  if (status.lhost.empty()) status.lhost = per_message.lhost;
  if (status.date.empty()) status.date = per_message.date;
}

}  // namespace

DsnReport read_dsn_report(std::string_view text) {
  DsnReport report;
  DeliveryStatus* current = nullptr;
  bool last_was_diagnostic = false;
  bool pending_original_recipient = false;  // an Original-Recipient line came before Final-Recipient
  std::string pending_alias;

  std::size_t pos = 0;
  while (pos < text.size()) {
    const mime::Line line = mime::line_at(text, pos);
    pos = line.next;
    if (!line.text.empty() && mime::is_space_or_tab(line.text.front())) {
      // A folded continuation of the previous field; only Diagnostic-Code spans lines in practice.
      if (last_was_diagnostic && current != nullptr) {
        current->diagnosis.push_back(' ');
        current->diagnosis.append(mime::trim(line.text));
      }
      continue;
    }
    last_was_diagnostic = false;
    const auto field = read_dsn_line(line.text);
    if (!field) continue;

    if (field->scope == DsnScope::kPerMessage) {
      apply_dsn_line(*field, report.per_message);
      continue;
    }
    if (field->field == DsnField::kOriginalRecipient && (current == nullptr || !current->recipient.empty())) {
      // Original-Recipient usually precedes Final-Recipient in the same group.
      DeliveryStatus holder;
      apply_dsn_line(*field, holder);
      pending_alias = holder.alias;
      pending_original_recipient = true;
      continue;
    }
    if (field->field == DsnField::kFinalRecipient) {
      report.recipients.emplace_back();
      current = &report.recipients.back();
      if (pending_original_recipient) current->alias = pending_alias;
      pending_original_recipient = false;
    }
    if (current == nullptr) {
      report.recipients.emplace_back();
      current = &report.recipients.back();
    }
    apply_dsn_line(*field, *current);
    last_was_diagnostic = field->field == DsnField::kDiagnosticCode;
  }
  for (DeliveryStatus& status : report.recipients) {
    fill_from_per_message(report.per_message, status);
    status.diagnosis = squeeze_spaces(status.diagnosis);
  }
  return report;
}

}  // namespace bg::bounce
