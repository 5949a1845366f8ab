#include "bounce/record_builder.h"

#include <optional>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/original/original_facts.h"
#include "bounce/original/received.h"
#include "bounce/reason/reason_resolver.h"
#include "bounce/reason/status_codes.h"
#include "bounce/smtp_codes.h"
#include "mime/ascii.h"
#include "mime/date.h"
#include "mime/encoded_words.h"
#include "mime/headers.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kSmtpCommands[] = {"HELO", "EHLO", "MAIL", "RCPT", "DATA", "QUIT", "CONN", "STARTTLS"};

bool is_smtp_command(std::string_view command) {
  for (std::string_view known : kSmtpCommands)
    if (command == known) return true;
  return false;
}

// The words every clue to the command starts with.
constexpr std::string_view kClueStarts[] = {"in reply to ", "after ", "refused"};

bool clue_starts_at(std::string_view text, std::size_t at) {
  for (std::string_view start : kClueStarts)
    if (mime::istarts_with(text.substr(at), start)) return true;
  return false;
}

// Whether `text` holds one of kClueStarts in any case. Most replies hold none, and one pass over
// them tells, sixteen positions at a time: only those whose first two bytes, with bit 0x20 set
// (which lowercases a letter and makes no other byte one), are "in", "af" or "re" are compared.
bool holds_clue_start(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const auto load_folded = [&](std::size_t at) {
    return _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at)), _mm_set1_epi8(0x20));
  };
  const auto pair = [](__m128i first, __m128i second, char a, char b) {
    return _mm_and_si128(_mm_cmpeq_epi8(first, _mm_set1_epi8(a)), _mm_cmpeq_epi8(second, _mm_set1_epi8(b)));
  };
  // The positions of the block at `at` whose first two bytes may start a clue, one bit each.
  const auto candidates = [&](std::size_t at) {
    const __m128i first = load_folded(at);
    const __m128i second = load_folded(at + 1);
    const __m128i starts =
        _mm_or_si128(pair(first, second, 'i', 'n'), _mm_or_si128(pair(first, second, 'a', 'f'), pair(first, second, 'r', 'e')));
    return static_cast<unsigned>(_mm_movemask_epi8(starts));
  };
  const auto clue_among = [&](std::size_t at, unsigned mask) {
    for (; mask != 0; mask &= mask - 1)
      if (clue_starts_at(text, at + static_cast<std::size_t>(__builtin_ctz(mask)))) return true;
    return false;
  };
  // Each block is read with the byte after it, the second byte of its last position.
  for (; i + 17 <= text.size(); i += 16)
    if (clue_among(i, candidates(i))) return true;
  // The last positions are those of the block that ends with the text, less the ones it shares
  // with the blocks before; no clue starts at the very last byte.
  if (text.size() >= 17) {
    const std::size_t at = text.size() - 17;
    return clue_among(at, candidates(at) & (0xFFFFu << (i - at)));
  }
#endif
  for (; i < text.size(); ++i)
    if (clue_starts_at(text, i)) return true;
  return false;
}

// The SMTP command a reply text says it answered: "in reply to RCPT TO command", "after RCPT
// TO:<...>", "SMTP error from remote mail server after end of data".
std::string command_in(std::string_view diagnosis) {
  struct Clue {
    std::string_view text;
    std::string_view command;
  };
  static constexpr Clue kClues[] = {
      {"in reply to rcpt to", "RCPT"},   {"after rcpt to", "RCPT"},      {"in reply to mail from", "MAIL"},
      {"after mail from", "MAIL"},       {"in reply to end of data", "DATA"}, {"after end of data", "DATA"},
      {"in reply to data", "DATA"},      {"after data", "DATA"},         {"in reply to ehlo", "EHLO"},
      {"in reply to helo", "HELO"},      {"after ehlo", "EHLO"},         {"after helo", "HELO"},
      {"after initial connection", "CONN"}, {"refused to talk to me", "HELO"}};
  if (!holds_clue_start(diagnosis)) return {};
  for (const Clue& clue : kClues)
    if (mime::icontains(diagnosis, clue.text)) return std::string(clue.command);
  return {};
}

// The host a reply text names as the one that answered: "host mx.example.com[192.0.2.1] said:",
// "from remote host mx.example.com[192.0.2.1] refused", whose "host " is found like the first's.
std::string host_in(std::string_view diagnosis) {
  constexpr std::string_view kMarker = "host ";
  for (std::size_t at = mime::ifind(diagnosis, kMarker); at != std::string_view::npos;
       at = mime::ifind(diagnosis, kMarker, at + 1)) {
    std::string_view rest = diagnosis.substr(at + kMarker.size());
    const std::size_t end = mime::find_any(rest, " [(:");
    std::string_view host = rest.substr(0, end);
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);
    if (host.find('.') != std::string_view::npos && host.find('@') == std::string_view::npos &&
        (mime::icontains(rest.substr(0, 120), "said") || mime::icontains(rest.substr(0, 120), "refused")))
      return mime::lowercase(host);
  }
  return {};
}

#if defined(__SSE2__)
// Whether the sixteen bytes at `at` hold one that clean_host() cuts at or drops.
bool block_holds_cut_byte(const char* at) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const auto equal = [&](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
  const __m128i brackets = _mm_or_si128(_mm_or_si128(equal('['), equal(']')), _mm_or_si128(equal('('), equal(')')));
  return _mm_movemask_epi8(_mm_or_si128(brackets, _mm_or_si128(equal('='), equal(' ')))) != 0;
}
#endif

// Whether `host` holds a byte that clean_host() cuts at or drops: '=', a bracket or a parenthesis,
// or a space. Nearly no host does, and one pass over it, sixteen bytes at a time, costs less than
// the three that would find none; a host shorter than that is tested in a copy padded with zeros.
bool holds_cut_byte(std::string_view host) {
#if defined(__SSE2__)
  if (host.size() < 16) {
    char padded[16] = {};
    host.copy(padded, host.size());
    return block_holds_cut_byte(padded);
  }
  for (std::size_t at = 0; at + 16 < host.size(); at += 16)
    if (block_holds_cut_byte(host.data() + at)) return true;
  return block_holds_cut_byte(host.data() + host.size() - 16);
#else
  return host.find_first_of("=[]() ") != std::string_view::npos;
#endif
}

// Cleans `host` where it is, since most hosts are the record's own string already.
void clean_host(std::string& host) {
  if (host.empty()) return;
  if (holds_cut_byte(host)) {
    if (const std::size_t eq = host.find('='); eq != std::string::npos) host.erase(0, eq + 1);
    std::erase_if(host, [](char c) { return c == '[' || c == ']' || c == '(' || c == ')'; });
    if (const std::size_t space = host.find(' '); space != std::string::npos) host.resize(space);
  }
  while (!host.empty() && (host.back() == '.' || host.back() == '\r')) host.pop_back();
  mime::lowercase_in_place(host.data(), host.size());
}

bool status_is_specific(std::string_view status) {
  // "5.1.1" says more than "5.0.0" or a class-only code: [45].[1-9].[1-9]
  return status.size() >= 5 && (status[0] == '4' || status[0] == '5') && status[2] >= '1' && status[2] <= '9' &&
         status[4] >= '1' && status[4] <= '9';
}

// The status code that directly follows `reply` in `text`: "421 4.4.2" gives "4.4.2". When a
// reply quotes another ("554 4.4.7 expired <421 4.4.2 timed out>"), the code written with the
// reply code the bounce gave is the one that goes with it.
std::string status_after_reply(std::string_view text, std::string_view reply) {
  if (reply.empty()) return {};
  for (std::size_t at = text.find(reply); at != std::string_view::npos; at = text.find(reply, at + 1)) {
    const std::string_view rest = text.substr(at + reply.size());
    if (!rest.starts_with(" ")) continue;
    const std::string code = find_status_code(rest.substr(1, 12));
    if (!code.empty() && rest.substr(1).starts_with(code)) return code;
  }
  return {};
}

// How much a status code says: 0 for "5.0.0" (it failed), 1 for a class of cause ("5.5.0",
// "4.7.0"), 2 for a precise cause ("5.1.1").
int specificity(std::string_view status) {
  if (!is_status_code(status)) return -1;
  const std::size_t second_dot = status.find('.', 2);
  const bool subject = status.substr(2, second_dot - 2) != "0";
  const bool detail = status.substr(second_dot + 1) != "0";
  return detail ? 2 : subject ? 1 : 0;
}

// A multi-line SMTP reply arrives joined: "550-5.7.1 The message 550-5.7.1 was refused 550 5.7.1
// see ...". Drops the repeated "550-5.7.1" prefixes after the first, so phrases split by them
// match again. Most replies are one line, and are left as they are.
// Whether `replycode` followed by '-' is in `diagnosis`: found by the '-', which most replies
// hold fewer of than the code's first digit.
bool continues_reply(std::string_view diagnosis, std::string_view replycode) {
  for (std::size_t dash = diagnosis.find('-', replycode.size()); dash != std::string_view::npos;
       dash = diagnosis.find('-', dash + 1))
    if (diagnosis.substr(dash - replycode.size(), replycode.size()) == replycode) return true;
  return false;
}

void join_multiline_reply(std::string& diagnosis, const std::string& replycode) {
  if (replycode.empty() || !continues_reply(diagnosis, replycode)) return;
  std::string out;
  out.reserve(diagnosis.size());
  bool first = true;
  std::size_t pos = 0;
  while (pos < diagnosis.size()) {
    const std::size_t at = diagnosis.find(replycode, pos);
    const bool at_word_start = at != std::string::npos && (at == 0 || diagnosis[at - 1] == ' ');
    const std::size_t after = at + replycode.size();
    const bool prefix = at_word_start && after < diagnosis.size() && (diagnosis[after] == '-' || diagnosis[after] == ' ');
    if (!prefix) {
      const std::size_t end = at == std::string::npos ? diagnosis.size() : at + 1;
      out.append(diagnosis, pos, end - pos);
      pos = end;
      continue;
    }
    out.append(diagnosis, pos, at - pos);
    // The prefix: the reply code, '-' or ' ', and the status code when one follows.
    std::size_t end = after + 1;
    const std::size_t status_length = diagnosis.find(' ', end) == std::string::npos
                                          ? diagnosis.size() - end
                                          : diagnosis.find(' ', end) - end;
    const bool with_status = is_status_code(std::string_view(diagnosis).substr(end, status_length));
    if (with_status) end += status_length;
    if (first) {
      out.append(replycode);
      out.push_back(' ');
      if (with_status) out.append(diagnosis, after + 1, status_length);
      first = false;
    }
    while (end < diagnosis.size() && diagnosis[end] == ' ') ++end;
    if (!out.empty() && out.back() != ' ' && end < diagnosis.size()) out.push_back(' ');
    pos = end;
  }
  diagnosis = squeeze_spaces(out);
}

MessageKind kind_of(std::string_view reason, std::string_view action, MessageKind format_kind) {
  if (reason == "delivered") return MessageKind::kDeliveryReport;
  if (reason == "vacation") return MessageKind::kAutoReply;
  if (reason == "feedback") return MessageKind::kFeedbackReport;
  if (mime::istarts_with(action, "delayed")) return MessageKind::kDelay;
  return format_kind == MessageKind::kNotBounce ? MessageKind::kBounce : format_kind;
}

}  // namespace

bool is_hard_bounce(std::string_view reason, std::string_view status) {
  if (reason == "userunknown" || reason == "hostunknown" || reason == "hasmoved") return true;
  if (reason == "notaccept") return !status.starts_with("4");
  return false;
}

void build_records(const BounceMessage& message, EngineResult&& result, const RecordSource& source,
                   std::vector<Record>& records) {
  // The returned original is read into the first record, which is made now and dropped if no
  // recipient has an address; the later records copy it from there.
  const std::size_t first = records.size();
  read_original_into(result.original, message.parsed_header_block(result.original), records.emplace_back().original);
  std::size_t built = 0;

  // The addresser: who sent the original. From the original when it is there; else the bounce's To.
  std::string addresser;
  if (const OriginalMessage& original = records[first].original; original.present) {
    for (std::string_view candidate : {std::string_view(original.returnpath), std::string_view(original.from)}) {
      addresser = find_address(candidate);
      if (!addresser.empty()) break;
    }
  }
  if (addresser.empty()) addresser = find_address(message.header("To"));
  std::string bounce_to;
  for (std::string_view field : {"Envelope-To", "X-Original-To", "Delivered-To", "To"}) {
    // Most bounces have only the last of these: an absent one is not searched.
    const std::string_view value = message.headers().raw(field);
    if (value.empty()) continue;
    bounce_to = find_address(value);
    if (!bounce_to.empty()) break;
  }

  // The hosts of the bounce's own Received chain, for recipients whose report names none: the
  // top line's receiver, and the bottom line's sender. Each is read once, and only when needed.
  const std::vector<std::string_view>& chain = message.received();
  std::optional<std::string> top_receiver;
  std::optional<std::string> bottom_sender;
  auto receiving_host = [&]() -> const std::string& {
    if (!top_receiver) {
      top_receiver = chain.empty() ? "" : received_by_host(chain.front());
      clean_host(*top_receiver);
    }
    return *top_receiver;
  };
  auto sending_host = [&]() -> const std::string& {
    if (!bottom_sender) {
      bottom_sender = chain.empty() ? "" : received_from_host(chain.back());
      clean_host(*bottom_sender);
    }
    return *bottom_sender;
  };

  // The bounce's own date, for the records whose report gives none that parses: read and
  // parsed once, when first needed. The date parser takes line breaks and tabs for spaces, so
  // only a value with encoded words or 8-bit bytes is decoded into a copy first.
  bool bounce_date_read = false;
  std::optional<mime::MailDate> bounce_date;
  auto date_of_bounce = [&]() -> const std::optional<mime::MailDate>& {
    if (!bounce_date_read) {
      const std::string_view raw = message.headers().raw("Date");
      bounce_date = mime::needs_no_decoding(raw) ? mime::parse_mail_date(raw)
                                                 : mime::parse_mail_date(message.header("Date"));
    }
    bounce_date_read = true;
    return bounce_date;
  };

  for (DeliveryStatus& status : result.recipients) {
    std::string recipient = find_address(status.recipient);
    if (recipient.empty()) continue;
    // Built in place: a record is large, and moving it in would cost as much as filling it.
    Record& record = built == 0 ? records[first] : records.emplace_back();
    if (built++ > 0) record.original = records[first].original;
    record.recipient = std::move(recipient);
    // Each record carries the addresses; the last one takes them instead of a copy.
    const bool last = &status == &result.recipients.back();
    record.addresser = last ? std::move(addresser) : addresser;
    record.bounce_to = last ? std::move(bounce_to) : bounce_to;
    record.kind = result.kind;
    record.decodedby.assign(source.format);
    record.origin = source.origin;
    record.message_index = source.message_index;
    record.feedbacktype = std::move(status.feedbacktype);
    record.destination = domain_of(record.recipient);
    record.senderdomain = domain_of(record.addresser);
    record.action = std::move(status.action);

    record.diagnosticcode = std::move(status.diagnosis);
    squeeze_spaces_in_place(record.diagnosticcode);
    record.diagnostictype = std::move(status.spec);
    for (char& c : record.diagnostictype) c = mime::to_upper_ascii(c);

    // Codes: those the bounce gave, made more specific by the reply text where it says more.
    if (is_status_code(status.status)) record.deliverystatus = std::move(status.status);
    if (!record.diagnosticcode.empty()) {
      std::string found = status_after_reply(record.diagnosticcode, status.replycode);
      if (found.empty()) found = find_status_code(record.diagnosticcode);
      const std::string& given = record.deliverystatus;
      // The reply text's code wins when it is precise, or when the bounce's own is vague and the
      // text's says at least as much (a "5.5.0" in the report, "4.7.0" in the server's reply).
      const bool says_more = status_is_specific(found) ||
                             (specificity(given) < 2 && found != given && specificity(found) >= specificity(given));
      if (!found.empty() && (given.empty() || says_more)) record.deliverystatus = found;
    }
    // The reply code of the status code's class when the text holds one, else the first.
    record.replycode = std::move(status.replycode);
    if (record.replycode.empty())
      record.replycode = find_reply_code(record.diagnosticcode,
                                         record.deliverystatus.empty() ? 0 : record.deliverystatus[0]);
    join_multiline_reply(record.diagnosticcode, record.replycode);

    record.smtpcommand = status.command.empty() ? command_in(record.diagnosticcode) : std::move(status.command);
    if (!is_smtp_command(record.smtpcommand)) record.smtpcommand.clear();

    record.lhost = std::move(status.lhost);
    clean_host(record.lhost);
    record.rhost = status.rhost.empty() ? host_in(record.diagnosticcode) : std::move(status.rhost);
    clean_host(record.rhost);
    if (record.lhost.empty()) record.lhost = receiving_host();
    if (record.rhost.empty()) record.rhost = sending_host();

    // The format module's verdict, until decide_reason() weighs it with the reply.
    record.reason = std::move(status.reason);

    const std::optional<mime::MailDate> own_date = mime::parse_mail_date(status.date);
    if (const std::optional<mime::MailDate>& date = own_date ? own_date : date_of_bounce()) {
      record.timestamp = date->unix_time;
      record.timezoneoffset = date->offset_text();
    }
  }
  if (built == 0) records.pop_back();
}

void decide_reason(Record& record) {
  const std::string verdict = std::move(record.reason);
  ReasonInput input{verdict, record.decodedby, record.deliverystatus, record.replycode,
                    record.diagnosticcode, record.diagnostictype, record.smtpcommand, record.action,
                    record.rhost, record.destination};
  record.reason = resolve_reason(input);
  if (record.diagnostictype.empty() && record.reason != "feedback" && record.reason != "vacation")
    record.diagnostictype = record.reason == "mailererror" ? "X-UNIX" : "SMTP";

  const bool not_a_failure = record.reason == "delivered" || record.reason == "feedback" || record.reason == "vacation";
  if (!not_a_failure && record.deliverystatus.empty()) {
    // A record without a reply code has a text that holds none: it was searched when built.
    const bool temporary = record.replycode.starts_with("4") || mime::istarts_with(record.action, "delayed");
    std::string_view pseudo = pseudo_status(record.reason, temporary);
    if (pseudo.empty()) pseudo = pseudo_status(record.reason, !temporary);
    record.deliverystatus = std::string(pseudo);
  }
  if (record.reason == "feedback" || record.reason == "vacation") record.replycode.clear();
  if (!record.replycode.empty() && !record.deliverystatus.empty() && record.replycode[0] != record.deliverystatus[0])
    record.replycode.clear();
  if (record.action.empty()) {
    if (record.reason == "expired") record.action = "delayed";
    else if (record.deliverystatus.starts_with("5") || record.deliverystatus.starts_with("4")) record.action = "failed";
    else if (record.deliverystatus.starts_with("2")) record.action = "delivered";
  }
  record.hardbounce = is_hard_bounce(record.reason, record.deliverystatus);
  record.kind = kind_of(record.reason, record.action, record.kind);
}

}  // namespace bg::bounce
