#include "mime/transfer_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace bg::mime {
namespace {

std::string base64(std::string_view encoded) {
  std::string out;
  append_base64_decoded(encoded, out);
  return out;
}

std::string quoted_printable(std::string_view encoded) {
  std::string out;
  append_quoted_printable_decoded(encoded, out);
  return out;
}

TEST(Base64, LineBreaksAndGarbageAreSkipped) {
  EXPECT_EQ(base64("SGVs\nbG8g\r\nd29y\rbGQ="), "Hello world");
  EXPECT_EQ(base64("SG!V*s bG\t8"), "Hello");
  EXPECT_EQ(base64(""), "");
}

TEST(Base64, PaddingEndsTheData) {
  EXPECT_EQ(base64("SGk=\nignored"), "Hi");
  EXPECT_EQ(base64("SGk"), "Hi");
}

TEST(Base64, TruncatedInputDecodesAsFarAsItGoes) {
  EXPECT_EQ(base64("SGVsbG8gd29ybG"), "Hello worl");
  EXPECT_EQ(base64("S"), "");
}

TEST(Base64, EveryLengthFitsTheRoomMadeForIt) {
  // The bytes are written into room made from the input's length: quartets whole or cut short
  // after one, two or three letters must all fit, after what the string holds.
  const std::pair<std::string_view, std::string_view> tails[] = {{"", ""}, {"Q", ""}, {"QQ", "A"}, {"QUI", "AB"}};
  for (std::size_t quartets = 0; quartets <= 10; ++quartets) {
    for (const auto& [tail, decoded] : tails) {
      std::string encoded, expected = "kept";
      for (std::size_t i = 0; i < quartets; ++i) {
        encoded += "QUJD";
        expected += "ABC";
      }
      std::string out = "kept";
      append_base64_decoded(encoded + std::string(tail), out);
      EXPECT_EQ(out, expected + std::string(decoded)) << quartets << " " << tail;
    }
  }
}

TEST(QuotedPrintable, EscapesAndSoftLineBreaks) {
  EXPECT_EQ(quoted_printable("caf=C3=A9 =3D ok"), "café = ok");
  EXPECT_EQ(quoted_printable("lower =c3=a9"), "lower é");
  EXPECT_EQ(quoted_printable("soft=\nbreak, soft=\r\nbreak"), "softbreak, softbreak");
  // Transport may pad a soft line break with white space.
  EXPECT_EQ(quoted_printable("padded= \t\nbreak"), "paddedbreak");
  EXPECT_EQ(quoted_printable("ends with ="), "ends with ");
}

TEST(QuotedPrintable, TrailingWhiteSpaceIsDeleted) {
  // RFC 2045 section 6.7 rule 3: it was added in transport.
  EXPECT_EQ(quoted_printable("line one  \t\nline two \r\nlast  "), "line one\nline two\r\nlast");
  EXPECT_EQ(quoted_printable("kept=20\nin  middle"), "kept \nin  middle");
  EXPECT_EQ(quoted_printable("cr only \rnext \t"), "cr only\rnext");
  // Before a soft line break, white space is text: the line goes on.
  EXPECT_EQ(quoted_printable("word =\nnext"), "word next");
}

TEST(QuotedPrintable, InvalidEscapesAreKept) {
  EXPECT_EQ(quoted_printable("a=ZZb =4"), "a=ZZb =4");
}

TEST(QuotedPrintable, HeaderVariantReadsUnderscoreAsSpace) {
  std::string out;
  append_quoted_printable_decoded("a_b=5F", out, true);
  EXPECT_EQ(out, "a b_");
  EXPECT_EQ(quoted_printable("a_b"), "a_b");
}

TEST(QuotedPrintable, RunEndsAreFoundAtEveryPosition) {
  // Runs are searched sixteen bytes at a time: an escape, a line end or (in a header) an
  // underscore must be found wherever it falls in or across a block.
  for (std::size_t at = 0; at < 40; ++at) {
    const std::string before(at, 'a');
    const std::string after(40 - at, 'b');
    EXPECT_EQ(quoted_printable(before + "=41" + after), before + "A" + after) << at;
    EXPECT_EQ(quoted_printable(before + " \n" + after), before + "\n" + after) << at;
    EXPECT_EQ(quoted_printable(before + "\r" + after), before + "\r" + after) << at;
    std::string header;
    append_quoted_printable_decoded(before + "_" + after + "\n", header, true);
    EXPECT_EQ(header, before + " " + after + "\n") << at;
  }
}

TEST(QuotedPrintable, RunsOfEveryLengthAreCopiedAfterWhatTheStringHolds) {
  // Runs are copied sixteen bytes at a time into room made for the input: whatever their
  // lengths, the text around them and before the decoding must come out whole.
  for (std::size_t n = 0; n <= 40; ++n) {
    for (std::size_t m = 0; m <= 20; ++m) {
      const std::string a(n, 'a'), b(m, 'b'), c(m, 'c'), d(n, 'd');
      std::string out = "kept";
      append_quoted_printable_decoded(a + "=3D" + b + " \t\n" + c + "=\n" + d + "=41 \t \n", out);
      EXPECT_EQ(out, "kept" + a + "=" + b + "\n" + c + d + "A\n") << n << " " << m;
    }
  }
  // Stripping white space before a line end stops at the start of its run.
  EXPECT_EQ(quoted_printable("=41   \nx"), "A\nx");
  EXPECT_EQ(quoted_printable("   "), "");
}

TEST(QuotedPrintable, EmptyInputAppendsNothing) {
  std::string out = "kept";
  append_quoted_printable_decoded("", out);
  EXPECT_EQ(out, "kept");
  append_quoted_printable_decoded("", out, true);
  EXPECT_EQ(out, "kept");
}

TEST(QuotedPrintable, LongBodiesDecodeAsTheirLinesDoAlone) {
  // Long bodies are decoded a stretch of whole lines at a time: wherever the stretches end,
  // among escapes, soft line breaks and white space before LF or CRLF line ends, the text
  // must come out as each line decoded on its own.
  const std::string lines[] = {"caf=C3=A9 =3D  \r\n", "soft=\r\n", "padded= \t\n", "tail \t\n", "x=41\n"};
  for (std::size_t shift = 0; shift < 24; ++shift) {
    std::string body(shift, 'a');
    std::string expected;
    append_quoted_printable_decoded(body, expected);
    while (body.size() < 9000) {
      for (const std::string& line : lines) {
        body += line;
        append_quoted_printable_decoded(line, expected);
      }
    }
    std::string out = "kept";
    append_quoted_printable_decoded(body, out);
    EXPECT_EQ(out, "kept" + expected) << shift;
  }
}

TEST(QuotedPrintable, LinesLongerThanABufferDecodeWhole) {
  // The shortest line too long for a stretch, a longer one after short lines, and a body whose
  // lines end in CR alone, which are never cut.
  std::string encoded, decoded;
  for (int i = 0; i < 1366; ++i) encoded += "=41", decoded += 'A';
  EXPECT_EQ(quoted_printable(encoded + "\n"), decoded + "\n");
  EXPECT_EQ(quoted_printable("short  \n" + encoded + encoded + "b  \nc"), "short\n" + decoded + decoded + "b\nc");
  std::string cr_lines, cr_decoded;
  for (int i = 0; i < 2000; ++i) cr_lines += "a=42 \r", cr_decoded += "aB\r";
  EXPECT_EQ(quoted_printable(cr_lines), cr_decoded);
}

TEST(TransferDecoding, SelectsTheDecoderByName) {
  std::string out;
  append_transfer_decoded("SGk=", " BASE64 ", out);
  append_transfer_decoded("=41", "Quoted-Printable", out);
  append_transfer_decoded("=41", "8bit", out);
  append_transfer_decoded("raw", "x-unknown", out);
  EXPECT_EQ(out, "HiA=41raw");
}

}  // namespace
}  // namespace bg::mime
