#include "bounce/dsn_report.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bounce/address.h"
#include "bounce/dsn_fields.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

#if defined(__SSE2__)
// The tabs and line breaks of a block of sixteen bytes, and its spaces, one bit each.
struct WhiteBytes {
  unsigned breaks;
  unsigned spaces;
};

WhiteBytes white_bytes(__m128i bytes) {
  const auto equal = [&](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
  return {static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(equal('\t'), _mm_or_si128(equal('\r'), equal('\n'))))),
          static_cast<unsigned>(_mm_movemask_epi8(equal(' ')))};
}

// The bytes of the block that squeezing changes: tabs and line breaks, and spaces after a space,
// or after the white space that `space_before` (a bit) marks before them.
unsigned changed_bytes(WhiteBytes white, unsigned space_before) {
  return white.breaks | (white.spaces & ((white.spaces << 1) | space_before));
}
#endif

// squeeze_spaces into `out`, and with kLowercase the ASCII letters lowercased in the same pass.
template <bool kLowercase>
void squeeze_into(std::string_view text, std::string& out) {
  // Written through a pointer into a buffer of the largest size, then cut to length.
  out.resize(text.size());
  char* const start = out.data();
  char* end = start;
  const auto squeeze_bytes = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (!mime::is_white_space_or_line_break(text[k])) *end++ = kLowercase ? mime::to_lower_ascii(text[k]) : text[k];
      else if (end != start && end[-1] != ' ') *end++ = ' ';
    }
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  // Most replies are single-spaced: a block of sixteen bytes with no tab or line break, no two
  // spaces in a row and no space after the one written last is copied as it is. Whether the
  // byte written last is a space (or none is written yet) is kept as a bit.
  unsigned space_before = 1;
  // The bytes as they are written: a capital letter gets bit 0x20; the bytes from 0x80 on are
  // negative, below 'A'.
  const auto written = [](__m128i bytes) {
    if constexpr (!kLowercase) return bytes;
    const __m128i capitals =
        _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('Z' + 1)));
    return _mm_or_si128(bytes, _mm_and_si128(capitals, _mm_set1_epi8(0x20)));
  };
  while (i + 16 <= text.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const WhiteBytes white = white_bytes(bytes);
    // Squeezing never lengthens the text, so the block fits where it is written.
    _mm_storeu_si128(reinterpret_cast<__m128i*>(end), written(bytes));
    const unsigned changed = changed_bytes(white, space_before);
    if (changed == 0) {
      end += 16;
      i += 16;
      space_before = white.spaces >> 15;
      continue;
    }
    // The bytes before the first one changed are written already. That one begins a run of white
    // space, written as one space unless one was written last; the next block starts after it.
    const auto kept = static_cast<unsigned>(__builtin_ctz(changed));
    end += kept;
    if (end != start && end[-1] != ' ') *end++ = ' ';
    const unsigned not_white = ~(white.breaks | white.spaces);  // its bits from 16 on are set
    i += kept + static_cast<unsigned>(__builtin_ctz(not_white >> kept));
    space_before = 1;
  }
  // The last bytes are the end of the block that ends with the text, whose first bytes were
  // read already: copied at once when they can be, like a whole block.
  if (i < text.size() && text.size() >= 16) {
    const std::size_t rest = text.size() - i;
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + text.size() - 16));
    if ((changed_bytes(white_bytes(bytes), space_before << (16 - rest)) >> (16 - rest)) == 0) {
      alignas(16) char block[16];
      _mm_store_si128(reinterpret_cast<__m128i*>(block), written(bytes));
      std::memcpy(end, block + 16 - rest, rest);
      end += rest;
      i = text.size();
    }
  }
#endif
  squeeze_bytes(i, text.size());
  if (end != start && end[-1] == ' ') --end;
  out.resize(static_cast<std::size_t>(end - start));
}

template <bool kLowercase>
std::string squeezed(std::string_view text) {
  std::string out;
  squeeze_into<kLowercase>(text, out);
  return out;
}

// Whether squeezing leaves `text` as it is: most diagnostics are single-spaced on one line, and
// are then kept rather than copied.
bool is_squeezed(std::string_view text) {
  if (text.empty()) return true;
  if (mime::is_white_space_or_line_break(text.front()) || mime::is_white_space_or_line_break(text.back())) return false;
  std::size_t i = 0;
#if defined(__SSE2__)
  unsigned space_before = 0;
  for (; i + 16 <= text.size(); i += 16) {
    const WhiteBytes white = white_bytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)));
    if (changed_bytes(white, space_before) != 0) return false;
    space_before = white.spaces >> 15;
  }
  if (i < text.size() && text.size() >= 16) {
    const std::size_t rest = text.size() - i;
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + text.size() - 16));
    return (changed_bytes(white_bytes(bytes), space_before << (16 - rest)) >> (16 - rest)) == 0;
  }
#endif
  for (; i < text.size(); ++i)
    if (text[i] != ' ' ? mime::is_white_space_or_line_break(text[i]) : text[i - 1] == ' ') return false;
  return true;
}

}  // namespace

// Most texts come squeezed already (a DSN's diagnostic is squeezed when read), and are then
// copied as they are rather than written block by block over a buffer filled beforehand.
std::string squeeze_spaces(std::string_view text) {
  return is_squeezed(text) ? std::string(text) : squeezed<false>(text);
}

void squeeze_spaces_in_place(std::string& text) {
  if (!is_squeezed(text)) text = squeezed<false>(text);
}

std::string squeeze_and_lowercase(std::string_view text) { return squeezed<true>(text); }

void squeeze_and_lowercase_into(std::string_view text, std::string& out) { squeeze_into<true>(text, out); }

namespace {

// Gives `value`, a per-message value, to each recipient whose `field` is unset: a copy to all but
// the last of them, which takes the value itself.
void fill_from_per_message(std::string& value, std::string DeliveryStatus::*field,
                           std::vector<DeliveryStatus>& recipients) {
  std::string* last_unset = nullptr;
  for (DeliveryStatus& status : recipients) {
    if (!(status.*field).empty()) continue;
    if (last_unset != nullptr) *last_unset = value;
    last_unset = &(status.*field);
  }
  if (last_unset != nullptr) *last_unset = std::move(value);
}

}  // namespace

std::vector<DeliveryStatus> read_dsn_report(std::string_view text) {
  std::vector<DeliveryStatus> recipients;
  DeliveryStatus per_message;  // Reporting-MTA, Arrival-Date...
  DeliveryStatus* current = nullptr;
  bool group_open = false;  // a per-recipient group has begun since the last blank line
  bool last_was_diagnostic = false;
  std::string pending_alias;  // an Original-Recipient met before its group's Final-Recipient

  auto start_recipient = [&] {
    recipients.emplace_back();
    current = &recipients.back();
    current->alias = std::move(pending_alias);
    pending_alias.clear();
    group_open = true;
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    const mime::Line line = mime::line_at(text, pos);
    pos = line.next;
    if (line.text.empty()) {
      group_open = false;
      last_was_diagnostic = false;
      continue;
    }
    if (mime::is_space_or_tab(line.text.front())) {
      // A folded continuation of the previous field; only Diagnostic-Code spans lines in practice.
      if (last_was_diagnostic && current != nullptr) {
        current->diagnosis.push_back(' ');
        current->diagnosis.append(mime::trim(line.text));
      }
      continue;
    }
    last_was_diagnostic = false;
    const auto field = read_dsn_line(line.text);
    if (!field) continue;

    if (field->scope == DsnScope::kPerMessage) {
      apply_dsn_line(*field, per_message);
      continue;
    }
    if (field->field == DsnField::kOriginalRecipient) {
      // It belongs to the open group when that group already names its recipient; otherwise it
      // comes first in its group, before the Final-Recipient.
      std::string alias = find_address(field->value);
      if (group_open && current != nullptr && !current->recipient.empty() && current->alias.empty())
        current->alias = std::move(alias);
      else
        pending_alias = std::move(alias);
      continue;
    }
    const bool new_recipient = field->field == DsnField::kFinalRecipient &&
                               (!group_open || current == nullptr || !current->recipient.empty());
    if (new_recipient || !group_open || current == nullptr) start_recipient();
    apply_dsn_line(*field, *current);
    last_was_diagnostic = field->field == DsnField::kDiagnosticCode;
  }
  fill_from_per_message(per_message.lhost, &DeliveryStatus::lhost, recipients);
  fill_from_per_message(per_message.date, &DeliveryStatus::date, recipients);
  for (DeliveryStatus& status : recipients)
    if (!is_squeezed(status.diagnosis)) status.diagnosis = squeezed<false>(status.diagnosis);
  return recipients;
}

void drop_unnamed(std::vector<DeliveryStatus>& recipients) {
  std::erase_if(recipients, [](const DeliveryStatus& status) { return status.recipient.empty(); });
}

std::vector<DeliveryStatus> read_dsn_recipients(std::string_view text) {
  std::vector<DeliveryStatus> recipients = read_dsn_report(text);
  drop_unnamed(recipients);
  return recipients;
}

}  // namespace bg::bounce
