#include "mime/mime_tree.h"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"
#include "mime/charset.h"
#include "mime/lines.h"
#include "mime/transfer_encoding.h"

namespace bg::mime {

namespace {

bool is_message_container(const ContentType& type) {
  const std::string_view subtype = type.subtype;
  return std::string_view(type.type) == "message" && (subtype == "rfc822" || subtype == "global" || subtype == "news");
}

// Whether `line` is "--boundary" or "--boundary--", allowing trailing white space.
int boundary_kind(std::string_view line, std::string_view boundary) {
  if (line.size() < boundary.size() + 2 || line[0] != '-' || line[1] != '-') return 0;
  if (line.compare(2, boundary.size(), boundary) != 0) return 0;
  std::string_view rest = line.substr(boundary.size() + 2);
  bool closing = false;
  if (rest.starts_with("--")) {
    closing = true;
    rest.remove_prefix(2);
  }
  for (char c : rest)
    if (!is_space_or_tab(c)) return 0;
  return closing ? 2 : 1;
}

// The first "--" in `text` at or after `from`, a line start, that starts a line, or npos.
// Thirty-two positions are tested at once for a dash followed by a dash; only those are looked at
// for the line break before them, so that the dashes inside lines cost no new search.
std::size_t dashes_at_line_start(std::string_view text, std::size_t from) {
  const auto starts_line = [&](std::size_t at) { return at == from || text[at - 1] == '\n' || text[at - 1] == '\r'; };
  std::size_t i = from;
#if defined(__SSE2__)
  const auto dash_pairs = [&](std::size_t at) {
    const __m128i dash = _mm_set1_epi8('-');
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at + 1));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(first, dash), _mm_cmpeq_epi8(second, dash))));
  };
  for (; i + 33 <= text.size(); i += 32) {
    for (unsigned pairs = dash_pairs(i) | dash_pairs(i + 16) << 16; pairs != 0; pairs &= pairs - 1) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(pairs));
      if (starts_line(at)) return at;
    }
  }
#endif
  for (; i + 2 <= text.size(); ++i)
    if (text[i] == '-' && text[i + 1] == '-' && starts_line(i)) return i;
  return std::string_view::npos;
}

}  // namespace

void MimeTree::parse(std::string_view message, const Headers* root_headers) {
  message_ = message;
  root_headers_ = root_headers;
  if (parts_.size() > kMaxKeptParts) parts_.resize(kMaxKeptParts);
  part_count_ = 0;
  open_boundaries_ = 0;
  broken_structure_ = false;
  parse_entity(0, -1, 0, true, {"text", "plain"});
  root_headers_ = nullptr;
}

MimeTree::BoundaryMatch MimeTree::find_boundary(std::size_t from, std::size_t limit) const {
  BoundaryMatch match;
  match.line_start = match.line_end = message_.size();
  if (open_boundaries_ == 0) return match;
  limit = std::min(limit, message_.size());
  // Only lines starting with "--" can be boundaries: the search jumps from one such line to the
  // next. `from` is always a line start.
  const std::string_view searched = message_.substr(0, std::min(limit + 1, message_.size()));
  for (std::size_t pos = dashes_at_line_start(searched, from); pos < limit;) {
    const Line line = line_at(message_, pos);
    for (std::size_t level = open_boundaries_; level-- > 0;) {
      if (const int kind = boundary_kind(line.text, boundaries_[level]))
        return {pos, line.next, level, kind == 2, true};
    }
    pos = dashes_at_line_start(searched, line.next);
  }
  return match;
}

// The text from `start` up to `end`. When a boundary line follows, the line break before it
// belongs to the boundary (RFC 2046 section 5.1.1), not to the body.
std::string_view MimeTree::body_before(std::size_t start, std::size_t end, bool boundary_follows) const {
  if (boundary_follows) {
    if (end > start && message_[end - 1] == '\n') --end;
    if (end > start && message_[end - 1] == '\r') --end;
  }
  return message_.substr(start, end - start);
}

// Whether the body at `start` is empty: the input or the enclosing multipart ends right there.
bool MimeTree::body_is_empty(std::size_t start) const {
  return start >= message_.size() || find_boundary(start, start + 1).found;
}

Part& MimeTree::new_part() {
  if (part_count_ == parts_.size()) {
    ++part_count_;
    return parts_.emplace_back();
  }
  Part& part = parts_[part_count_++];
  part.children.clear();
  part.body = {};
  return part;
}

MimeTree::BoundaryMatch MimeTree::parse_entity(std::size_t start, int parent, int depth, bool is_message,
                                               std::pair<std::string_view, std::string_view> default_type) {
  const int index = static_cast<int>(part_count_);
  new_part();
  if (parent >= 0) parts_[parent].children.push_back(index);

  // A header block ends at a line starting with "--", so it never runs past a boundary line:
  // a part without a blank line after its headers ends there with an empty body.
  std::size_t body_start = 0;
  if (index == 0 && root_headers_ != nullptr) {
    parts_[index].headers = *root_headers_;
    body_start = root_headers_->body_offset();
  } else {
    body_start = start + parts_[index].headers.parse(message_.substr(start));
  }
  {
    Part& part = parts_[index];
    part.parent = parent;
    part.depth = depth;
    part.is_message = is_message;
    parse_unfolded_content_type_into(unfolded(part.headers.raw("Content-Type"), unfolding_), part.content_type,
                                     default_type);
    assign_lowercase(part.transfer_encoding, trim(unfolded(part.headers.raw("Content-Transfer-Encoding"), unfolding_)));
  }

  const bool too_deep = depth >= kMaxDepth || part_count_ >= kMaxParts;
  const ContentType& type = parts_[index].content_type;
  if (!too_deep && parts_[index].is_multipart() && !type.parameter("boundary").empty()) {
    return parse_multipart_children(index, body_start, depth);
  }
  const std::string_view transfer_encoding = parts_[index].transfer_encoding;
  if (!too_deep && is_message_container(type) && transfer_encoding != "base64" &&
      transfer_encoding != "quoted-printable" && !body_is_empty(body_start)) {
    return parse_entity(body_start, index, depth + 1, true, {"text", "plain"});
  }

  const BoundaryMatch next = find_boundary(body_start);
  parts_[index].body = body_before(body_start, next.line_start, next.found);
  if (!next.found && open_boundaries_ > 0) broken_structure_ = true;
  return next;
}

MimeTree::BoundaryMatch MimeTree::parse_multipart_children(int index, std::size_t body_start, int depth) {
  const bool digest = std::string_view(parts_[index].content_type.subtype) == "digest";
  if (open_boundaries_ == boundaries_.size()) boundaries_.emplace_back();
  const std::size_t own_level = open_boundaries_++;
  boundaries_[own_level].assign(parts_[index].content_type.parameter("boundary"));

  BoundaryMatch match = find_boundary(body_start);
  while (match.found && match.level == own_level && !match.closing) {
    const std::pair<std::string_view, std::string_view> child_default =
        digest ? std::pair<std::string_view, std::string_view>{"message", "rfc822"}
               : std::pair<std::string_view, std::string_view>{"text", "plain"};
    match = parse_entity(match.line_end, index, depth + 1, false, child_default);
    if (part_count_ >= kMaxParts) break;
  }
  --open_boundaries_;

  if (match.found && match.level == own_level && match.closing) {
    // The epilogue runs to the next enclosing boundary, or to the end.
    return find_boundary(match.line_end);
  }
  broken_structure_ = true;  // closed by an enclosing boundary or by the end of input
  // The line that ended it is read again against the enclosing boundaries alone: it may be this
  // multipart's own, where too many parts cut it short.
  return match.found ? find_boundary(match.line_start) : match;
}

std::string MimeTree::decoded(const Part& part) const {
  std::string out;
  out.reserve(part.body.size());
  append_transfer_decoded(part.body, part.transfer_encoding, out);
  return out;
}

std::string MimeTree::text(const Part& part) const {
  std::string out;
  append_text(part, out);
  return out;
}

void MimeTree::append_text(const Part& part, std::string& out, std::size_t max_body_bytes) const {
  std::string_view body = part.body;
  if (body.size() > max_body_bytes) {
    // Cut at a line end: a line of base64 or quoted-printable decodes on its own, and a
    // stateful charset returns to ASCII before it ends.
    const std::size_t line_end = body.substr(0, max_body_bytes).rfind('\n');
    body = body.substr(0, line_end == std::string_view::npos ? max_body_bytes : line_end + 1);
  }
  const std::string_view charset = part.content_type.parameter("charset");
  if (is_identity_encoding(part.transfer_encoding)) {
    append_as_utf8(body, charset, out);
    return;
  }
  // Decoded into its place in `out` and converted there, rather than into a string of its own.
  const std::size_t start = out.size();
  append_transfer_decoded(body, part.transfer_encoding, out);
  make_utf8_from(out, start, charset);
}

}  // namespace bg::mime
