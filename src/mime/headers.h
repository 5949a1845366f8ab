#pragma once
// The header block of a message or MIME part, tokenized in place: every field is a view into
// the message, so reading the headers of a message that turns out not to matter copies nothing.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  // Where the body starts, as the last parse() returned.
  std::size_t body_offset() const { return body_offset_; }

  // The first field called `name` (case-insensitive), as written; empty when absent.
  std::string_view raw(std::string_view name) const;
  // The first field called `name`, unfolded and with RFC 2047 encoded words decoded to UTF-8.
  std::string text(std::string_view name) const;
  bool has(std::string_view name) const;

  template <typename Visit>
  void for_each(std::string_view name, Visit&& visit) const;

  const std::vector<HeaderField>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }
  // False when the block ran into the body, a boundary line or the end of the input without
  // the blank line that RFC 5322 puts between header and body.
  bool ended_by_blank_line() const { return ended_by_blank_line_; }

 private:
  std::size_t parse_block(std::string_view message);

  // A filter over the names present: most lookups ask for a field the block does not have
  // (format modules probing for their signatures), and this answers them without a scan.
  class NameFilter {
   public:
    void clear() { bits_ = {}; }
    void add(std::string_view name) { bits_[slot(name) / 64] |= std::uint64_t{1} << (slot(name) % 64); }
    bool may_hold(std::string_view name) const { return bits_[slot(name) / 64] >> (slot(name) % 64) & 1; }

   private:
    static std::size_t slot(std::string_view name) {
      if (name.empty()) return 0;
      const auto folded = [](char c) { return static_cast<std::size_t>(c | 0x20); };
      return (name.size() * 37 + folded(name.front()) * 11 + folded(name.back())) % 256;
    }
    std::array<std::uint64_t, 4> bits_{};
  };

  std::vector<HeaderField> fields_;
  NameFilter names_;
  std::size_t body_offset_ = 0;
  bool ended_by_blank_line_ = false;
};

// Joins folded lines into one, each line break and the white space around it becoming a space.
std::string unfold(std::string_view raw);

bool iequals_name(std::string_view a, std::string_view b);

template <typename Visit>
void Headers::for_each(std::string_view name, Visit&& visit) const {
  if (!names_.may_hold(name)) return;
  for (const HeaderField& field : fields_)
    if (iequals_name(field.name, name)) visit(field.value);
}

}  // namespace bg::mime
