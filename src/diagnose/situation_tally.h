#pragma once
// Counts, bounce by bounce, what the situations of a mailbox are made of, keeping only small
// numbers and capped samples, and at the end writes each situation: how sure, the evidence in
// numbers, and what to do about it.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "bounce/record.h"
#include "diagnose/bounce_verdict.h"
#include "diagnose/diagnosis_types.h"
#include "diagnose/owner.h"
#include "diagnose/sent_mail.h"
#include "dns/ip_address.h"

namespace bg::diagnose {

class SituationTally {
 public:
  SituationTally(const Owner& owner, const SentMail& sent) : owner_(owner), sent_(sent) {}

  void add(const bounce::Record& record, const BounceVerdict& verdict, Category category);
  // Owner-sent mass mail enough to call it a compromise: decided from the candidates seen so far.
  bool compromise_seen() const { return mass_mail_.count >= kCompromiseMinimum; }
  void count_candidate(const bounce::Record& record);

  std::vector<Situation> situations() const;
  // The addresses blocklist replies said they refused, in bounces of the owner's mail.
  std::set<std::string> refused_addresses() const;

  static constexpr std::uint64_t kCompromiseMinimum = 5;

 private:
  struct Span {
    std::uint64_t count = 0;
    std::int64_t first = 0;
    std::int64_t last = 0;
    void add(std::int64_t when);
  };
  // A capped set: remembers up to kSampleLimit distinct values.
  static constexpr std::size_t kSampleLimit = 100000;
  struct Sample {
    std::unordered_set<std::string> values;  // hashed: every bounce adds to a few of these
    void add(const std::string& value);
    std::set<std::string> sorted() const { return {values.begin(), values.end()}; }
  };
  // The same of addresses, told apart by their bytes instead of by their printed forms, which
  // would cost a string each: every backscatter bounce adds to two.
  struct AddressSample {
    struct Hash {
      std::size_t operator()(const dns::IpAddress& address) const;
    };
    std::unordered_set<dns::IpAddress, Hash> values;
    void add(const dns::IpAddress& address);
  };
  // Distinct addresses in the order first seen, capped.
  struct AddressList {
    std::vector<std::string> in_order;
    std::unordered_set<std::string> seen;
    // True when `address` is new (and kept).
    bool add(const std::string& address);
  };

  Situation spoofing() const;
  Situation compromise() const;
  Situation blocklisted() const;
  Situation authentication() const;
  Situation delivery_failures() const;
  std::string domain() const;

  const Owner& owner_;
  const SentMail& sent_;
  std::uint64_t bounces_ = 0;
  std::uint64_t with_original_ = 0;

  Span backscatter_;
  AddressSample backscatter_ips_;
  AddressSample backscatter_networks_;
  std::uint64_t pc_style_helos_ = 0;
  std::string example_helo_;
  std::uint64_t backscatter_unsigned_ = 0;
  std::uint64_t backscatter_spammy_ = 0;
  std::string example_spam_subject_;

  Span mass_mail_;  // candidates, counted whether or not the category was already compromise
  Span compromise_;
  std::map<std::string, std::uint64_t> auth_senders_;
  std::map<std::string, std::uint64_t> client_ips_;
  Sample compromise_recipients_;
  Sample compromise_domains_;
  std::uint64_t compromise_spammy_ = 0;
  std::uint64_t compromise_unknown_recipients_ = 0;
  std::uint64_t compromise_refused_as_spam_ = 0;
  std::vector<std::int64_t> compromise_times_;

  struct ListTally {
    Span span;
    Sample ips;
    Sample destinations;
    std::string removal_page;
  };
  Span blocklisted_;
  std::map<std::string, ListTally> lists_;

  Span authentication_;
  Sample auth_destinations_;
  Sample auth_entry_ips_;
  std::map<std::string, std::uint64_t> auth_codes_;

  Span delivery_;
  std::uint64_t delivery_confirmed_ = 0;  // the owner's mail: sent by them, as far as can be seen
  std::uint64_t delivery_written_ = 0;    // the owner wrote it: in their Sent folder
  std::map<std::string, std::uint64_t> delivery_reasons_;
  std::map<std::string, AddressList> delivery_recipients_;  // by reason
  std::vector<std::pair<std::string, std::string>> typos_;               // address, suggestion
  std::uint64_t unknown_ = 0;
};

}  // namespace bg::diagnose
