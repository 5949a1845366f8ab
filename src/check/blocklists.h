#pragma once
// DNS blocklists: the table of lists (data/blocklists.tsv, or a file of the same shape), asking
// each about addresses and domains in parallel, and decoding every answer with its meaning and
// the list's removal page.
#include <string>
#include <string_view>
#include <vector>

#include "check/findings.h"
#include "dns/ip_address.h"
#include "dns/resolver.h"

namespace bg::check {

struct BlocklistAnswer {
  std::string address;  // e.g. "127.0.0.2"
  std::string meaning;
  bool is_error = false;  // the list reports a problem with the query, not a listing
};

struct Blocklist {
  enum class Kind { ip, domain };
  std::string zone;
  Kind kind = Kind::ip;
  std::string name;
  std::vector<BlocklistAnswer> answers;
  std::string removal_page;
};

// Reads a table shaped like data/blocklists.tsv; throws std::invalid_argument naming the line
// that is malformed, as "ORIGIN:LINE: what is wrong".
std::vector<Blocklist> read_blocklists(std::string_view tsv, std::string_view origin = "blocklists");
// The same, from the file at `path`; throws std::invalid_argument when it cannot be read.
std::vector<Blocklist> read_blocklist_file(const std::string& path);

// The lists of data/blocklists.tsv.
const std::vector<Blocklist>& default_blocklists();

struct BlocklistListing {
  std::string subject;  // the address or domain asked about
  std::string list;     // the list's name
  std::string zone;
  std::string answer;  // the A record it answered with
  std::string meaning;
  std::string removal_page;
};

struct BlocklistReport {
  std::vector<std::string> subjects;  // every address and domain checked
  std::vector<BlocklistListing> listings;
  std::vector<BlocklistListing> refusals;  // answers that report an error instead
  std::size_t queries = 0;
  std::vector<std::string> failures;  // look-ups that failed, with the reason
};

BlocklistReport check_blocklists(dns::Resolver& resolver,
                                 const std::vector<dns::IpAddress>& addresses,
                                 const std::vector<std::string>& domains,
                                 const std::vector<Blocklist>& lists);

std::vector<Finding> blocklist_findings(const BlocklistReport& report);

}  // namespace bg::check
