#include "dns/ip_address.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>

#include <optional>
#include <string>
#include <vector>

#include "dns/resolver_address.h"

namespace bg::dns {
namespace {

IpAddress ip(std::string_view text) { return IpAddress::parse(text).value(); }

TEST(IpAddress, ReadsBothFamiliesAndRejectsNearMisses) {
  EXPECT_TRUE(ip("192.0.2.1").is_v4());
  EXPECT_FALSE(ip("2001:db8::1").is_v4());
  for (const char* bad :
       {"", "1.2.3", "1.2.3.4:8080", "1.2.3.4/32", "256.1.1.1", ":CAFE::BABE", "example.com"})
    EXPECT_FALSE(IpAddress::parse(bad).has_value()) << bad;
}

// What inet_pton makes of `text`, read as the terminated string it needs: the address the parse
// must give, or nullopt.
std::optional<IpAddress> as_inet_pton_reads(std::string_view text) {
  const std::string terminated(text);
  unsigned char bytes[16];
  if (inet_pton(AF_INET, terminated.c_str(), bytes) == 1)
    return IpAddress::from_bytes(std::string_view(reinterpret_cast<const char*>(bytes), 4));
  if (inet_pton(AF_INET6, terminated.c_str(), bytes) == 1)
    return IpAddress::from_bytes(std::string_view(reinterpret_cast<const char*>(bytes), 16));
  return std::nullopt;
}

// Dotted IPv4 is read by hand: every text of digits and dots up to seven bytes long, and longer
// ones at the edges (a byte over 255, leading zeros, a fifth part, a text cut by a NUL), reads
// as inet_pton reads it.
TEST(IpAddress, ReadsDottedIpv4AsInetPtonDoes) {
  constexpr std::string_view kAlphabet = "0125.9";
  std::vector<std::string> texts = {"",
                                    "0.0.0.0",
                                    "255.255.255.255",
                                    "256.255.255.255",
                                    "255.255.255.256",
                                    "192.0.2.1",
                                    "192.000.2.1",
                                    "192.0.2.01",
                                    "01.2.3.4",
                                    "1.2.3.4.5",
                                    "1.2.3.4.",
                                    ".1.2.3.4",
                                    "1..2.3",
                                    "1.2.3.1000",
                                    "1.2.3.4 ",
                                    " 1.2.3.4",
                                    "1.2.3.4a",
                                    "1.2.3.-4",
                                    "::ffff:192.0.2.1",
                                    "::192.0.2.1",
                                    std::string("1.2.3.4\0junk", 12),
                                    std::string("1.2.3\0.4", 8),
                                    "123.123.123.123",
                                    "1234.1.1.1",
                                    "99.199.249.250"};
  for (std::string text; text.size() <= 7;) {
    texts.push_back(text);
    // The next text in counting order over the alphabet.
    std::size_t i = text.size();
    while (i > 0 && text[i - 1] == kAlphabet.back()) text[--i] = kAlphabet.front();
    if (i == 0) text.insert(text.begin(), kAlphabet.front());
    else text[i - 1] = kAlphabet[kAlphabet.find(text[i - 1]) + 1];
  }
  for (const std::string& text : texts) ASSERT_EQ(IpAddress::parse(text), as_inet_pton_reads(text)) << text;
}

TEST(IpAddress, PrintsIpv6Compressed) {
  EXPECT_EQ(ip("CAFE:BABE:0:0:0:0:0:1").to_string(), "cafe:babe::1");
  EXPECT_EQ(ip("192.0.2.10").to_string(), "192.0.2.10");
}

// Every IPv4 byte value, in every position, prints as inet_ntop prints it.
TEST(IpAddress, PrintsEveryIpv4ByteAsInetNtopDoes) {
  for (int value = 0; value < 256; ++value) {
    for (int position = 0; position < 4; ++position) {
      unsigned char bytes[4] = {192, 0, 2, 1};
      bytes[position] = static_cast<unsigned char>(value);
      char expected[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, bytes, expected, sizeof expected);
      const auto address = IpAddress::from_bytes(std::string_view(reinterpret_cast<const char*>(bytes), 4));
      ASSERT_TRUE(address.has_value());
      ASSERT_EQ(address->to_string(), expected);
    }
  }
}

TEST(IpAddress, ReverseNamesForPtrAndBlocklists) {
  EXPECT_EQ(ip("192.0.2.10").reverse_name(), "10.2.0.192.in-addr.arpa");
  EXPECT_EQ(ip("2001:db8::1").reverse_name(),
            "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
  EXPECT_EQ(ip("127.0.0.2").reversed_labels(), "2.0.0.127");
}

TEST(IpAddress, NetworkMembership) {
  EXPECT_TRUE(ip("192.0.2.130").within(ip("192.0.2.128"), 25));
  EXPECT_FALSE(ip("192.0.2.127").within(ip("192.0.2.128"), 25));
  EXPECT_TRUE(ip("10.9.8.7").within(ip("1.1.1.1"), 0));
  EXPECT_TRUE(ip("cafe:babe:8000::1").within(ip("cafe:babe:8000::"), 33));
  EXPECT_FALSE(ip("cafe:babe::1").within(ip("cafe:babe:8000::"), 33));
  EXPECT_FALSE(ip("1.2.3.4").within(ip("::1.2.3.4"), 0)) << "families never match";
}

TEST(IpAddress, MappedIpv6IsTheIpv4Inside) {
  EXPECT_EQ(ip("::ffff:1.2.3.4").unmapped(), ip("1.2.3.4"));
  EXPECT_EQ(ip("2001:db8::1").unmapped(), ip("2001:db8::1"));
}

TEST(ResolverAddress, ReadsIpWithOptionalPort) {
  EXPECT_EQ(parse_resolver_address("192.0.2.53").value().to_string(), "192.0.2.53:53");
  EXPECT_EQ(parse_resolver_address("127.0.0.1:5353").value().port, 5353);
  EXPECT_EQ(parse_resolver_address("2001:db8::53").value().to_string(), "[2001:db8::53]:53");
  EXPECT_EQ(parse_resolver_address("[::1]:5300").value().to_string(), "[::1]:5300");
  for (const char* bad :
       {"", "dns.example", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000", "[::1", "[::1]x"})
    EXPECT_FALSE(parse_resolver_address(bad).has_value()) << bad;
}

}  // namespace
}  // namespace bg::dns
