// The MIME parser: the top-level header tokenizer every message pays for, and the whole part
// tree that only likely bounces get.
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "mime/headers.h"
#include "mime/mime_tree.h"

namespace {

void HeadersOfOrdinaryMail(benchmark::State& state) {
  const auto& messages = bg::bench::ordinary_messages();
  bg::mime::Headers headers;
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& message : messages) {
      benchmark::DoNotOptimize(headers.parse(message));
      bytes += message.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(HeadersOfOrdinaryMail);

void PartTreeOfBounces(benchmark::State& state) {
  const auto& messages = bg::bench::corpus_bounces();
  bg::mime::MimeTree tree;
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& message : messages) {
      tree.parse(message);
      benchmark::DoNotOptimize(tree.parts().size());
      bytes += message.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * messages.size()));
}
BENCHMARK(PartTreeOfBounces);

}  // namespace
