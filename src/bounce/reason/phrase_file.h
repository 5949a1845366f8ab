#pragma once
// The format of the phrase files in data/reasons/: one file per reason, named after it
// (userunknown.txt). Each line is one phrase that, found in a server's reply, means that reason:
//
//   no such user                 a phrase, matched without regard to case
//   "blocked using "             quotes keep leading or trailing spaces
//   re:user [^ ]+ not found      a regular expression (Vectorscan syntax)
//   !recipient address rejected  a veto: when it matches, this reason does not apply
//   [decisive]                   the phrases below decide the reason by themselves, whatever
//                                the status code says (they are checked first)
//   [provider google]            the phrases below apply only to replies from that provider
//   [format exim]                ...or only to bounces read by that format module
//   # comment
//
// Replies are matched after lowercasing and squeezing white space to single spaces, and phrases
// are lowercased to match them (all but escapes: \A, \d). Decisive,
// provider and format phrases see the reply preceded by its status code and SMTP command
// ("5.2.0 data 550 unknown user"), so that they can depend on those too.
#include <string>
#include <string_view>
#include <vector>

namespace bg::bounce {

struct PhraseRule {
  std::string reason;
  std::string scope;    // "" for every reply, "decisive", "provider google", "format exim"
  std::string pattern;  // a Vectorscan regular expression, lowercase but for its escapes
  bool veto = false;
  int line = 0;
};

// Parses one phrase file; throws std::runtime_error naming the line when it is malformed.
std::vector<PhraseRule> parse_phrase_file(std::string_view reason, std::string_view text);

// Escapes a literal phrase for use as a regular expression.
std::string escape_regex(std::string_view literal);

}  // namespace bg::bounce
