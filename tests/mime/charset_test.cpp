#include "mime/charset.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace bg::mime {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";

TEST(Charset, Latin1) {
  EXPECT_EQ(to_utf8("caf\xE9 na\xEFve", "ISO-8859-1"), "café naïve");
  EXPECT_EQ(to_utf8("caf\xE9", "\"latin1\""), "café");
}

// ISO-8859-1 is written as UTF-8 without iconv: every byte past ASCII, at every position of
// texts around the sixteen bytes the ASCII runs are measured by, is its own code point.
TEST(Charset, Latin1EveryByteAtEveryPosition) {
  for (int byte = 0x80; byte < 0x100; ++byte) {
    const std::string as_utf8{static_cast<char>(0xC0 | byte >> 6), static_cast<char>(0x80 | (byte & 0x3F))};
    for (std::size_t length = 1; length <= 40; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = static_cast<char>(byte);
        text[length - 1 - at] = static_cast<char>(byte);
        std::string expected;
        for (std::size_t i = 0; i < length; ++i) expected += text[i] == 'a' ? std::string("a") : as_utf8;
        ASSERT_EQ(to_utf8(text, "iso-8859-1"), expected) << byte << " at " << at << " of " << length;
      }
    }
  }
  EXPECT_EQ(to_utf8("", "iso-8859-1"), "");
  EXPECT_EQ(to_utf8("\x80\x9F\xA0\xFF", "ISO-8859-1"), "\u0080\u009F\u00A0\u00FF");
}

TEST(Charset, Windows1252) {
  EXPECT_EQ(to_utf8("\x80 5 \x93quoted\x94", "windows-1252"), "€ 5 “quoted”");
}

TEST(Charset, ShiftJis) {
  EXPECT_EQ(to_utf8("\x83\x65\x83\x58\x83\x67", "Shift_JIS"), "テスト");
  EXPECT_EQ(to_utf8("\x83\x65\x83\x58\x83\x67", "x-sjis"), "テスト");
}

TEST(Charset, Iso2022Jp) {
  EXPECT_EQ(to_utf8("\x1b$B%F%9%H\x1b(B ok", "iso-2022-jp"), "テスト ok");
}

// ISO-2022-JP is converted to code points, written here as UTF-8 of each length, and as much
// text as takes more than one call of iconv.
TEST(Charset, Iso2022JpCodePointsOfEveryLength) {
  EXPECT_EQ(to_utf8("a\x1b$B&A\x1b(B \x1b$B'(%F\x1b(B", "iso-2022-jp"), "aα Жテ");
  EXPECT_EQ(to_utf8("\x1b$(D+1\x1b(B ok", "iso-2022-jp"), "é ok");
  EXPECT_EQ(to_utf8("\x1b$(O.\"\x1b(B ok", "iso-2022-jp-3"), "\U0002000B ok");
  std::string long_text = "\x1b$B";
  std::string expected;
  for (int i = 0; i < 3000; ++i) {
    long_text += i % 7 == 0 ? "&A" : "%F";
    expected += i % 7 == 0 ? "α" : "テ";
  }
  EXPECT_EQ(to_utf8(long_text + "\x1b(B", "iso-2022-jp"), expected);
}

// The ASCII around the Japanese of an ISO-2022-JP text is copied without iconv; what is not
// plain ASCII there (a JIS-Roman run, an 8-bit byte) must still be converted or marked.
TEST(Charset, Iso2022JpAsciiAroundTheShiftedText) {
  EXPECT_EQ(to_utf8("Delivery to: a\n\x1b$B%F%9%H\x1b(B failed\n", "ISO-2022-JP"), "Delivery to: a\nテスト failed\n");
  EXPECT_EQ(to_utf8("a\x1b$B%F\x1b(J\\~", "iso-2022-jp"), "aテ\u00A5\u203E");
  EXPECT_EQ(to_utf8("a\x1b$B%F\x1b(J~\x1b(B~", "iso-2022-jp"), "aテ\u203E~");
  EXPECT_EQ(to_utf8("ok \x1b$B%F\x1b(B \xA4", "iso-2022-jp"), std::string("ok テ ") + kReplacement);
  EXPECT_EQ(to_utf8("\xA4 \x1b$B%F\x1b(B ok", "iso-2022-jp"), std::string(kReplacement) + " テ ok");
  EXPECT_EQ(to_utf8("ok \x1b$B%F", "iso-2022-jp"), "ok テ");
}

// The ASCII runs before the first escape and after the last return to ASCII are measured sixteen
// bytes at a time: the escape, and an 8-bit byte on either side, end them at every position of
// texts around that size.
TEST(Charset, Iso2022JpAsciiRunsEndAtEveryPosition) {
  const std::string shifted = "\x1b$B%F\x1b(B";
  for (std::size_t length = 0; length <= 40; ++length) {
    const std::string ascii(length, 'a');
    for (std::size_t after = 0; after <= 40; ++after)
      EXPECT_EQ(to_utf8(ascii + shifted + std::string(after, 'b'), "iso-2022-jp"), ascii + "テ" + std::string(after, 'b'))
          << length << " before, " << after << " after";
    for (std::size_t at = 0; at < length; ++at) {
      std::string eight_bit = ascii;
      eight_bit[at] = '\xA4';
      std::string marked = ascii;
      marked.replace(at, 1, kReplacement);
      EXPECT_EQ(to_utf8(eight_bit + shifted + "ok", "iso-2022-jp"), marked + "テok") << at << " of " << length;
      EXPECT_EQ(to_utf8("ok" + shifted + eight_bit, "iso-2022-jp"), "okテ" + marked) << at << " of " << length;
    }
  }
}

// Bytes past ASCII are invalid in ISO-2022-JP whatever its state; runs of them are marked
// without iconv, one U+FFFD a byte, and the state around them holds.
TEST(Charset, Iso2022JpEightBitRuns) {
  const std::string r = kReplacement;
  EXPECT_EQ(to_utf8("\x1b$B%F\xA4\xA2%F\x1b(B", "iso-2022-jp"), "テ" + r + r + "テ");
  EXPECT_EQ(to_utf8("\x1b$B%\xA4\x1b(B ok", "iso-2022-jp"), r + r + " ok");
  EXPECT_EQ(to_utf8("Dear \xA4\xA2\xA4\xA4 user\n\xA4\xA2", "iso-2022-jp"), "Dear " + r + r + r + r + " user\n" + r + r);
}

// These charsets are 7-bit, but shift into other characters: the ASCII that does shift must be
// converted, and that which does not is read as it is.
TEST(Charset, SevenBitCharsetsThatShift) {
  EXPECT_EQ(to_utf8("Delivery failed", "ISO-2022-JP"), "Delivery failed");
  EXPECT_EQ(to_utf8("\x1b$B%F%9%H\x1b(B", "\"ISO-2022-JP\""), "テスト");
  EXPECT_EQ(to_utf8("\x1b$)C\x0e\x30\x21\x0f ok", "iso-2022-kr"), "가 ok");
  EXPECT_EQ(to_utf8("caf+AOk- ok", "utf-7"), "café ok");
  EXPECT_EQ(to_utf8("Delivery failed", "UTF-7"), "Delivery failed");
  // Microsoft's Exchange labels its notices with its own name for UTF-7.
  EXPECT_EQ(to_utf8("caf+AOk- ok", "unicode-1-1-utf-7"), "café ok");
}

// Bytes converted where they stand after text already written read as those appended: ASCII that
// reads as itself is left, and the rest, shifting ASCII among it, converted, whatever its length.
TEST(Charset, ConvertsInPlaceAsAppended) {
  static constexpr std::string_view kPieces[] = {"a", " ", "\n", "+", "\x1b$B%F\x1b(B", "\x0e", "\xC3\xA9", "\xE9", "\xFF"};
  std::mt19937 random(2045);
  for (const char* charset :
       {"us-ascii", "utf-8", "UTF8", "\"utf-8\"", "iso-8859-1", "ISO-2022-JP", "utf-7", "windows-1252", ""}) {
    for (int round = 0; round < 400; ++round) {
      std::string bytes;
      const std::size_t size = static_cast<std::size_t>(round) % 41;
      while (bytes.size() < size) bytes += kPieces[random() % (round % 2 == 0 ? 3 : std::size(kPieces))];
      for (const std::string written : {"", "Written \xC3\xA9 before\n"}) {
        std::string appended = written;
        append_as_utf8(bytes, charset, appended);
        std::string in_place = written + bytes;
        make_utf8_from(in_place, written.size(), charset);
        EXPECT_EQ(in_place, appended) << charset << " \"" << bytes << "\"";
      }
    }
  }
}

TEST(Charset, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(to_utf8("a\xFF" "b", "utf-8"), std::string("a") + kReplacement + "b");
  // A truncated sequence, an overlong form and an encoded surrogate are not UTF-8 either.
  EXPECT_EQ(to_utf8("\xE2\x82", "UTF-8"), std::string(kReplacement) + kReplacement);
  EXPECT_EQ(to_utf8("\xC0\xAF", "utf8"), std::string(kReplacement) + kReplacement);
  EXPECT_EQ(to_utf8("\xED\xA0\x80", "utf-8"),
            std::string(kReplacement) + kReplacement + kReplacement);
  EXPECT_EQ(to_utf8("\xF4\x90\x80\x80", "utf-8").find("\xF4"), std::string::npos);
  EXPECT_EQ(to_utf8("\xF0\x9F\x93\xA7 mail", "utf-8"), "📧 mail");
}

TEST(Charset, InvalidBytesInADeclaredCharsetAreMarked) {
  // ISO-2022-JP is 7-bit, so 8-bit bytes (EUC-JP mislabelled, as some carriers send) are not it.
  const std::string text = to_utf8("\xA4\xA2 ok", "iso-2022-jp");
  EXPECT_EQ(text, std::string(kReplacement) + kReplacement + " ok");
}

TEST(Charset, UnknownOrMissingCharset) {
  EXPECT_EQ(to_utf8("plain ascii", "no-such-charset"), "plain ascii");
  EXPECT_EQ(to_utf8("caf\xC3\xA9", "no-such-charset"), "café");
  EXPECT_EQ(to_utf8("caf\xE9", "no-such-charset"), "café");
  EXPECT_EQ(to_utf8("caf\xE9", ""), "café");
  EXPECT_EQ(to_utf8("caf\xC3\xA9", "us-ascii"), "café");
}

TEST(Charset, AliasesSeenInMail) {
  EXPECT_EQ(to_utf8("\xB0\xA1", "ks_c_5601-1987"), "가");
  EXPECT_EQ(to_utf8("\xA4\xA2", "x-euc-jp"), "あ");
}

TEST(Charset, ResultIsAlwaysValidUtf8) {
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte.push_back(static_cast<char>(c));
  for (const char* charset : {"utf-8", "us-ascii", "iso-8859-1", "windows-1252", "shift_jis",
                              "iso-2022-jp", "euc-kr", "gb2312", "utf-16", "nonsense", ""}) {
    EXPECT_TRUE(is_valid_utf8(to_utf8(every_byte, charset))) << charset;
  }
}

// Found by fuzzing: glibc opens "UTF-8" for a name with junk around it, and its UTF-8 decoder
// passes code points past U+10FFFF through.
TEST(Charset, ConverterOutputIsCheckedToo) {
  EXPECT_EQ(to_utf8("\xF5\x89\xB7\x9F ok", "\xFF\xFF\xFF\xFEUTF-8"),
            std::string(kReplacement) + kReplacement + kReplacement + kReplacement + " ok");
}

// Sanitizing one sequence at a time, as the Unicode Standard's table 3-7 reads: the lead byte
// says how long the sequence must be, and a short one that does not validate is one bad byte.
std::string reference_sanitized(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length > 0 && i + length <= text.size() && is_valid_utf8(text.substr(i, length))) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out.append(kReplacement);
      ++i;
    }
  }
  return out;
}

// Long runs are copied and checked many bytes at a time; the result must not depend on where
// a multi-byte sequence or a bad byte falls within those blocks.
TEST(Charset, LongTextsSanitizeAsOneSequenceAtATime) {
  std::mt19937 random(11);
  static constexpr std::string_view kPieces[] = {"a", "plain text ", "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x93\xA7",
                                                 "\xFF", "\xE6\x97", "\xC0\xAF", "\xED\xA0\x80", "\x80"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int pieces = std::uniform_int_distribution<int>(0, 30)(random);
    for (int k = 0; k < pieces; ++k)
      text += kPieces[std::uniform_int_distribution<std::size_t>(0, std::size(kPieces) - 1)(random)];
    const std::string expected = reference_sanitized(text);
    ASSERT_EQ(to_utf8(text, "utf-8"), expected) << text;
    ASSERT_EQ(is_valid_utf8(text), expected == text) << text;
  }
}

// Two-byte sequences are told without the general reading, and the ASCII before the first other
// byte is measured once: leads and second bytes on either side of the valid ranges, after ASCII
// of every length up to forty bytes, followed by ASCII, by another byte past ASCII, or by nothing.
TEST(Charset, TwoByteSequencesSanitizeAsOneSequenceAtATime) {
  for (std::size_t ascii = 0; ascii <= 40; ++ascii) {
    for (const char lead : {'\xC1', '\xC2', '\xDF', '\xE0'}) {
      for (const char second : {'\x7F', '\x80', '\xBF', '\xC0'}) {
        for (const std::string_view after : {"", "z", "\xC3\xA9", "\xE6\x97\xA5", "\xFF"}) {
          const std::string text = std::string(ascii, 'a') + lead + second + std::string(after);
          ASSERT_EQ(to_utf8(text, "utf-8"), reference_sanitized(text)) << ascii << " " << text;
          ASSERT_EQ(to_utf8(text.substr(0, ascii + 1), "utf-8"), reference_sanitized(text.substr(0, ascii + 1))) << ascii;
        }
      }
    }
  }
}

TEST(Utf8Validation, AcceptsOnlyWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("日本語 and ascii"));
  EXPECT_FALSE(is_valid_utf8("\xE6\x97"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
}

}  // namespace
}  // namespace bg::mime
