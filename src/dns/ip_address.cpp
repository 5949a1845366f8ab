#include "dns/ip_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace bg::dns {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Reads `text` into `bytes` when it is dotted IPv4 as inet_pton reads it: four decimal bytes of
// one to three digits, none with a leading zero, and nothing else. Read by hand because most
// addresses parsed are IPv4, where inet_pton takes a terminated copy and several times the work;
// false leaves the text to inet_pton, which rejects all else it would not read.
bool read_dotted_quad(std::string_view text, std::uint8_t* bytes) {
  const char* at = text.data();
  const char* const end = at + text.size();
  // The digit at `at` as its value, or a value over 9 where there is none.
  const auto digit = [&] { return at == end ? 10u : static_cast<unsigned>(static_cast<unsigned char>(*at)) - '0'; };
  for (int i = 0; i < 4; ++i) {
    if (i > 0 && (at == end || *at++ != '.')) return false;
    unsigned value = digit();
    if (value > 9) return false;
    ++at;
    // A zero is a byte alone: a digit after it would be a leading zero. Other bytes take up to
    // two digits more; a fourth digit stands where a dot should.
    if (value != 0) {
      for (int more = 0; more < 2 && digit() <= 9; ++more) {
        value = value * 10 + digit();
        ++at;
      }
      if (value > 255) return false;
    }
    bytes[i] = static_cast<std::uint8_t>(value);
  }
  return at == end;
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  IpAddress address;
  if (read_dotted_quad(text, address.bytes_.data())) return address;
  // inet_pton needs a terminated string and rejects leading zeros, empty parts and ports; it
  // writes all the bytes of an address it reads, over any the reading above left.
  if (text.empty() || text.size() > INET6_ADDRSTRLEN) return std::nullopt;
  const std::string terminated(text);
  if (inet_pton(AF_INET, terminated.c_str(), address.bytes_.data()) == 1) return address;
  if (inet_pton(AF_INET6, terminated.c_str(), address.bytes_.data()) == 1) {
    address.family_ = Family::v6;
    return address;
  }
  return std::nullopt;
}

std::optional<IpAddress> IpAddress::from_bytes(std::string_view bytes) {
  if (bytes.size() != 4 && bytes.size() != 16) return std::nullopt;
  IpAddress address;
  address.family_ = bytes.size() == 4 ? Family::v4 : Family::v6;
  std::memcpy(address.bytes_.data(), bytes.data(), bytes.size());
  return address;
}

IpAddress IpAddress::unmapped() const {
  static constexpr std::uint8_t kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (is_v4() || std::memcmp(bytes_.data(), kMappedPrefix, sizeof kMappedPrefix) != 0) return *this;
  IpAddress v4;
  std::memcpy(v4.bytes_.data(), bytes_.data() + 12, 4);
  return v4;
}

std::string IpAddress::to_string() const {
  if (is_v4()) {
    // Written by hand: glibc's inet_ntop formats IPv4 through sprintf, several times slower.
    std::string out;
    out.reserve(15);
    for (int i = 0; i < 4; ++i) {
      if (i > 0) out.push_back('.');
      const unsigned value = bytes_[i];
      if (value >= 100) out.push_back(static_cast<char>('0' + value / 100));
      if (value >= 10) out.push_back(static_cast<char>('0' + value / 10 % 10));
      out.push_back(static_cast<char>('0' + value % 10));
    }
    return out;
  }
  char text[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, bytes_.data(), text, sizeof text);
  return text;
}

std::string IpAddress::reversed_labels() const {
  std::string out;
  if (is_v4()) {
    for (int i = 3; i >= 0; --i) {
      out += std::to_string(bytes_[i]);
      if (i > 0) out += '.';
    }
    return out;
  }
  for (int i = 15; i >= 0; --i) {
    out += kHexDigits[bytes_[i] & 0x0f];
    out += '.';
    out += kHexDigits[bytes_[i] >> 4];
    if (i > 0) out += '.';
  }
  return out;
}

std::string IpAddress::reverse_name() const {
  return reversed_labels() + (is_v4() ? ".in-addr.arpa" : ".ip6.arpa");
}

bool IpAddress::within(const IpAddress& network, int prefix_length) const {
  if (family_ != network.family_) return false;
  const int total_bits = is_v4() ? 32 : 128;
  prefix_length = std::clamp(prefix_length, 0, total_bits);
  const int whole_bytes = prefix_length / 8;
  if (std::memcmp(bytes_.data(), network.bytes_.data(), whole_bytes) != 0) return false;
  const int rest = prefix_length % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (bytes_[whole_bytes] & mask) == (network.bytes_[whole_bytes] & mask);
}

}  // namespace bg::dns
