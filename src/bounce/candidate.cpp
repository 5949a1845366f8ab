#include "bounce/candidate.h"

#include "bounce/address.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// Words that bounce, delay, auto-reply and report subjects use, in the languages seen in the wild.
constexpr std::string_view kSubjectClues[] = {
    "undeliver", "undelivered", "delivery", "deliver", "returned", "failure", "failed", "bounce",
    "rejected", "not delivered", "could not be", "couldn't be", "mail system error", "error",
    "warning", "notification", "nondeliverable", "non remis", "unzustellbar", "zustell", "nicht",
    "auto", "out of office", "vacation", "abwesen", "absence", "away", "urlaub", "reply", "réponse",
    "respuesta", "risposta", "abuse", "report", "complaint", "fbl", "spam", "dsn", "ndr", "postmaster",
    "mailer", "problem", "message status", "undeliverable", "unable", "returned mail", "blocked",
    "=?", "\xe9\x85\x8d\xe4\xbf\xa1",  // "配信" (delivery), and any encoded subject
    "\xe4\xb8\x8d\xe9\x81\x94",        // "不達"
    "\xe8\x87\xaa\xe5\x8b\x95",        // "自動" (automatic)
    "\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc",  // "エラー" (error)
};

constexpr std::string_view kBounceHeaders[] = {
    "X-Failed-Recipients", "X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "X-Mailer-Daemon",
    "X-SES-Outgoing", "X-Amz-Sns-Message-Id", "X-Feedback-ID", "X-HmXmrOriginalRecipient",
    "X-MS-Exchange-Message-Is-Ndr", "X-Postfix-Queue-ID", "X-AOL-IP", "X-MXL-NoteHash", "X-Spam-Report"};

bool any_clue(std::string_view text, std::initializer_list<std::string_view> clues) {
  for (std::string_view clue : clues)
    if (mime::icontains(text, clue)) return true;
  return false;
}

}  // namespace

bool may_be_bounce(const mime::Headers& headers) {
  // Postfix's copy of a bounce for the postmaster repeats one the sender got: counting it would
  // count the failure twice.
  if (mime::istarts_with(mime::trim(headers.raw("Subject")), "Postmaster Copy:")) return false;

  const std::string_view content_type = headers.raw("Content-Type");
  if (mime::icontains(content_type, "multipart/report") || mime::icontains(content_type, "delivery-status") ||
      mime::icontains(content_type, "feedback-report"))
    return true;

  const std::string_view return_path = mime::trim(headers.raw("Return-Path"));
  if (return_path == "<>" || is_mailer_daemon(return_path)) return true;
  if (is_mailer_daemon(headers.raw("From")) || is_mailer_daemon(headers.raw("Sender"))) return true;

  for (std::string_view name : kBounceHeaders)
    if (headers.has(name)) return true;
  // Mailing list managers (fml) return errors from the list's -admin address.
  if (headers.has("X-MLServer") && mime::icontains(headers.raw("From"), "-admin@")) return true;

  const std::string_view auto_submitted = headers.raw("Auto-Submitted");
  if (!auto_submitted.empty() && !mime::istarts_with(mime::trim(auto_submitted), "no")) return true;
  if (any_clue(headers.raw("Precedence"), {"auto_reply", "junk"})) return true;

  const std::string_view subject = headers.raw("Subject");
  for (std::string_view clue : kSubjectClues)
    if (mime::icontains(subject, clue)) return true;
  return false;
}

}  // namespace bg::bounce
