#pragma once
// Deterministic mailboxes for the diagnosis: for one kind of situation (or a mix), a seed and
// what the person tells about themselves, it writes an inbox full of bounces in many servers'
// formats among ordinary mail, the owner's Sent folder and mail log when the variant includes
// them, and the ground truth beside them (truth.json).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bg::testing::scenarios {

enum class ScenarioKind {
  kSpoofing,
  kCompromise,
  kBlocklisted,
  kAuthentication,
  kDeliveryFailures,
  kSpoofingAndDeliveryFailures,
  kCompromiseAndBlocklisted,  // the listing is caused by the compromise
  kSpoofingAndAuthentication,
};

// What the person running the diagnosis hands over besides the mailbox.
enum class Variant {
  kMailboxOnly,   // nothing: domain and relays must be inferred
  kSentFolder,    // --domain and --sent
  kMailLog,       // --domain and --maillog
  kRelayGiven,    // --domain and --relay
  kEverything,    // all of them
};

const char* to_string(ScenarioKind kind);
const char* to_string(Variant variant);
std::optional<ScenarioKind> scenario_kind_named(std::string_view name);
std::optional<Variant> variant_named(std::string_view name);
const std::vector<ScenarioKind>& all_scenario_kinds();
// The situations a kind of scenario holds: "spoofing", "compromise", "blocklisted",
// "authentication", "delivery_failures" (the names the diagnosis gives them).
std::vector<std::string> situations_of(ScenarioKind kind);
const std::vector<Variant>& all_variants();

struct ScenarioSpec {
  ScenarioKind kind = ScenarioKind::kSpoofing;
  Variant variant = Variant::kMailboxOnly;
  std::uint32_t seed = 1;
};

// The truth about one failed recipient, in mailbox order.
struct ExpectedBounce {
  std::string recipient;
  std::optional<bool> sent_by_owner;  // nullopt: nothing in the bounce can tell
  std::string category;               // backscatter, compromise, blocklisted, auth_failure, delivery_failure
  std::string layout;                 // the corpus sample it is built on
  std::string writer;                 // "owner_server" or "remote_server"
  std::string reply;                  // "layout" or the list or check a replaced reply names
  std::string trap;                   // "", "forged_owner_hop", "third_party_blocklist", "no_original"
  bool original_returned = true;
  std::string original_message_id;    // "" when not returned
  std::string connecting_ip;          // of the top Received line of the returned copy
  std::int64_t timestamp = 0;
  // Evidence of the owner's sending the diagnosis is given (a bounce with any is never
  // backscatter): sent_folder, mail_log, batv, relay_top_hop, owner_server_copy.
  std::vector<std::string> owner_evidence;
};

struct Scenario {
  ScenarioSpec spec;
  std::string domain;                 // the owner's
  std::vector<std::string> relays;    // the owner's outbound server: address and host name
  std::vector<std::string> addresses; // the owner's people
  bool batv = false;
  std::vector<std::string> situations;  // the situations present
  std::vector<ExpectedBounce> bounces;
  std::size_t messages = 0;  // in the mailbox, bounces included

  // What the variant hands to the diagnosis (empty when not given).
  std::vector<std::string> given_domains;
  std::vector<std::string> given_relays;
  std::filesystem::path mailbox;      // always written
  std::filesystem::path sent_folder;  // written when given
  std::filesystem::path mail_log;     // written when given
  std::filesystem::path truth;
};

// Writes the scenario into `folder` (created if needed): inbox.mbox, sent.mbox and maillog when
// the variant gives them, and truth.json. The same spec always writes the same bytes.
Scenario write_scenario(const ScenarioSpec& spec, const std::filesystem::path& folder);

// A Sent folder (mbox) holding one message per Message-ID, from `from` to `to`, for tests that
// bring their own bounces.
void write_sent_folder(const std::filesystem::path& path, const std::string& from, const std::string& to,
                       const std::vector<std::string>& message_ids);

}  // namespace bg::testing::scenarios
