#include "mime/content_type.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "mime/ascii.h"

namespace bg::mime {
namespace {

TEST(ContentType, TypeSubtypeAndQuotedParameters) {
  const ContentType type = parse_content_type(
      "Multipart/Report; report-type=delivery-status;\n\tboundary=\"a;b \\\"c\\\"\"");
  EXPECT_EQ(type.media_type(), "multipart/report");
  EXPECT_TRUE(type.is("multipart", "report"));
  EXPECT_EQ(type.parameter("report-type"), "delivery-status");
  EXPECT_EQ(type.parameter("boundary"), "a;b \"c\"");
  EXPECT_EQ(type.parameter("absent"), "");
}

// The subtype's token is read up to the first byte that cannot be in one, which must be white
// space or its end: every byte at every position of subtypes up to forty bytes.
TEST(ContentType, SubtypeEndsAtWhiteSpaceOnly) {
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int c = 1; c < 256; ++c) {
        if (c == ';' || c == '\n' || c == '\r') continue;  // these end the value or the line
        std::string subtype(length, 'r');
        subtype[at] = static_cast<char>(c);
        // Trimmed, cut at the first space or tab, then wholly a token or not read at all.
        std::string_view cut = subtype;
        cut.remove_prefix(std::min(cut.find_first_not_of(" \t"), cut.size()));
        cut = cut.substr(0, cut.find_first_of(" \t"));
        const bool token = !cut.empty() && cut.find_first_of("()<>@,;:\\\"/[]?= \t") == std::string_view::npos &&
                           std::all_of(cut.begin(), cut.end(), [](char b) { return b > ' ' && b < 127; });
        const ContentType type = parse_content_type("Multipart/" + subtype + "; boundary=b");
        ASSERT_EQ(type.subtype, token ? lowercase(cut) : "plain") << length << " " << at << " " << c;
      }
    }
  }
}

// The type is a token, with white space allowed around it and around the slash: every byte at
// every position of types up to twelve bytes, before "/plain".
TEST(ContentType, TypeIsATokenBeforeTheSlash) {
  for (std::size_t length = 1; length <= 12; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int c = 1; c < 256; ++c) {
        if (c == ';' || c == '\n' || c == '\r' || c == '\t') continue;  // these end the value or are unfolded
        std::string type(length, 'T');
        type[at] = static_cast<char>(c);
        std::string_view trimmed = type;
        trimmed.remove_prefix(std::min(trimmed.find_first_not_of(' '), trimmed.size()));
        trimmed = trimmed.substr(0, trimmed.find_last_not_of(' ') + 1);
        const std::size_t slash = trimmed.find('/');
        const bool token = !trimmed.empty() && slash == std::string_view::npos &&
                           trimmed.find_first_of("()<>@,;:\\\"/[]?= ") == std::string_view::npos &&
                           std::all_of(trimmed.begin(), trimmed.end(), [](char b) { return b > ' ' && b < 127; });
        const ContentType parsed = parse_content_type(type + "/plain; charset=x");
        if (token) {
          ASSERT_EQ(parsed.media_type(), lowercase(trimmed) + "/plain") << length << " " << at << " " << c;
        } else if (slash == std::string_view::npos) {
          ASSERT_EQ(parsed.media_type(), "text/plain") << length << " " << at << " " << c;
        }
        ASSERT_EQ(parsed.parameter("charset"), "x") << length << " " << at << " " << c;
      }
    }
  }
  EXPECT_EQ(parse_content_type(" Message / RFC822 ").media_type(), "message/rfc822");
  EXPECT_EQ(parse_content_type("message/rfc822/x", {"a", "b"}).media_type(), "a/b");
  EXPECT_EQ(parse_content_type(" TEXT ; charset=x", {"a", "b"}).media_type(), "text/plain");
  EXPECT_EQ(parse_content_type("text x", {"a", "b"}).media_type(), "a/b");
  EXPECT_EQ(parse_content_type("/plain", {"a", "b"}).media_type(), "a/b");
  EXPECT_EQ(parse_content_type("text/", {"a", "b"}).media_type(), "a/b");
  EXPECT_EQ(parse_content_type("text/;", {"a", "b"}).media_type(), "a/b");
}

TEST(ContentType, FallbackForEmptyOrUnreadableValues) {
  EXPECT_EQ(parse_content_type("").media_type(), "text/plain");
  EXPECT_EQ(parse_content_type("", {"message", "rfc822"}).media_type(), "message/rfc822");
  EXPECT_EQ(parse_content_type("garbage").media_type(), "text/plain");
  EXPECT_EQ(parse_content_type("text").media_type(), "text/plain");
  EXPECT_EQ(parse_content_type("text/plain garbage; charset=utf-8").parameter("charset"), "utf-8");
}

TEST(Rfc2231, ContinuationsWithCharsetAndLanguage) {
  const ContentType type = parse_content_type(
      "application/octet-stream;\n"
      " name*0*=UTF-8''%E6%97%A5%E6%9C%AC;\n"
      " name*1*=%E8%AA%9E.txt");
  EXPECT_EQ(type.parameter("name"), "日本語.txt");
}

TEST(Rfc2231, SectionsAreJoinedInNumericOrder) {
  const std::vector<Parameter> parameters = parse_parameters(
      "attachment; filename*1=\"second \"; filename*0=\"first \"; filename*2=third");
  const std::string* filename = find_parameter(parameters, "filename");
  ASSERT_NE(filename, nullptr);
  EXPECT_EQ(*filename, "first second third");
}

TEST(Rfc2231, Rfc2231Example) {
  // RFC 2231 section 4: only the first section names the charset; later unencoded sections are
  // taken as they are.
  const ContentType type = parse_content_type(
      "application/x-stuff;\n"
      " title*0*=us-ascii'en'This%20is%20even%20more%20;\n"
      " title*1*=%2A%2A%2Afun%2A%2A%2A%20;\n"
      " title*2=\"isn't it!\"");
  EXPECT_EQ(type.parameter("title"), "This is even more ***fun*** isn't it!");
}

TEST(Rfc2231, SingleEncodedValueInLatin1) {
  const ContentType type = parse_content_type("text/plain; name*=iso-8859-1'fr'caf%E9.txt");
  EXPECT_EQ(type.parameter("name"), "café.txt");
}

TEST(Parameters, EncodedWordsInQuotedValuesAreDecoded) {
  const ContentType type = parse_content_type("text/plain; name=\"=?UTF-8?B?5pel?=.txt\"");
  EXPECT_EQ(type.parameter("name"), "日.txt");
}

TEST(Parameters, BackslashesInQuotedValuesEscapeTheNextCharacter) {
  EXPECT_EQ(parse_content_type(R"(text/plain; name="say \"hi\" \\ now"; x=1)").parameter("name"), R"(say "hi" \ now)");
  EXPECT_EQ(parse_content_type(R"(text/plain; name="C:\dir\")").parameter("name"), R"(C:dir")");
  EXPECT_EQ(parse_content_type(R"(text/plain; name="ends with \)").parameter("name"), R"(ends with \)");
}

// A quoted value ends at its closing quote, or runs to the end without one, and a backslash
// anywhere in it escapes the byte after it; an unquoted one ends at the next ';'. Each at every
// position of values up to forty bytes.
TEST(Parameters, ValuesEndWhereTheirQuoteOrSemicolonIs) {
  for (std::size_t length = 1; length <= 40; ++length) {
    const std::string text(length, 'v');
    EXPECT_EQ(parse_content_type("text/plain; name=\"" + text + "\"; next=1").parameter("name"), text);
    EXPECT_EQ(parse_content_type("text/plain; name=\"" + text).parameter("name"), text);
    for (std::size_t at = 0; at < length; ++at) {
      std::string escaped = text;
      escaped.insert(at, "\\");
      std::string unescaped = text;
      unescaped[at] = 'v';
      EXPECT_EQ(parse_content_type("text/plain; name=\"" + escaped + "\"; next=1").parameter("name"), unescaped)
          << length << " " << at;
      std::string quoted = text;
      quoted.insert(at, "\\\"");
      std::string with_quote = text;
      with_quote.insert(at, "\"");
      EXPECT_EQ(parse_content_type("text/plain; name=\"" + quoted + "\"").parameter("name"), with_quote) << length << " " << at;
      std::string cut = text;
      cut[at] = ';';
      const ContentType type = parse_content_type("text/plain; name=" + cut);
      EXPECT_EQ(type.parameter("name"), text.substr(0, at)) << length << " " << at;
    }
  }
}

TEST(Parameters, MalformedPartsAreSkipped) {
  const std::vector<Parameter> parameters =
      parse_parameters("inline; ; novalue; =nameless; good=yes; bad name=1; quoted=\"unterminated");
  EXPECT_EQ(*find_parameter(parameters, "good"), "yes");
  EXPECT_EQ(*find_parameter(parameters, "quoted"), "unterminated");
  EXPECT_EQ(find_parameter(parameters, "novalue"), nullptr);
  EXPECT_EQ(find_parameter(parameters, "bad name"), nullptr);
}

// A name's end is searched sixteen bytes at a time while the value holds them: names of every
// length up to forty bytes, with values from none to long after them, and an '=' or a ';' at
// every place of a name, are read as one byte at a time reads them.
TEST(Parameters, NamesEndAtTheirEqualsOrSemicolonWhateverTheirLength) {
  for (std::size_t length = 1; length <= 40; ++length) {
    std::string name(length, 'N');
    name.back() = 'z';
    const std::string lower = lowercase(name);
    for (const std::string_view after : {"", "1", "text/plain-and-more", "\"a quoted value of more than sixteen bytes\""}) {
      const std::string value = "type/sub; " + name + "=" + std::string(after);
      const std::vector<Parameter> parameters = parse_parameters(value);
      ASSERT_EQ(parameters.size(), 1u) << value;
      EXPECT_EQ(parameters[0].name, lower) << value;
      const std::string_view unquoted = after.starts_with('"') ? after.substr(1, after.size() - 2) : after;
      EXPECT_EQ(parameters[0].value, unquoted) << value;
      // Without its '=', the name is no parameter; the next one still is.
      EXPECT_TRUE(parse_parameters("type/sub; " + name).empty()) << value;
      const std::vector<Parameter> next = parse_parameters("type/sub; " + name + "; b=2" + std::string(after));
      ASSERT_EQ(next.size(), 1u) << value;
      EXPECT_EQ(next[0].name, "b") << value;
    }
    for (std::size_t at = 0; at < length; ++at) {
      std::string split = name;
      split[at] = '=';
      const std::vector<Parameter> parameters = parse_parameters("a/b;" + split + ";c=3");
      if (at == 0) {
        ASSERT_EQ(parameters.size(), 1u) << split;  // a nameless parameter is skipped
      } else {
        ASSERT_EQ(parameters.size(), 2u) << split;
        EXPECT_EQ(parameters[0].name, lower.substr(0, at)) << split;
        EXPECT_EQ(parameters[0].value, name.substr(at + 1)) << split;
      }
      EXPECT_EQ(parameters.back().name, "c") << split;
      split[at] = ';';
      const std::vector<Parameter> cut = parse_parameters("a/b;" + split + "=3");
      ASSERT_EQ(cut.size(), at + 1 < length ? 1u : 0u) << split;
      if (at + 1 < length) {
        EXPECT_EQ(cut[0].name, lower.substr(at + 1)) << split;
      }
    }
  }
}

TEST(Parameters, FirstOfARepeatedNameCountsWhateverItsCase) {
  const ContentType type = parse_content_type("text/plain; CharSet=\"ISO-8859-1\"; charset=utf-8; Format=flowed");
  ASSERT_EQ(type.parameters().size(), 2U);
  EXPECT_EQ(type.parameters()[0].name, "charset");
  EXPECT_EQ(type.parameters()[0].value, "ISO-8859-1");
  EXPECT_EQ(type.parameters()[1].name, "format");
  EXPECT_EQ(type.parameter("format"), "flowed");
}

TEST(Parameters, PlainParametersBesideAnRfc2231OneAreKept) {
  const ContentType type = parse_content_type("text/plain; charset=us-ascii; name*=utf-8''a%20b; Charset=x");
  EXPECT_EQ(type.parameter("charset"), "us-ascii");
  EXPECT_EQ(type.parameter("name"), "a b");
  EXPECT_EQ(type.parameters().size(), 2U);
}

TEST(Parameters, AStarAnywhereInANameReadsTheValueAsRfc2231) {
  // First, last, after a character that ends the token, in the shortest and a long name.
  const ContentType type = parse_content_type(
      "A/B; c=1; d*=utf-8''%41; A-Long-Parameter-Name-Past-Sixteen*=UTF-8''x%20y; *=z; bad@name*=2; e=3");
  ASSERT_EQ(type.parameters().size(), 4U);
  EXPECT_EQ(type.parameter("c"), "1");
  EXPECT_EQ(type.parameter("d"), "A");
  EXPECT_EQ(type.parameter("a-long-parameter-name-past-sixteen"), "x y");
  EXPECT_EQ(type.parameter("e"), "3");
  const ContentType sections = parse_content_type("a/b; name*0=p; name*1=q");
  EXPECT_EQ(sections.parameter("name"), "pq");
}

TEST(Parameters, EmptyAndNonTokenNamesWithoutAStarAreSkipped) {
  const ContentType type = parse_content_type("a/b; =x; bad@name=1; bad name=2; A=3; Name-16-Bytes-Xy=4");
  ASSERT_EQ(type.parameters().size(), 2U);
  EXPECT_EQ(type.parameter("a"), "3");
  EXPECT_EQ(type.parameter("name-16-bytes-xy"), "4");
}

TEST(ContentType, ParsingOverAnEarlierValueKeepsNothingOfIt) {
  ContentType type;
  parse_unfolded_content_type_into("Multipart/Mixed; boundary=\"a long boundary string\"; x=1; y=2", type);
  EXPECT_EQ(type.media_type(), "multipart/mixed");
  parse_unfolded_content_type_into("message/delivery-status; Name=\"=?UTF-8?B?5pel?=\"", type);
  EXPECT_EQ(type.media_type(), "message/delivery-status");
  ASSERT_EQ(type.parameters().size(), 1U);
  EXPECT_EQ(type.parameter("name"), "日");
  EXPECT_EQ(type.parameter("boundary"), "");
  parse_unfolded_content_type_into("", type, {"message", "rfc822"});
  EXPECT_EQ(type.media_type(), "message/rfc822");
  EXPECT_TRUE(type.parameters().empty());
}

}  // namespace
}  // namespace bg::mime
