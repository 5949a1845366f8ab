#pragma once
// Builds one scenario: the owner's everyday mail, the situations its kind calls for, each
// failed message turned into a bounce on a corpus layout with its ground truth, and the files
// written at the end. The situations are planned in situation_plans.cpp.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bounce_layouts.h"
#include "outbound_mail.h"
#include "owner.h"
#include "postfix_log.h"
#include "replies.h"
#include "scenario_generator.h"
#include "scenario_random.h"
#include "vocabulary.h"

namespace bg::testing::scenarios {

inline constexpr std::int64_t kMinute = 60;
inline constexpr std::int64_t kHour = 3600;
inline constexpr std::int64_t kDay = 86400;
inline constexpr int kScenarioDays = 28;

// What the variant hands to the diagnosis.
struct Given {
  bool domain = false, relay = false, sent = false, log = false;
};

// How one message fails, and what the truth says about its bounce.
struct FailurePlan {
  BounceWriter writer = BounceWriter::kOwnerServer;
  const Layout* layout = nullptr;
  std::optional<Reply> reply;  // replaces the layout's own
  bool return_original = true;
  std::string category;
  std::string trap;
};

class ScenarioBuilder {
 public:
  explicit ScenarioBuilder(const ScenarioSpec& spec);

  Scenario build(const std::filesystem::path& folder);

 private:
  struct MailboxEntry {
    std::int64_t at;
    std::string envelope_sender;
    std::string text;
    std::optional<ExpectedBounce> bounce;
  };
  struct Server {
    std::string host;
    std::string ip;
  };

  bool present(std::string_view situation) const;

  // The plans (situation_plans.cpp).
  void choose_correspondents();
  void plan_situations();
  void everyday_incoming();
  void everyday_outgoing();
  void spoofing_campaign();
  void compromise_burst();
  void delivery_failures();
  std::optional<FailurePlan> fate_of_everyday_mail(const OutboundMail& mail);
  FailurePlan blocklist_failure(const OutboundMail& mail, const std::string& category);

  // The building blocks (scenario_builder.cpp).
  OutboundMail owner_mail(const Person& from, const Person& to, std::int64_t at);
  OutboundMail attacker_mail(const Person& to, std::int64_t at);
  OutboundMail spammer_mail(const Person& to, std::int64_t at);
  void delivered(const OutboundMail& mail);
  void failed(const OutboundMail& mail, const FailurePlan& plan);
  std::map<std::string, std::string> bounce_fields(const OutboundMail& mail, const FailurePlan& plan,
                                                   const Reply& reply, std::int64_t bounced_at);
  ExpectedBounce truth_of(const OutboundMail& mail, const FailurePlan& plan, const std::string& connecting_ip,
                          std::int64_t bounced_at) const;
  void keep_in_sent_folder(const OutboundMail& mail);
  void incoming(const Person& from, const Person& to, const std::string& subject, const std::string& body,
                std::int64_t at, bool newsletter);
  const Layout& layout_for(BounceWriter writer, std::string_view reason, std::string_view recipient_domain,
                           bool replaces_reply, bool without_original);
  Server server_of(const std::string& domain);
  std::int64_t working_hours_moment(int day);

  ScenarioSpec spec_;
  Given given_;
  ScenarioRandom random_;
  Owner owner_;
  PostfixLog log_;
  std::int64_t start_ = 0;
  std::vector<std::string> situations_;
  std::vector<Person> correspondents_;
  std::vector<MailboxEntry> mailbox_;
  std::vector<std::pair<std::int64_t, std::string>> sent_;
  std::map<std::string, Server> servers_;

  std::string owner_dkim_domain_;  // what the owner's server signs with ("" when it does not)
  bool authentication_enforced_ = false;
  std::int64_t listed_from_ = 0, listed_until_ = 0;  // the owner's address on blocklists; 0: open
  std::int64_t burst_start_ = 0;
  std::string attacker_account_;
  std::vector<std::string> attacker_ips_;
};

}  // namespace bg::testing::scenarios
