// The reason resolver on replies taken from real bounces.
#include "bounce/reason/reason_resolver.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "bounce/dsn_report.h"
#include "bounce/reason/phrase_file.h"
#include "bounce/reason/phrase_matcher.h"
#include "bounce/reason/phrase_table.h"
#include "bounce/reason/status_codes.h"
#include "data/embedded_files.h"
#include "data/tsv.h"

namespace bg::bounce {
namespace {

std::string reason_for(std::string_view status, std::string_view diagnosis, std::string_view rhost = "",
                       std::string_view destination = "", std::string_view action = "failed") {
  ReasonInput input;
  input.status = status;
  input.diagnosis = diagnosis;
  input.spec = "SMTP";
  input.rhost = rhost;
  input.destination = destination;
  input.action = action;
  input.replycode = diagnosis.substr(0, 3);
  return resolve_reason(input);
}

TEST(Reason, StatusCodeAndPhraseAgree) {
  EXPECT_EQ(reason_for("5.1.1", "550 5.1.1 <kijitora@example.jp>... User Unknown"), "userunknown");
  EXPECT_EQ(reason_for("5.2.2", "552 5.2.2 Mailbox full"), "mailboxfull");
}

TEST(Reason, PhraseOverridesAGeneralCode) {
  EXPECT_EQ(reason_for("5.7.1", "550 5.7.1 Message content rejected, UBE, id=00000-00-000"), "spamdetected");
  EXPECT_EQ(reason_for("5.7.26",
                       "550-5.7.26 The MAIL FROM domain [mail4.example.com] has an SPF record with a hard fail "
                       "policy (-all) but it fails to pass SPF checks"),
            "authfailure");
}

TEST(Reason, ProviderPhrasesApplyOnlyToThatProvider) {
  const std::string_view tencent = "550 Ip frequency limited [Blocked IP 192.0.2.22]";
  EXPECT_EQ(reason_for("5.0.0", tencent, "mx3.qq.com"), "toomanyconn");
  EXPECT_NE(reason_for("5.0.0", tencent, "mx.example.net"), "toomanyconn");
}

// A failed SMTP delivery with a status code that says nothing of its reason.
ReasonInput vague_failure() {
  ReasonInput input;
  input.status = "5.0.0";
  input.spec = "SMTP";
  input.action = "failed";
  return input;
}

// A format module's firm verdict stands against the phrases for every reply, but a decisive
// phrase, or one of the provider that answered, overrules it.
TEST(Reason, OnlyDecisiveAndProviderPhrasesOverruleTheFormat) {
  ReasonInput input = vague_failure();
  input.format_reason = "mailboxfull";
  input.diagnosis = "550 User unknown";
  EXPECT_EQ(resolve_reason(input), "mailboxfull");
  input.diagnosis = "421 Messages temporarily deferred due to unexpected volume or user complaints";
  EXPECT_EQ(resolve_reason(input), "badreputation");
  input.diagnosis = "451 4.7.650 The mail server has been temporarily rate limited due to IP reputation";
  input.rhost = "mail-eopbgr.outbound.protection.outlook.com";
  EXPECT_EQ(resolve_reason(input), "badreputation");
  input.rhost = "mx.example.net";
  EXPECT_EQ(resolve_reason(input), "mailboxfull");
  input.format_reason = "userunknown";  // tentative: the phrases for every reply decide
  input.diagnosis = "552 Mailbox full";
  EXPECT_EQ(resolve_reason(input), "mailboxfull");
}

// Without a firm verdict, the provider's phrases come first, then the decisive ones, then the
// format's, and only then the phrases of every reply with the status code. Each phrase below is
// one section's: "no such user" every reply's (userunknown), "quota exceeded" Dovecot's
// (mailboxfull), "duplicate header" a decisive one (contenterror), "banned sending ip" Microsoft's
// (blocked).
TEST(Reason, ProviderThenDecisiveThenFormatPhrasesDecide) {
  constexpr std::string_view kMicrosoft = "mail-eopbgr.outbound.protection.outlook.com";
  struct Case {
    std::string_view rhost;
    std::string_view diagnosis;
    std::string_view reason;
  };
  for (const Case& c : {Case{"", "550 no such user", "userunknown"},
                        Case{"", "550 no such user; quota exceeded", "mailboxfull"},
                        Case{"", "550 no such user; quota exceeded; duplicate header", "contenterror"},
                        Case{kMicrosoft, "550 no such user; quota exceeded; duplicate header", "contenterror"},
                        Case{kMicrosoft, "550 no such user; quota exceeded; duplicate header; banned sending ip", "blocked"},
                        Case{kMicrosoft, "550 no such user; banned sending ip", "blocked"},
                        Case{"mx.example.net", "550 no such user; banned sending ip", "userunknown"}}) {
    ReasonInput input = vague_failure();
    input.format = "Dovecot";
    input.command = "RCPT";
    input.rhost = c.rhost;
    input.diagnosis = c.diagnosis;
    EXPECT_EQ(resolve_reason(input), c.reason) << c.diagnosis << " from " << c.rhost;
  }
}

// The parts of a reply are joined over the storage the last reply's took: a short reply decided
// after a long one finds nothing of the long one's phrases past its own end.
TEST(Reason, AReplyAfterALongerOneIsDecidedAlone) {
  ReasonInput input = vague_failure();
  input.format = "Dovecot";
  input.command = "RCPT";
  constexpr std::string_view kShort = "550 no such user";
  constexpr std::string_view kLong = "550 no such user; quota exceeded; and a tail far longer than the reply after it";
  for (std::string_view reply : {kShort, kLong, kShort}) {
    input.diagnosis = reply;
    EXPECT_EQ(resolve_reason(input), reply == kShort ? "userunknown" : "mailboxfull") << reply;
  }
}

// A status code that means a full mailbox decides an SMTP reply, or one of no stated type, in
// any case, whatever the phrases of every reply say, and without a format's firm verdict; a
// decisive phrase still overrules it; a reply of another type is asked about those phrases.
TEST(Reason, AFullMailboxCodeDecidesAnSmtpReplyUnlessADecisivePhraseOverrules) {
  for (std::string_view status : {"5.2.2", "4.2.2"}) {
    for (std::string_view spec : {"SMTP", "smtp", ""}) {
      ReasonInput input = vague_failure();
      input.status = status;
      input.spec = spec;
      input.command = "RCPT";
      for (std::string_view format_reason : {"", "userunknown"}) {
        input.format_reason = format_reason;
        for (std::string_view reply : {"", "552 mailbox full", "550 no such user", "550 virus detected"}) {
          input.diagnosis = reply;
          EXPECT_EQ(resolve_reason(input), "mailboxfull") << status << " " << spec << ": " << reply;
        }
        input.diagnosis = "550 no such user; duplicate header";
        EXPECT_EQ(resolve_reason(input), "contenterror") << status << " " << spec;
      }
    }
    ReasonInput input = vague_failure();
    input.status = status;
    input.spec = "X-UNIX";
    input.diagnosis = "550 virus detected";
    EXPECT_EQ(resolve_reason(input), "virusdetected") << status;
  }
  ReasonInput input = vague_failure();  // a code that says nothing of the reason: the phrases decide
  input.command = "RCPT";
  input.diagnosis = "550 no such user";
  EXPECT_EQ(resolve_reason(input), "userunknown");
}

TEST(Reason, DelayWithoutCauseIsExpired) {
  EXPECT_EQ(reason_for("4.4.0", "", "", "", "delayed"), "expired");
}

TEST(Reason, DeliveredAndNothingKnown) {
  EXPECT_EQ(reason_for("2.1.5", "250 2.1.5 Ok"), "delivered");
  ReasonInput input;
  EXPECT_EQ(resolve_reason(input), "undefined");
}

TEST(StatusCodes, TablesFromData) {
  EXPECT_EQ(reason_of_status("5.1.1"), "userunknown");
  EXPECT_EQ(reason_of_status("5.7.26"), "authfailure");
  EXPECT_EQ(reason_of_status("9.9.9"), "");
  EXPECT_EQ(pseudo_status("mailboxfull", false), "5.0.922");
  EXPECT_EQ(pseudo_status("mailboxfull", true), "4.0.922");
  EXPECT_EQ(pseudo_status("userunknown", true), "");
}

// Every code of the table is found with the reason of its first row, whatever its length; a code
// is found only whole, so its prefixes, extensions and padded forms, and the empty text, mean nothing.
TEST(StatusCodes, EveryCodeIsFoundWholeAndNothingElse) {
  std::set<std::string_view> seen;
  for (const auto& row : data::read_tsv(data::embedded_file("status-codes.tsv")))
    if (row.size() >= 2 && seen.insert(row[0]).second) EXPECT_EQ(reason_of_status(row[0]), row[1]) << row[0];
  EXPECT_GT(seen.size(), 50u);
  EXPECT_EQ(reason_of_status("5.1.10"), "notaccept");
  EXPECT_EQ(reason_of_status("5.7.2"), "securityerror");
  for (std::string_view unknown : {"", "5", "5.1.", "5.1.1 ", " 5.1.1", "5.1.1.1", "5.1.100", "5.7.2x"})
    EXPECT_EQ(reason_of_status(unknown), "") << unknown;
}

TEST(PhraseFile, ParsesEveryKindOfLine) {
  const auto rules = parse_phrase_file("blocked",
                                       "# comment\n"
                                       "blocked using\n"
                                       "\"go away \"\n"
                                       "re:ip [0-9.]+ is blocked\n"
                                       "!not blocked\n"
                                       "[provider cox]\n"
                                       "aup#cxbl\n");
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules[0].pattern, "blocked using");
  EXPECT_EQ(rules[1].pattern, "go away ");
  EXPECT_EQ(rules[2].pattern, "ip [0-9.]+ is blocked");
  EXPECT_TRUE(rules[3].veto);
  EXPECT_EQ(rules[4].scope, "provider cox");
  EXPECT_EQ(escape_regex("a.b(c)"), "a\\.b\\(c\\)");
}

// Replies are matched lowercased: phrases are lowercased to match them, all but the escapes,
// whose case is their meaning.
TEST(PhraseFile, PhrasesAreLowercasedButTheirEscapes) {
  const auto rules = parse_phrase_file("mailererror", "User UNKNOWN\nre:\\AProcmail: [A-Z]+\\d\\b\nSee (A.B)\n");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].pattern, "user unknown");
  EXPECT_EQ(rules[1].pattern, "\\Aprocmail: [a-z]+\\d\\b");
  EXPECT_EQ(rules[2].pattern, "see \\(a\\.b\\)");
  // The databases match with case: a reply in capitals finds its phrases once normalized.
  EXPECT_EQ(reason_in_scope("Procmail: QUOTA Exceeded while writing", "format procmail"), "mailboxfull");
  EXPECT_TRUE(PhraseMatcher::instance().match(normalize_reply("550 NO SUCH USER")).has("userunknown"));
}

TEST(PhraseFile, MalformedSectionNamesTheLine) {
  try {
    parse_phrase_file("blocked", "ok\n[nonsense]\n");
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("blocked.txt:2"), std::string::npos);
  }
}

TEST(PhraseMatcher, OnePassFindsEveryReason) {
  const PhraseHits hits = PhraseMatcher::instance().match(normalize_reply("User   UNKNOWN;\n mailbox full"));
  EXPECT_TRUE(hits.has("userunknown"));
  EXPECT_TRUE(hits.has("mailboxfull"));
  EXPECT_FALSE(hits.has("virusdetected"));
  EXPECT_EQ(normalize_reply("  A\t\tB \n C "), "a b c");
}

TEST(SqueezeSpaces, RunsOfWhiteSpaceBecomeOneSpaceAndTheEndsAreTrimmed) {
  EXPECT_EQ(squeeze_spaces(""), "");
  EXPECT_EQ(squeeze_spaces(" \t\r\n "), "");
  EXPECT_EQ(squeeze_spaces("x"), "x");
  EXPECT_EQ(squeeze_spaces("  550 5.1.1\r\n\t<a@b>  user\n\nunknown \t"), "550 5.1.1 <a@b> user unknown");
  EXPECT_EQ(squeeze_spaces("a b"), "a b");
}

// Squeezed in place, a text comes out as squeeze_spaces() gives it: one already squeezed, of a
// block or more, or with a space at an end, as one that is not.
TEST(SqueezeSpaces, InPlaceGivesWhatACopyGives) {
  for (std::string_view text : {"", " ", " \t\r\n ", "x", " x", "x ", "a b", "a  b", "a\r\nb", "a\tb",
                                "550 5.1.1 <user@example.com>: Recipient address rejected",
                                "550 5.1.1 <user@example.com>:  Recipient address rejected",
                                "550 5.1.1 <user@example.com>: Recipient address rejected\r\n"}) {
    std::string squeezed(text);
    squeeze_spaces_in_place(squeezed);
    EXPECT_EQ(squeezed, squeeze_spaces(text)) << text;
  }
}

// White space is squeezed sixteen bytes at a time where it can be, and a run of it skipped at
// once; every kind of break, alone and in runs, one of them longer than a block, at every
// position across the block edges, gives what one byte at a time gives.
TEST(SqueezeSpaces, EveryBreakAtEveryPositionAcrossBlocks) {
  const auto one_at_a_time = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      const bool white = c == ' ' || c == '\t' || c == '\r' || c == '\n';
      if (!white) out.push_back(c);
      else if (!out.empty() && out.back() != ' ') out.push_back(' ');
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  for (std::string_view run : {" ", "  ", "\t", "\r\n", " \n ", "   \t\t  ", " \t\r\n \t\r\n \t\r\n \t\r\n \t\r\n"}) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(40, 'x');
      for (std::size_t k = 5; k < text.size(); k += 6) text[k] = ' ';  // single spaces throughout
      text.insert(at, run);
      EXPECT_EQ(squeeze_spaces(text), one_at_a_time(text)) << "run of " << run.size() << " at " << at;
      // The last bytes of a text are squeezed with the block that ends it: texts of every length.
      for (std::size_t length = 0; length <= text.size(); ++length) {
        const std::string_view start = std::string_view(text).substr(0, length);
        EXPECT_EQ(squeeze_spaces(start), one_at_a_time(start)) << "run of " << run.size() << " at " << at << " in " << length;
      }
    }
  }
}

// Lowercasing in the same pass changes the capital letters alone, the bytes next to them in the
// ASCII table and those from 0x80 on as they are, wherever they fall in a block.
TEST(SqueezeSpaces, AndLowercaseChangesTheCapitalsAlone) {
  const std::string bytes = "@AMZ[`amz{ \xC1\xDA\xFF\x80 \t09";
  for (std::size_t at = 0; at <= 40; ++at) {
    const std::string text = std::string(at, 'Q') + bytes + std::string(40 - at, 'q');
    std::string expected = squeeze_spaces(text);
    for (char& c : expected) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    EXPECT_EQ(squeeze_and_lowercase(text), expected) << at;
  }
}

// A reply normalized over a string that served another gives what a new string gives, whether
// the string held a longer text, a shorter one, or none, and for an empty or all-white reply.
TEST(PhraseMatcher, NormalizingOverAUsedStringGivesWhatANewOneGives) {
  std::string out;
  for (std::string_view reply : {"550 5.1.1 <USER@example.com>:  Recipient address REJECTED\r\n\tuser unknown",
                                 "  A\t\tB \n C ", "", "X", " \t\r\n ", "5.1.1 RCPT 550 User Unknown",
                                 "x  y", ""}) {
    normalize_reply(reply, out);
    EXPECT_EQ(out, normalize_reply(reply)) << reply;
  }
}

// Phrases anchored at the start of the reply match there, see the byte after them, and match
// nowhere else.
// A phrase is reported wherever it occurs: a reply that repeats a phrase and a veto names the
// same reasons, in every kind of scan, as one that has each once.
TEST(PhraseMatcher, APhraseFoundAgainChangesNothing) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  const std::string once = normalize_reply("5.1.1 rcpt 550 recipient address rejected: user unknown");
  const std::string twice = once + "; " + once;
  const PhraseHits hits = matcher.match(twice);
  EXPECT_TRUE(hits.has("userunknown"));
  EXPECT_TRUE(hits.vetoed("rejected"));
  EXPECT_FALSE(hits.has("rejected"));
  for (std::string_view scope : {"", "decisive"}) {
    EXPECT_EQ(hits.reasons(scope), matcher.match(once).reasons(scope)) << scope;
    EXPECT_EQ(matcher.reasons_in_scope(twice, scope), matcher.reasons_in_scope(once, scope)) << scope;
  }
}

TEST(PhraseMatcher, AnchoredPhrasesMatchAtTheStartOnly) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  const auto office365 = [&](std::string_view reply, std::string_view reason) {
    return matcher.match(normalize_reply(reply), {"format office365"}).has(reason, "format office365");
  };
  EXPECT_TRUE(office365("4.7.26 rcpt 550 unauthenticated email is not accepted", "securityerror"));
  EXPECT_TRUE(office365("5.7.509 data access denied", "securityerror"));
  EXPECT_FALSE(office365("5.7.5090 data access denied", "securityerror"));  // no word boundary after it
  EXPECT_FALSE(office365("rcpt 550 4.7.26 unauthenticated email is not accepted", "securityerror"));
  // An anchored phrase whose match can run on to any length.
  EXPECT_TRUE(matcher.match(normalize_reply("5.0.0 rcpt 550 sorry, this is an unknown user here"), {"provider nttdocomo"})
                  .has("rejected", "provider nttdocomo"));
}

// A format's or a provider's section is found by its name in any case, among the sections of
// its kind alone (both kinds have a "kddi"); a name one byte longer or shorter than a section's,
// an empty one, one far longer than any, or one of a kind that names no section finds none.
TEST(PhraseMatcher, SectionsAreFoundByKindAndName) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  const auto find = [&](std::string_view kind, std::string_view name) {
    return kind == "format" ? matcher.format_scope(name) : matcher.provider_scope(name);
  };
  std::size_t named = 0;
  for (std::string_view scope : phrase_table().scopes) {
    const std::size_t space = scope.find(' ');
    if (space == std::string_view::npos) continue;
    const std::string_view kind = scope.substr(0, space);
    ASSERT_TRUE(kind == "format" || kind == "provider") << scope;
    std::string name(scope.substr(space + 1));
    EXPECT_EQ(find(kind, name), matcher.scope_index(scope)) << scope;
    EXPECT_EQ(find(kind == "format" ? "provider" : "format", name),
              matcher.scope_index(std::string(kind == "format" ? "provider " : "format ") + name))
        << scope;
    for (char& c : name) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    EXPECT_EQ(find(kind, name), matcher.scope_index(scope)) << scope;
    name[0] = static_cast<char>(name[0] + 32 * (name[0] >= 'A' && name[0] <= 'Z'));  // mixed case
    EXPECT_EQ(find(kind, name), matcher.scope_index(scope)) << scope;
    EXPECT_EQ(find(kind, name + "x"), -1) << scope;
    EXPECT_EQ(find(kind, name.substr(0, name.size() - 1)), -1) << scope;
    ++named;
  }
  EXPECT_GT(named, 40u);
  EXPECT_NE(matcher.format_scope("KDDI"), matcher.provider_scope("kddi"));
  EXPECT_GE(matcher.provider_scope("kddi"), 0);
  EXPECT_EQ(matcher.format_scope("Office365"), matcher.scope_index("format office365"));
  EXPECT_EQ(matcher.provider_scope(""), -1);
  EXPECT_EQ(matcher.format_scope(""), -1);
  EXPECT_EQ(matcher.format_scope(std::string(200, 'x')), -1);
  EXPECT_EQ(matcher.format_scope("Sendmail"), -1);
  EXPECT_EQ(matcher.format_scope("decisive"), -1);
}

TEST(PhraseMatcher, TellsWhetherAScopeHasAnyPhrase) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  const PhraseHits microsoft = matcher.match(
      normalize_reply("451 4.7.650 The mail server has been temporarily rate limited due to IP reputation"),
      {"provider microsoft", "no such scope"});
  EXPECT_TRUE(microsoft.any("provider microsoft"));
  EXPECT_FALSE(microsoft.any("decisive"));
  EXPECT_FALSE(microsoft.any("no such scope"));
  const PhraseHits deferred = matcher.match(
      normalize_reply("temporarily deferred due to unexpected volume or user complaints"), {"provider microsoft"});
  EXPECT_TRUE(deferred.any("decisive"));
  EXPECT_FALSE(deferred.any("provider microsoft"));
}

// The set of a scope's reasons has the bit of each reason at its index exactly when has() says
// the reason occurs there, vetoes included.
TEST(PhraseMatcher, ReasonsOfAScopeAreTheReasonsItHas) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  for (std::string_view reply : {"550 5.1.1 user unknown; mailbox full", "451 4.7.650 rate limited due to IP reputation",
                                 "5.7.509 rcpt 550 access denied, sending domain does not pass dmarc", ""}) {
    const PhraseHits hits = matcher.match(normalize_reply(reply), {"provider microsoft", "format office365"});
    for (std::string_view scope : {"", "decisive", "provider microsoft", "format office365", "no such scope"}) {
      const std::uint64_t reasons = hits.reasons(scope);
      EXPECT_EQ(reasons != 0, hits.any(scope)) << reply << " in " << scope;
      for (const std::string& reason : matcher.reasons()) {
        const int at = matcher.reason_index(reason);
        EXPECT_EQ(((reasons >> at) & 1) != 0, hits.has(reason, scope)) << reply << ": " << reason << " in " << scope;
      }
    }
  }
}

// Every phrase of data/reasons/ that is plain text, as a reply of its own after each kind of
// start that vetoes look for (a status code, an SMTP command, nothing).
std::vector<std::string> replies_made_of_plain_phrases() {
  std::vector<std::string> replies;
  for (const auto& file : std::filesystem::directory_iterator(BOUNCEGUARD_SOURCE_DIR "/data/reasons")) {
    if (file.path().extension() != ".txt") continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    for (const PhraseRule& rule : parse_phrase_file(file.path().stem().string(), text.str())) {
      std::string plain;
      for (std::size_t i = 0; i < rule.pattern.size(); ++i)
        plain.push_back(rule.pattern[i] == '\\' ? rule.pattern[++i] : rule.pattern[i]);
      if (escape_regex(plain) != rule.pattern) continue;
      for (std::string_view start : {"5.1.1 rcpt 550 ", "5.0.0 data ", ""}) replies.push_back(std::string(start) + plain);
    }
  }
  return replies;
}

// A reply is scanned for the phrases of every reply and the decisive ones whatever it is asked
// about, and for another section's only when that section is named; each section finds what its
// phrases alone find, vetoes and phrases anchored at the start of the reply included; and the
// named sections scanned first, the phrases of every reply added after, find what one match finds.
TEST(PhraseMatcher, ASectionIsLookedForOnlyWhenNamed) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  std::vector<std::string> replies = replies_made_of_plain_phrases();
  ASSERT_GT(replies.size(), 1500u);
  for (std::string_view reply : {"4.7.26 rcpt 550 unauthenticated email is not accepted", "5.7.5090 data access denied",
                                 "5.0.0 rcpt 550 sorry, this is an unknown user here", ""})
    replies.emplace_back(reply);
  std::size_t found_in_a_scope = 0;
  std::size_t vetoed_in_a_scope = 0;
  for (std::string& reply : replies) {
    reply = normalize_reply(reply);
    const PhraseHits unnamed = matcher.match(reply);
    for (std::string_view scope : phrase_table().scopes) {
      const PhraseHits named = matcher.match(reply, {scope});
      const bool always = scope.empty() || scope == "decisive";
      EXPECT_EQ(named.reasons(scope), matcher.reasons_in_scope(reply, scope)) << reply << " in " << scope;
      EXPECT_EQ(unnamed.reasons(scope), always ? named.reasons(scope) : 0u) << reply << " in " << scope;
      EXPECT_EQ(named.reasons(), unnamed.reasons()) << reply << " with " << scope;
      PhraseHits in_turn = matcher.match_sections(reply, {scope});
      EXPECT_EQ(in_turn.reasons(), 0u) << reply << " with " << scope;
      if (!scope.empty()) {
        EXPECT_EQ(in_turn.reasons(scope), named.reasons(scope)) << reply << " in " << scope;
      }
      matcher.add_everywhere(reply, in_turn);
      for (std::string_view asked : {scope, std::string_view(), std::string_view("decisive")})
        EXPECT_EQ(in_turn.reasons(asked), named.reasons(asked)) << reply << " in " << asked;
      if (!scope.empty() && named.reasons(scope) != 0) ++found_in_a_scope;
      for (const std::string& reason : matcher.reasons())
        if (!scope.empty() && named.vetoed(reason, scope)) ++vetoed_in_a_scope;
    }
    EXPECT_EQ(matcher.reasons_in_scope(reply, "no such scope"), 0u);
  }
  EXPECT_GT(found_in_a_scope, 100u);
  EXPECT_GT(vetoed_in_a_scope, 10u);
}

// The phrases of every reply and the decisive ones, found by the one scan of the database that
// holds both, are what a match finds in those two scopes: vetoes, phrases anchored at the start
// of the reply and an empty reply included.
TEST(PhraseMatcher, EverywhereReasonsAreWhatAMatchFinds) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  std::vector<std::string> replies = replies_made_of_plain_phrases();
  for (std::string_view reply : {"5.1.1 rcpt 550 recipient address rejected: user unknown",
                                 "temporarily deferred due to unexpected volume or user complaints", "", " "})
    replies.emplace_back(reply);
  std::size_t decisive = 0;
  for (std::string& reply : replies) {
    reply = normalize_reply(reply);
    const PhraseHits hits = matcher.match(reply);
    const PhraseMatcher::EverywhereReasons found = matcher.reasons_everywhere(reply);
    EXPECT_EQ(found.everywhere, hits.reasons()) << reply;
    EXPECT_EQ(found.decisive, hits.reasons("decisive")) << reply;
    if (found.decisive != 0) ++decisive;
  }
  EXPECT_GT(decisive, 0u);
  const PhraseMatcher::EverywhereReasons vetoed =
      matcher.reasons_everywhere("5.1.1 rcpt 550 recipient address rejected: user unknown");
  EXPECT_NE(vetoed.everywhere >> matcher.reason_index("userunknown") & 1, 0u);
  EXPECT_EQ(vetoed.everywhere >> matcher.reason_index("rejected") & 1, 0u);
  EXPECT_EQ(matcher.reasons_everywhere("").everywhere, 0u);
  EXPECT_EQ(matcher.reasons_everywhere("").decisive, 0u);
}

}  // namespace
}  // namespace bg::bounce
