// Sendmail (V8) bounces: Subject "Returned mail: see transcript for details" (or "Warning: could
// not send message for past 4 hours"), From "Mail Delivery Subsystem". The text part carries
// "----- Transcript of session follows -----" with the SMTP conversation (">>> RCPT To:<...>",
// "<<< 550 ..."), then a message/delivery-status part and the returned message.
#include <algorithm>

#include "bounce/address.h"
#include "bounce/dsn_report.h"
#include "bounce/engines/engines.h"
#include "bounce/smtp_codes.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// One "... while talking to mx.example.jp.:" part of the transcript. Its parts are views of the
// notice, which outlives the transcript: nothing is copied until a recipient keeps it.
struct Session {
  std::string_view host;                  // as written, without the trailing dot
  std::string_view command;               // the last ">>> COMMAND" sent
  std::vector<std::string_view> replies;  // "<<< reply" lines, each once
};

// What the transcript of the SMTP session says.
struct Transcript {
  std::vector<Session> sessions;  // the first has no host when replies precede any "while talking"
  std::string_view command;       // the last command sent in any session
  std::string recipient;          // "<kijitora@example.jp>... User unknown"
  std::string diagnosis;
  std::string status;  // "550 5.1.1 <kijitora@example.jp>... User unknown"
};

bool is_upper_word(std::string_view word) {
  if (word.size() != 4) return false;
  for (char c : word)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

void read_transcript_line(std::string_view line, Transcript& transcript) {
  Session& session = transcript.sessions.back();
  if (line.starts_with(">>> ")) {
    const std::string_view command = mime::trim(line.substr(4)).substr(0, 4);
    if (is_upper_word(command)) session.command = transcript.command = command;
    return;
  }
  if (line.starts_with("<<< ")) {
    const std::string_view reply = mime::trim(line.substr(4));
    if (std::find(session.replies.begin(), session.replies.end(), reply) == session.replies.end())
      session.replies.push_back(reply);
    return;
  }
  if (line.starts_with("... while talking to ")) {
    std::string_view host = mime::trim(line.substr(21));
    while (!host.empty() && (host.back() == ':' || host.back() == '.')) host.remove_suffix(1);
    transcript.sessions.push_back({host, {}, {}});
    return;
  }
  // Once a session began, the other lines repeat what its replies said.
  if (transcript.sessions.size() > 1) return;
  if (line.starts_with("<")) {
    const std::size_t dots = line.find(">...");
    if (dots != std::string_view::npos) {
      transcript.recipient = find_address(line.substr(0, dots + 1));
      transcript.diagnosis = std::string(mime::trim(line.substr(dots + 4)));
      return;
    }
  }
  const bool coded =
      line.size() > 4 && (line[0] == '4' || line[0] == '5') && mime::is_space_or_tab(line[3]);
  if (coded && find_reply_code(line.substr(0, 3)) == line.substr(0, 3)) {
    const std::string status = find_status_code(line.substr(4, 8));
    if (!status.empty()) {
      transcript.status = status;
      transcript.diagnosis.append(" ").append(line);
      return;
    }
  }
  if (line.starts_with("Message: ") || line.starts_with("Warning: "))
    transcript.diagnosis.append(" ").append(line);
}

constexpr std::string_view kTranscriptOpening = "----- Transcript of session follows -----";

// Where the body's first transcript opening, found at `at`, is in `text`, a part of the body from
// its start: there when it ends within the part; otherwise the part holds none.
std::size_t opening_within(std::string_view text, std::size_t at) {
  return at != std::string_view::npos && at + kTranscriptOpening.size() <= text.size() ? at : std::string_view::npos;
}

// The transcript whose opening line is at `start` of `notice` (none when npos).
Transcript read_transcript(std::string_view notice, std::size_t start) {
  Transcript transcript;
  transcript.sessions.emplace_back();
  if (start == std::string_view::npos) return transcript;
  std::size_t pos = notice.find('\n', start);
  while (pos != std::string_view::npos && pos < notice.size()) {
    const mime::Line line = mime::line_at(notice, pos);
    pos = line.next;
    if (line.text.starts_with("Content-Type: message/delivery-status")) break;
    if (line.text.empty() || line.text.front() == ' ') continue;
    read_transcript_line(line.text, transcript);
  }
  return transcript;
}

bool said(const Session& session, std::string_view diagnosis) {
  return std::find(session.replies.begin(), session.replies.end(), diagnosis) !=
         session.replies.end();
}

// The replies the remote server gave about `status`: those of the session with its Remote-MTA,
// or of the one that gave its Diagnostic-Code (all sessions when neither is known), less the
// replies about other recipients. A Remote-MTA's host is lowercased when read, a session's is as
// written.
std::string replies_about(const Transcript& transcript, const DeliveryStatus& status,
                          std::string& command) {
  std::vector<const Session*> sessions;
  for (const Session& session : transcript.sessions)
    if (!status.rhost.empty() && mime::iequals(session.host, status.rhost)) sessions.push_back(&session);
  for (const Session& session : transcript.sessions)
    if (sessions.empty() && !status.diagnosis.empty() && said(session, status.diagnosis))
      sessions.push_back(&session);
  if (sessions.empty()) {
    for (const Session& session : transcript.sessions) sessions.push_back(&session);
  } else if (!sessions.back()->command.empty()) {
    command = sessions.back()->command;
  }
  std::string replies;
  for (const Session* session : sessions) {
    for (std::string_view reply : session->replies) {
      const std::string_view address = address_in(reply);
      if (!address.empty() && !mime::iequals(address, status.recipient)) continue;
      replies.append(replies.empty() ? "" : " ").append(reply);
    }
  }
  return replies;
}

bool is_only_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Sendmail's own wording in the notice, its transcript's opening found at `transcript_at` already;
// a bounce with Sendmail's subject but none of it (a local delivery agent's rejection, say) is left
// to the generic reader.
bool has_sendmail_notice(std::string_view body, std::size_t transcript_at) {
  if (transcript_at != std::string_view::npos) return true;
  for (std::string_view marker : {"The original message was received at",
                                  "----- The following addresses had permanent fatal errors -----",
                                  "----- Original message follows -----"})
    if (mime::find_text(body, marker) != std::string_view::npos) return true;
  return false;
}

class Sendmail final : public Engine {
 public:
  std::string_view name() const override { return "Sendmail"; }

  bool inquire(const BounceMessage& message, EngineResult& result) const override {
    const std::string& subject = message.subject();
    if (!subject.ends_with("see transcript for details") && !subject.starts_with("Warning: "))
      return false;
    return read(message, result);
  }

 private:
  // Out of line, as Engine::inquire explains.
  [[gnu::noinline]] static bool read(const BounceMessage& message, EngineResult& result) {
    if (message.headers().has("X-AOL-IP")) return false;
    // The transcript's opening is looked for once, and its place reused in the parts of the body.
    const std::size_t transcript_at = mime::find_text(message.body(), kTranscriptOpening);
    if (!has_sendmail_notice(message.body(), transcript_at)) return false;

    const BodyParts parts = split_at_original(message.body(), {kRfc822Part, kRfc822HeadersPart});
    // The delivery-status part, or in a forwarded bounce its fields after the transcript. The
    // search of std::string_view skips with memchr to each capital C, rare in a notice.
    std::size_t report_at = parts.notice.find("Content-Type: message/delivery-status");
    const std::size_t transcript_end = report_at;
    if (report_at == std::string_view::npos) report_at = opening_within(parts.notice, transcript_at);
    if (report_at == std::string_view::npos) return false;
    std::vector<DeliveryStatus> recipients =
        read_dsn_recipients(parts.notice.substr(report_at));
    if (recipients.empty()) return false;

    const std::string_view before_report = parts.notice.substr(0, transcript_end);
    const Transcript transcript = read_transcript(before_report, opening_within(before_report, transcript_at));
    for (DeliveryStatus& status : recipients) {
      std::string command(transcript.command);
      const std::string replies = replies_about(transcript, status, command);
      if (status.command.empty()) status.command = command;
      if (status.command.empty() && !replies.empty()) status.command = "EHLO";
      const std::string another = squeeze_spaces(transcript.diagnosis);
      if (!another.empty() &&
          (mime::trim(status.diagnosis).empty() || is_only_digits(status.diagnosis)))
        status.diagnosis = another;
      if (replies.size() > status.diagnosis.size()) status.diagnosis = replies;
      if (!transcript.status.empty() && !is_status_code(status.status))
        status.status = transcript.status;
      if (!is_address(status.recipient)) {
        if (const std::string found = find_address(status.diagnosis); !found.empty())
          status.recipient = found;
      }
    }
    result.recipients = std::move(recipients);
    result.original = std::string(parts.original);
    return true;
  }
};

}  // namespace

const Engine& sendmail_engine() {
  static const Sendmail engine;
  return engine;
}

}  // namespace bg::bounce
