#pragma once
// The vocabulary of the diagnosis: what each bounce is, which situations a mailbox is in, and
// how sure bounceguard is of each.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bg::diagnose {

enum class Category { kBackscatter, kCompromise, kBlocklisted, kAuthFailure, kDeliveryFailure, kUnknown };
enum class SituationKind { kSpoofing, kCompromise, kBlocklisted, kAuthentication, kDeliveryFailures };
enum class Confidence { kLow, kMedium, kHigh };

std::string_view to_string(Category category);
const char* to_string(SituationKind kind);
const char* to_string(Confidence confidence);

struct Situation {
  SituationKind kind = SituationKind::kDeliveryFailures;
  Confidence confidence = Confidence::kLow;
  std::uint64_t bounces = 0;
  std::int64_t first_seen = 0;  // Unix time of the earliest bounce in it
  std::int64_t last_seen = 0;
  std::string headline;                // one sentence for a person: what is happening
  std::vector<std::string> evidence;   // the facts in numbers
  std::vector<std::string> actions;    // what to do, in order
};

struct OwnerReport {
  std::vector<std::string> domains;
  std::vector<std::string> relays;
  std::vector<std::string> learned_from;
};

struct DiagnosisReport {
  OwnerReport owner;
  std::vector<Situation> situations;  // most serious first
};

}  // namespace bg::diagnose
