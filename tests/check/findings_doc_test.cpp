// docs/findings.md, the finding catalogue and the ids the check code uses must agree, so that
// neither the documentation nor the catalogue can drift from what `check` reports.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "check/findings.h"
#include "check_zones.h"

namespace bg::check {
namespace {

const std::filesystem::path kRepository =
    std::filesystem::path(BOUNCEGUARD_TEST_DATA).parent_path().parent_path();

std::map<std::string, std::string> documented_ids() {
  const std::string doc = testing::read_text((kRepository / "docs" / "findings.md").string());
  const std::regex row(R"(\|\s*`([a-z_]+\.[a-z_]+)`\s*\|\s*(critical|warning|info)\s*\|)");
  std::map<std::string, std::string> ids;
  for (auto match = std::sregex_iterator(doc.begin(), doc.end(), row);
       match != std::sregex_iterator(); ++match)
    ids[(*match)[1]] = (*match)[2];
  return ids;
}

std::set<std::string> ids_used_in_code() {
  const std::regex literal(
      R"re("((?:dns|spf|dmarc|dkim|mx|mta_sts|tls_rpt|bimi|blocklist)\.[a-z_]+)")re");
  std::set<std::string> ids;
  for (const auto& entry : std::filesystem::directory_iterator(kRepository / "src" / "check")) {
    if (entry.path().extension() != ".cpp" || entry.path().filename() == "findings.cpp") continue;
    const std::string code = testing::read_text(entry.path().string());
    for (auto match = std::sregex_iterator(code.begin(), code.end(), literal);
         match != std::sregex_iterator(); ++match)
      ids.insert((*match)[1]);
  }
  return ids;
}

TEST(FindingsDoc, ListsEveryCataloguedIdWithItsSeverity) {
  std::map<std::string, std::string> catalogued;
  for (const FindingKind& kind : finding_catalogue())
    catalogued[std::string(kind.id)] = to_string(kind.severity);
  EXPECT_EQ(documented_ids(), catalogued);
}

TEST(FindingsDoc, TheCatalogueHoldsExactlyTheIdsTheCodeProduces) {
  std::set<std::string> catalogued;
  for (const FindingKind& kind : finding_catalogue()) catalogued.insert(std::string(kind.id));
  EXPECT_EQ(ids_used_in_code(), catalogued);
}

TEST(FindingsDoc, TheIssuesRequiredIdsExist) {
  const std::map<std::string, std::string> documented = documented_ids();
  for (const char* id : {"spf.missing", "spf.all_softfail", "spf.all_neutral", "spf.all_pass",
                         "spf.too_many_lookups", "spf.multiple_records", "dmarc.missing",
                         "dmarc.policy_none", "dkim.weak_key", "mx.missing", "blocklist.listed"})
    EXPECT_TRUE(documented.contains(id)) << id;
}

TEST(Findings, AnUncataloguedIdIsAProgrammingError) {
  EXPECT_THROW(make_finding("spf.made_up", "x"), std::logic_error);
  EXPECT_EQ(make_finding("dkim.weak_key", "x").severity, Severity::critical);
}

}  // namespace
}  // namespace bg::check
