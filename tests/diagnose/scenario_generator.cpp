#include "scenario_generator.h"

#include <array>
#include <utility>

#include "mail_dates.h"
#include "scenario_files.h"
#include "outbound_mail.h"
#include "scenario_builder.h"

namespace bg::testing::scenarios {

namespace {

constexpr std::array<std::pair<ScenarioKind, const char*>, 8> kKindNames = {{
    {ScenarioKind::kSpoofing, "spoofing"},
    {ScenarioKind::kCompromise, "compromise"},
    {ScenarioKind::kBlocklisted, "blocklisted"},
    {ScenarioKind::kAuthentication, "authentication"},
    {ScenarioKind::kDeliveryFailures, "delivery_failures"},
    {ScenarioKind::kSpoofingAndDeliveryFailures, "spoofing_and_delivery_failures"},
    {ScenarioKind::kCompromiseAndBlocklisted, "compromise_and_blocklisted"},
    {ScenarioKind::kSpoofingAndAuthentication, "spoofing_and_authentication"},
}};
constexpr std::array<std::pair<Variant, const char*>, 5> kVariantNames = {{
    {Variant::kMailboxOnly, "mailbox_only"},
    {Variant::kSentFolder, "sent_folder"},
    {Variant::kMailLog, "mail_log"},
    {Variant::kRelayGiven, "relay_given"},
    {Variant::kEverything, "everything"},
}};

template <typename Value, std::size_t N>
const char* name_in(const std::array<std::pair<Value, const char*>, N>& names, Value value) {
  for (const auto& [known, name] : names)
    if (known == value) return name;
  return "";
}

template <typename Value, std::size_t N>
std::optional<Value> value_in(const std::array<std::pair<Value, const char*>, N>& names, std::string_view name) {
  for (const auto& [value, known] : names)
    if (name == known) return value;
  return std::nullopt;
}

template <typename Value, std::size_t N>
std::vector<Value> values_in(const std::array<std::pair<Value, const char*>, N>& names) {
  std::vector<Value> values;
  for (const auto& [value, name] : names) values.push_back(value);
  return values;
}

}  // namespace

const char* to_string(ScenarioKind kind) { return name_in(kKindNames, kind); }
const char* to_string(Variant variant) { return name_in(kVariantNames, variant); }
std::optional<ScenarioKind> scenario_kind_named(std::string_view name) { return value_in(kKindNames, name); }
std::optional<Variant> variant_named(std::string_view name) { return value_in(kVariantNames, name); }

const std::vector<ScenarioKind>& all_scenario_kinds() {
  static const std::vector<ScenarioKind> kinds = values_in(kKindNames);
  return kinds;
}

const std::vector<Variant>& all_variants() {
  static const std::vector<Variant> variants = values_in(kVariantNames);
  return variants;
}

std::vector<std::string> situations_of(ScenarioKind kind) {
  switch (kind) {
    case ScenarioKind::kSpoofing: return {"spoofing"};
    case ScenarioKind::kCompromise: return {"compromise"};
    case ScenarioKind::kBlocklisted: return {"blocklisted"};
    case ScenarioKind::kAuthentication: return {"authentication"};
    case ScenarioKind::kDeliveryFailures: return {"delivery_failures"};
    case ScenarioKind::kSpoofingAndDeliveryFailures: return {"spoofing", "delivery_failures"};
    case ScenarioKind::kCompromiseAndBlocklisted: return {"compromise", "blocklisted"};
    case ScenarioKind::kSpoofingAndAuthentication: return {"spoofing", "authentication"};
  }
  return {};
}

Scenario write_scenario(const ScenarioSpec& spec, const std::filesystem::path& folder) {
  return ScenarioBuilder(spec).build(folder);
}

void write_sent_folder(const std::filesystem::path& path, const std::string& from, const std::string& to,
                       const std::vector<std::string>& message_ids) {
  std::string mbox;
  std::int64_t at = unix_time_of(2026, 11, 1, 9, 0, 0);
  for (const std::string& id : message_ids) {
    OutboundMail mail;
    mail.from = {"", from};
    mail.to = {"", to};
    mail.subject = "Sent message";
    mail.body = "Sent from the owner's mail program.\n";
    mail.message_id = id;
    mail.sent_at = at;
    at += kHour;
    mbox += mbox_message("-", mail.sent_at, sent_folder_copy(mail));
  }
  write_file(path, mbox);
}

}  // namespace bg::testing::scenarios
