#pragma once
// Structured header values: Content-Type and Content-Disposition with their parameters,
// including RFC 2231 continuations and charset-tagged values.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bg::mime {

struct Parameter {
  std::string name;   // lowercased
  std::string value;  // unquoted; RFC 2231 values decoded to UTF-8
};

// Parses "token; name=value; name*0*=charset'lang'%41..." after the leading token.
std::vector<Parameter> parse_parameters(std::string_view header_value);

const std::string* find_parameter(std::span<const Parameter> parameters, std::string_view name);

struct ContentType {
  std::string type = "text";     // lowercased
  std::string subtype = "plain";  // lowercased

  std::span<const Parameter> parameters() const { return {parameters_.data(), parameter_count_}; }
  std::string media_type() const { return type + "/" + subtype; }
  bool is(std::string_view type_name, std::string_view subtype_name) const {
    return type == type_name && subtype == subtype_name;
  }
  std::string_view parameter(std::string_view name) const;

 private:
  friend void parse_unfolded_content_type_into(std::string_view, ContentType&,
                                               std::pair<std::string_view, std::string_view>);
  // The first parameter_count_ are the value's; those after them are left by an earlier value
  // parsed over this one, kept for their strings' storage.
  std::vector<Parameter> parameters_;
  std::size_t parameter_count_ = 0;
};

// An empty or unreadable value yields `fallback` (text/plain, or message/rfc822 inside a
// multipart/digest).
ContentType parse_content_type(std::string_view header_value,
                               std::pair<std::string_view, std::string_view> fallback = {"text", "plain"});
// The same for a value already unfolded onto one line (see unfolded()), written over `out`,
// whose strings, its parameters' among them, keep their storage: a parser reading part after
// part, and unfolding each value into one string it keeps, allocates for none of them once it
// has seen a few.
void parse_unfolded_content_type_into(std::string_view unfolded_value, ContentType& out,
                                      std::pair<std::string_view, std::string_view> fallback = {"text", "plain"});

}  // namespace bg::mime
