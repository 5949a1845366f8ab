// The returned original's Received chain: every Received header of the corpus's bounces, top
// level and embedded, read into hops.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_corpus.h"
#include "bounce/original/received.h"
#include "mime/headers.h"
#include "mime/lines.h"

namespace {

// The values of every "Received:" field in the corpus's messages, at any depth, unfolded.
std::vector<std::string> corpus_received_values() {
  std::vector<std::string> values;
  for (const std::string& message : bg::bench::corpus_bounces()) {
    std::size_t pos = 0;
    while (pos < message.size()) {
      const bg::mime::Line line = bg::mime::line_at(message, pos);
      pos = line.next;
      if (!line.text.starts_with("Received:")) continue;
      std::string value(line.text.substr(9));
      while (pos < message.size() && (message[pos] == ' ' || message[pos] == '\t')) {
        const bg::mime::Line more = bg::mime::line_at(message, pos);
        value.append("\n").append(more.text);
        pos = more.next;
      }
      values.push_back(bg::mime::unfold(value));
    }
  }
  return values;
}

void ParseReceived(benchmark::State& state) {
  const std::vector<std::string> values = corpus_received_values();
  for (auto _ : state)
    for (const std::string& value : values) benchmark::DoNotOptimize(bg::bounce::parse_received(value));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(ParseReceived);

}  // namespace
