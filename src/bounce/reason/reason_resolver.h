#pragma once
// Deciding why a message bounced, from what the bounce says about one recipient: the format's
// own verdict, the receiving provider's known replies, the status code, and the phrases of the
// reply text (data/reasons). The order of the checks follows Sisimai's, whose taxonomy and
// results bounceguard keeps compatible.
#include <string>
#include <string_view>

namespace bg::bounce {

struct ReasonInput {
  std::string_view format_reason;  // what the format module decided, if anything
  std::string_view format;         // the module's name, for [format NAME] phrases
  std::string_view status;         // enhanced status code
  std::string_view replycode;
  std::string_view diagnosis;      // the reply text as written
  std::string_view spec;           // diagnostic type: SMTP, X-UNIX...
  std::string_view command;        // SMTP command the failure answered
  std::string_view action;
  std::string_view rhost;
  std::string_view destination;    // the recipient's domain
};

std::string resolve_reason(const ReasonInput& input);

// The first reason whose phrases in `scope` ("format procmail", "provider google") occur in
// `text`; empty when none does. For format modules that read a reason off a line of their own.
std::string reason_in_scope(std::string_view text, std::string_view scope);

// Reasons that a format's own verdict does not settle: they are checked again from the text.
bool is_tentative_reason(std::string_view reason);

}  // namespace bg::bounce
