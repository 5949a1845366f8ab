// Compares MimeTree with GMime 3, a mature MIME parser, on every message of the corpus (message
// files and the mbox mailboxes, which GMime splits): the part tree must have the same shape and
// types, and every text part the same decoded text. Each message is compared as stored and with
// its bare LFs turned into CRLF, as it would arrive over SMTP.
#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "mime/ascii.h"
#include "mime/mime_tree.h"
#include "test_files.h"

namespace {

namespace fs = std::filesystem;

// One part in preorder: its depth, media type and, for a text leaf, its decoded text.
struct PartSummary {
  int depth = 0;
  std::string media_type;
  std::optional<std::string> text;
  std::size_t descendants = 0;
  // The part's boundary parameter sits on a folded line whose indentation was stripped.
  bool boundary_on_unindented_line = false;
  // The part's header block ended at a line that cannot be a field, not at a blank line.
  bool body_without_blank_line = false;
};

bool has_compared_text(std::string_view type, std::string_view subtype) {
  return type == "text" || (type == "message" && (subtype == "delivery-status" ||
                                                  subtype == "global-delivery-status" ||
                                                  subtype == "feedback-report"));
}

// The decoded text in the form both parsers are compared in. Line endings become LF and white
// space at the end goes: neither parser promises more than that. Two differences are known
// and deliberate, so they are evened out here:
// - Bytes that are invalid in the declared charset: GMime's charset filter steps over each one
//   silently, while MimeTree writes U+FFFD for it, as the Unicode Standard (section 3.9,
//   "U+FFFD Substitution") recommends so that the loss stays visible. U+FFFD is removed.
// - Quoted-printable lines ending in white space: RFC 2045 section 6.7 rule 3 says a decoder
//   must delete it (transports add and strip it at will); GMime keeps it. It is removed from
//   every line of a quoted-printable part.
std::string normalized(std::string_view text, bool quoted_printable) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, kReplacement.size()) == kReplacement) {
      i += kReplacement.size() - 1;
    } else if (text[i] == '\r' || text[i] == '\n') {
      if (quoted_printable)
        while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      out.push_back('\n');
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  while (!out.empty() && std::string_view(" \t\r\n").find(out.back()) != std::string_view::npos)
    out.pop_back();
  return out;
}

bool has_unindented_folding_before_boundary(std::string_view raw_value) {
  const std::size_t boundary = bg::mime::ifind(raw_value, "boundary");
  for (std::size_t i = 0; i + 1 < raw_value.size() && i < boundary; ++i)
    if ((raw_value[i] == '\n' || raw_value[i] == '\r') &&
        std::string_view(" \t\r\n").find(raw_value[i + 1]) == std::string_view::npos)
      return true;
  return false;
}

std::vector<PartSummary> summarize_ours(std::string_view message) {
  bg::mime::MimeTree tree;
  tree.parse(message);
  const std::span<const bg::mime::Part> parts = tree.parts();
  std::vector<PartSummary> summary;
  for (const bg::mime::Part& part : parts) {
    PartSummary entry{part.depth, part.content_type.media_type(), std::nullopt};
    if (part.children.empty() && !part.is_multipart() &&
        has_compared_text(part.content_type.type, part.content_type.subtype))
      entry.text = normalized(tree.text(part), part.transfer_encoding == "quoted-printable");
    entry.boundary_on_unindented_line =
        part.is_multipart() && has_unindented_folding_before_boundary(part.headers.raw("Content-Type"));
    entry.body_without_blank_line = !part.body.empty() && !part.headers.ended_by_blank_line();
    summary.push_back(std::move(entry));
    // Parts are stored in preorder, so each one's ancestors are all before it.
    for (int ancestor = part.parent; ancestor >= 0; ancestor = parts[ancestor].parent)
      ++summary[ancestor].descendants;
  }
  return summary;
}

// GMime's decoded content of a leaf, converted to UTF-8 when a text part names its charset.
std::string gmime_text(GMimePart* part, bool is_text) {
  GMimeStream* memory = g_mime_stream_mem_new();
  GMimeStream* filtered = g_mime_stream_filter_new(memory);
  const char* charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
  if (is_text && charset) {
    if (GMimeFilter* filter = g_mime_filter_charset_new(charset, "UTF-8")) {
      g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), filter);
      g_object_unref(filter);
    }
  }
  if (GMimeDataWrapper* content = g_mime_part_get_content(part))
    g_mime_data_wrapper_write_to_stream(content, filtered);
  g_mime_stream_flush(filtered);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory));
  std::string text(reinterpret_cast<const char*>(bytes->data), bytes->len);
  g_object_unref(filtered);
  g_object_unref(memory);
  return normalized(text, g_mime_part_get_content_encoding(part) ==
                              GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
}

void summarize_gmime(GMimeObject* object, int depth, std::vector<PartSummary>& summary) {
  GMimeContentType* content_type = g_mime_object_get_content_type(object);
  const std::string type = bg::mime::lowercase(g_mime_content_type_get_media_type(content_type));
  const std::string subtype =
      bg::mime::lowercase(g_mime_content_type_get_media_subtype(content_type));
  const std::size_t index = summary.size();
  PartSummary entry{depth, type + "/" + subtype, std::nullopt};
  if (GMIME_IS_PART(object) && has_compared_text(type, subtype))
    entry.text = gmime_text(GMIME_PART(object), type == "text");
  summary.push_back(std::move(entry));

  if (GMIME_IS_MULTIPART(object)) {
    GMimeMultipart* multipart = GMIME_MULTIPART(object);
    for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
      summarize_gmime(g_mime_multipart_get_part(multipart, i), depth + 1, summary);
  } else if (GMIME_IS_MESSAGE_PART(object)) {
    GMimeMessage* embedded = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
    if (embedded && g_mime_message_get_mime_part(embedded))
      summarize_gmime(g_mime_message_get_mime_part(embedded), depth + 1, summary);
  }
  summary[index].descendants = summary.size() - index - 1;
}

// A message as GMime parsed it, with the bytes it came from.
struct GMimeMessageSummary {
  std::string bytes;
  std::vector<PartSummary> parts;
};

// Parses every message in `data` with GMime: one for a message file, each one for an mbox.
std::vector<GMimeMessageSummary> summarize_with_gmime(const std::string& data, bool is_mbox) {
  std::vector<GMimeMessageSummary> messages;
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(data.data(), data.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  g_mime_parser_set_format(parser, is_mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  std::vector<std::size_t> starts;
  while (!g_mime_parser_eos(parser)) {
    GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
    if (!message) break;
    starts.push_back(is_mbox ? static_cast<std::size_t>(g_mime_parser_get_mbox_marker_offset(parser))
                             : 0);
    GMimeMessageSummary summary;
    if (GMimeObject* top = g_mime_message_get_mime_part(message))
      summarize_gmime(top, 0, summary.parts);
    messages.push_back(std::move(summary));
    g_object_unref(message);
    if (!is_mbox) break;
  }
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : data.size();
    messages[i].bytes = data.substr(starts[i], end - starts[i]);
  }
  g_object_unref(parser);
  g_object_unref(stream);
  return messages;
}

std::string describe(const PartSummary& part) {
  return "depth " + std::to_string(part.depth) + " " + part.media_type;
}

// Empty when the summaries agree; otherwise a description of the first part that differs.
//
// One structural difference is deliberate. Some gateways strip the indentation of folded
// header lines, leaving e.g. "Content-Type: multipart/alternative;" and then "boundary=..." at
// the start of the next line. GMime drops such a line as an invalid header, loses the boundary
// and so sees a multipart with no parts; MimeTree reads it as the folding it is (the header
// block goes on after it) and parses the parts. Those parts are skipped here.
//
// One difference in text is deliberate too. When a header block ends without the blank line,
// at a line that cannot be a field and is not followed by one (as in an embedded message cut
// short after its headers, or replaced by a note such as "[original message here]"), GMime
// reads every line up to the end of the part as a header and drops it, leaving no body;
// MimeTree keeps those lines as the body, where a reader looking for bounce details finds
// them. Such a part is not compared when GMime's text is empty.
std::string first_difference(const std::vector<PartSummary>& ours,
                             const std::vector<PartSummary>& theirs) {
  std::size_t i = 0;
  std::size_t j = 0;
  for (; i < ours.size() && j < theirs.size(); ++i, ++j) {
    const std::string where = "part " + std::to_string(i) + ": ";
    if (ours[i].depth != theirs[j].depth || ours[i].media_type != theirs[j].media_type)
      return where + "MimeTree has " + describe(ours[i]) + ", GMime has " + describe(theirs[j]);
    if (ours[i].boundary_on_unindented_line && theirs[j].descendants == 0) {
      i += ours[i].descendants;
      continue;
    }
    if (ours[i].body_without_blank_line && theirs[j].text && theirs[j].text->empty()) continue;
    if (ours[i].text && theirs[j].text && *ours[i].text != *theirs[j].text)
      return where + describe(ours[i]) + " text differs\n--- MimeTree:\n" + *ours[i].text +
             "\n--- GMime:\n" + *theirs[j].text;
  }
  if (i < ours.size()) return "part " + std::to_string(i) + ": extra in MimeTree: " + describe(ours[i]);
  if (j < theirs.size())
    return "part " + std::to_string(i) + ": missing in MimeTree, GMime has " + describe(theirs[j]);
  return {};
}

struct OracleCase {
  fs::path path;
  bool crlf = false;
};

std::vector<OracleCase> oracle_cases() {
  const fs::path data = bg::mime::corpus::data_dir();
  std::vector<fs::path> files = {data / "sisimai/mailbox/mbox-0", data / "sisimai/mailbox/mbox-1"};
  for (const char* folder : {"sisimai/maildir", "sisimai/not-bounce", "seed"})
    for (const auto& entry : fs::directory_iterator(data / folder))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<OracleCase> cases;
  for (const fs::path& file : files) {
    cases.push_back({file, false});
    cases.push_back({file, true});
  }
  return cases;
}

std::string case_name(const testing::TestParamInfo<OracleCase>& info) {
  std::string name = info.param.path.filename().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name + (info.param.crlf ? "_crlf" : "_lf");
}

// Some corpus files already have CRLF line endings; only bare LFs are converted.
std::string with_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
    out.push_back(text[i]);
  }
  return out;
}

class GMimeOracle : public testing::TestWithParam<OracleCase> {
 protected:
  static void SetUpTestSuite() { g_mime_init(); }
};

TEST_P(GMimeOracle, SamePartTreeAndText) {
  const OracleCase& oracle_case = GetParam();
  std::string data = bg::mime::corpus::read_file(oracle_case.path);
  ASSERT_FALSE(data.empty()) << oracle_case.path;
  if (oracle_case.crlf) data = with_crlf(data);

  const bool is_mbox = oracle_case.path.parent_path().filename() == "mailbox";
  const std::vector<GMimeMessageSummary> messages = summarize_with_gmime(data, is_mbox);
  ASSERT_FALSE(messages.empty()) << "GMime read no message from " << oracle_case.path;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const std::string difference = first_difference(summarize_ours(messages[i].bytes), messages[i].parts);
    EXPECT_TRUE(difference.empty()) << oracle_case.path.filename().string() << " message " << i
                                    << ": " << difference;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, GMimeOracle, testing::ValuesIn(oracle_cases()), case_name);

}  // namespace
