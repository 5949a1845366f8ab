#pragma once
// Domain names as text: the RFC 1035 size rules, comparisons that ignore case and the final
// dot, and the names inside record data.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bg::dns {

// The name without a final dot, lowercased (ASCII only, as DNS compares names).
std::string normalize_name(std::string_view name);

// The labels of `name` from left to right ("mail.example.com" gives mail, example, com); a
// final dot is ignored and empty labels are kept so callers can reject them.
std::vector<std::string_view> split_labels(std::string_view name);

// Whether a query can be composed for `name`: at least one label, no empty label, no label over
// 63 bytes and no more than 253 bytes in all (RFC 1035 section 2.3.4).
bool is_queryable_name(std::string_view name);

// Whether `name` equals `parent` or lies below it, ignoring case and final dots.
bool is_at_or_below(std::string_view name, std::string_view parent);

// The name in the text form resolvers read, with every byte outside letters, digits, '-', '_'
// and the dots between labels written as \DDD, so that any bytes can be looked up literally.
std::string presentation_form(std::string_view name);

// Reads the uncompressed wire-format name that starts at rdata[pos] (as in MX, PTR or CNAME
// data) and moves `pos` past it; nullopt when the data is malformed. The root is "".
std::optional<std::string> read_wire_name(std::string_view rdata, std::size_t& pos);

}  // namespace bg::dns
