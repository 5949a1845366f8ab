#include "bounce/smtp_codes.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "bounce/address.h"
#include "mime/ascii.h"

namespace bg::bounce {
namespace {

TEST(StatusCode, FoundInRealReplies) {
  EXPECT_EQ(find_status_code("550 5.1.1 <kijitora@example.jp>... User unknown"), "5.1.1");
  EXPECT_EQ(find_status_code("550-5.7.26 The MAIL FROM domain [mail4.example.com] has an SPF record"), "5.7.26");
  EXPECT_EQ(find_status_code("451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited"), "4.7.650");
  EXPECT_EQ(find_status_code("user over quota. (#5.1.1)"), "5.1.1");
}

TEST(StatusCode, NumbersThatOnlyLookLikeCodesAreSkipped) {
  EXPECT_EQ(find_status_code("host 192.0.2.5 said: 550 rejected"), "");
  EXPECT_EQ(find_status_code("Exim 4.2.1.3 says no"), "");
  EXPECT_EQ(find_status_code("version 5.1.10b"), "");
}

TEST(StatusCode, SuccessCodeOnlyWhenNothingElse) {
  EXPECT_EQ(find_status_code("250 2.1.5 Ok"), "2.1.5");
  EXPECT_EQ(find_status_code("250 2.1.5 then 550 5.1.1 later"), "5.1.1");
}

TEST(ReplyCode, FoundAndValidated) {
  EXPECT_EQ(find_reply_code("550 5.1.1 User unknown"), "550");
  EXPECT_EQ(find_reply_code("421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred"), "421");
  EXPECT_EQ(find_reply_code("426 connection timed out"), "");  // not an SMTP reply code
  EXPECT_EQ(find_reply_code("x-unix; 550 mailbox unavailable"), "");
  EXPECT_EQ(find_reply_code("from 192.0.2.550"), "");
}

TEST(ReplyCode, OfThePreferredClassElseTheFirst) {
  struct Case {
    std::string_view text;
    char preferred_class;
    std::string_view code;
  };
  for (const Case& c : {Case{"550 then 451 later", '4', "451"}, Case{"550 then 552 later", '4', "550"},
                        Case{"426 and 5500, then 552 and 451", '4', "451"}, Case{"426 and 5500, then 552", '4', "552"},
                        Case{"no code at all", '5', ""}, Case{"x-unix; 550 mailbox unavailable", '5', ""},
                        Case{"550 mailbox unavailable (X-Unix; 1)", '4', ""}})
    EXPECT_EQ(find_reply_code(c.text, c.preferred_class), c.code) << c.text;
}

TEST(ReplyCode, LocalProgramMarkInAnyCaseAtEveryOffset) {
  // The mark is found from its semicolon: at every offset of texts of every length, among other
  // semicolons, in any case, and not when a byte of it is off. What a caseless search of the
  // whole text finds is the answer.
  for (std::string_view mark : {"x-unix;", "X-Unix;", "X-UNIX;", "x-unix:", "x_unix;", "-unix;", "y-unix;", "x-unic;"}) {
    for (std::size_t size = 0; size <= 40; ++size) {
      for (std::size_t at = 0; at + mark.size() <= size; ++at) {
        std::string text(size, ';');
        for (std::size_t k = 1; k < size; k += 3) text[k] = 'y';
        text.replace(at, mark.size(), mark);
        for (const std::string& reply : {"550 " + text, text + " 550"})
          EXPECT_EQ(find_reply_code(reply), mime::icontains(reply, "x-unix;") ? "" : "550") << reply;
      }
    }
  }
  EXPECT_EQ(find_reply_code("550 unix; x-unix"), "550");
  EXPECT_EQ(find_reply_code(";550"), "550");
}

TEST(Codes, FoundAtEveryOffset) {
  // The search tests sixteen positions at a time and the last few one by one: a code is found
  // wherever it falls, across a block's end too, and numbers that are not codes nowhere.
  for (std::size_t offset = 0; offset < 40; ++offset) {
    const std::string before(offset, 'x');
    SCOPED_TRACE(offset);
    EXPECT_EQ(find_status_code(before + " 550 5.1.1 unknown"), "5.1.1");
    EXPECT_EQ(find_reply_code(before + " 550 5.1.1 unknown"), "550");
    EXPECT_EQ(find_status_code(before + " 5.1.1"), "5.1.1");
    EXPECT_EQ(find_reply_code(before + " 550"), "550");
    EXPECT_EQ(find_reply_code(before + " 550 then 451 later", '4'), "451");
    EXPECT_EQ(find_reply_code(before + " 451 then 550", '5'), "550");
    EXPECT_EQ(find_reply_code(before + " 451 then 452", '5'), "451");
    EXPECT_EQ(find_status_code(before + " at 192.0.2.5 and 4.2.1.3 " + before), "");
    EXPECT_EQ(find_reply_code(before + " at 192.0.2.5, 5.50 and 5500 " + before), "");
  }
}

TEST(Address, FoundInTheShapesBouncesUse) {
  EXPECT_EQ(find_address("rfc822; kijitora@example.jp"), "kijitora@example.jp");
  EXPECT_EQ(find_address("\"Neko, Nyaan\" <nekonyaan@example.org>"), "nekonyaan@example.org");
  EXPECT_EQ(find_address("<j.doe@remote-isp.net>: Recipient address rejected"), "j.doe@remote-isp.net");
  EXPECT_EQ(find_address("no address here"), "");
  // The same address as a view of the text it is in.
  constexpr std::string_view kReply = "<j.doe@remote-isp.net>: Recipient address rejected";
  EXPECT_EQ(address_in(kReply).data(), kReply.data() + 1);
  EXPECT_EQ(address_in(kReply), "j.doe@remote-isp.net");
  EXPECT_TRUE(address_in("no address here").empty());
  EXPECT_TRUE(is_address("kijitora@example.jp"));
  EXPECT_FALSE(is_address("kijitora@"));
  EXPECT_FALSE(is_address("not an address"));
  EXPECT_EQ(domain_of("Kijitora@Example.JP"), "example.jp");
  EXPECT_EQ(domain_part("Kijitora@Example.JP"), "Example.JP");
  EXPECT_EQ(domain_part("<a@b@bounces.Example.jp.>>"), "bounces.Example.jp");
  EXPECT_EQ(domain_part("no address here"), "");
  EXPECT_EQ(domain_part("kijitora@"), "");
}

// The domain is what follows the last '@', without the '>' and dots that end it.
TEST(Address, DomainAfterTheLastAt) {
  const std::pair<std::string_view, std::string_view> kDomains[] = {
      {"\"a@b\"@Example.COM.>", "example.com"}, {"<user@example.org>", "example.org"},
      {"user@", ""}, {"@.>", ""}, {"no address", ""}, {"", ""}};
  for (const auto& [address, domain] : kDomains) EXPECT_EQ(domain_of(address), domain) << address;
}

// An address is built from its two parts around the '@', whatever their lengths.
TEST(Address, PartsOfEveryLength) {
  for (std::size_t local = 1; local <= 40; ++local)
    for (std::size_t domain = 1; domain <= 40; domain += 3) {
      const std::string address = std::string(local, 'l') + "@" + std::string(domain, 'd');
      EXPECT_EQ(find_address("To: <" + address + ">"), address);
    }
}

// An address is the run of the text from its local part to its domain: the dots that open the
// local part and those, colons and brackets that end the domain are left out of it, a quoted
// local part keeps its quotes, and an '@' with no part on one side gives way to the next one.
TEST(Address, TheRunFromTheLocalPartToTheDomain) {
  const std::pair<std::string_view, std::string_view> kAddresses[] = {
      {"..kijitora@example.jp.", "kijitora@example.jp"},
      {"to \"john doe\"@example.com:", "\"john doe\"@example.com"},
      {"<user@[192.0.2.1]>", "user@[192.0.2.1]"},
      {"user@example.org]", "user@example.org"},
      {"@ then .@. then a@b", "a@b"},
      {"@@", ""},
      {"", ""}};
  for (const auto& [text, address] : kAddresses) {
    EXPECT_EQ(find_address(text), address) << text;
    if (!address.empty()) {
      EXPECT_TRUE(is_address(address)) << text;
    }
  }
  EXPECT_FALSE(is_address("..kijitora@example.jp"));
  EXPECT_FALSE(is_address("kijitora@example.jp."));
  EXPECT_TRUE(is_address("  kijitora@example.jp\t"));
}

// The bytes of each part, as RFC 5322 and RFC 6531 allow them: letters, digits, 8-bit bytes and
// some punctuation.
bool may_be_in_local_part(unsigned char c) {
  return std::isalnum(c) != 0 || c >= 0x80 || std::string_view("!#$%&'*+-/=?^_`{|}~.").find(static_cast<char>(c)) != std::string_view::npos;
}
bool may_be_in_domain(unsigned char c) {
  return std::isalnum(c) != 0 || c >= 0x80 || std::string_view("-.[]:_").find(static_cast<char>(c)) != std::string_view::npos;
}

// The parts are read sixteen bytes at a time, back from the '@' and on from it, the blocks at the
// text's ends overlapping the ones before: every byte value ends them, or not, at every offset of
// texts up to sixty bytes.
TEST(Address, EveryByteEndsThePartsOrNotAtEveryOffset) {
  for (int value = 0; value < 256; ++value) {
    const char byte = static_cast<char>(value);
    if (byte == '@') continue;
    for (std::size_t pad = 0; pad <= 20; ++pad) {
      for (std::size_t length = 1; length <= 20; length += 3) {
        const std::string local(length, 'l');
        const std::string before = std::string(pad, 'p') + byte + local;
        std::string expected_local = may_be_in_local_part(static_cast<unsigned char>(value)) ? before : local;
        while (expected_local.front() == '.') expected_local.erase(0, 1);
        EXPECT_EQ(find_address(before + "@d.example"), expected_local + "@d.example") << pad << ' ' << value;

        const std::string domain(length, 'd');
        const std::string after = domain + byte + "tail";
        const std::string expected_domain = may_be_in_domain(static_cast<unsigned char>(value)) ? after : domain;
        EXPECT_EQ(find_address("u@" + after + " " + std::string(pad, 'x')), "u@" + expected_domain) << pad << ' ' << value;
        EXPECT_EQ(find_address(std::string(pad, ' ') + "u@" + after), "u@" + expected_domain) << pad << ' ' << value;
      }
    }
  }
}

TEST(Address, MailSystemsAreRecognised) {
  EXPECT_TRUE(is_mailer_daemon("Mail Delivery System <Mailer-Daemon@mail.remote-isp.net>"));
  EXPECT_TRUE(is_mailer_daemon("postmaster@example.com"));
  EXPECT_FALSE(is_mailer_daemon("Alice <alice@example.com>"));
}

}  // namespace
}  // namespace bg::bounce
