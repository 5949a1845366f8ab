// Microsoft Exchange Server 2007 and later, on premises: Subject "Undeliverable: ..." (French
// "Non remis : ...", Italian "Non recapitabile: ..."), a Content-Language header, and a text
// whose administrators' section names each recipient and the remote server's reply
// ("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"), before "Original message headers:".
#include "bounce/engines/engines.h"
#include "bounce/engines/exchange_diagnostics.h"
#include "bounce/smtp_codes.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

bool has_ndr_subject(std::string_view subject) {
  return subject.starts_with("Undeliverable:") || subject.starts_with("Non remis") ||
         subject.starts_with("Non_remis_") || subject.starts_with("Non recapitabile:");
}

// "en-US", "fr": the language Exchange wrote the report in.
bool is_language_tag(std::string_view value) {
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (value.size() != 2 && value.size() != 5) return false;
  if (!lower(value[0]) || !lower(value[1])) return false;
  return value.size() == 2 || (value[2] == '-' && upper(value[3]) && upper(value[4]));
}

// The status code of a reply line that carries one after its reply code: "#550 5.1.1 ..." or
// "... returned '550 4.4.7 QUEUE.Expired; message expired'". Empty for other lines.
std::string coded_status(std::string_view line) {
  const std::string status = find_status_code(line);
  const std::size_t at = status.empty() ? std::string_view::npos : line.find(status);
  if (at == std::string_view::npos || at < 4 || line[at - 1] != ' ') return {};
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool after_reply_code =
      (line[at - 4] == '4' || line[at - 4] == '5') && digit(line[at - 3]) && digit(line[at - 2]);
  return after_reply_code ? status : std::string();
}

class Exchange2007 final : public Engine {
 public:
  std::string_view name() const override { return "Exchange2007"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    if (!has_ndr_subject(mime::trim(message.subject()))) return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (!is_language_tag(mime::trim(message.headers().raw("Content-Language")))) return false;
    // Office 365 writes the same report; its own headers tell it apart.
    if (message.headers().has("X-MS-Exchange-CrossTenant-OriginalArrivalTime") ||
        message.headers().has("X-MS-Exchange-CrossTenant-FromEntityHeader"))
      return false;

    const BodyParts parts = split_at_original(
        message.body(),
        {kExchangeOriginalEnglish, kExchangeOriginalFrench, kExchangeOriginalItalian});
    const ExchangeDiagnostics diagnostics = read_exchange_diagnostics(parts.notice);
    if (diagnostics.recipients.empty()) return false;

    for (const ExchangeRecipient& recipient : diagnostics.recipients) {
      DeliveryStatus status;
      status.recipient = recipient.address;
      status.lhost = diagnostics.generating_server;
      status.rhost = recipient.remote_host;
      // When the server tried several times, the last attempt's reply is the one that counts.
      for (const std::string& reply : recipient.replies) {
        if (const std::string code = coded_status(reply); !code.empty()) {
          status.status = code;
          status.diagnosis = reply;
        }
      }
      if (status.diagnosis.empty() && !recipient.replies.empty())
        status.diagnosis = recipient.replies.front();
      result.recipients.push_back(std::move(status));
    }
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& exchange2007_engine() {
  static const Exchange2007 engine;
  return engine;
}

}  // namespace bg::bounce
