#pragma once
// "Did you mean gmail.com?": a failed recipient's domain a typing slip away from a domain the
// owner writes to, or from a big mailbox provider.
#include <optional>
#include <string>
#include <string_view>

#include "diagnose/sent_mail.h"

namespace bg::diagnose {

struct TypoSuggestion {
  std::string address;       // the corrected address
  bool owner_writes_to = false;  // the owner writes to that domain (Sent folder or mail log)
};

// Nothing when the domain looks right (it is a known domain, or nothing close is).
std::optional<TypoSuggestion> suggest_correction(std::string_view address, const SentMail& sent);

// Edits (insert, delete, replace, swap two neighbours) between two short strings.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace bg::diagnose
