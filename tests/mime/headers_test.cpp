#include "mime/headers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "mime/ascii.h"
#include "test_files.h"

namespace bg::mime {
namespace {

TEST(Headers, FoldedValueKeepsItsLinesAndUnfoldsToOneLine) {
  const std::string message =
      "Subject: a subject\n"
      "  that goes on\n"
      "\tand on\n"
      "To: someone@example.org\n"
      "\n"
      "body\n";
  Headers headers;
  const std::size_t body = headers.parse(message);
  EXPECT_EQ(message.substr(body), "body\n");
  EXPECT_EQ(headers.raw("subject"), "a subject\n  that goes on\n\tand on");
  EXPECT_EQ(headers.text("Subject"), "a subject that goes on and on");
  EXPECT_EQ(headers.raw("TO"), "someone@example.org");
  EXPECT_TRUE(headers.ended_by_blank_line());
}

// A value on one line with no tab or trailing space is taken as it is; the others are unfolded.
TEST(Headers, TextOfValuesThatNeedNoUnfolding) {
  const std::string message =
      "Subject: plain words\n"
      "X-Tab: a\tb\n"
      "X-Trailing: c \n"
      "X-Encoded: =?UTF-8?B?5pel?= d\n"
      "X-Empty:\n"
      "\n";
  Headers headers;
  headers.parse(message);
  EXPECT_EQ(headers.text("Subject"), "plain words");
  EXPECT_EQ(headers.text("X-Tab"), "a b");
  EXPECT_EQ(headers.text("X-Trailing"), "c");
  EXPECT_EQ(headers.text("X-Encoded"), "日 d");
  EXPECT_EQ(headers.text("X-Empty"), "");
  EXPECT_EQ(headers.text("X-Absent"), "");
}

// text_into() writes over what the string held, a longer or shorter value of an earlier header,
// and gives what text() gives: values as they stand, unfolded, decoded, empty and absent.
TEST(Headers, TextIntoWritesOverAnEarlierValue) {
  const std::string message =
      "Subject: plain words\n"
      "X-Folded: a value\n\tthat goes on\n"
      "X-Encoded: =?UTF-8?B?5pel?= d\n"
      "X-Encoded-Folded: =?UTF-8?B?5pel?=\n =?UTF-8?B?5pel?=\n"
      "X-Tab: a\tb\n"
      "X-Empty:\n"
      "\n";
  Headers headers;
  headers.parse(message);
  const std::vector<std::string_view> names = {"Subject", "X-Folded", "X-Encoded", "X-Encoded-Folded",
                                               "X-Tab", "X-Empty", "X-Absent"};
  for (std::string_view earlier : names) {
    for (std::string_view name : names) {
      std::string out = headers.text(earlier) + " and a tail longer than any value here";
      headers.text_into(earlier, out);
      headers.text_into(name, out);
      EXPECT_EQ(out, headers.text(name)) << earlier << " " << name;
    }
  }
  std::string out = "left over";
  headers.text_into("X-Encoded-Folded", out);
  EXPECT_EQ(out, "日日");
}

// unfolded() tests sixteen bytes at a time, the last block overlapping the one before: a break
// or a tab anywhere, in values of any length around the block size, must be found.
TEST(Headers, UnfoldedFindsABreakOrTabAnywhere) {
  for (std::size_t length = 1; length <= 40; ++length) {
    const std::string plain(length, 'x');
    std::string scratch;
    EXPECT_EQ(unfolded(plain, scratch).data(), plain.data()) << length;
    for (std::size_t at = 0; at < length; ++at) {
      for (const char byte : {'\n', '\r', '\t'}) {
        std::string raw = plain;
        raw[at] = byte;
        EXPECT_EQ(unfolded(raw, scratch), unfold(raw)) << length << " " << at;
        EXPECT_NE(unfolded(raw, scratch).data(), raw.data()) << length << " " << at;
      }
    }
  }
}

TEST(Headers, CrlfLineEndings) {
  const std::string message = "From: a@example.org\r\nSubject: hi\r\n there\r\n\r\nbody\r\n";
  Headers headers;
  const std::size_t body = headers.parse(message);
  EXPECT_EQ(message.substr(body), "body\r\n");
  EXPECT_EQ(headers.raw("From"), "a@example.org");
  EXPECT_EQ(headers.text("Subject"), "hi there");
}

TEST(Headers, CrOnlyLineEndings) {
  const std::string message = "From: a@example.org\rSubject: hi\r there\r\rbody\r";
  Headers headers;
  const std::size_t body = headers.parse(message);
  EXPECT_EQ(message.substr(body), "body\r");
  ASSERT_EQ(headers.fields().size(), 2u);
  EXPECT_EQ(headers.raw("From"), "a@example.org");
  EXPECT_EQ(headers.text("Subject"), "hi there");
}

TEST(Headers, BlockEndedByANonHeaderLine) {
  const std::string message =
      "Content-Type: text/plain\n"
      "This message could not be delivered.\n"
      "More text.\n";
  Headers headers;
  const std::size_t body = headers.parse(message);
  EXPECT_EQ(message.substr(body), "This message could not be delivered.\nMore text.\n");
  EXPECT_EQ(headers.raw("Content-Type"), "text/plain");
  EXPECT_FALSE(headers.ended_by_blank_line());
}

TEST(Headers, BlockEndedByABoundaryLine) {
  const std::string message = "Content-Type: text/plain\n--boundary\nSubject: next part\n";
  Headers headers;
  const std::size_t body = headers.parse(message);
  EXPECT_EQ(message.substr(body), "--boundary\nSubject: next part\n");
  EXPECT_EQ(headers.fields().size(), 1u);
}

// Some gateways strip the indentation of folded lines: a line that cannot start a field in a
// block that goes on is folding, not the start of the body.
TEST(Headers, UnindentedFoldingInsideTheBlock) {
  const std::string message =
      "Received: from relay.example.org\n"
      "(192.0.2.1) by mx.example.net\n"
      "Subject: hello\n"
      "Content-Type: multipart/alternative;\n"
      "boundary=\"b1\"\n"
      "\n"
      "body\n";
  Headers headers;
  const std::size_t body = headers.parse(message);
  EXPECT_EQ(message.substr(body), "body\n");
  EXPECT_EQ(headers.text("Received"), "from relay.example.org (192.0.2.1) by mx.example.net");
  EXPECT_EQ(headers.text("Content-Type"), "multipart/alternative; boundary=\"b1\"");
  EXPECT_EQ(headers.raw("Subject"), "hello");
}

TEST(Headers, MalformedLinesBeforeAnyFieldAreSkipped) {
  const std::string message = "[original message follows]\nSubject: hi\n\nbody";
  Headers headers;
  const std::size_t body = headers.parse(message);
  EXPECT_EQ(message.substr(body), "body");
  ASSERT_EQ(headers.fields().size(), 1u);
  EXPECT_EQ(headers.raw("Subject"), "hi");
}

TEST(Headers, MboxSeparatorAndSpaceBeforeColon) {
  const std::string message = "From MAILER-DAEMON Thu Dec 22 17:54:04 2015\nSubject : spaced\n\n";
  Headers headers;
  EXPECT_EQ(headers.parse(message), message.size());
  ASSERT_EQ(headers.fields().size(), 1u);
  EXPECT_EQ(headers.fields()[0].name, "Subject");
  EXPECT_EQ(headers.raw("subject"), "spaced");
}

TEST(Headers, RepeatedFieldsAreVisitedInOrder) {
  const std::string message = "Received: one\nReceived: two\nreceived: three\n\n";
  Headers headers;
  headers.parse(message);
  std::string seen;
  headers.for_each("RECEIVED", [&](std::string_view value) { seen += std::string(value) + ";"; });
  EXPECT_EQ(seen, "one;two;three;");
  EXPECT_EQ(headers.raw("Received"), "one");
}

TEST(Headers, EveryFieldOfEveryCorpusMessageIsFoundByItsNameInAnyCase) {
  Headers headers;  // one object for all, as the reader reuses it
  int fields = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(corpus::data_dir() / "sisimai/maildir")) {
    const std::string message = corpus::read_file(entry.path());
    headers.parse(message);
    for (const HeaderField& field : headers.fields()) {
      std::string upper(field.name);
      std::transform(upper.begin(), upper.end(), upper.begin(), to_upper_ascii);
      const auto first = std::find_if(headers.fields().begin(), headers.fields().end(),
                                      [&](const HeaderField& f) { return iequals(f.name, field.name); });
      EXPECT_EQ(headers.raw(upper).data(), first->value.data()) << entry.path() << ": " << field.name;
      EXPECT_TRUE(headers.has(lowercase(field.name))) << entry.path() << ": " << field.name;
      EXPECT_FALSE(headers.has(std::string(field.name) + "-Absent")) << entry.path();
      ++fields;
    }
  }
  EXPECT_GT(fields, 5000);
}

TEST(Headers, ReusedForAnotherBlockForgetsTheFirstOnesNames) {
  Headers headers;
  const std::string first = "X-First: 1\nSubject: a\n\n";
  const std::string second = "Subject: b\n\n";
  headers.parse(first);
  EXPECT_TRUE(headers.has("X-First"));
  headers.parse(second);
  EXPECT_FALSE(headers.has("X-First"));
  EXPECT_EQ(headers.raw("x-first"), "");
  int visits = 0;
  headers.for_each("X-First", [&](std::string_view) { ++visits; });
  EXPECT_EQ(visits, 0);
  EXPECT_EQ(headers.raw("SUBJECT"), "b");
}

TEST(Headers, NoBodyAndEmptyInput) {
  Headers headers;
  EXPECT_EQ(headers.parse(""), 0u);
  EXPECT_TRUE(headers.empty());
  const std::string only_headers = "Subject: x\nTo: y";
  EXPECT_EQ(headers.parse(only_headers), only_headers.size());
  EXPECT_EQ(headers.raw("To"), "y");
  EXPECT_FALSE(headers.ended_by_blank_line());
}

// A value that the input's end cuts short, right after the colon or after white space, is empty
// and sits at the end of the input.
TEST(Headers, EmptyValuesAtTheEndOfTheInput) {
  Headers headers;
  for (const std::string_view block : {"To: y\nSubject:", "To: y\nSubject: \t ", "To: y\r\nSubject:\t"}) {
    EXPECT_EQ(headers.parse(block), block.size()) << block;
    EXPECT_EQ(headers.raw("To"), "y") << block;
    ASSERT_TRUE(headers.has("Subject")) << block;
    EXPECT_EQ(headers.raw("Subject"), "") << block;
    EXPECT_EQ(headers.raw("Subject").data(), block.data() + block.size()) << block;
    EXPECT_FALSE(headers.ended_by_blank_line()) << block;
  }
}

// Only a space, a tab or a line break starts a continuation or the blank line; other control
// bytes start a line that is no field.
TEST(Headers, OnlySpacesTabsAndLineBreaksStartContinuations) {
  Headers headers;
  EXPECT_EQ(headers.parse("Subject: a\n b\n\tc\n\nbody"), 18u);
  EXPECT_EQ(headers.raw("Subject"), "a\n b\n\tc");
  EXPECT_EQ(headers.parse("Subject: a\r\n\r\nbody"), 14u);
  EXPECT_TRUE(headers.ended_by_blank_line());
  EXPECT_EQ(headers.parse("Subject: a\rTo: b\r\rbody"), 18u);
  EXPECT_EQ(headers.raw("To"), "b");
  for (const std::string_view block : {"Subject: a\n\vb\nbody text", "Subject: a\n\fb\nbody text"}) {
    EXPECT_EQ(headers.parse(block), 11u) << block;
    EXPECT_EQ(headers.raw("Subject"), "a") << block;
    EXPECT_FALSE(headers.ended_by_blank_line()) << block;
  }
}

TEST(Headers, FieldValuesAreViewsIntoTheMessage) {
  const std::string message = "Subject: view\n\n";
  Headers headers;
  headers.parse(message);
  const std::string_view value = headers.raw("Subject");
  EXPECT_GE(value.data(), message.data());
  EXPECT_LE(value.data() + value.size(), message.data() + message.size());
}

// Calls visit(name, other, at, letter) for names of one to 24 bytes with every printable byte
// that may be in a name at each position `at`, `other` being the name with that byte's bit 0x20
// flipped and `letter` whether the byte is a letter, which only may differ that way.
template <typename Visit>
void for_each_byte_with_its_case_bit_flipped(Visit&& visit) {
  for (std::size_t length = 1; length <= 24; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int c = 33; c < 127; ++c) {
        if ((c | 0x20) >= 127 || c == ':') continue;
        std::string name(length, 'x');
        name[at] = static_cast<char>(c);
        std::string other = name;
        other[at] = static_cast<char>(c ^ 0x20);
        visit(name, other, at, to_lower_ascii(static_cast<char>(c)) != to_upper_ascii(static_cast<char>(c)));
      }
    }
  }
}

// Names are compared a word at a time, the words overlapping: every byte pair that differs
// only in bit 0x20 is tried at every position, and only letters may differ that way.
TEST(Headers, NamesCompareWithoutRegardToCaseOnly) {
  for_each_byte_with_its_case_bit_flipped([](const std::string& name, const std::string& other, std::size_t at, bool letter) {
    ASSERT_EQ(iequals_name(name, other), letter) << name << " / " << other;
    ASSERT_TRUE(iequals_name(name, name));
    ASSERT_FALSE(iequals_name(name, name + "x"));
    std::string accented = name;
    accented[at] = '\xE9';
    ASSERT_FALSE(iequals_name(name, accented));
    ASSERT_TRUE(iequals_name(accented, accented));
  });
}

// A lookup compares a field's name a word at a time, knowing it printable ASCII: every byte pair
// that differs only in bit 0x20 is tried at every position of names of every length, only letters
// may differ that way, and a name looked for with a byte past ASCII is found nowhere.
TEST(Headers, LookupsCompareNamesWithoutRegardToCaseOnly) {
  Headers headers;
  for_each_byte_with_its_case_bit_flipped([&](const std::string& name, const std::string& other, std::size_t at, bool letter) {
    const std::string message = name + ": value\n\n";
    headers.parse(message);
    ASSERT_EQ(headers.fields().size(), 1u) << name;
    ASSERT_EQ(headers.has(other), letter) << name << " / " << other;
    ASSERT_TRUE(headers.has(name)) << name;
    ASSERT_FALSE(headers.has(name + "x")) << name;
    for (const char past_ascii : {'\x80', '\xC1', '\xE9', '\xFF'}) {
      std::string accented = name;
      accented[at] = past_ascii;
      ASSERT_FALSE(headers.has(accented)) << name << " " << int(past_ascii);
    }
  });
}

// A name written in the case it is looked up in matches word for word; a name of the same length
// that differs in one letter, at any place, matches in no case.
TEST(Headers, LookupsMatchExactNamesAndNoOtherOfTheirLength) {
  Headers headers;
  for (std::size_t length = 1; length <= 24; ++length) {
    std::string name;
    for (std::size_t i = 0; i < length; ++i) name.push_back(i % 5 == 4 ? '-' : static_cast<char>((i % 2 ? 'a' : 'A') + i % 7));
    const std::string message = name + ": value\n\n";
    headers.parse(message);
    ASSERT_TRUE(headers.has(name)) << name;
    ASSERT_TRUE(headers.has(lowercase(name))) << name;
    for (std::size_t at = 0; at < length; ++at) {
      std::string other = name;
      other[at] = other[at] == '-' ? '_' : static_cast<char>(other[at] + 1);
      ASSERT_FALSE(headers.has(other)) << name << " / " << other;
      ASSERT_FALSE(headers.has(lowercase(other))) << name << " / " << other;
    }
  }
}

// Fields whose names share a slot are found sixteen slots at a time: each field of blocks that
// end around the boundaries of those sixteen, and past the slots kept, is found by its name, and
// a repeated name is visited at every place it is.
TEST(Headers, FieldsAreFoundAtEveryPlaceOfLongBlocks) {
  const auto numbered = [](std::string_view prefix, std::size_t i) {
    const std::string digits = std::to_string(i);
    return std::string(prefix) + std::string(3 - digits.size(), '0') + digits;
  };
  for (const std::size_t count : {1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 49, 127, 128, 129, 130, 150}) {
    std::string message;
    std::string repeated_at;
    for (std::size_t i = 0; i < count; ++i) {
      // "Field-000" to "Field-149" fall in ten slots, one per last digit.
      const bool repeated = i % 7 == 3 || i % 16 == 15 || i + 1 == count;
      message += (repeated ? "Field-xy9" : numbered("Field-", i)) + ": " + std::to_string(i) + "\n";
      if (repeated) repeated_at += std::to_string(i) + ";";
    }
    message += "\n";
    Headers headers;
    headers.parse(message);
    ASSERT_EQ(headers.fields().size(), count);
    for (std::size_t i = 0; i < count; ++i) {
      if (headers.fields()[i].name == "Field-xy9") continue;
      EXPECT_EQ(headers.raw(numbered("FIELD-", i)), std::to_string(i)) << count << " " << i;
    }
    std::string seen;
    headers.for_each("field-XY9", [&](std::string_view value) { seen += std::string(value) + ";"; });
    EXPECT_EQ(seen, repeated_at) << count;
    EXPECT_FALSE(headers.has("Field-999"));
  }
}

// The slots of a longer block parsed before stay in the object past the fields of the next one:
// they are never read as fields of it.
TEST(Headers, SlotsOfAnEarlierLongerBlockAreNotFields) {
  std::string longer;
  for (int i = 0; i < 40; ++i) longer += "Filler-" + std::to_string(10 + i) + ": old\n";
  longer += "\n";
  const std::string shorter = "A: 1\nB: 2\nFiller-10: new\n\n";
  Headers headers;
  headers.parse(longer);
  headers.parse(shorter);
  for (int i = 11; i < 50; ++i) EXPECT_FALSE(headers.has("Filler-" + std::to_string(i))) << i;
  int visits = 0;
  headers.for_each("Filler-10", [&](std::string_view value) {
    EXPECT_EQ(value, "new");
    ++visits;
  });
  EXPECT_EQ(visits, 1);
}

// A lookup starts at the first field whose name shares the slot of the name looked for: that
// field may be another name of the slot, or the name in another case, and a name first written
// past the kept slots is found there too.
TEST(Headers, LookupsStartAtTheFirstFieldOfTheirSlot) {
  Headers headers;
  // Names of one length and the same first and last bytes share a slot.
  const std::string shared = "X-Ab-1: first\nx-cd-1: second\nX-AB-1: third\n\n";
  headers.parse(shared);
  EXPECT_EQ(headers.raw("X-Cd-1"), "second");
  EXPECT_EQ(headers.raw("x-ab-1"), "first");
  EXPECT_EQ(headers.raw("X-Ab-1"), "first");
  EXPECT_FALSE(headers.has("X-Ef-1"));
  std::string seen;
  headers.for_each("X-CD-1", [&](std::string_view value) { seen += std::string(value) + ";"; });
  headers.for_each("x-ab-1", [&](std::string_view value) { seen += std::string(value) + ";"; });
  EXPECT_EQ(seen, "second;first;third;");

  // The same slot first taken by a later field of the next block.
  const std::string reused = "Subject: s\nTo: t\nX-CD-1: again\n\n";
  headers.parse(reused);
  EXPECT_EQ(headers.raw("x-cd-1"), "again");
  EXPECT_FALSE(headers.has("X-Ab-1"));

  std::string late;
  for (int i = 0; i < 140; ++i) late += "Filler-" + std::to_string(100 + i) + ": f\n";
  late += "Late-Name: one\nlate-name: two\n\n";
  headers.parse(late);
  EXPECT_EQ(headers.raw("LATE-NAME"), "one");
  seen.clear();
  headers.for_each("Late-Name", [&](std::string_view value) { seen += std::string(value) + ";"; });
  EXPECT_EQ(seen, "one;two;");
}

// A field's name ends at the colon, or the line is no field: every byte that cannot be in a name
// is tried at every position of names short and long.
TEST(Headers, FieldNamesEndWhereTheirBytesEnd) {
  for (std::size_t length = 1; length <= 40; ++length) {
    const std::string name(length, 'N');
    Headers headers;
    const std::string message = name + ": value\n\nbody";
    headers.parse(message);
    ASSERT_EQ(headers.raw(name), "value") << length;
    for (std::size_t at = 0; at < length; ++at) {
      for (const char bad : {'\x01', ' ', '\x7F', '\x80', '\xFF'}) {
        std::string broken = name;
        broken[at] = bad;
        const std::string with_broken = "A: 1\n" + broken + ": value\nB: 2\n\nbody";
        headers.parse(with_broken);
        // "Name : value" is still a field, as some mailers write it.
        const bool spaced_colon = bad == ' ' && at > 0 && at == length - 1;
        ASSERT_EQ(headers.fields().size(), spaced_colon ? 3u : 2u) << length << " " << at << " " << int(bad);
        ASSERT_EQ(headers.raw("B"), "2") << length << " " << at << " " << int(bad);
      }
    }
  }
}

// A field's line is searched for its end from its value on: names and values of every length,
// each line ending, values empty or running to the end of the input, and a name whose line
// ends before any colon.
TEST(Headers, ValuesEndAtTheirLineEndWhateverTheNameBeforeThem) {
  for (const std::string_view ending : {"\n", "\r\n", "\r"}) {
    for (std::size_t name_length = 1; name_length <= 40; name_length += 3) {
      for (std::size_t value_length = 0; value_length <= 40; ++value_length) {
        const std::string name(name_length, 'N');
        const std::string value(value_length, 'v');
        const std::string block = "A: 1" + std::string(ending) + name + ":  " + value + std::string(ending) +
                                  name + "x" + std::string(ending) + "B:" + value;
        Headers headers;
        ASSERT_EQ(headers.parse(block), block.size());
        ASSERT_EQ(headers.fields().size(), 3u) << name_length << " " << value_length;
        EXPECT_EQ(headers.fields()[1].name, name);
        // The line with no colon reads as folding lost on the way: the value runs over it.
        EXPECT_EQ(headers.fields()[1].value, value + std::string(ending) + name + "x");
        EXPECT_EQ(headers.raw("B"), value);
        EXPECT_FALSE(headers.ended_by_blank_line());
      }
    }
  }
  Headers headers;
  headers.parse("Subject:");
  EXPECT_TRUE(headers.has("Subject"));
  EXPECT_EQ(headers.raw("Subject"), "");
}

TEST(Headers, ParsingFieldsAloneTokenizesAsAFullParse) {
  // CRLF and LF, folding, a leading "From " line, no blank line, a boundary line, a stripped
  // indent, a single field, and nothing at all.
  const std::string blocks[] = {
      "From a@b Mon Jan  1 00:00:00 2024\r\nSubject: one\r\n  two\r\nTo: x@y\r\n\r\nbody\r\n",
      "Received: from a\n\tby b\nreceived: from c\nMessage-ID: <1@z>\n",
      "X: 1\n--boundary\nY: 2\n",
      "A: 1\nstripped indent\nB: 2\n\nbody",
      "Subject: only",
      "",
  };
  for (const std::string& block : blocks) {
    Headers full;
    Headers walked;
    EXPECT_EQ(walked.parse_fields(block), full.parse(block)) << block;
    EXPECT_EQ(walked.body_offset(), full.body_offset()) << block;
    EXPECT_EQ(walked.ended_by_blank_line(), full.ended_by_blank_line()) << block;
    ASSERT_EQ(walked.fields().size(), full.fields().size()) << block;
    for (std::size_t i = 0; i < full.fields().size(); ++i) {
      EXPECT_EQ(walked.fields()[i].name, full.fields()[i].name) << block;
      EXPECT_EQ(walked.fields()[i].value, full.fields()[i].value) << block;
    }
  }
}

TEST(Headers, FieldsParsedAloneAnswerNoLookupByName) {
  Headers headers;
  headers.parse("Subject: kept\nTo: a@b\n\n");
  EXPECT_EQ(headers.raw("Subject"), "kept");
  // Parsed over a block indexed before: no name of either block is found.
  headers.parse_fields("Subject: new\nFrom: c@d\n\n");
  ASSERT_EQ(headers.fields().size(), 2U);
  EXPECT_EQ(headers.fields()[0].value, "new");
  EXPECT_FALSE(headers.has("Subject"));
  EXPECT_FALSE(headers.has("To"));
  EXPECT_FALSE(headers.has("From"));
}

TEST(Unfold, JoinsLinesWithOneSpace) {
  EXPECT_EQ(unfold("a\r\n   b\n\tc  "), "a b c");
  EXPECT_EQ(unfold(""), "");
  EXPECT_EQ(unfold("a \r\n\r\n \t\n b"), "a b");
  EXPECT_EQ(unfold("a\n\v b"), "a \v b");
  // Tabs inside a line become spaces too, wherever they are.
  EXPECT_EQ(unfold("\ta\tb\n\tc\t\td\t"), " a b c  d");
}

// A value unfolding would not change is handed back as it is; any other is unfolded.
TEST(Unfold, UnfoldedCopiesOnlyWhatUnfoldingChanges) {
  std::string scratch;
  const std::string_view plain = "multipart/report; boundary=\"b1\"";
  EXPECT_EQ(unfolded(plain, scratch).data(), plain.data());
  EXPECT_EQ(unfolded("", scratch), "");
  for (std::string_view changed : {"a\r\n   b", "a\n\tb", "a\tb", "a\rb", "ends in a space ", "\ta"}) {
    EXPECT_EQ(unfolded(changed, scratch), unfold(changed)) << changed;
    EXPECT_NE(unfolded(changed, scratch).data(), changed.data()) << changed;
  }
}

}  // namespace
}  // namespace bg::mime
