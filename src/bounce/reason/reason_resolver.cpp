#include "bounce/reason/reason_resolver.h"

#include <array>

#include "bounce/reason/phrase_matcher.h"
#include "bounce/reason/providers.h"
#include "bounce/reason/status_codes.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// The facts every rule looks at, computed once per recipient.
struct Evidence {
  const ReasonInput& input;
  std::string_view code_reason;  // what the status code alone means
  const PhraseHits& hits;
  std::string spec;              // uppercased

  bool phrase(std::string_view reason) const { return hits.has(reason); }
  bool command_is(std::initializer_list<std::string_view> commands) const {
    for (std::string_view command : commands)
      if (mime::iequals(input.command, command)) return true;
    return false;
  }
};

// Each rule says whether one reason holds; it mirrors the checks each reason has in Sisimai.
bool holds(std::string_view reason, const Evidence& e) {
  const std::string_view code = e.code_reason;
  if (e.input.format_reason == reason) return true;
  if (reason == "userunknown") {
    if (code == "suspend") return false;
    if (code == "userunknown") {
      for (std::string_view other : {"norelaying", "blocked", "mailboxfull", "hasmoved", "rejected", "notaccept"})
        if (e.phrase(other)) return false;
      return true;
    }
    return e.command_is({"RCPT"}) && e.phrase("userunknown");
  }
  if (reason == "filtered") {
    if (code == "suspend") return false;
    if (code == "filtered") return e.phrase("userunknown") || e.phrase("filtered");
    if (e.command_is({"CONN", "EHLO", "HELO", "MAIL", "RCPT"})) return false;
    return e.phrase("filtered") || e.phrase("userunknown");
  }
  if (reason == "rejected") {
    if (code == "rejected") return true;
    if (e.command_is({"MAIL"})) return e.phrase("rejected");
    if (e.command_is({"DATA"})) return code != "userunknown" && e.phrase("rejected");
    if (code.empty() || code == "onhold" || code == "undefined" || code == "securityerror" || code == "systemerror")
      return e.phrase("rejected");
    return false;
  }
  if (reason == "hostunknown") {
    if (code == "hostunknown") return !e.phrase("networkerror");
    return e.phrase("hostunknown");
  }
  if (reason == "mesgtoobig") {
    if (code == "mesgtoobig") return true;
    if (code == "exceedlimit" || e.input.status == "5.2.3") return false;
    return e.phrase("mesgtoobig");
  }
  if (reason == "notaccept") {
    if (e.input.replycode == "521" || e.input.replycode == "556") return true;
    if (!e.command_is({"MAIL"})) return false;
    return e.phrase("notaccept");
  }
  if (reason == "norelaying") {
    const std::string_view said = e.input.format_reason;
    if (said == "securityerror" || said == "systemerror" || said == "undefined") return false;
    if (e.command_is({"CONN", "EHLO", "HELO"})) return false;
    return e.phrase("norelaying");
  }
  if (reason == "spamdetected" || reason == "virusdetected") {
    if (code == reason) return true;
    if (e.command_is({"CONN", "EHLO", "HELO", "MAIL", "RCPT"})) return false;
    return e.phrase(reason);
  }
  if (reason == "suspend" || reason == "hasmoved") return e.phrase(reason);
  // mailboxfull, exceedlimit, toomanyconn, blocked, authfailure, requireptr, badreputation...
  return code == reason || e.phrase(reason);
}

// The reasons tried first, when the reply is an SMTP reply (or says nothing of its type).
constexpr std::array kFirstPass = {
    "mailboxfull", "mesgtoobig", "exceedlimit", "suspend",     "hasmoved",     "norelaying",
    "authfailure", "userunknown", "filtered",   "requireptr",  "notcompliantrfc", "badreputation",
    "rejected",    "hostunknown", "spamdetected", "speeding",  "toomanyconn",  "blocked"};

// Then the phrases alone, for what the first pass did not settle.
constexpr std::array kSecondPass = {
    "mailboxfull",   "authfailure", "badreputation", "speeding",     "spamdetected", "virusdetected",
    "policyviolation", "norelaying", "systemerror",  "networkerror", "suspend",      "contenterror",
    "systemfull",    "notaccept",   "expired",       "securityerror", "mailererror"};

// The reasons provider- or format-specific phrases may give, in the order they are tried.
constexpr std::array kSpecificOrder = {
    "mailboxfull", "mesgtoobig", "exceedlimit", "suspend",      "hasmoved",    "authfailure",
    "userunknown", "filtered",   "requireptr",  "notcompliantrfc", "badreputation", "rejected",
    "hostunknown", "spamdetected", "virusdetected", "policyviolation", "speeding", "toomanyconn",
    "blocked",     "securityerror", "systemerror", "networkerror", "norelaying", "notaccept",
    "contenterror", "expired",   "mailererror", "syntaxerror", "systemfull", "onhold", "undefined"};

bool is_retry_candidate(std::string_view reason) {
  return reason.empty() || reason == "undefined" || reason == "onhold" || reason == "systemerror" ||
         reason == "securityerror" || reason == "networkerror" || reason == "hostunknown" ||
         reason == "userunknown";
}

std::string second_pass(const Evidence& e) {
  std::string reason(e.code_reason);
  const bool try_phrases = reason.empty() || reason == "expired" || is_retry_candidate(reason) || e.spec != "SMTP";
  if (!try_phrases) return reason;

  for (std::string_view candidate : kSecondPass)
    if (e.phrase(candidate)) return std::string(candidate);
  const std::string_view status = e.input.status;
  if (status.size() >= 3 && (status.substr(1, 2) == ".6")) return "contenterror";
  if (status.size() >= 3 && status.substr(1, 2) == ".7") return "securityerror";
  // A local program's failure (procmail, a pipe): what its status code says, else mailererror.
  if (e.spec == "X-UNIX" || e.spec == "X-POSTFIX") return reason.empty() ? "mailererror" : reason;
  // A delay warning whose reply names no cause: the message is late, not refused.
  if (mime::istarts_with(e.input.action, "delayed")) return "expired";
  if (!reason.empty()) return reason;
  const std::string_view reply = e.input.replycode;
  if (reply.size() == 3 && (reply[0] == '4' || reply[0] == '5') && reply[1] == '0' && reply[2] <= '7')
    return "syntaxerror";
  if (mime::istarts_with(e.input.action, "delayed") || mime::istarts_with(e.input.action, "expired"))
    return "expired";
  if (e.command_is({"EHLO", "HELO"})) return "blocked";
  return {};
}

}  // namespace

bool is_tentative_reason(std::string_view reason) { return is_retry_candidate(reason); }

std::string reason_in_scope(std::string_view text, std::string_view scope) {
  const PhraseHits hits = PhraseMatcher::instance().match(normalize_reply(text));
  if (!hits.any(scope)) return {};
  for (std::string_view candidate : kSpecificOrder)
    if (hits.has(candidate, scope)) return std::string(candidate);
  return {};
}

std::string resolve_reason(const ReasonInput& input) {
  const std::string_view verdict = input.format_reason;
  if (verdict == "delivered" || verdict == "feedback" || verdict == "vacation") return std::string(verdict);
  if (input.status.starts_with("2.")) return "delivered";

  // One pass over the reply preceded by its status code and SMTP command: decisive, provider
  // and format phrases may depend on those ("re:^5\.2\.0 .*unknown user"); the others ignore them.
  std::string coded_reply;
  coded_reply.reserve(input.status.size() + input.command.size() + input.diagnosis.size() + 2);
  coded_reply.append(input.status).append(" ").append(input.command).append(" ").append(input.diagnosis);
  const PhraseHits coded_hits = PhraseMatcher::instance().match(normalize_reply(coded_reply));
  Evidence e{input, reason_of_status(input.status), coded_hits, {}};
  for (char c : input.spec) e.spec.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  const std::string_view provider = provider_of(input.rhost, input.destination);
  auto specific_reason = [&](const std::string& scope) -> std::string {
    if (!coded_hits.any(scope)) return {};
    for (std::string_view candidate : kSpecificOrder)
      if (coded_hits.has(candidate, scope)) return std::string(candidate);
    return {};
  };
  // The provider knows its replies best; decisive phrases outrank even the format's verdict.
  for (const std::string& scope : {std::string("provider ").append(provider), std::string("decisive")})
    if (std::string reason = specific_reason(scope); !reason.empty()) return reason;
  if (!verdict.empty() && !is_retry_candidate(verdict)) return std::string(verdict);
  if (std::string reason = specific_reason("format " + mime::lowercase(input.format)); !reason.empty())
    return reason;

  if (e.spec == "SMTP" || e.spec.empty()) {
    for (std::string_view candidate : kFirstPass)
      if (holds(candidate, e)) return std::string(candidate);
  }

  std::string reason = second_pass(e);
  if (reason == "undefined") reason.clear();
  if (reason.empty() && mime::istarts_with(input.action, "delayed")) reason = "expired";
  if (!reason.empty()) return reason;
  if (!input.format_reason.empty()) return std::string(input.format_reason);
  if (e.phrase("vacation")) return "vacation";
  return input.diagnosis.empty() ? "undefined" : "onhold";
}

}  // namespace bg::bounce
