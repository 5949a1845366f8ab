#pragma once
// The header block of a message or MIME part, tokenized in place: every field is a view into
// the message, so reading the headers of a message that turns out not to matter copies nothing.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bg::mime {

struct HeaderField {
  std::string_view name;
  std::string_view value;  // as written: may hold folded line breaks; no trailing line ending
};

class Headers {
 public:
  // Tokenizes the header block at the start of `message` and returns the offset where the body
  // starts (just after the blank line, or the end when there is no body). A leading mbox
  // "From " line is skipped. A line starting with "--" (a possible MIME boundary) ends the
  // block. Lines that are neither fields nor continuations are read as folding whose indent
  // was lost when a field or the blank line follows them; otherwise the body starts there.
  std::size_t parse(std::string_view message);
  // Tokenizes the block as parse() does, without the index by name that lookups need, for a
  // reader that goes through fields() alone: afterwards a lookup by name finds nothing.
  std::size_t parse_fields(std::string_view message);
  // Where the body starts, as the last parse() or parse_fields() returned.
  std::size_t body_offset() const { return body_offset_; }

  // The first field called `name` (case-insensitive), as written; empty when absent.
  std::string_view raw(std::string_view name) const {
    const HeaderField* field = find(name);
    return field == nullptr ? std::string_view() : field->value;
  }
  // The first field called `name`, unfolded and with RFC 2047 encoded words decoded to UTF-8.
  std::string text(std::string_view name) const;
  // The same, written over `out`: a reader taking the same header of message after message
  // keeps one string's storage.
  void text_into(std::string_view name, std::string& out) const;
  bool has(std::string_view name) const { return find(name) != nullptr; }

  template <typename Visit>
  void for_each(std::string_view name, Visit&& visit) const;

  const std::vector<HeaderField>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }
  // False when the block ran into the body, a boundary line or the end of the input without
  // the blank line that RFC 5322 puts between header and body.
  bool ended_by_blank_line() const { return ended_by_blank_line_; }

 private:
  template <bool kIndexNames>
  std::size_t parse_block(std::string_view message);
  // Inline, so that a lookup of a literal name the block does not hold, the most common one,
  // costs a few instructions: its slot is computed when the caller is compiled.
  const HeaderField* find(std::string_view name) const {
    const std::uint8_t slot = NameSlots::slot(name);
    if (!names_.may_hold(slot)) return nullptr;
    const HeaderField& first = fields_[names_.first(slot)];
    if (first.name == name) return &first;
    const std::size_t at = first_named(name, slot);
    return at == std::string_view::npos ? nullptr : &fields_[at];
  }
  // The first field called `name`, which hashes to `slot`, one the block may hold; or npos.
  std::size_t first_named(std::string_view name, std::uint8_t slot) const;
  // The first field at or after `from` called `name`, which hashes to `slot`, or npos.
  std::size_t next_named(std::string_view name, std::uint8_t slot, std::size_t from) const;

  // Each field's name hashed to one byte, kept beside the fields. A lookup compares in full only
  // the fields whose byte matches; a bit per byte value answers at once for names the block
  // does not hold (most lookups: format modules probing for their signatures), and the first
  // field of each byte value is kept, so that a lookup of a name the block holds, whose first
  // field of that byte is nearly always the one, starts there without a search.
  class NameSlots {
   public:
    static std::uint8_t slot(std::string_view name) {
      if (name.empty()) return 0;
      const auto folded = [](char c) { return static_cast<std::size_t>(c | 0x20); };
      return static_cast<std::uint8_t>((name.size() * 37 + folded(name.front()) * 11 + folded(name.back())) % 256);
    }
    void clear() {
      bits_ = {};
      count_ = 0;
    }
    void add(std::string_view name) {
      const std::uint8_t at = slot(name);
      // Each read once: the stores of bytes below could alias them.
      const std::size_t index = count_;
      const std::uint64_t word = bits_[at / 64];
      const std::uint64_t bit = std::uint64_t{1} << (at % 64);
      // Past the kept fields, the first kept index stands for all of them, as in next().
      if ((word & bit) == 0) first_[at] = static_cast<std::uint8_t>(index < kKept ? index : kKept);
      bits_[at / 64] = word | bit;
      if (index < kKept) slots_[index] = at;
      count_ = index + 1;
    }
    bool may_hold(std::uint8_t at) const { return bits_[at / 64] >> (at % 64) & 1; }
    // The first field whose name may hash to `at`, which may_hold.
    std::size_t first(std::uint8_t at) const { return first_[at]; }
    // The first field at or after `from` whose name may hash to `at`, or npos. Fields past the
    // kept ones are all candidates. The kept slots are compared sixteen at a time (SSE2, part of
    // every x86-64) from the block that holds `from`, its bits before `from` dropped; a call of
    // memchr costs more than the search over the few fields of a block.
    std::size_t next(std::uint8_t at, std::size_t from) const {
      const std::size_t kept = count_ < kKept ? count_ : kKept;
#if defined(__SSE2__)
      const __m128i wanted = _mm_set1_epi8(static_cast<char>(at));
      unsigned from_here = ~0u << (from % 16);
      for (std::size_t block = from - from % 16; block < kept; block += 16, from_here = ~0u) {
        const __m128i slots = _mm_loadu_si128(reinterpret_cast<const __m128i*>(slots_.data() + block));
        if (const unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(slots, wanted))) & from_here) {
          const std::size_t found = block + static_cast<std::size_t>(__builtin_ctz(hits));
          if (found < kept) return found;
          break;  // a slot left from an earlier block
        }
      }
#else
      if (from < kept) {
        if (const void* found = std::memchr(slots_.data() + from, at, kept - from))
          return static_cast<std::size_t>(static_cast<const std::uint8_t*>(found) - slots_.data());
      }
#endif
      if (from < kept) from = kept;
      return from < count_ ? from : std::string_view::npos;
    }

   private:
    // Enough for nearly every header block; a fixed array costs nothing to fill.
    static constexpr std::size_t kKept = 128;
    static_assert(kKept % 16 == 0, "the slots are searched in whole blocks of sixteen");
    std::array<std::uint64_t, 4> bits_{};
    std::array<std::uint8_t, kKept> slots_{};  // one per field, in order
    // Read only for the byte values whose bit is set, so clear() leaves it as it is.
    std::array<std::uint8_t, 256> first_{};
    static_assert(kKept <= 255, "a kept field's index fits in a byte");
    std::size_t count_ = 0;
  };

  std::vector<HeaderField> fields_;
  NameSlots names_;
  std::size_t body_offset_ = 0;
  bool ended_by_blank_line_ = false;
};

// Joins folded lines into one, each line break and the white space around it becoming a space.
std::string unfold(std::string_view raw);
// The same, written over `out`: a caller unfolding many values reuses one buffer.
void unfold_into(std::string_view raw, std::string& out);
// `raw` unfolded: `raw` itself when unfolding would not change it (no line break, no tab, no
// trailing space: most values), else unfolded into `scratch`. Spares a reader the copy.
std::string_view unfolded(std::string_view raw, std::string& scratch);
// A field's value as Headers::text gives it, unfolded and with its encoded words decoded,
// written over `out`: for a reader that found the field itself.
void text_of_value_into(std::string_view raw, std::string& out);

bool iequals_name(std::string_view a, std::string_view b);

template <typename Visit>
void Headers::for_each(std::string_view name, Visit&& visit) const {
  const std::uint8_t slot = NameSlots::slot(name);
  if (!names_.may_hold(slot)) return;
  for (std::size_t i = first_named(name, slot); i != std::string_view::npos; i = next_named(name, slot, i + 1))
    visit(fields_[i].value);
}

}  // namespace bg::mime
