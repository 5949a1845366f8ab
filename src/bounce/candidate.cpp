#include "bounce/candidate.h"

#include <array>
#include <span>
#include <string>

#include "mime/ascii.h"
#include "mime/encoded_words.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// Words of the subjects bounces, delay warnings, auto-replies and reports use, lowercased, in
// the languages seen in the wild. Generic words ("error", "report") would let ordinary mail in.
constexpr std::string_view kSubjectClues[] = {
    "undeliver", "returned mail", "returning message", "returned to sender", "return to sender",
    "delivery status", "delivery notification", "delivery failure", "delivery failed", "delivery report",
    "delivery problem", "delivery has failed", "failure notice", "failed delivery", "failure delivery",
    "mail delivery", "mail failed", "mail failure", "mail system error", "could not be delivered",
    "could not send", "couldn't be delivered", "not delivered", "non-delivery", "nondeliver", "non remis",
    "non recapitabile", "unzustellbar", "nicht zustellbar", "no entregado", "niet bezorgd", "delayed",
    "delivery delay", "there was an error sending", "message you sent blocked", "considered unsolicited",
    "warning: could not", "warning: message", "postmaster", "mailer-daemon", "mailer daemon", "[bounce]",
    "bounced", "loop alert", "error mail report", "are not member", "automatic reply", "auto reply",
    "auto-reply", "autoreply", "auto:", "auto response", "out of office", "out of the office", "abwesen",
    "absence", "away until", "vacation", "on leave", "complaint about message", "abuse report",
    "feedback report", "forensic report", "dmarc", "unsubscribe", "aws notification",
    "\xd0\xbd\xd0\xb5 \xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xb2",            // "не достав" (Russian)
    "\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xb2",            // "недостав"
    "\xe9\x85\x8d\xe4\xbf\xa1",                                                    // "配信" (delivery)
    "\xe4\xb8\x8d\xe9\x81\x94",                                                    // "不達" (undelivered)
    "\xe8\x87\xaa\xe5\x8b\x95",                                                    // "自動" (automatic)
    "\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc",                                        // "エラー" (error)
};

// Names of the mail systems that send bounces, lowercased.
constexpr std::string_view kSystemSenders[] = {
    "mailer-daemon", "postmaster", "post_master", "mail delivery", "mail administrator", "mailer daemon",
    "mail-daemon", "mailerdaemon", "maildaemon", "delivery subsystem", "mail system", "mdaemon"};

// Headers only bounce and notification software writes.
constexpr std::string_view kBounceHeaders[] = {
    "x-failed-recipients", "x-autoreply",         "x-autorespond",         "x-mailer-daemon",
    "x-ses-outgoing",      "x-amz-sns-message-id", "x-hmxmroriginalrecipient", "x-ms-exchange-message-is-ndr",
    "x-postfix-queue-id",  "x-aol-ip",            "x-mxl-notehash",        "x-apple-unsubscribe",
    "x-apple-action"};

bool contains_any(std::string_view lower, std::span<const std::string_view> needles) {
  for (std::string_view needle : needles)
    if (lower.find(needle) != std::string_view::npos) return true;
  return false;
}

// Lowercases `text` into `buffer`, at most its size: the clues all sit near the start.
std::string_view lowered(std::string_view text, std::array<char, 256>& buffer) {
  const std::size_t length = std::min(text.size(), buffer.size());
  for (std::size_t i = 0; i < length; ++i) buffer[i] = mime::to_lower_ascii(text[i]);
  return {buffer.data(), length};
}

bool is_system_sender(std::string_view value) {
  std::array<char, 256> buffer;
  return contains_any(lowered(value, buffer), kSystemSenders);
}

bool subject_has_clue(std::string_view subject) {
  std::array<char, 256> buffer;
  if (contains_any(lowered(subject, buffer), kSubjectClues)) return true;
  // An encoded subject ("=?UTF-8?B?...") is read after decoding; few ordinary subjects are.
  if (subject.find("=?") == std::string_view::npos) return false;
  const std::string decoded = mime::decode_encoded_words(mime::unfold(subject));
  return contains_any(lowered(decoded, buffer), kSubjectClues);
}

}  // namespace

bool may_be_bounce(const mime::Headers& headers) {
  std::string_view subject;
  bool signalled = false;  // a header only bounce and notification software writes
  bool list_server = false;
  bool list_admin_sender = false;
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
        if (mime::iequals(name, "return-path") && (mime::trim(value) == "<>" || is_system_sender(value))) signalled = true;
        break;
      case 'f':
        if (mime::iequals(name, "from")) {
          if (is_system_sender(value)) signalled = true;
          list_admin_sender = mime::icontains(value, "-admin@");
        }
        break;
      case 's':
        if (mime::iequals(name, "sender") && is_system_sender(value)) signalled = true;
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
  return signalled || (list_server && list_admin_sender) || subject_has_clue(subject);
}

}  // namespace bg::bounce
