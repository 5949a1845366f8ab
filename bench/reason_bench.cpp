// The reason matcher: the phrases of every reply in one Vectorscan pass over a reply, and the
// whole reason decision around it.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bounce/reason/phrase_matcher.h"
#include "bounce/reason/reason_resolver.h"

namespace {

const std::vector<std::string> kReplies = {
    "550 5.1.1 <kijitora@example.jp>... User Unknown",
    "552 5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to "
    "https://support.google.com/mail/?p=OverQuotaPerm",
    "550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal from this list please "
    "visit https://sender.office.com/ and follow the directions.",
    "421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints",
    "554 delivery error: dd This user doesn't have a yahoo.com account (nobody@yahoo.com) [0]",
};

void MatchPhrases(benchmark::State& state) {
  const auto& matcher = bg::bounce::PhraseMatcher::instance();
  std::vector<std::string> normalized;
  for (const auto& reply : kReplies) normalized.push_back(bg::bounce::normalize_reply(reply));
  for (auto _ : state)
    for (const auto& text : normalized) benchmark::DoNotOptimize(matcher.match(text));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kReplies.size()));
}
BENCHMARK(MatchPhrases);

void ResolveReason(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& reply : kReplies) {
      bg::bounce::ReasonInput input;
      input.diagnosis = reply;
      input.status = "5.0.0";
      input.spec = "SMTP";
      benchmark::DoNotOptimize(bg::bounce::resolve_reason(input));
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kReplies.size()));
}
BENCHMARK(ResolveReason);

}  // namespace
