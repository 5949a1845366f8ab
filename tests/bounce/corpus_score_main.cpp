// Prints how well bounceguard reads the corpus, per format, against the answer key.
// Usage: corpus-score [--mismatches] [CORPUS_DIR]
#include <cstdio>
#include <string>

#include "corpus_scoring.h"

int main(int argc, char** argv) {
  bool show_mismatches = false;
  std::string corpus = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai";
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--mismatches") show_mismatches = true;
    else if (argument == "--help" || argument == "-h") {
      std::puts("usage: corpus-score [--mismatches] [CORPUS_DIR]\n"
                "Scores the records bounceguard makes of each corpus sample against answer-key.jsonl.");
      return 0;
    } else corpus = argument;
  }
  const bg::testing::CorpusScore score = bg::testing::score_corpus(corpus);
  std::printf("%-18s %8s %8s %8s\n", "format", "matched", "records", "score");
  for (const auto& [engine, result] : score.by_engine)
    std::printf("%-18s %8d %8d %7.1f%%\n", engine.c_str(), result.matched, result.total, result.percent());
  std::printf("%-18s %8d %8d %7.1f%%\n", "ALL", score.overall.matched, score.overall.total, score.overall.percent());
  if (show_mismatches) {
    std::puts("\nmismatches (file: expected | actual [decoded by]):");
    for (const auto& miss : score.mismatches)
      std::printf("%s: %s | %s [%s]\n", miss.file.c_str(), miss.expected.c_str(), miss.actual.c_str(),
                  miss.decodedby.c_str());
  }
  return 0;
}
