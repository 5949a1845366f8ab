#include "bounce/engines/exchange_diagnostics.h"

#include <span>

#include "bounce/address.h"
#include "bounce/engines/text_lines.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kSectionOpenings[] = {
    "Diagnostic information for administrators:",           // en
    "Informations de diagnostic pour les administrateurs",  // fr
    "Informazioni di diagnostica per gli amministratori",   // it
};

constexpr std::string_view kGeneratingServer[] = {
    "Generating server:",                   // en
    "Serveur de g\xc3\xa9n\xc3\xa9ration",  // fr: "Serveur de génération :"
    "Server di generazione:",               // it
};

bool starts_with_any(std::string_view line, std::span<const std::string_view> prefixes) {
  for (std::string_view prefix : prefixes)
    if (line.starts_with(prefix)) return true;
  return false;
}

// "Generating server: mta.example.jp" -> "mta.example.jp"
std::string value_after_colon(std::string_view line) {
  const std::size_t colon = line.find(':');
  return colon == std::string_view::npos ? std::string()
                                         : std::string(mime::trim(line.substr(colon + 1)));
}

// A host name alone on its line: "mx.example.org".
bool is_host_name(std::string_view line) {
  return line.find('.') != std::string_view::npos &&
         line.find_first_of(" \t@'") == std::string_view::npos;
}

}  // namespace

bool starts_exchange_original(std::string_view line) {
  return line.starts_with(kExchangeOriginalEnglish) || line.starts_with(kExchangeOriginalFrench) ||
         line.starts_with(kExchangeOriginalItalian) || line.starts_with("Original Message Headers");
}

ExchangeDiagnostics read_exchange_diagnostics(std::string_view notice) {
  ExchangeDiagnostics diagnostics;
  bool in_section = false;
  for (std::string_view raw : TextLines(notice)) {
    const std::string_view line = mime::trim(raw);
    if (!in_section) {
      in_section = starts_with_any(line, kSectionOpenings);
      continue;
    }
    if (starts_exchange_original(line) || line.starts_with("Content-Type: ")) break;
    if (line.empty()) continue;
    if (starts_with_any(line, kGeneratingServer)) {
      diagnostics.generating_server = value_after_colon(line);
      continue;
    }
    if (is_address(line)) {
      diagnostics.recipients.push_back({std::string(line), {}, {}});
      continue;
    }
    if (diagnostics.recipients.empty()) continue;  // "Receiving server:" and the like
    ExchangeRecipient& recipient = diagnostics.recipients.back();
    if (recipient.replies.empty() && recipient.remote_host.empty() && is_host_name(line))
      recipient.remote_host = mime::lowercase(line);
    else
      recipient.replies.emplace_back(line);
  }
  return diagnostics;
}

}  // namespace bg::bounce
