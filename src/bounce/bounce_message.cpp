#include "bounce/bounce_message.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bounce/address.h"
#include "mime/ascii.h"
#include "mime/html_text.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

// The most of a part's body the text is read from. A notice or a report is a few kilobytes; the
// returned original may be a hundred megabytes, of which only the headers matter, and a text
// part without end must not cost memory without end.
constexpr std::size_t kMaxPartBytes = std::size_t{1} << 20;

// Media types are compared as views, which compare their sizes first; a std::string compared
// with a literal calls memcmp whatever the sizes.
bool is_report_part(const mime::ContentType& type) {
  if (std::string_view(type.type) != "message") return false;
  const std::string_view subtype = type.subtype;
  return subtype == "delivery-status" || subtype == "global-delivery-status" || subtype == "x-delivery-status" ||
         subtype == "feedback-report" || subtype == "disposition-notification" ||
         subtype == "global-disposition-notification";
}

bool is_message_part(const mime::ContentType& type) {
  const std::string_view subtype = type.subtype;
  return std::string_view(type.type) == "message" &&
         (subtype == "rfc822" || subtype == "global" || subtype == "news" || subtype == "partial");
}

// Appends the header block of a parsed part as one text, fields joined by newlines. Fields
// written "Name: value" and ended by '\n', as nearly all are, read the same as they stand: each
// run of them that follow one another is copied at once.
void append_header_block(const mime::Headers& headers, std::string& out) {
  const char* run_start = nullptr;
  const char* run_end = nullptr;
  const auto append_run = [&] {
    out.append(run_start, static_cast<std::size_t>(run_end - run_start));
    run_start = run_end = nullptr;
  };
  for (const mime::HeaderField& field : headers.fields()) {
    const char* name_end = field.name.data() + field.name.size();
    const char* value_end = field.value.data() + field.value.size();
    // Only a block ended by its blank line has a line break after every value.
    const bool as_written = headers.ended_by_blank_line() && field.value.data() == name_end + 2 &&
                            name_end[0] == ':' && name_end[1] == ' ' && *value_end == '\n';
    if (as_written) {
      if (field.name.data() != run_end) {
        if (run_start != nullptr) append_run();
        run_start = field.name.data();
      }
      run_end = value_end + 1;
      continue;
    }
    if (run_start != nullptr) append_run();
    out.append(field.name);
    out.append(": ");
    out.append(field.value);
    out.push_back('\n');
  }
  if (run_start != nullptr) append_run();
}

// The bytes of a header block from its first field to the line break after its last, when a
// parse of them alone reads the fields the parse in the message read; else empty. It does not
// when they start with "From ", skipped alone as an mbox line, nor when the last field ends with
// lines that are neither fields nor continuations: folded into it because the blank line
// follows them, they end a block that has nothing after them.
std::string_view bytes_read_alike_alone(const mime::Headers& headers) {
  if (headers.empty() || !headers.ended_by_blank_line()) return {};
  const mime::HeaderField& last = headers.fields().back();
  const char* const start = headers.fields().front().name.data();
  const char* const end = last.value.data() + last.value.size();
  if (*end != '\n') return {};
  const std::string_view bytes(start, static_cast<std::size_t>(end + 1 - start));
  if (bytes.starts_with("From ")) return {};
  for (std::size_t line = mime::line_at(bytes, static_cast<std::size_t>(last.name.data() - start)).next;
       line < bytes.size(); line = mime::line_at(bytes, line).next)
    if (!mime::is_space_or_tab(bytes[line])) return {};
  return bytes;
}

// Removes the quoting of a forwarded message: "> " at line starts.
std::string unquote_forwarded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const mime::Line line = mime::line_at(text, pos);
    std::string_view content = line.text;
    std::size_t quotes = 0;
    while (quotes < content.size() && content[quotes] == '>') ++quotes;
    if (quotes > 0 && (quotes == content.size() || content[quotes] == ' ')) {
      content.remove_prefix(quotes);
      if (!content.empty()) content.remove_prefix(1);
    }
    out.append(content);
    out.push_back('\n');
    pos = line.next;
  }
  return out;
}

#if defined(__SSE2__)
// The positions of the 32 bytes at `at` that are line breaks, one bit each.
unsigned line_breaks_at(std::string_view text, std::size_t at) {
  const __m128i line_break = _mm_set1_epi8('\n');
  const auto breaks16 = [&](std::size_t from) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, line_break)));
  };
  return breaks16(at) | breaks16(at + 16) << 16;
}
#endif

// The first line start after `after` whose first byte is flagged in `first_bytes`, or npos.
// The line breaks are found thirty-two bytes at a time, and only the byte after each is looked
// at, instead of a search for the end of every line.
std::size_t line_starting_with(std::string_view text, std::size_t after, const std::array<bool, 256>& first_bytes) {
  const auto flagged = [&](std::size_t at) { return first_bytes[static_cast<unsigned char>(text[at])]; };
  std::size_t i = after;
#if defined(__SSE2__)
  for (; i + 33 <= text.size(); i += 32) {
    for (unsigned breaks = line_breaks_at(text, i); breaks != 0; breaks &= breaks - 1) {
      const std::size_t start = i + static_cast<std::size_t>(__builtin_ctz(breaks)) + 1;
      if (flagged(start)) return start;
    }
  }
#endif
  for (; i + 1 < text.size(); ++i)
    if (text[i] == '\n' && flagged(i + 1)) return i + 1;
  return std::string_view::npos;
}

// The first line start after `after` whose first byte is `byte`, or npos. memchr, which the C
// library runs many bytes at a time, skips to each `byte`, and only the byte before it is looked
// at: for a byte mail holds fewer of than line breaks, fewer stops than at each line break.
std::size_t line_starting_with(std::string_view text, std::size_t after, char byte) {
  for (std::size_t at = after + 1; at < text.size(); ++at) {
    const void* found = std::memchr(text.data() + at, byte, text.size() - at);
    if (found == nullptr) break;
    at = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    if (text[at - 1] == '\n') return at;
  }
  return std::string_view::npos;
}

// The byte all the non-empty `markers` start with, when they share one other than a space or a
// tab (which mail holds more of than line breaks); else none.
std::optional<char> shared_first_byte(std::initializer_list<std::string_view> markers) {
  std::optional<char> shared;
  for (std::string_view marker : markers) {
    if (marker.empty()) continue;
    if (shared && *shared != marker.front()) return std::nullopt;
    shared = marker.front();
  }
  if (shared && mime::is_space_or_tab(*shared)) return std::nullopt;
  return shared;
}

// The position of the first blank line's line break ("\n\n"), or npos; thirty-two positions at
// a time.
std::size_t find_blank_line(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 33 <= text.size(); i += 32) {
    const unsigned breaks = line_breaks_at(text, i);
    const unsigned followed = breaks >> 1 | static_cast<unsigned>(text[i + 32] == '\n') << 31;
    if ((breaks & followed) != 0) return i + static_cast<std::size_t>(__builtin_ctz(breaks & followed));
  }
#endif
  for (; i + 1 < text.size(); ++i)
    if (text[i] == '\n' && text[i + 1] == '\n') return i;
  return std::string_view::npos;
}

}  // namespace

void BounceMessage::parse(std::string_view message, const mime::Headers* top_headers) {
  message_ = message;
  tree_.parse(message, top_headers);
  body_.clear();
  headers().text_into("Subject", subject_);
  headers().text_into("From", from_);
  mime::assign_lowercase(sender_, address_in(from_));
  received_.clear();
  headers().for_each("Received", [&](std::string_view value) { received_.push_back(value); });
  find_received_markers(received_, received_markers_);
  markers_in_received_ = 0;
  for (std::uint64_t found : received_markers_) markers_in_received_ |= found;
  flatten(0, false);

  std::string_view subject = mime::trim(subject_);
  if (mime::istarts_with(subject, "fwd:") || mime::istarts_with(subject, "fw:")) {
    subject.remove_prefix(subject[2] == ':' ? 3 : 4);
    subject_ = std::string(mime::trim(subject));
    body_ = unquote_forwarded(body_);
  }
}

void BounceMessage::flatten(int part_index, bool skip_html) {
  const mime::Part& part = tree_.parts()[static_cast<std::size_t>(part_index)];
  const mime::ContentType& type = part.content_type;

  if (part.is_multipart()) {
    if (part.children.empty() && part_index == 0) {
      // A multipart whose boundaries were lost on the way: read its text as it stands, all
      // after the first blank line.
      const std::size_t blank_line = mime::find_text(message_, "\n\n");
      if (blank_line != std::string_view::npos) body_.append(message_.substr(blank_line + 2, kMaxPartBytes));
      return;
    }
    bool has_plain = false;
    if (std::string_view(type.subtype) == "alternative") {
      for (int child : part.children)
        if (tree_.parts()[static_cast<std::size_t>(child)].content_type.is("text", "plain")) has_plain = true;
    }
    for (int child : part.children) flatten(child, has_plain);
    return;
  }
  if (is_message_part(type)) {
    body_.append("Content-Type: message/rfc822\n");
    if (!part.children.empty()) {
      const mime::Part& embedded = tree_.parts()[static_cast<std::size_t>(part.children.front())];
      append_header_block(embedded.headers, body_);
      body_.push_back('\n');
      if (!embedded.is_multipart()) tree_.append_text(embedded, body_, kMaxPartBytes);
    } else {
      tree_.append_text(part, body_, kMaxPartBytes);
    }
    body_.push_back('\n');
    return;
  }
  if (type.is("text", "rfc822-headers")) {
    body_.append("Content-Type: text/rfc822-headers\n");
    tree_.append_text(part, body_, kMaxPartBytes);
    body_.push_back('\n');
    return;
  }
  if (is_report_part(type)) {
    body_.append("Content-Type: message/");
    body_.append(std::string_view(type.subtype) == "feedback-report" ? "feedback-report" : "delivery-status");
    body_.push_back('\n');
    tree_.append_text(part, body_, kMaxPartBytes);
    body_.push_back('\n');
    return;
  }
  if (type.is("text", "html")) {
    if (!skip_html) {
      std::string html;
      tree_.append_text(part, html, kMaxPartBytes);
      body_.append(mime::html_to_text(html));
      body_.push_back('\n');
    }
    return;
  }
  if (std::string_view(type.type) == "text" || part_index == 0) {
    tree_.append_text(part, body_, kMaxPartBytes);
    body_.push_back('\n');
  }
}

const mime::Headers* BounceMessage::parsed_header_block(std::string_view text) const {
  for (const mime::Part& part : tree_.parts()) {
    if (!part.is_message || part.parent < 0) continue;
    const std::string_view bytes = bytes_read_alike_alone(part.headers);
    if (!bytes.empty() && bytes == text) return &part.headers;
  }
  return nullptr;
}

int BounceMessage::count_received_mentioning(ReceivedMarkers markers) const {
  return static_cast<int>(std::count_if(received_markers_.begin(), received_markers_.end(),
                                        [&](std::uint64_t found) { return (found & markers.bits) != 0; }));
}

BodyParts split_at_original(std::string_view body, std::initializer_list<std::string_view> markers) {
  // A marker starts a line, and the first marker of the list wins a line. Only the lines whose
  // first byte starts a marker are compared with the markers.
  constexpr std::size_t npos = std::string_view::npos;
  const auto marker_length_at = [&](std::size_t line) {
    const std::string_view rest = body.substr(line);
    for (std::string_view marker : markers)
      if (marker.empty() || (rest.front() == marker.front() && rest.starts_with(marker))) return marker.size();
    return npos;
  };
  // Markers that share their first byte, as the parts' markers do, are looked for where it is;
  // others at each line break.
  const std::optional<char> first_byte = shared_first_byte(markers);
  std::array<bool, 256> first_bytes{};
  for (std::string_view marker : markers)
    if (!marker.empty()) first_bytes[static_cast<unsigned char>(marker.front())] = true;
  std::size_t cut = 0;
  std::size_t marker_length = body.empty() ? npos : marker_length_at(0);
  while (marker_length == npos) {
    cut = first_byte ? line_starting_with(body, cut, *first_byte) : line_starting_with(body, cut, first_bytes);
    if (cut == npos) return {body, {}};
    marker_length = marker_length_at(cut);
  }

  std::string_view original = body.substr(cut + marker_length);
  // Skip the rest of the marker line and any blank lines before the original's headers.
  original.remove_prefix(std::min(original.size(), original.find('\n') + 1));
  while (!original.empty() && (original.front() == '\n' || original.front() == ' ' || original.front() == '\t'))
    original.remove_prefix(1);
  if (const std::size_t blank = find_blank_line(original); blank != std::string_view::npos)
    original = original.substr(0, blank + 1);
  return {body.substr(0, cut), original};
}

}  // namespace bg::bounce
