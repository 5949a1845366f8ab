#include "dns_wire.h"

#include "dns/domain_name.h"
#include "mime/ascii.h"

namespace bg::dns::testing {

namespace {

void put_u16(std::string& out, std::uint16_t value) {
  out.push_back(static_cast<char>(value >> 8));
  out.push_back(static_cast<char>(value & 0xff));
}

std::uint16_t get_u16(std::string_view data, std::size_t pos) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(data[pos]) << 8 |
                                    static_cast<unsigned char>(data[pos + 1]));
}

constexpr std::size_t kHeaderBytes = 12;

}  // namespace

std::string make_query(std::uint16_t id, std::string_view name, std::uint16_t type,
                       std::uint16_t query_class) {
  std::string query;
  put_u16(query, id);
  put_u16(query, 0);  // a plain query, no recursion wanted
  put_u16(query, 1);  // one question
  put_u16(query, 0);
  put_u16(query, 0);
  put_u16(query, 0);
  for (const std::string_view label : split_labels(name)) {
    query.push_back(static_cast<char>(label.size()));
    query.append(label);
  }
  query.push_back(0);
  put_u16(query, type);
  put_u16(query, query_class);
  return query;
}

std::optional<WireQuestion> read_question(std::string_view message) {
  if (message.size() < kHeaderBytes + 5) return std::nullopt;
  WireQuestion question;
  question.id = get_u16(message, 0);
  std::size_t pos = kHeaderBytes;
  const std::optional<std::string> name = read_wire_name(message, pos);
  if (!name || pos + 2 > message.size()) return std::nullopt;
  question.name = mime::lowercase(*name);
  question.type = get_u16(message, pos);
  return question;
}

}  // namespace bg::dns::testing
