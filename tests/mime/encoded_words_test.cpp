#include "mime/encoded_words.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace bg::mime {
namespace {

TEST(EncodedWords, PlainAsciiNeedsNoDecoding) {
  for (std::string_view value : {"", "Delivery Status Notification (Failure)", "a = b ? c", "=?"}) {
    EXPECT_EQ(needs_no_decoding(value), value.find("=?") == std::string_view::npos) << value;
    if (needs_no_decoding(value)) {
      EXPECT_EQ(decode_encoded_words(value), value);
    }
  }
  EXPECT_FALSE(needs_no_decoding("=?utf-8?q?caf=C3=A9?="));
  EXPECT_FALSE(needs_no_decoding("caf\xC3\xA9"));  // raw 8-bit text is checked as UTF-8
}

// Values are tested seventeen bytes at a time, the last block overlapping the one before: an
// opening "=?" or a byte past ASCII anywhere must be found, and a '=' or '?' alone is no opening.
TEST(EncodedWords, NeedsNoDecodingLooksAtEveryPosition) {
  for (std::size_t length = 1; length <= 40; ++length) {
    const std::string plain(length, 'x');
    EXPECT_TRUE(needs_no_decoding(plain)) << length;
    for (std::size_t at = 0; at < length; ++at) {
      std::string high = plain;
      high[at] = '\x80';
      EXPECT_FALSE(needs_no_decoding(high)) << length << " " << at;
      std::string lone = plain;
      lone[at] = '=';
      if (at > 0) lone[at - 1] = '?';
      EXPECT_TRUE(needs_no_decoding(lone)) << length << " " << at;
      if (at + 1 < length) {
        std::string opening = plain;
        opening.replace(at, 2, "=?");
        EXPECT_FALSE(needs_no_decoding(opening)) << length << " " << at;
      }
    }
  }
}

TEST(EncodedWords, BEncoding) {
  EXPECT_EQ(decode_encoded_words("=?UTF-8?B?5pel5pys6Kqe?="), "日本語");
  EXPECT_EQ(decode_encoded_words("=?utf-8?b?5pel5pys6Kqe?="), "日本語");
}

TEST(EncodedWords, QEncoding) {
  EXPECT_EQ(decode_encoded_words("=?ISO-8859-1?Q?Andr=E9_Pirard?= <a@example.org>"),
            "André Pirard <a@example.org>");
}

TEST(EncodedWords, WhiteSpaceBetweenAdjacentWordsIsDropped) {
  EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?Mail?=  \t =?UTF-8?Q?_delivery?="), "Mail delivery");
  EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?a?= =?ISO-8859-1?Q?=E9?="), "aé");
}

TEST(EncodedWords, TextBetweenWordsIsKept) {
  EXPECT_EQ(decode_encoded_words("Re: =?UTF-8?Q?caf=C3=A9?= and =?UTF-8?Q?th=C3=A9?= !"),
            "Re: café and thé !");
}

TEST(EncodedWords, MultibyteCharacterSplitAcrossWords) {
  // U+20AC EURO SIGN is E2 82 AC: the first word holds two bytes of it, the second one.
  EXPECT_EQ(decode_encoded_words("=?UTF-8?B?4oI=?= =?utf-8?B?rA==?="), "€");
  EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?=E2=82?=\n =?UTF-8?Q?=AC?="), "€");
}

TEST(EncodedWords, Iso2022Jp) {
  EXPECT_EQ(decode_encoded_words("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?="), "テスト");
  // Each word returns to ASCII at its end, as RFC 1468 requires.
  EXPECT_EQ(decode_encoded_words("=?iso-2022-jp?B?GyRCJUYbKEI=?= =?iso-2022-jp?B?GyRCJTklSBsoQg==?="),
            "テスト");
}

TEST(EncodedWords, UnknownCharset) {
  // Bytes that are not UTF-8 are read as Windows-1252, the usual mislabelling.
  EXPECT_EQ(decode_encoded_words("=?x-unknown?Q?caf=E9?="), "café");
  EXPECT_EQ(decode_encoded_words("=?no-such-charset?Q?caf=E9?="), "café");
  // UTF-8 under an unknown name stays UTF-8.
  EXPECT_EQ(decode_encoded_words("=?no-such-charset?B?5pel?="), "日");
}

TEST(EncodedWords, LanguageSuffixOfRfc2231) {
  EXPECT_EQ(decode_encoded_words("=?US-ASCII*EN?Q?Keith_Moore?="), "Keith Moore");
}

TEST(EncodedWords, MalformedWordsStayAsWritten) {
  EXPECT_EQ(decode_encoded_words("=?UTF-8?X?abc?="), "=?UTF-8?X?abc?=");
  EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?unterminated"), "=?UTF-8?Q?unterminated");
  EXPECT_EQ(decode_encoded_words("a = b ?= c"), "a = b ?= c");
  EXPECT_EQ(decode_encoded_words(""), "");
}

TEST(EncodedWords, RawEightBitTextBecomesValidUtf8) {
  EXPECT_EQ(decode_encoded_words("caf\xC3\xA9"), "café");
  EXPECT_EQ(decode_encoded_words("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
}

// Many word openings and no closing "?=" once made every opening search to the end.
TEST(EncodedWords, ManyUnclosedWordsDecodeInLinearTime) {
  std::string value;
  for (int i = 0; i < 200000; ++i) value += "=?a?B?x";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(decode_encoded_words(value), value);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace bg::mime
