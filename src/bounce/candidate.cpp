#include "bounce/candidate.h"

#include <string>

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

bool subject_has_clue(std::string_view subject) {
  if (subject_clues().found_in(subject.substr(0, kLookedAt))) return true;
  // An encoded subject ("=?UTF-8?B?...") is read after decoding; few ordinary subjects are.
  if (subject.find("=?") == std::string_view::npos) return false;
  const std::string decoded = mime::decode_encoded_words(mime::unfold(subject));
  return subject_clues().found_in(std::string_view(decoded).substr(0, kLookedAt));
}

}  // namespace

bool may_be_bounce(const mime::Headers& headers) {
  std::string_view subject;
  bool signalled = false;  // a header only bounce and notification software writes
  bool list_server = false;
  bool list_admin_sender = false;
  SenderFields senders;  // looked at only when no other clue signals
  for (const mime::HeaderField& field : headers.fields()) {
    const std::string_view name = field.name;
    const std::string_view value = field.value;
    // Dispatch on the first letter, so that most fields cost one comparison.
    switch (mime::to_lower_ascii(name.empty() ? ' ' : name[0])) {
      case 'c':
        if (mime::iequals(name, "content-type") &&
            (mime::icontains(value, "multipart/report") || mime::icontains(value, "delivery-status") ||
             mime::icontains(value, "feedback-report")))
          signalled = true;
        break;
      case 'r':
        if (mime::iequals(name, "return-path")) {
          if (mime::trim(value) == "<>") signalled = true;
          senders.add(value);
        }
        break;
      case 'f':
        if (mime::iequals(name, "from")) {
          senders.add(value);
          list_admin_sender = mime::icontains(value, "-admin@");
        }
        break;
      case 's':
        if (mime::iequals(name, "sender")) senders.add(value);
        if (mime::iequals(name, "subject")) subject = value;
        break;
      case 'a':
        if (mime::iequals(name, "auto-submitted") && !mime::istarts_with(mime::trim(value), "no")) signalled = true;
        break;
      case 'p':
        if (mime::iequals(name, "precedence") && mime::icontains(value, "auto_reply")) signalled = true;
        break;
      case 'x':
        for (std::string_view bounce_header : kBounceHeaders)
          if (mime::iequals(name, bounce_header)) signalled = true;
        if (mime::iequals(name, "x-mlserver")) list_server = true;
        break;
      default:
        break;
    }
  }
  // Postfix's copy of a bounce for the postmaster repeats one the sender got: counting it would
  // count the failure twice.
  if (mime::istarts_with(mime::trim(subject), "Postmaster Copy:")) return false;
  // Mailing list managers (fml) return errors from the list's -admin address.
  return signalled || senders.name_a_system_sender() || (list_server && list_admin_sender) ||
         subject_has_clue(subject);
}

}  // namespace bg::bounce
