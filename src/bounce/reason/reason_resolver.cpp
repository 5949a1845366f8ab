#include "bounce/reason/reason_resolver.h"

#include <array>

#include "bounce/reason/name_index.h"
#include "bounce/reason/phrase_matcher.h"
#include "bounce/reason/providers.h"
#include "bounce/reason/status_codes.h"
#include "mime/ascii.h"

namespace bg::bounce {

namespace {

// The reasons the rules below name. A rule is tried many times per recipient, so each reason is
// asked about by its position here, and its phrases by a bit, instead of by its name.
enum Reason : int {
  kMailboxFull, kMesgTooBig, kExceedLimit, kSuspend, kHasMoved, kNoRelaying, kAuthFailure, kUserUnknown,
  kFiltered, kRequirePtr, kNotCompliantRfc, kBadReputation, kRejected, kHostUnknown, kSpamDetected,
  kVirusDetected, kPolicyViolation, kSpeeding, kTooManyConn, kBlocked, kSecurityError, kSystemError,
  kNetworkError, kNotAccept, kContentError, kExpired, kMailerError, kSyntaxError, kSystemFull, kOnHold,
  kUndefined, kVacation,
  kReasonCount,
  kOtherReason = kReasonCount,  // a name the rules do not know, or none
};

constexpr std::array<std::string_view, kReasonCount> kReasonNames = {
    "mailboxfull", "mesgtoobig",  "exceedlimit",   "suspend",       "hasmoved",     "norelaying",
    "authfailure", "userunknown", "filtered",      "requireptr",    "notcompliantrfc", "badreputation",
    "rejected",    "hostunknown", "spamdetected",  "virusdetected", "policyviolation", "speeding",
    "toomanyconn", "blocked",     "securityerror", "systemerror",   "networkerror", "notaccept",
    "contenterror", "expired",    "mailererror",   "syntaxerror",   "systemfull",   "onhold",
    "undefined",   "vacation"};

// The reasons by name, and the bit of each in a PhraseHits set (none for a reason no phrase gives).
struct ReasonTable {
  NameIndex by_name{kReasonNames};
  std::array<std::uint64_t, kReasonCount> phrase_bits{};
  int decisive_scope = PhraseMatcher::instance().scope_index("decisive");

  ReasonTable() {
    for (std::size_t reason = 0; reason < kReasonCount; ++reason)
      if (const int at = PhraseMatcher::instance().reason_index(kReasonNames[reason]); at >= 0)
        phrase_bits[reason] = std::uint64_t{1} << at;
  }
};

const ReasonTable& reason_table() {
  static const ReasonTable table;
  return table;
}

Reason reason_named(std::string_view name) {
  const int at = reason_table().by_name.find(name);
  return at < 0 ? kOtherReason : static_cast<Reason>(at);
}

std::string name_of(Reason reason) { return std::string(kReasonNames[reason]); }

// The facts every rule looks at, computed once per recipient.
struct Evidence {
  const ReasonInput& input;
  std::string_view code_reason;  // what the status code alone means
  Reason code;                   // the same, as a position
  Reason said;                   // the format's verdict, as a position
  std::uint64_t phrases;         // the reasons whose phrases for every reply occur, as bits
  const ReasonTable& reasons;
  std::string spec;              // uppercased

  bool phrase(Reason reason) const { return (phrases & reasons.phrase_bits[reason]) != 0; }
  bool command_is(std::initializer_list<std::string_view> commands) const {
    for (std::string_view command : commands)
      if (mime::iequals(input.command, command)) return true;
    return false;
  }
};

// Each rule says whether one reason holds; it mirrors the checks each reason has in Sisimai.
bool holds(Reason reason, const Evidence& e) {
  const Reason code = e.code;
  if (e.said == reason) return true;
  switch (reason) {
    case kUserUnknown:
      if (code == kSuspend) return false;
      if (code == kUserUnknown) {
        for (Reason other : {kNoRelaying, kBlocked, kMailboxFull, kHasMoved, kRejected, kNotAccept})
          if (e.phrase(other)) return false;
        return true;
      }
      return e.command_is({"RCPT"}) && e.phrase(kUserUnknown);
    case kFiltered:
      if (code == kSuspend) return false;
      if (code == kFiltered) return e.phrase(kUserUnknown) || e.phrase(kFiltered);
      if (e.command_is({"CONN", "EHLO", "HELO", "MAIL", "RCPT"})) return false;
      return e.phrase(kFiltered) || e.phrase(kUserUnknown);
    case kRejected:
      if (code == kRejected) return true;
      if (e.command_is({"MAIL"})) return e.phrase(kRejected);
      if (e.command_is({"DATA"})) return code != kUserUnknown && e.phrase(kRejected);
      if (e.code_reason.empty() || code == kOnHold || code == kUndefined || code == kSecurityError ||
          code == kSystemError)
        return e.phrase(kRejected);
      return false;
    case kHostUnknown:
      if (code == kHostUnknown) return !e.phrase(kNetworkError);
      return e.phrase(kHostUnknown);
    case kMesgTooBig:
      if (code == kMesgTooBig) return true;
      if (code == kExceedLimit || e.input.status == "5.2.3") return false;
      return e.phrase(kMesgTooBig);
    case kNotAccept:
      if (e.input.replycode == "521" || e.input.replycode == "556") return true;
      if (!e.command_is({"MAIL"})) return false;
      return e.phrase(kNotAccept);
    case kNoRelaying:
      if (e.said == kSecurityError || e.said == kSystemError || e.said == kUndefined) return false;
      if (e.command_is({"CONN", "EHLO", "HELO"})) return false;
      return e.phrase(kNoRelaying);
    case kSpamDetected:
    case kVirusDetected:
      if (code == reason) return true;
      if (e.command_is({"CONN", "EHLO", "HELO", "MAIL", "RCPT"})) return false;
      return e.phrase(reason);
    case kSuspend:
    case kHasMoved:
      return e.phrase(reason);
    default:
      // mailboxfull, exceedlimit, toomanyconn, blocked, authfailure, requireptr, badreputation...
      return code == reason || e.phrase(reason);
  }
}

// The reasons tried first, when the reply is an SMTP reply (or says nothing of its type).
constexpr std::array kFirstPass = {
    kMailboxFull, kMesgTooBig,  kExceedLimit, kSuspend,      kHasMoved,   kNoRelaying,
    kAuthFailure, kUserUnknown, kFiltered,    kRequirePtr,   kNotCompliantRfc, kBadReputation,
    kRejected,    kHostUnknown, kSpamDetected, kSpeeding,    kTooManyConn, kBlocked};

// Then the phrases alone, for what the first pass did not settle.
constexpr std::array kSecondPass = {
    kMailboxFull,     kAuthFailure, kBadReputation, kSpeeding,     kSpamDetected, kVirusDetected,
    kPolicyViolation, kNoRelaying,  kSystemError,   kNetworkError, kSuspend,      kContentError,
    kSystemFull,      kNotAccept,   kExpired,       kSecurityError, kMailerError};

// The reasons provider- or format-specific phrases may give, in the order they are tried.
constexpr std::array kSpecificOrder = {
    kMailboxFull,  kMesgTooBig,   kExceedLimit,    kSuspend,        kHasMoved,   kAuthFailure,
    kUserUnknown,  kFiltered,     kRequirePtr,     kNotCompliantRfc, kBadReputation, kRejected,
    kHostUnknown,  kSpamDetected, kVirusDetected,  kPolicyViolation, kSpeeding,  kTooManyConn,
    kBlocked,      kSecurityError, kSystemError,   kNetworkError,   kNoRelaying, kNotAccept,
    kContentError, kExpired,      kMailerError,    kSyntaxError,    kSystemFull, kOnHold,    kUndefined};

// The first reason in kSpecificOrder among `found` (PhraseHits bits); empty when there is none.
std::string first_specific(std::uint64_t found) {
  if (found == 0) return {};
  const ReasonTable& reasons = reason_table();
  for (Reason candidate : kSpecificOrder)
    if (found & reasons.phrase_bits[candidate]) return name_of(candidate);
  return {};
}

bool is_retry_candidate(std::string_view reason) {
  return reason.empty() || reason == "undefined" || reason == "onhold" || reason == "systemerror" ||
         reason == "securityerror" || reason == "networkerror" || reason == "hostunknown" ||
         reason == "userunknown";
}

std::string second_pass(const Evidence& e) {
  std::string reason(e.code_reason);
  const bool try_phrases = reason.empty() || reason == "expired" || is_retry_candidate(reason) || e.spec != "SMTP";
  if (!try_phrases) return reason;

  for (Reason candidate : kSecondPass)
    if (e.phrase(candidate)) return name_of(candidate);
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
  thread_local std::string normalized;
  normalize_reply(text, normalized);
  return first_specific(PhraseMatcher::instance().reasons_in_scope(normalized, scope));
}

std::string resolve_reason(const ReasonInput& input) {
  const std::string_view verdict = input.format_reason;
  if (verdict == "delivered" || verdict == "feedback" || verdict == "vacation") return std::string(verdict);
  if (input.status.starts_with("2.")) return "delivered";

  // The reply is scanned preceded by its status code and SMTP command: decisive, provider
  // and format phrases may depend on those ("re:^5\.2\.0 .*unknown user"); the others ignore them.
  // The three parts are joined, and normalized together, in strings each thread keeps, whose
  // storage serves reply after reply.
  thread_local std::string joined;
  thread_local std::string coded_reply;
  joined.assign(input.status).append(1, ' ').append(input.command).append(1, ' ').append(input.diagnosis);
  normalize_reply(joined, coded_reply);
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  // The provider knows its replies best; decisive phrases outrank even the format's verdict.
  const int provider_scope = matcher.provider_scope(provider_of(input.rhost, input.destination));
  const int decisive_scope = reason_table().decisive_scope;
  // A firm verdict of the format stands unless those few phrases overrule it: only they are
  // looked for then, each scope's alone, which costs a fraction of a pass of every phrase.
  if (!verdict.empty() && !is_retry_candidate(verdict)) {
    for (int scope : {provider_scope, decisive_scope})
      if (std::string reason = first_specific(matcher.reasons_in_scope(coded_reply, scope)); !reason.empty())
        return reason;
    return std::string(verdict);
  }

  // The phrases of every reply, the decisive ones with them, and the provider's and the format's:
  // no other section can apply. The provider's are looked for first, then the format's: a reason
  // either gives leaves the later scans undone, or only the decisive phrases to look for, not the
  // phrases of every reply, whose scan costs the most.
  if (std::string reason = first_specific(matcher.reasons_in_scope(coded_reply, provider_scope)); !reason.empty())
    return reason;
  // `reason`, unless a decisive phrase overrules it: those phrases alone are looked for.
  const auto unless_decisive = [&](std::string reason) {
    std::string decisive = first_specific(matcher.reasons_in_scope(coded_reply, decisive_scope));
    return decisive.empty() ? reason : decisive;
  };
  const int format_scope = matcher.format_scope(input.format);
  if (std::string reason = first_specific(matcher.reasons_in_scope(coded_reply, format_scope)); !reason.empty())
    return unless_decisive(std::move(reason));
  const std::string_view code_reason = reason_of_status(input.status);
  const Reason code = reason_named(code_reason);
  const bool smtp_reply = input.spec.empty() || mime::iequals(input.spec, "SMTP");
  // A status code that means a full mailbox makes the first rule of the first pass below hold
  // whatever the phrases of every reply say: only the decisive ones are looked for then.
  static_assert(kFirstPass.front() == kMailboxFull);
  if (smtp_reply && code == kMailboxFull) return unless_decisive(name_of(kMailboxFull));
  const PhraseMatcher::EverywhereReasons phrases = matcher.reasons_everywhere(coded_reply);
  if (std::string reason = first_specific(phrases.decisive); !reason.empty()) return reason;
  Evidence e{input, code_reason, code, reason_named(verdict), phrases.everywhere, reason_table(), {}};
  for (char c : input.spec) e.spec.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);

  if (smtp_reply) {
    for (Reason candidate : kFirstPass)
      if (holds(candidate, e)) return name_of(candidate);
  }

  std::string reason = second_pass(e);
  if (reason == "undefined") reason.clear();
  if (reason.empty() && mime::istarts_with(input.action, "delayed")) reason = "expired";
  if (!reason.empty()) return reason;
  if (!input.format_reason.empty()) return std::string(input.format_reason);
  if (e.phrase(kVacation)) return "vacation";
  return input.diagnosis.empty() ? "undefined" : "onhold";
}

}  // namespace bg::bounce
