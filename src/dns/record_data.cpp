#include "dns/record_data.h"

#include "dns/domain_name.h"

namespace bg::dns {

std::vector<std::string> txt_strings(std::string_view rdata) {
  std::vector<std::string> strings;
  std::size_t pos = 0;
  while (pos < rdata.size()) {
    const auto length = static_cast<unsigned char>(rdata[pos++]);
    if (pos + length > rdata.size()) break;
    strings.emplace_back(rdata.substr(pos, length));
    pos += length;
  }
  return strings;
}

std::string txt_text(std::string_view rdata) {
  std::string text;
  for (const std::string& piece : txt_strings(rdata)) text += piece;
  return text;
}

std::optional<MxRecord> read_mx(std::string_view rdata) {
  if (rdata.size() < 3) return std::nullopt;
  MxRecord mx;
  mx.preference = static_cast<std::uint16_t>(static_cast<unsigned char>(rdata[0]) << 8 |
                                             static_cast<unsigned char>(rdata[1]));
  std::size_t pos = 2;
  std::optional<std::string> exchange = read_wire_name(rdata, pos);
  if (!exchange) return std::nullopt;
  mx.exchange = std::move(*exchange);
  return mx;
}

std::optional<std::string> read_name(std::string_view rdata) {
  std::size_t pos = 0;
  return read_wire_name(rdata, pos);
}

}  // namespace bg::dns
