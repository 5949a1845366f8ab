// Case-insensitive search agrees with the plain search over lowercased copies, at every start
// position, over many random texts drawn from a small alphabet (so that matches are frequent).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "mime/ascii.h"

namespace bg::mime {
namespace {

std::size_t reference_ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (from > haystack.size()) return std::string_view::npos;
  return lowercase(haystack).find(lowercase(needle), from);
}

std::string random_text(std::mt19937& random, std::size_t max_size) {
  static constexpr std::string_view kAlphabet = "aAbB-1[{\xC1";
  std::string text(std::uniform_int_distribution<std::size_t>(0, max_size)(random), ' ');
  for (char& c : text) c = kAlphabet[std::uniform_int_distribution<std::size_t>(0, kAlphabet.size() - 1)(random)];
  return text;
}

// Runs `search` and `reference` on random texts long enough for several sixteen-byte blocks,
// with needles up to a separator's length, from every start position.
template <typename Search, typename Reference>
void expect_same_results(Search search, Reference reference, unsigned seed) {
  std::mt19937 random(seed);
  for (int round = 0; round < 3000; ++round) {
    const std::string haystack = random_text(random, 100);
    const std::string needle = random_text(random, 6);
    for (std::size_t from = 0; from <= haystack.size() + 1; ++from)
      ASSERT_EQ(search(haystack, needle, from), reference(haystack, needle, from))
          << "haystack '" << haystack << "' needle '" << needle << "' from " << from;
  }
}

TEST(Ascii, IfindAgreesWithSearchingLowercasedCopies) {
  expect_same_results([](std::string_view h, std::string_view n, std::size_t from) { return ifind(h, n, from); },
                      reference_ifind, 7);
}

TEST(Ascii, FindTextAgreesWithStringFind) {
  expect_same_results([](std::string_view h, std::string_view n, std::size_t from) { return find_text(h, n, from); },
                      [](std::string_view h, std::string_view n, std::size_t from) { return h.find(n, from); }, 9);
}

TEST(Ascii, IfindOnMailText) {
  EXPECT_EQ(ifind("by mx.example.com with ESMTPSA id 12", "esmtpsa"), 23u);
  EXPECT_EQ(ifind("Authenticated sender: alice", "AUTHENTICATED SENDER:"), 0u);
  EXPECT_EQ(ifind("helo=x", "helo=x", 1), std::string_view::npos);
  EXPECT_EQ(ifind("abc", ""), 0u);
  EXPECT_EQ(ifind("", "a"), std::string_view::npos);
}

// Sizes past a first block and two runs of four blocks, so that the high byte falls in the first
// block, in a run of four, in a single block after them and among the bytes after the last whole
// block; a second high byte at the end must not be taken for it.
TEST(Ascii, EndOfAsciiFindsTheFirstHighByteFromAnyStart) {
  for (std::size_t size = 0; size < 160; ++size) {
    for (std::size_t high = 0; high <= size; ++high) {
      for (const bool high_at_end : {false, true}) {
        std::string text(size, 'x');
        if (high < size) text[high] = '\xE9';
        if (high_at_end && high + 1 < size) text.back() = '\x80';
        for (std::size_t from = 0; from <= size; ++from) {
          const std::size_t expected = from <= high ? high : (high_at_end && high + 1 < size ? size - 1 : size);
          ASSERT_EQ(end_of_ascii(text, from), from < size ? expected : size) << size << " " << high << " " << from;
        }
      }
    }
  }
}

// Caseless equality takes bytes equal as written at once and folds the others: every pair of
// byte values, alone and among equal bytes, is equal exactly when both lower to one byte, so
// that only ASCII letters fold, and texts of other lengths are never equal.
TEST(Ascii, IequalsFoldsOnlyAsciiLetters) {
  for (int x = 0; x < 256; ++x) {
    for (int y = 0; y < 256; ++y) {
      const char a = static_cast<char>(x);
      const char b = static_cast<char>(y);
      const bool expected = to_lower_ascii(a) == to_lower_ascii(b);
      ASSERT_EQ(iequals(std::string(1, a), std::string(1, b)), expected) << x << " " << y;
      ASSERT_EQ(iequals(std::string("Ab") + a + "-z", std::string("aB") + b + "-Z"), expected) << x << " " << y;
    }
  }
  struct Case {
    std::string_view a, b;
    bool equal;
  };
  for (const Case& c : {Case{"", "", true}, Case{"", "a", false}, Case{"base64", "base6", false},
                        Case{"Quoted-Printable", "quoted-printable", true}, Case{"@[`{", "`{@[", false},
                        Case{"\xC9t\xC9", "\xE9t\xE9", false}, Case{"\xC9T\xC9", "\xC9t\xC9", true}})
    EXPECT_EQ(iequals(c.a, c.b), c.equal) << c.a << " / " << c.b;
}

// Lowercasing a word at a time agrees with lowering byte by byte: every byte value at every
// position of texts up to forty bytes, among letters of both cases and the bytes beside them.
TEST(Ascii, LowercaseAgreesWithLoweringEachByte) {
  static constexpr std::string_view kFiller = "@AZ[`az{Mm\xC1\x80-";
  for (std::size_t size = 0; size <= 40; ++size) {
    std::string text(size, ' ');
    for (std::size_t i = 0; i < size; ++i) text[i] = kFiller[i % kFiller.size()];
    for (std::size_t at = 0; at < size; ++at) {
      for (int c = 0; c < 256; ++c) {
        std::string changed = text;
        changed[at] = static_cast<char>(c);
        std::string expected = changed;
        for (char& b : expected) b = to_lower_ascii(b);
        ASSERT_EQ(lowercase(changed), expected) << size << " " << at << " " << c;
        std::string assigned = "earlier storage";
        assign_lowercase(assigned, changed);
        ASSERT_EQ(assigned, expected) << size << " " << at << " " << c;
      }
    }
  }
}

}  // namespace
}  // namespace bg::mime
