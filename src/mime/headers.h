#pragma once
// The header block of a message or MIME part, tokenized in place: every field is a view into
// the message, so reading the headers of a message that turns out not to matter copies nothing.
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
  std::vector<HeaderField> fields_;
  bool ended_by_blank_line_ = false;
};

// Joins folded lines into one, each line break and the white space around it becoming a space.
std::string unfold(std::string_view raw);

bool iequals_name(std::string_view a, std::string_view b);

template <typename Visit>
void Headers::for_each(std::string_view name, Visit&& visit) const {
  for (const HeaderField& field : fields_)
    if (iequals_name(field.name, name)) visit(field.value);
}

}  // namespace bg::mime
