// Hostile and huge structures: the parser must stay bounded in depth, parts and time.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "mime/mime_tree.h"

namespace bg::mime {
namespace {

using Clock = std::chrono::steady_clock;

// These inputs parse in well under a second, sanitizers included; parsed in quadratic time they
// would take hours. The bound catches that on any machine and measures no speed.
constexpr auto kNoBlowUp = std::chrono::seconds(10);

int deepest(const MimeTree& tree) {
  int depth = 0;
  for (const Part& part : tree.parts()) depth = std::max(depth, part.depth);
  return depth;
}

// `levels` multiparts, each the only part of the one before, with a closing boundary for each.
std::string nested_multiparts(int levels) {
  std::string message;
  for (int i = 0; i < levels; ++i)
    message += "Content-Type: multipart/mixed; boundary=\"level" + std::to_string(i) + "\"\n\n--level" +
               std::to_string(i) + "\n";
  message += "Content-Type: text/plain\n\ninnermost\n";
  for (int i = levels - 1; i >= 0; --i) message += "--level" + std::to_string(i) + "--\n";
  return message;
}

TEST(MimeTreeLimits, NestingBeyondTheMaximumDepthIsCutOff) {
  const std::string message = nested_multiparts(MimeTree::kMaxDepth * 3);
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(deepest(tree), MimeTree::kMaxDepth);
  // The part at the limit keeps everything below it as its body.
  const Part& cut = tree.parts().back();
  EXPECT_EQ(cut.depth, MimeTree::kMaxDepth);
  EXPECT_NE(cut.body.find("innermost"), std::string_view::npos);
}

TEST(MimeTreeLimits, NestedEmbeddedMessagesAreCutOff) {
  std::string message;
  for (int i = 0; i < 1000; ++i) message += "Content-Type: message/rfc822\n\n";
  message += "Subject: innermost\n\nbody\n";
  MimeTree tree;
  tree.parse(message);
  EXPECT_EQ(deepest(tree), MimeTree::kMaxDepth);
  EXPECT_EQ(tree.parts().size(), static_cast<std::size_t>(MimeTree::kMaxDepth) + 1);
}

TEST(MimeTreeLimits, TenThousandNestedBoundariesParseQuickly) {
  const std::string message = nested_multiparts(10000);
  const auto start = Clock::now();
  MimeTree tree;
  tree.parse(message);
  EXPECT_LT(Clock::now() - start, kNoBlowUp);
  EXPECT_EQ(deepest(tree), MimeTree::kMaxDepth);
}

TEST(MimeTreeLimits, TwentyMegabytesOfTinyPartsParseQuicklyAndBounded) {
  std::string message = "Content-Type: multipart/mixed; boundary=b\n\n";
  const std::string part = "--b\nContent-Type: text/plain\n\nx\n";
  message.reserve(20'000'000 + part.size());
  while (message.size() < 20'000'000) message += part;
  message += "--b--\n";
  const auto start = Clock::now();
  MimeTree tree;
  tree.parse(message);
  EXPECT_LT(Clock::now() - start, kNoBlowUp);
  EXPECT_EQ(tree.parts().size(), MimeTree::kMaxParts);
  EXPECT_EQ(tree.parts()[1].body, "x");
}

TEST(MimeTreeLimits, TwentyMegabytesOfHeaderLikeLinesParseQuickly) {
  // No blank line anywhere: every line looks like a field, so the header block is the message.
  std::string message = "Content-Type: multipart/mixed; boundary=b\n";
  message.reserve(20'000'000 + 64);
  while (message.size() < 20'000'000) message += "X-Field: value\nnot a field\n";
  const auto start = Clock::now();
  MimeTree tree;
  tree.parse(message);
  EXPECT_LT(Clock::now() - start, kNoBlowUp);
  EXPECT_EQ(tree.parts().size(), 1u);
}

TEST(MimeTreeLimits, ManyBoundaryLikeLinesInsideDeepNestingParseQuickly) {
  // Every line starts with "--" and shares a long prefix with all enclosing boundaries.
  const std::string prefix(60, 'p');
  std::string message;
  for (int i = 0; i < MimeTree::kMaxDepth; ++i)
    message += "Content-Type: multipart/mixed; boundary=\"" + prefix + std::to_string(i) +
               "\"\n\n--" + prefix + std::to_string(i) + "\n";
  message += "\n";
  const std::string decoy = "--" + prefix + "x\n";
  while (message.size() < 20'000'000) message += decoy;
  const auto start = Clock::now();
  MimeTree tree;
  tree.parse(message);
  EXPECT_LT(Clock::now() - start, kNoBlowUp);
  EXPECT_TRUE(tree.has_broken_structure());
}

}  // namespace
}  // namespace bg::mime
