// The diagnosis per record: judging who sent a bounce's original (`judge`), and the whole
// streaming diagnosis (`Diagnoser`: learning, judging, tallying) over the corpus's records.
#include <benchmark/benchmark.h>

#include <vector>

#include "bench_corpus.h"
#include "bounce/bounce_reader.h"
#include "diagnose/bounce_verdict.h"
#include "diagnose/diagnoser.h"

namespace {

const std::vector<bg::bounce::Record>& corpus_records() {
  static const std::vector<bg::bounce::Record> records = [] {
    std::vector<bg::bounce::Record> all;
    bg::bounce::BounceReader reader;
    for (const std::string& bytes : bg::bench::corpus_bounces()) {
      bg::mailbox::RawMessage message;
      message.bytes = bytes;
      reader.read(message, all);
    }
    return all;
  }();
  return records;
}

void JudgeBounce(benchmark::State& state) {
  bg::diagnose::Owner owner;
  owner.domains = {"example.jp"};
  const bg::diagnose::SentMail sent;
  const bg::diagnose::VerdictContext context{owner, sent};
  const auto& records = corpus_records();
  for (auto _ : state)
    for (const bg::bounce::Record& record : records) benchmark::DoNotOptimize(bg::diagnose::judge(record, context));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * records.size()));
}
BENCHMARK(JudgeBounce);

void DiagnoseStream(benchmark::State& state) {
  const bg::diagnose::SentMail sent;
  const auto& records = corpus_records();
  std::size_t passed = 0;
  for (auto _ : state) {
    bg::diagnose::Diagnoser diagnoser({}, sent, [&](bg::bounce::Record&) { ++passed; });
    for (int copy = 0; copy < 20; ++copy)  // past the learning window, as in a real flood
      for (const bg::bounce::Record& record : records) diagnoser.add(bg::bounce::Record(record));
    benchmark::DoNotOptimize(diagnoser.finish());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(passed));
}
BENCHMARK(DiagnoseStream);

}  // namespace
