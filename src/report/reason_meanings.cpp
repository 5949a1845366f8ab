#include "report/reason_meanings.h"

#include <algorithm>

namespace bg::report {

namespace {

// Short enough to fit beside a count and a reason name in 80 columns.
constexpr ReasonMeaning kMeanings[] = {
    {"authfailure", "the sender failed SPF, DKIM or DMARC checks"},
    {"badreputation", "your server or IP has a poor reputation"},
    {"blocked", "your server or IP was refused"},
    {"contenterror", "the message's format or content was refused"},
    {"delivered", "delivered: a success report, not a failure"},
    {"exceedlimit", "the message exceeds the recipient's size limit"},
    {"expired", "delivery kept failing until the server gave up"},
    {"feedback", "a complaint (ARF report) about the message"},
    {"filtered", "the recipient's filter refused the message"},
    {"hasmoved", "the recipient has moved to another address"},
    {"hostunknown", "the recipient's domain does not exist"},
    {"mailboxfull", "the recipient's mailbox is full"},
    {"mailererror", "the recipient's mail program failed"},
    {"mesgtoobig", "the message is too big for the server"},
    {"networkerror", "a network or DNS problem prevented delivery"},
    {"norelaying", "the server refused to relay your mail"},
    {"notaccept", "the recipient's domain accepts no mail"},
    {"notcompliantrfc", "the message breaks the email standards"},
    {"onhold", "delivery is on hold for an unclear reason"},
    {"policyviolation", "the message broke the recipient's policy"},
    {"rejected", "the sender address was refused"},
    {"requireptr", "your server's IP has no reverse DNS name"},
    {"securityerror", "a security or authentication check failed"},
    {"spamdetected", "the message was taken for spam"},
    {"speeding", "too much mail too fast: rate limited"},
    {"suspend", "the recipient's account is suspended"},
    {"syntaxerror", "the servers could not understand each other"},
    {"systemerror", "the recipient's mail server had an error"},
    {"systemfull", "the recipient's mail server is out of space"},
    {"toomanyconn", "too many connections to the recipient's server"},
    {"undefined", "the bounce gives no recognisable reason"},
    {"userunknown", "the address does not exist"},
    {"vacation", "an automatic reply, such as out of office"},
    {"virusdetected", "a virus was found in the message"},
};

}  // namespace

std::span<const ReasonMeaning> reason_meanings() { return kMeanings; }

std::string_view meaning_of(std::string_view reason) {
  const auto found = std::lower_bound(
      std::begin(kMeanings), std::end(kMeanings), reason,
      [](const ReasonMeaning& entry, std::string_view name) { return entry.reason < name; });
  if (found == std::end(kMeanings) || found->reason != reason) return {};
  return found->meaning;
}

}  // namespace bg::report
