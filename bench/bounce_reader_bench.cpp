// The bounce reader per message: the cheap look that dismisses ordinary mail, and the whole
// path (parse, format modules, reasons, records) for bounces.
#include <benchmark/benchmark.h>

#include <vector>

#include "bench_corpus.h"
#include "bounce/bounce_reader.h"

namespace {

void Read(benchmark::State& state, const std::vector<std::string>& messages) {
  bg::bounce::BounceReader reader;
  std::vector<bg::bounce::Record> records;
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& bytes_of_message : messages) {
      bg::mailbox::RawMessage message;
      message.bytes = bytes_of_message;
      records.clear();
      benchmark::DoNotOptimize(reader.read(message, records));
      bytes += bytes_of_message.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * messages.size()));
}

void DismissOrdinaryMail(benchmark::State& state) { Read(state, bg::bench::ordinary_messages()); }
BENCHMARK(DismissOrdinaryMail);

void ReadBounces(benchmark::State& state) { Read(state, bg::bench::corpus_bounces()); }
BENCHMARK(ReadBounces);

}  // namespace
