#include "check/blocklists.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "data/embedded_files.h"
#include "data/tsv.h"
#include "dns/domain_name.h"

namespace bg::check {

namespace {

// "ORIGIN:LINE: ", the start of an error about one row of a table.
std::string at_row(std::string_view origin, std::size_t line) {
  return std::string(origin) + ":" + std::to_string(line) + ": ";
}

std::vector<BlocklistAnswer> read_answers(std::string_view cell, const std::string& where) {
  std::vector<BlocklistAnswer> answers;
  std::size_t start = 0;
  while (start < cell.size()) {
    std::size_t end = cell.find('|', start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view pair = cell.substr(start, end - start);
    start = end + 1;
    BlocklistAnswer answer;
    if (pair.starts_with('!')) {
      answer.is_error = true;
      pair.remove_prefix(1);
    }
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos || !dns::IpAddress::parse(pair.substr(0, equals)))
      throw std::invalid_argument(where + "'" + std::string(pair) + "' is not address=meaning");
    answer.address = std::string(pair.substr(0, equals));
    answer.meaning = std::string(pair.substr(equals + 1));
    answers.push_back(std::move(answer));
  }
  return answers;
}

// The name to ask a list about `subject`.
std::string query_name(const Blocklist& list, const std::string& subject) {
  if (list.kind == Blocklist::Kind::domain) return subject + "." + list.zone;
  return dns::IpAddress::parse(subject)->reversed_labels() + "." + list.zone;
}

}  // namespace

std::vector<Blocklist> read_blocklists(std::string_view tsv, std::string_view origin) {
  std::vector<Blocklist> lists;
  for (const data::TsvRow& cells : data::read_tsv(tsv)) {
    const std::string where = at_row(origin, cells.line);
    if (cells.size() != 5 || (cells[1] != "ip" && cells[1] != "domain") ||
        !dns::is_queryable_name(cells[0]))
      throw std::invalid_argument(where + "expected zone, ip or domain, name, answers and removal page, "
                                          "separated by tabs");
    lists.push_back({dns::normalize_name(cells[0]),
                     cells[1] == "ip" ? Blocklist::Kind::ip : Blocklist::Kind::domain,
                     std::string(cells[2]), read_answers(cells[3], where), std::string(cells[4])});
  }
  return lists;
}

std::vector<Blocklist> read_blocklist_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + path + ": " + std::strerror(errno));
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::invalid_argument("cannot read " + path + ": " + std::strerror(errno));
  return read_blocklists(text.str(), path);
}

const std::vector<Blocklist>& default_blocklists() {
  static const std::vector<Blocklist> lists =
      read_blocklists(data::embedded_file("blocklists.tsv"));
  return lists;
}

BlocklistReport check_blocklists(dns::Resolver& resolver,
                                 const std::vector<dns::IpAddress>& addresses,
                                 const std::vector<std::string>& domains,
                                 const std::vector<Blocklist>& lists) {
  BlocklistReport report;
  for (const dns::IpAddress& address : addresses) report.subjects.push_back(address.to_string());
  for (const std::string& domain : domains) report.subjects.push_back(dns::normalize_name(domain));

  struct Asked {
    const Blocklist* list;
    std::string subject;
  };
  std::vector<Asked> asked;
  std::vector<dns::Question> questions;
  for (const Blocklist& list : lists) {
    const bool wants_domains = list.kind == Blocklist::Kind::domain;
    for (std::size_t i = 0; i < report.subjects.size(); ++i) {
      if ((i >= addresses.size()) != wants_domains) continue;
      asked.push_back({&list, report.subjects[i]});
      questions.push_back({query_name(list, report.subjects[i]), dns::RecordType::a});
    }
  }
  report.queries = questions.size();
  const std::vector<dns::Answer> answers = resolver.resolve_all(questions);
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const Blocklist& list = *asked[i].list;
    if (answers[i].is_failure())
      report.failures.push_back(questions[i].name + ": " + answers[i].detail);
    for (const std::string& rdata : answers[i].records) {
      const std::optional<dns::IpAddress> value = dns::IpAddress::from_bytes(rdata);
      if (!value) continue;
      BlocklistListing listing{asked[i].subject,   list.name, list.zone,
                               value->to_string(), "",        list.removal_page};
      const auto known = std::ranges::find(list.answers, listing.answer, &BlocklistAnswer::address);
      const bool loopback = value->within(*dns::IpAddress::parse("127.0.0.0"), 8);
      if (known != list.answers.end()) {
        listing.meaning = known->meaning;
        (known->is_error ? report.refusals : report.listings).push_back(std::move(listing));
      } else if (loopback) {
        listing.meaning = "listed (answer " + listing.answer + ")";
        report.listings.push_back(std::move(listing));
      } else {
        // Lists answer inside 127.0.0.0/8; anything else comes from a resolver that rewrites
        // missing names into its own pages.
        listing.meaning = "an answer outside 127.0.0.0/8, so the resolver may be rewriting answers";
        report.refusals.push_back(std::move(listing));
      }
    }
  }
  return report;
}

std::vector<Finding> blocklist_findings(const BlocklistReport& report) {
  std::vector<Finding> findings;
  for (const BlocklistListing& listing : report.listings)
    findings.push_back(
        make_finding("blocklist.listed", listing.subject + " is listed by " + listing.list + " (" +
                                             listing.answer + ": " + listing.meaning +
                                             "); ask for removal at " + listing.removal_page));
  for (const BlocklistListing& refusal : report.refusals)
    findings.push_back(make_finding(
        "blocklist.query_refused",
        refusal.list + " gave no verdict on " + refusal.subject + ": " + refusal.meaning));
  return findings;
}

}  // namespace bg::check
