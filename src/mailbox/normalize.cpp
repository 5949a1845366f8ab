#include "mailbox/normalize.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::mailbox {

namespace {

// Whether `line` is one of ">From ", ">>From "...: a "From " line that mbox quoting protected.
bool is_quoted_from_line(std::string_view line) {
  const std::size_t quotes = line.find_first_not_of('>');
  return quotes != 0 && quotes != std::string_view::npos &&
         line.substr(quotes).starts_with("From ");
}

// Whether the ">From " at `at` starts its line, after any further '>'.
bool starts_quoted_from_line(std::string_view text, std::size_t at) {
  std::size_t line_start = at;
  while (line_start > 0 && text[line_start - 1] == '>') --line_start;
  return line_start == 0 || text[line_start - 1] == '\n' || text[line_start - 1] == '\r';
}

// What `text` needs before it is parsed: CR line endings made LF, and, in an mbox that quotes,
// ">From " lines unquoted.
struct Needs {
  bool line_endings = false;
  bool unquoting = false;
};

// Finds both in one pass over the message, sixteen bytes at a time, stopping once both are known.
Needs needs_of(std::string_view text, bool mbox_quoted) {
  Needs needs;
  if (!mbox_quoted) {
    needs.line_endings = text.find('\r') != std::string_view::npos;
    return needs;
  }
  constexpr std::string_view kQuotedFrom = ">From ";
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i carriage_return = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('>');
  const __m128i capital_f = _mm_set1_epi8('F');
  for (; i + 17 <= text.size() && !(needs.line_endings && needs.unquoting); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i returns = _mm_cmpeq_epi8(bytes, carriage_return);
    // Nearly every block holds neither byte: one test passes it.
    if (_mm_movemask_epi8(_mm_or_si128(returns, _mm_cmpeq_epi8(bytes, quote))) == 0) continue;
    if (_mm_movemask_epi8(returns) != 0) needs.line_endings = true;
    if (needs.unquoting) continue;
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + 1));
    unsigned candidates = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(next, capital_f))));
    for (; candidates != 0; candidates &= candidates - 1) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(candidates));
      if (text.substr(at).starts_with(kQuotedFrom) && starts_quoted_from_line(text, at)) {
        needs.unquoting = true;
        break;
      }
    }
  }
#endif
  for (; i < text.size() && !(needs.line_endings && needs.unquoting); ++i) {
    if (text[i] == '\r') needs.line_endings = true;
    if (!needs.unquoting && text.substr(i).starts_with(kQuotedFrom) && starts_quoted_from_line(text, i))
      needs.unquoting = true;
  }
  return needs;
}

}  // namespace

std::string_view normalize(const RawMessage& message, std::string& scratch) {
  const std::string_view text = message.bytes;
  const Needs needs = needs_of(text, message.mbox_quoted);
  if (!needs.line_endings && !needs.unquoting) return text;

  scratch.clear();
  scratch.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const mime::Line line = mime::line_at(text, pos);
    std::string_view content = line.text;
    if (needs.unquoting && is_quoted_from_line(content)) content.remove_prefix(1);
    scratch.append(content);
    if (line.next > pos + line.text.size()) scratch.push_back('\n');
    pos = line.next;
  }
  return scratch;
}

}  // namespace bg::mailbox
