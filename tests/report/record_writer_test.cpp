#include <gtest/gtest.h>

#include <stdexcept>

#include "report/record_writer.h"

namespace bg::report {
namespace {

TEST(ParseFormat, ReadsEachFormatName) {
  EXPECT_EQ(parse_format("text"), Format::kText);
  EXPECT_EQ(parse_format("json"), Format::kJson);
  EXPECT_EQ(parse_format("jsonl"), Format::kJsonl);
  EXPECT_EQ(parse_format("csv"), Format::kCsv);
}

TEST(ShowsDiagnosis, OnlyTheFormatsThatWriteSituations) {
  EXPECT_TRUE(shows_diagnosis(Format::kText));
  EXPECT_TRUE(shows_diagnosis(Format::kJson));
  EXPECT_FALSE(shows_diagnosis(Format::kJsonl));
  EXPECT_FALSE(shows_diagnosis(Format::kCsv));
}

TEST(ParseFormat, UnknownNameIsRefusedWithTheChoices) {
  try {
    parse_format("xml");
    FAIL() << "xml was accepted";
  } catch (const std::invalid_argument& error) {
    const std::string message = error.what();
    for (const char* name : {"xml", "text", "json", "jsonl", "csv"})
      EXPECT_NE(message.find(name), std::string::npos) << message;
  }
  EXPECT_THROW(parse_format("JSON "), std::invalid_argument);
  EXPECT_THROW(parse_format(""), std::invalid_argument);
}

}  // namespace
}  // namespace bg::report
