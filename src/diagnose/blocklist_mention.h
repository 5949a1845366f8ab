#pragma once
// A bounce reply that names a blocklist or a reputation system ("blocked using zen.spamhaus.org",
// "banned sending IP [198.51.100.7]", "[TSS04]"), with the IP it says it refused, from the
// table data/blocklist-mentions.tsv.
#include <optional>
#include <string>
#include <string_view>

namespace bg::diagnose {

struct BlocklistMention {
  std::string list;          // "Spamhaus", "Microsoft (banned sender)", "a DNS blocklist"...
  std::string removal_page;  // empty when the table knows none
  std::string ip;            // the refused address named in the reply; empty when none
};

// `reply` is the diagnostic text; `remote_host` the refusing server, whose own address some
// replies also carry ("host mx.example.com[192.0.2.1] said:") and which is not the refused one.
std::optional<BlocklistMention> find_blocklist_mention(std::string_view reply, std::string_view remote_host);

}  // namespace bg::diagnose
