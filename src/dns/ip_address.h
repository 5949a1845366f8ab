#pragma once
// IPv4 and IPv6 addresses as bytes: reading and printing them, network membership, and the
// reversed forms that PTR look-ups, DNS blocklists and SPF macros query.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace bg::dns {

class IpAddress {
 public:
  enum class Family { v4, v6 };

  // "192.0.2.1" or any RFC 4291 text form of IPv6 ("2001:db8::1", "::ffff:192.0.2.1").
  static std::optional<IpAddress> parse(std::string_view text);
  // The rdata of an A (4 bytes) or AAAA (16 bytes) record; nullopt for any other size.
  static std::optional<IpAddress> from_bytes(std::string_view bytes);

  Family family() const { return family_; }
  bool is_v4() const { return family_ == Family::v4; }
  // Four bytes for IPv4, sixteen for IPv6, in network order.
  std::span<const std::uint8_t> bytes() const { return {bytes_.data(), is_v4() ? 4u : 16u}; }
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it carries; RFC 7208
  // section 5 treats such a client as IPv4.
  IpAddress unmapped() const;

  // Dotted IPv4, or RFC 5952 compressed lowercase IPv6.
  std::string to_string() const;
  // The address's labels in reverse order without a suffix: "1.2.0.192" for 192.0.2.1, the 32
  // nibbles for IPv6 ("1.0.0.0...8.b.d.0.1.0.0.2"). Blocklists and SPF's %{ir} use this form.
  std::string reversed_labels() const;
  // The name its PTR records live at: reversed_labels() under in-addr.arpa or ip6.arpa.
  std::string reverse_name() const;

  // Whether the first `prefix_length` bits equal those of `network` (same family only).
  bool within(const IpAddress& network, int prefix_length) const;

  friend bool operator==(const IpAddress&, const IpAddress&) = default;
  friend auto operator<=>(const IpAddress&, const IpAddress&) = default;

 private:
  Family family_ = Family::v4;
  std::array<std::uint8_t, 16> bytes_{};  // IPv4 uses the first four
};

}  // namespace bg::dns
