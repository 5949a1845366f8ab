#include "bounce/candidate.h"

#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bounce/literal_set.h"
#include "mime/ascii.h"
#include "mime/encoded_words.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// Headers only bounce and notification software writes.
constexpr std::string_view kBounceHeaders[] = {
    "x-failed-recipients", "x-autoreply",         "x-autorespond",         "x-mailer-daemon",
    "x-ses-outgoing",      "x-amz-sns-message-id", "x-hmxmroriginalrecipient", "x-ms-exchange-message-is-ndr",
    "x-postfix-queue-id",  "x-aol-ip",            "x-mxl-notehash",        "x-apple-unsubscribe",
    "x-apple-action"};

// The clues all sit near the start of a header; looking further would only cost time.
constexpr std::size_t kLookedAt = 256;

// data/literals/bounce-subjects.txt
const LiteralSet& subject_clues() {
  static const LiteralSet clues = LiteralSet::compiled("bounce-subjects");
  return clues;
}

// data/literals/system-senders.txt
const LiteralSet& system_senders() {
  static const LiteralSet senders = LiteralSet::compiled("system-senders");
  return senders;
}

// Whether any field called `name` has a value that passes `test`.
template <typename Test>
bool any_value(const mime::Headers& headers, std::string_view name, Test test) {
  bool found = false;
  headers.for_each(name, [&](std::string_view value) { found = found || test(value); });
  return found;
}

// Whether a Content-Type value names a report: "multipart/report", "delivery-status" or
// "feedback-report", in any case. Each phrase has a '/' or a '-' at a known place, and a value has
// few of either: the value is searched for the two sixteen bytes at a time and the phrases are
// compared around each one found, where a caseless search per phrase tested every position.
bool names_a_report(std::string_view value) {
  struct Phrase {
    std::string_view text;
    std::size_t mark;  // where its '/' or '-' is
  };
  static constexpr Phrase kPhrases[] = {{"multipart/report", 9}, {"delivery-status", 8}, {"feedback-report", 8}};
  // The byte after the mark is compared first: most dashes in a value are in a boundary's runs.
  const auto phrase_around = [&](std::size_t at) {
    if (at + 1 >= value.size()) return false;
    const char next = mime::to_lower_ascii(value[at + 1]);
    for (const Phrase& phrase : kPhrases)
      if (value[at] == phrase.text[phrase.mark] && next == phrase.text[phrase.mark + 1] && at >= phrase.mark &&
          mime::iequals(value.substr(at - phrase.mark, phrase.text.size()), phrase.text))
        return true;
    return false;
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= value.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(value.data() + i));
    auto marks = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('/')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('-')))));
    for (; marks != 0; marks &= marks - 1)
      if (phrase_around(i + static_cast<std::size_t>(__builtin_ctz(marks)))) return true;
  }
#endif
  for (; i < value.size(); ++i)
    if ((value[i] == '/' || value[i] == '-') && phrase_around(i)) return true;
  return false;
}

// A header only bounce and notification software writes, or a value only it gives a common one.
bool has_bounce_header(const mime::Headers& headers) {
  if (any_value(headers, "Return-Path", [](std::string_view value) { return mime::trim(value) == "<>"; }))
    return true;
  if (any_value(headers, "Content-Type", names_a_report)) return true;
  for (std::string_view bounce_header : kBounceHeaders)
    if (headers.has(bounce_header)) return true;
  return any_value(headers, "Auto-Submitted",
                   [](std::string_view value) { return !mime::istarts_with(mime::trim(value), "no"); }) ||
         any_value(headers, "Precedence", [](std::string_view value) { return mime::icontains(value, "auto_reply"); });
}

// The sender fields of a header block, gathered so that one pass looks for system senders in all
// of them: a Vectorscan pass costs more to start than to run over a few more bytes.
class SenderFields {
 public:
  SenderFields() { text_.clear(); }
  void add(std::string_view value) {
    // A line break between values: no listed phrase holds one, so none matches across two.
    text_.append(value.substr(0, kLookedAt)).push_back('\n');
  }
  bool name_a_system_sender() const { return !text_.empty() && system_senders().found_in(text_); }

 private:
  // One per thread, reused: the fields of a block are copied, not allocated anew.
  static inline thread_local std::string text_;
};

bool names_a_system_sender(const mime::Headers& headers) {
  SenderFields senders;
  const auto add = [&](std::string_view value) { senders.add(value); };
  headers.for_each("Return-Path", add);
  headers.for_each("From", add);
  headers.for_each("Sender", add);
  return senders.name_a_system_sender();
}

// Mailing list managers (fml) return errors from the list's -admin address, in the last From.
bool comes_from_list_admin(const mime::Headers& headers) {
  if (!headers.has("X-MLServer")) return false;
  std::string_view from;
  headers.for_each("From", [&](std::string_view value) { from = value; });
  return mime::icontains(from, "-admin@");
}

bool subject_has_clue(std::string_view subject) {
  if (subject_clues().found_in(subject.substr(0, kLookedAt))) return true;
  // An encoded subject ("=?UTF-8?B?...") is read after decoding; few ordinary subjects are.
  if (subject.find("=?") == std::string_view::npos) return false;
  const std::string decoded = mime::decode_encoded_words(mime::unfold(subject));
  return subject_clues().found_in(std::string_view(decoded).substr(0, kLookedAt));
}

}  // namespace

bool may_be_bounce(const mime::Headers& headers) {
  // The last Subject field, when there are several.
  std::string_view subject;
  headers.for_each("Subject", [&](std::string_view value) { subject = value; });
  // Postfix's copy of a bounce for the postmaster repeats one the sender got: counting it would
  // count the failure twice. This outweighs every clue below.
  if (mime::istarts_with(mime::trim(subject), "Postmaster Copy:")) return false;
  // Any clue alone is enough, so the first found answers: the cheapest and commonest first.
  return has_bounce_header(headers) || names_a_system_sender(headers) || comes_from_list_admin(headers) ||
         subject_has_clue(subject);
}

}  // namespace bg::bounce
