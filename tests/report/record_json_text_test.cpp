// The fast record writer against nlohmann::json as its oracle: on every record of the corpus,
// the text it writes parses to exactly what oracle::record_to_json() builds.
#include "report/record_json_text.h"

#include <gtest/gtest.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "record_json_oracle.h"
#include "report_fixtures.h"

namespace bg::report {
namespace {

TEST(RecordJsonText, MatchesTheJsonLibraryOnEveryCorpusRecord) {
  std::vector<bounce::Record> records = fixtures::corpus_records();
  ASSERT_GT(records.size(), 450u);
  for (std::size_t i = 0; i < records.size(); ++i) {
    bounce::Record& record = records[i];
    record.category = "delivery_failure";  // the diagnosis fields too
    if (i % 3 != 0) record.sent_by_owner = i % 3 == 1;
    record.evidence = {"one fact", "another \"quoted\" fact"};
    std::string text;
    append_record_json(record, text);
    EXPECT_EQ(nlohmann::ordered_json::parse(text), oracle::record_to_json(record)) << std::string_view(record.origin);
  }
}

// Records are appended to what the string already holds, and one far larger than those before
// it (a reply of a megabyte) is written whole.
TEST(RecordJsonText, AppendsRecordsOfAnySizeAfterEachOther) {
  std::vector<bounce::Record> records = fixtures::corpus_records();
  ASSERT_GT(records.size(), 3u);
  records.resize(3);
  records[1].diagnosticcode = std::string(1 << 20, 'x') + "\n\"end\"";
  std::string text = "before\n";
  for (const bounce::Record& record : records) {
    append_record_json(record, text);
    text += '\n';
  }
  ASSERT_TRUE(text.starts_with("before\n"));
  std::size_t line_start = 7;
  for (const bounce::Record& record : records) {
    const std::size_t line_end = text.find('\n', line_start);
    ASSERT_NE(line_end, std::string::npos);
    EXPECT_EQ(nlohmann::ordered_json::parse(text.substr(line_start, line_end - line_start)), oracle::record_to_json(record));
    line_start = line_end + 1;
  }
  EXPECT_EQ(line_start, text.size());
}

// The room for a record is made once, for the longest text its values could take: a record whose
// every byte is written as "\u00XX", most of them in its original's Received hops, is written
// whole by a thread that has written nothing before it.
TEST(RecordJsonText, MakesRoomForRecordsWhoseEveryByteIsEscaped) {
  const std::string escaped(4096, '\x01');
  bounce::Record record;
  record.recipient = record.diagnosticcode = escaped;
  record.evidence = {escaped, escaped};
  record.original.present = true;
  record.original.subject = record.original.authentication_results = escaped;
  record.original.dkim_domains = {escaped, escaped};
  for (int i = 0; i < 4; ++i) {
    bounce::ReceivedHop& hop = record.original.received.emplace_back();
    for (std::string* value : {&hop.from_host, &hop.from_rdns, &hop.from_ip, &hop.by_host, &hop.protocol,
                               &hop.auth_sender, &hop.date})
      *value = escaped + escaped;
  }
  std::string text;
  std::thread([&] { append_record_json(record, text); }).join();
  EXPECT_EQ(nlohmann::ordered_json::parse(text), oracle::record_to_json(record));
}

TEST(RecordJsonText, EscapesAndRepairsStrings) {
  std::string out;
  append_json_string("a\"b\\c\nd\te\x01 \xC3\xA9 \xFF end", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001 \xC3\xA9 \xEF\xBF\xBD end\"");
  EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), "a\"b\\c\nd\te\x01 \xC3\xA9 \xEF\xBF\xBD end");
  out.clear();
  append_json_string("\xED\xA0\x80", out);  // an encoded surrogate is not valid UTF-8
  EXPECT_EQ(out, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

// Strings are scanned in blocks, each byte's class told by comparisons of the byte with a bit
// flipped: every byte that needs escaping or checking is found wherever it stands, before,
// across and after a block's edge, and every other byte is written as it is. A byte of 0x80 or
// above alone is no UTF-8, and is written as the replacement character.
TEST(RecordJsonText, EveryByteIsHandledAtEveryPosition) {
  for (std::size_t at = 0; at < 40; ++at) {
    for (int c = 0; c < 256; ++c) {
      std::string text(40, 'a');
      text[at] = static_cast<char>(c);
      std::string out;
      append_json_string(text, out);
      std::string expected = text;
      if (c >= 0x80) expected.replace(at, 1, "\xEF\xBF\xBD");
      ASSERT_EQ(nlohmann::json::parse(out).get<std::string>(), expected) << "byte " << c << " at " << at;
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ASSERT_EQ(out, '"' + text + '"') << "byte " << c << " at " << at;
      }
    }
    std::string accented(40, 'a');
    accented.replace(at, 2, "\xC3\xA9");
    accented.resize(40);
    std::string out;
    append_json_string(accented, out);
    const std::string expected = at == 39 ? accented.substr(0, 39) + "\xEF\xBF\xBD" : accented;
    ASSERT_EQ(nlohmann::json::parse(out).get<std::string>(), expected) << "at " << at;
  }
}

// What a JSON string should hold for `text`: each byte that starts no valid UTF-8 sequence, one
// decoded in full and checked against the code point's bounds, replaced by U+FFFD.
std::string repaired_utf8(std::string_view text) {
  std::string repaired;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xC0 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3
                               : lead >= 0xF0 && lead < 0xF8                ? 4
                                                                            : 0;
    unsigned code_point = length == 1 ? lead : lead & (0xFF >> (length + 1));
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      code_point = code_point << 6 | (next & 0x3F);
    }
    const unsigned lowest[] = {0, 0, 0x80, 0x800, 0x10000};
    valid = valid && code_point >= lowest[length] && code_point <= 0x10FFFF && (code_point < 0xD800 || code_point > 0xDFFF);
    repaired += valid ? text.substr(i, length) : "\xEF\xBF\xBD";
    i += valid ? length : 1;
  }
  return repaired;
}

// Sequences that follow each other are read one after another: a lead of every value, with a
// second byte on either side of each range a lead allows, is told valid or not among valid
// sequences before and after it, cut short by the string's end, or followed by ASCII.
TEST(RecordJsonText, SequencesAmongOthersAreCheckedByTheirLeadsAndSecondBytes) {
  const std::string kana = "\xE3\x81\x82";
  for (int lead = 0x80; lead < 0x100; ++lead) {
    for (int second : {0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0}) {
      const std::string sequence = {static_cast<char>(lead), static_cast<char>(second), '\x80', '\x80'};
      for (std::size_t kept = 1; kept <= 4; ++kept) {
        for (const std::string& after : {std::string(), kana + kana, std::string("z"), std::string("\xC3")}) {
          const std::string text = "a" + kana + kana + sequence.substr(0, kept) + after;
          std::string out;
          append_json_string(text, out);
          ASSERT_EQ(out, '"' + repaired_utf8(text) + '"') << "lead " << lead << ", second " << second << ", " << kept << " bytes";
        }
      }
    }
  }
}

// A string is copied and searched sixteen bytes at a time, two blocks tested together, its last
// block overlapping the one before it, or as words when it is shorter: a byte to escape is found
// wherever it stands in a string of any length, in the first or the second block of a pair or in
// those after the pairs, and the bytes after it are written too.
TEST(RecordJsonText, BytesToEscapeAreFoundInStringsOfEveryLength) {
  for (std::size_t length = 1; length <= 90; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (char c : {'"', '\\', '\n', '\x1f'}) {
        std::string text;
        for (std::size_t i = 0; i < length; ++i) text.push_back(static_cast<char>('a' + i % 26));
        text[at] = c;
        std::string out;
        append_json_string(text, out);
        ASSERT_EQ(nlohmann::json::parse(out).get<std::string>(), text) << "byte " << int{c} << " at " << at << " of " << length;
      }
    }
  }
}

// A string is copied in pieces by its length, and searched for bytes to escape past its end, in
// the bytes a string written before it left there: those are not its own, and a plain string of
// any length is written as it is.
TEST(RecordJsonText, PlainStringsOfEveryLengthAreWrittenAsTheyAre) {
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string escaped;
    append_json_string(std::string(64, '"'), escaped);
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text.push_back(static_cast<char>('a' + i % 26));
    std::string plain;
    append_json_string(text, plain);
    ASSERT_EQ(plain, "\"" + text + "\"") << "length " << length;
  }
}

}  // namespace
}  // namespace bg::report
