// Sun Java System / Oracle Communications Messaging Server (iPlanet) bounces: Subject
// "Delivery Notification: Delivery has failed", MIME boundaries "Boundary_(ID_...)". After "This
// report relates to a message you sent with the following header fields:" each recipient has an
// indented block ("Recipient address:", "Reason:", "Diagnostic code:", "Remote system:"),
// followed by delivery-status fields, inline in old versions.
#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// The value of "  Name: value" when `line` is that indented field; nullopt otherwise.
std::optional<std::string_view> indented_field(std::string_view line, std::string_view name) {
  if (line.empty() || !mime::is_space_or_tab(line.front())) return std::nullopt;
  const std::string_view content = mime::trim(line);
  if (!content.starts_with(name) || content.substr(name.size(), 1) != ":") return std::nullopt;
  return mime::trim(content.substr(name.size() + 1));
}

// "dns; mailbox0.example.org (TCP|192.0.2.225|34321|192.0.2.12|25) (...)": the host name, or
// the remote IP address when the name is not a qualified one.
std::string remote_system_host(std::string_view value) {
  if (mime::istarts_with(value, "dns;")) value = mime::trim(value.substr(4));
  const std::string_view host = value.substr(0, value.find_first_of(" \t"));
  if (host.find('.') != std::string_view::npos) return mime::lowercase(host);
  const std::size_t session = value.find("(TCP|");
  if (session == std::string_view::npos) return mime::lowercase(host);
  std::string_view fields = value.substr(session + 5);
  fields.remove_prefix(std::min(fields.size(), fields.find('|') + 1));  // local address
  fields.remove_prefix(std::min(fields.size(), fields.find('|') + 1));  // local port
  return std::string(fields.substr(0, fields.find('|')));
}

class MessagingServer final : public Engine {
 public:
  std::string_view name() const override { return "MessagingServer"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (message.headers().raw("Content-Type").find("Boundary_(ID_") == std::string_view::npos &&
        !message.subject().starts_with("Delivery Notification: "))
      return false;
    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, "Return-path:"});

    std::vector<DeliveryStatus> recipients;
    DeliveryStatus before_first;  // fields met before any recipient
    bool reading = false;
    for (std::string_view line : TextLines(parts.notice)) {
      if (!reading) {
        reading = line.starts_with(
            "This report relates to a message you sent with the following header fields:");
        continue;
      }
      DeliveryStatus& current = recipients.empty() ? before_first : recipients.back();
      if (const auto address = indented_field(line, "Recipient address")) {
        recipients.emplace_back().recipient = find_address(*address);
      } else if (const auto original = indented_field(line, "Original address")) {
        if (!recipients.empty()) current.alias = find_address(*original);
      } else if (const auto reason = indented_field(line, "Reason")) {
        current.diagnosis = std::string(*reason);
      } else if (const auto code = indented_field(line, "Diagnostic code")) {
        const std::size_t semicolon = code->find(';');
        if (semicolon != std::string_view::npos) {
          current.spec = std::string(mime::trim(code->substr(0, semicolon)));
          current.diagnosis = std::string(mime::trim(code->substr(semicolon + 1)));
        }
      } else if (const auto remote = indented_field(line, "Remote system")) {
        current.rhost = remote_system_host(*remote);
      } else if (mime::istarts_with(line, "Status:")) {
        // "Status: 5.0.0 (Remote SMTP server has rejected address)"
        const std::string_view value = mime::trim(line.substr(7));
        current.status = std::string(value.substr(0, value.find(' ')));
        if (const std::size_t open = value.find('(');
            current.diagnosis.empty() && open != std::string_view::npos)
          current.diagnosis = std::string(value.substr(open + 1, value.rfind(')') - open - 1));
      } else if (mime::istarts_with(line, "Reporting-MTA:")) {
        std::string_view value = mime::trim(line.substr(14));
        value = mime::trim(value.substr(value.find(';') + 1));
        current.lhost = std::string(value.substr(0, value.find(' ')));
      }
    }
    drop_unnamed(recipients);
    if (recipients.empty()) return false;
    for (DeliveryStatus& status : recipients) {
      if (!status.alias.empty()) std::swap(status.recipient, status.alias);
      status.diagnosis = squeeze_spaces(status.diagnosis);
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& messaging_server_engine() {
  static const MessagingServer engine;
  return engine;
}

}  // namespace bg::bounce
