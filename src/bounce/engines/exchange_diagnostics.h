#pragma once
// The administrators' section of the non-delivery reports of Exchange Server 2007 and later and
// of Office 365, in English, French and Italian:
//   Diagnostic information for administrators:
//   Generating server: mta2.example.jp
//   kijitora@example.jp
//   mx.example.org                                      (the remote host, when one refused)
//   Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
//   Original message headers:
#include <string>
#include <string_view>
#include <vector>

namespace bg::bounce {

struct ExchangeRecipient {
  std::string address;
  std::string remote_host;
  std::vector<std::string> replies;  // the lines after the address and host, in order
};

struct ExchangeDiagnostics {
  std::string generating_server;
  std::vector<ExchangeRecipient> recipients;
};

// Reads the section from `notice` (the text before the original message); no recipients when
// the section is missing.
ExchangeDiagnostics read_exchange_diagnostics(std::string_view notice);

// Whether `line` starts the returned original's headers ("Original message headers:").
bool starts_exchange_original(std::string_view line);

// The markers of the returned original's headers, for split_at_original().
inline constexpr std::string_view kExchangeOriginalEnglish = "Original message headers:";
inline constexpr std::string_view kExchangeOriginalFrench =
    "En-t\xc3\xaates de message d'origine :";
inline constexpr std::string_view kExchangeOriginalItalian =
    "Intestazioni originali del messaggio:";

}  // namespace bg::bounce
