#include "mime/mime_tree.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "test_files.h"

namespace bg::mime {
namespace {

// The tree as "type/subtype(child,child)", to assert a whole structure at once.
std::string shape(const MimeTree& tree, int index = 0) {
  const Part& part = tree.parts()[static_cast<std::size_t>(index)];
  std::string out = part.content_type.media_type();
  if (part.children.empty()) return out;
  out += "(";
  for (std::size_t i = 0; i < part.children.size(); ++i) {
    if (i > 0) out += ",";
    out += shape(tree, part.children[i]);
  }
  return out + ")";
}

// The text of the n-th part in preorder.
std::string text_of(const MimeTree& tree, std::size_t n) {
  const std::span<const Part> parts = tree.parts();
  return n < parts.size() ? tree.text(parts[n]) : "(no part " + std::to_string(n) + ")";
}

TEST(MimeTree, NestedMultiparts) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=\"outer\"\n"
      "\n"
      "preamble\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=\"inner\"\n"
      "\n"
      "--inner\n"
      "Content-Type: text/plain\n"
      "\n"
      "plain text\n"
      "--inner\n"
      "Content-Type: text/html\n"
      "\n"
      "<p>html</p>\n"
      "--inner--\n"
      "--outer\n"
      "Content-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "caf=E9\n"
      "--outer--\n"
      "epilogue\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree), "multipart/mixed(multipart/alternative(text/plain,text/html),text/plain)");
  EXPECT_FALSE(tree.has_broken_structure());
  const std::span<const Part> parts = tree.parts();
  EXPECT_EQ(parts[2].depth, 2);
  EXPECT_EQ(parts[2].parent, 1);
  EXPECT_EQ(parts[2].body, "plain text");
  EXPECT_EQ(parts[3].body, "<p>html</p>");
  EXPECT_EQ(parts[4].body, "caf=E9");
  EXPECT_EQ(text_of(tree, 4), "café");
  EXPECT_TRUE(parts[0].is_message);
  EXPECT_FALSE(parts[4].is_message);
}

// A multipart, an embedded message and a part each hand the line that ended them to the multipart
// around them, which goes on from there: after an epilogue, after a message whose own multipart
// closed, and after a multipart an enclosing boundary cut short.
TEST(MimeTree, PartsFollowNestedEntitiesFromTheLineThatEndedThem) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=outer\n\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=inner\n\n"
      "--inner\n\none\n--inner--\ninner epilogue\n"
      "--outer\n"
      "Content-Type: message/rfc822\n\n"
      "Subject: embedded\nContent-Type: multipart/mixed; boundary=deep\n\n"
      "--deep\n\ntwo\n--deep--\n"
      "--outer\n"
      "Content-Type: multipart/mixed; boundary=cut\n\n"
      "--cut\n\nthree\n"
      "--outer\n\nfour\n"
      "--outer--\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree),
            "multipart/mixed(multipart/alternative(text/plain),message/rfc822(multipart/mixed(text/plain)),"
            "multipart/mixed(text/plain),text/plain)");
  const std::span<const Part> parts = tree.parts();
  EXPECT_EQ(parts[2].body, "one");
  EXPECT_EQ(parts[5].body, "two");
  EXPECT_EQ(parts[7].body, "three");
  EXPECT_EQ(parts[8].body, "four");
  EXPECT_EQ(parts[8].depth, 1);
  EXPECT_TRUE(tree.has_broken_structure());
}

// Boundary lines are looked for thirty-two positions at a time, among dashes inside lines and
// lines that start with dashes but no boundary: bodies of every length up to seventy bytes, with
// every kind of line break, end at the boundary line after them.
TEST(MimeTree, BoundaryLinesAreFoundAmongDashesAtEveryPosition) {
  for (const std::string line_break : {"\n", "\r\n", "\r"}) {
    for (std::size_t length = 0; length <= 70; ++length) {
      std::string body;
      for (std::size_t i = 0; body.size() < length; ++i) body += i % 5 == 4 ? line_break + "--d" : std::string("a--b-");
      body.resize(length);
      const std::string message = "Content-Type: multipart/mixed; boundary=\"B1\"" + line_break + line_break + "--B1" +
                                  line_break + line_break + body + line_break + "--B1--" + line_break;
      MimeTree tree;
      tree.parse(message);
      ASSERT_EQ(tree.parts().size(), 2u) << length;
      EXPECT_EQ(tree.parts()[1].body, body) << length;
      EXPECT_FALSE(tree.has_broken_structure()) << length;
    }
  }
}

TEST(MimeTree, CrlfBodiesLeaveTheLineBreakBeforeABoundaryOut) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\n\r\nline one\r\nline two\r\n"
      "--b--\r\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree), "multipart/mixed(text/plain)");
  EXPECT_EQ(tree.parts()[1].body, "line one\r\nline two");
  EXPECT_FALSE(tree.has_broken_structure());
}

TEST(MimeTree, MissingClosingBoundary) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\n\nfirst\n"
      "--b\n\nsecond\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree), "multipart/mixed(text/plain,text/plain)");
  EXPECT_EQ(tree.parts()[1].body, "first");
  EXPECT_EQ(tree.parts()[2].body, "second\n");
  EXPECT_TRUE(tree.has_broken_structure());
}

TEST(MimeTree, InnerClosingBoundaryMissingOuterPresent) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=outer\n\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=inner\n\n"
      "--inner\n\ninner text\n"
      "--outer\n"
      "Content-Type: text/plain\n\nafter\n"
      "--outer--\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree), "multipart/mixed(multipart/alternative(text/plain),text/plain)");
  EXPECT_EQ(tree.parts()[2].body, "inner text");
  EXPECT_EQ(tree.parts()[3].body, "after");
  EXPECT_EQ(tree.parts()[3].depth, 1);
  EXPECT_TRUE(tree.has_broken_structure());
}

TEST(MimeTree, PartsWithoutABlankLineAfterTheirHeaders) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\n"
      "Content-Type: text/html\n"
      "--b\n"
      "Content-Type: text/plain\n"
      "The mail system could not deliver your message.\n"
      "--b--\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree), "multipart/mixed(text/html,text/plain)");
  EXPECT_EQ(tree.parts()[1].body, "");
  EXPECT_EQ(tree.parts()[2].body, "The mail system could not deliver your message.");
}

TEST(MimeTree, DigestPartsDefaultToMessages) {
  const std::string message =
      "Content-Type: multipart/digest; boundary=d\n\n"
      "--d\n"
      "\n"
      "Subject: first\n"
      "\n"
      "one\n"
      "--d\n"
      "Content-Type: text/plain\n"
      "\n"
      "explicit\n"
      "--d--\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree), "multipart/digest(message/rfc822(text/plain),text/plain)");
  const Part& embedded = tree.parts()[2];
  EXPECT_TRUE(embedded.is_message);
  EXPECT_EQ(embedded.headers.raw("Subject"), "first");
  EXPECT_EQ(embedded.body, "one");
}

TEST(MimeTree, EmbeddedMessageWithAMultipartInside) {
  const std::string message =
      "Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n"
      "--r\n\nYour message was not delivered.\n"
      "--r\n"
      "Content-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.org\n\n"
      "Final-Recipient: rfc822; nobody@example.org\nAction: failed\nStatus: 5.1.1\n"
      "--r\n"
      "Content-Type: message/rfc822\n\n"
      "From: sender@example.net\n"
      "Subject: original\n"
      "Content-Type: multipart/alternative; boundary=a\n\n"
      "--a\n\noriginal text\n"
      "--a\n"
      "Content-Type: text/html\n\n<b>original</b>\n"
      "--a--\n"
      "--r--\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree),
            "multipart/report(text/plain,message/delivery-status,"
            "message/rfc822(multipart/alternative(text/plain,text/html)))");
  EXPECT_FALSE(tree.has_broken_structure());
  const std::span<const Part> parts = tree.parts();
  EXPECT_EQ(parts[2].body,
            "Reporting-MTA: dns; mx.example.org\n\n"
            "Final-Recipient: rfc822; nobody@example.org\nAction: failed\nStatus: 5.1.1");
  EXPECT_TRUE(parts[4].is_message);
  EXPECT_EQ(parts[4].headers.raw("Subject"), "original");
  EXPECT_EQ(parts[4].depth, 2);
  EXPECT_EQ(parts[6].body, "<b>original</b>");
}

TEST(MimeTree, EncodedOrEmptyEmbeddedMessagesAreLeaves) {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\n"
      "Content-Type: message/rfc822\n"
      "Content-Transfer-Encoding: base64\n\n"
      "U3ViamVjdDogaGkKCmJvZHkK\n"
      "--b\n"
      "Content-Type: message/rfc822\n\n"
      "--b--\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree), "multipart/mixed(message/rfc822,message/rfc822)");
  EXPECT_EQ(tree.decoded(tree.parts()[1]), "Subject: hi\n\nbody\n");
}

TEST(MimeTree, GlobalMessagesAndReportsInUtf8) {
  const std::string message =
      "Content-Type: multipart/report; report-type=global-delivery-status; boundary=g\n\n"
      "--g\n"
      "Content-Type: message/global-delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.jp\n\n"
      "Final-Recipient: utf-8; 用户@例子.广告\nStatus: 5.1.1\n"
      "--g\n"
      "Content-Type: message/global\n\n"
      "Subject: 日本語\n\nbody\n"
      "--g--\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree),
            "multipart/report(message/global-delivery-status,message/global(text/plain))");
  EXPECT_NE(text_of(tree, 1).find("utf-8; 用户@例子.广告"), std::string::npos);
  EXPECT_EQ(tree.parts()[3].headers.raw("Subject"), "日本語");
}

TEST(MimeTree, NewsArticlesAreEmbeddedMessagesToo) {
  MimeTree tree;
  tree.parse("Content-Type: message/news\n\nNewsgroups: comp.mail\n\narticle\n");
  EXPECT_EQ(shape(tree), "message/news(text/plain)");
  EXPECT_EQ(tree.parts()[1].headers.raw("Newsgroups"), "comp.mail");
}

TEST(MimeTree, FeedbackReportFromTheCorpus) {
  const std::string message = corpus::read_file(corpus::data_dir() / "sisimai/maildir/arf-18.eml");
  ASSERT_FALSE(message.empty());
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree),
            "multipart/report(text/plain,message/feedback-report,message/rfc822(text/plain))");
  EXPECT_NE(text_of(tree, 2).find("Feedback-Type: auth-failure"), std::string::npos);
  EXPECT_FALSE(tree.parts()[4].headers.raw("Message-ID").empty());
}

TEST(MimeTree, ReturnedHeadersFromTheCorpus) {
  const std::string message =
      corpus::read_file(corpus::data_dir() / "sisimai/maildir/lhost-sendmail-26.eml");
  ASSERT_FALSE(message.empty());
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree),
            "multipart/report(text/plain,message/delivery-status,text/rfc822-headers)");
  EXPECT_TRUE(text_of(tree, 3).starts_with("Return-Path: <kijitora@example.org>"));
  EXPECT_NE(text_of(tree, 2).find("Status: "), std::string::npos);
}

TEST(MimeTree, UnindentedBoundaryParameterFromTheCorpus) {
  // Exchange wrote "boundary=..." at the start of the line after "multipart/alternative;".
  const std::string message =
      corpus::read_file(corpus::data_dir() / "sisimai/maildir/lhost-office365-09.eml");
  ASSERT_FALSE(message.empty());
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(shape(tree),
            "multipart/report(multipart/alternative(text/plain,text/html),message/delivery-status,"
            "message/rfc822(multipart/alternative(text/plain,text/html)))");
  EXPECT_NE(text_of(tree, 2).find("rejected your message"), std::string::npos);
  EXPECT_EQ(tree.parts()[6].headers.raw("Subject"), "Nyaan");
}

TEST(MimeTree, TextFollowsTheTransferEncodingAndCharset) {
  const std::string message =
      "Content-Type: text/plain; charset=\"ISO-2022-JP\"\n"
      "Content-Transfer-Encoding: base64\n\n"
      "GyRCJUYlOSVIGyhC\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(tree.decoded(tree.root()), "\x1b$B%F%9%H\x1b(B");
  EXPECT_EQ(tree.text(tree.root()), "テスト");
}

TEST(MimeTree, TextOfTheFirstBytesEndsAtTheLastWholeLine) {
  const std::string message =
      "Content-Type: text/plain; charset=\"ISO-2022-JP\"\n"
      "Content-Transfer-Encoding: base64\n\n"
      "GyRCJUYlOSVIGyhC\n"
      "GyRCJUYlOSVIGyhC\n";
  MimeTree tree;
  tree.parse(message);
  const auto text_within = [&](std::size_t bytes) {
    std::string out;
    tree.append_text(tree.root(), out, bytes);
    return out;
  };
  EXPECT_EQ(text_within(17), "テスト");  // the first line and its line end
  EXPECT_EQ(text_within(33), "テスト");  // the second line's end is one byte further
  EXPECT_EQ(text_within(34), "テストテスト");
  EXPECT_EQ(text_within(1000), "テストテスト");
  EXPECT_EQ(text_within(16), "テスト");  // no line end within: the bytes as they are
  EXPECT_EQ(text_within(0), "");
}

TEST(MimeTree, EmptyInput) {
  MimeTree tree;
  tree.parse("");
  ASSERT_EQ(tree.parts().size(), 1u);
  EXPECT_EQ(tree.root().content_type.media_type(), "text/plain");
  EXPECT_TRUE(tree.root().body.empty());
  EXPECT_EQ(tree.text(tree.root()), "");
  EXPECT_FALSE(tree.has_broken_structure());
}

TEST(MimeTree, ReparsingReplacesThePreviousTree) {
  MimeTree tree;
  tree.parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n");
  EXPECT_TRUE(tree.has_broken_structure());
  tree.parse("Subject: plain\n\nbody");
  EXPECT_EQ(shape(tree), "text/plain");
  EXPECT_EQ(tree.root().body, "body");
  EXPECT_FALSE(tree.has_broken_structure());
}

std::vector<std::string> corpus_messages() {
  std::vector<std::string> messages;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus::data_dir() / "sisimai" / "maildir"))
    if (entry.is_regular_file()) messages.push_back(corpus::read_file(entry.path()));
  return messages;
}

// Whether `tree` read its message as a tree that parsed it alone did.
void expect_same_parts(const MimeTree& tree, const MimeTree& fresh) {
  ASSERT_EQ(shape(tree), shape(fresh));
  ASSERT_EQ(tree.parts().size(), fresh.parts().size());
  for (std::size_t i = 0; i < fresh.parts().size(); ++i) {
    const Part& a = tree.parts()[i];
    const Part& b = fresh.parts()[i];
    ASSERT_EQ(a.headers.fields().size(), b.headers.fields().size());
    ASSERT_EQ(a.body, b.body);
    ASSERT_EQ(a.transfer_encoding, b.transfer_encoding);
    ASSERT_EQ(a.content_type.parameters().size(), b.content_type.parameters().size());
    for (std::size_t j = 0; j < b.content_type.parameters().size(); ++j) {
      ASSERT_EQ(a.content_type.parameters()[j].name, b.content_type.parameters()[j].name);
      ASSERT_EQ(a.content_type.parameters()[j].value, b.content_type.parameters()[j].value);
    }
    ASSERT_EQ(a.parent, b.parent);
    ASSERT_EQ(a.is_message, b.is_message);
  }
}

// A tree keeps the parts of the message before for their storage; what it reads must not depend
// on what it read before. Every corpus message is parsed by one long-lived tree, right after a
// different message, and compared with a fresh tree's reading.
TEST(MimeTree, AReusedTreeReadsLikeAFreshOne) {
  MimeTree reused;
  const std::vector<std::string> messages = corpus_messages();
  ASSERT_GT(messages.size(), 100u);
  for (const std::string& message : messages) {
    reused.parse(message);
    MimeTree fresh;
    fresh.parse(message);
    ASSERT_NO_FATAL_FAILURE(expect_same_parts(reused, fresh));
  }
}

// The bounce reader parses a message's header block first, to decide whether to look further,
// and hands it to the tree: the tree must read the same as when it parses the block itself.
TEST(MimeTree, HeadersParsedBeforehandGiveTheSameTree) {
  Headers top;
  MimeTree given;
  for (const std::string& message : corpus_messages()) {
    top.parse(message);
    given.parse(message, &top);
    MimeTree fresh;
    fresh.parse(message);
    ASSERT_NO_FATAL_FAILURE(expect_same_parts(given, fresh));
    ASSERT_EQ(given.root().headers.raw("Subject").data(), fresh.root().headers.raw("Subject").data());
  }
}

}  // namespace
}  // namespace bg::mime
