#include "diagnose/diagnosis_types.h"

namespace bg::diagnose {

std::string_view to_string(Category category) {
  switch (category) {
    case Category::kBackscatter: return "backscatter";
    case Category::kCompromise: return "compromise";
    case Category::kBlocklisted: return "blocklisted";
    case Category::kAuthFailure: return "auth_failure";
    case Category::kDeliveryFailure: return "delivery_failure";
    case Category::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(SituationKind kind) {
  switch (kind) {
    case SituationKind::kSpoofing: return "spoofing";
    case SituationKind::kCompromise: return "compromise";
    case SituationKind::kBlocklisted: return "blocklisted";
    case SituationKind::kAuthentication: return "authentication";
    case SituationKind::kDeliveryFailures: return "delivery_failures";
  }
  return "delivery_failures";
}

const char* to_string(Confidence confidence) {
  switch (confidence) {
    case Confidence::kLow: return "low";
    case Confidence::kMedium: return "medium";
    case Confidence::kHigh: return "high";
  }
  return "low";
}

}  // namespace bg::diagnose
