#pragma once
// The scan: every message of every input is read, classified and, when it is a bounce, turned
// into records, which reach the sink in input order. Reading, parsing and writing overlap:
// one thread reads batches of messages and worker threads parse them; the worker that finishes
// the batch whose turn it is hands its records on. The sink is called by one thread at a time,
// not always the caller's. Memory stays bounded: only a few batches are in flight.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "bounce/record.h"
#include "scan/record_filter.h"
#include "scan/scan_summary.h"

namespace bg::scan {

struct Progress {
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_total = 0;  // 0 when unknown (standard input, compressed input)
  std::uint64_t messages = 0;
  std::uint64_t records = 0;
  double seconds = 0;
};

// More parse workers than this never pay: each holds its own buffers and batches in flight.
inline constexpr unsigned kMaxThreads = 256;

struct ScanOptions {
  std::vector<std::string> inputs;  // paths; "-" for standard input
  unsigned threads = 0;             // parse workers; 0 picks one per core; at most kMaxThreads
  RecordFilter only = RecordFilter::kAll;  // records left out are neither counted nor passed on
  std::function<void(const Progress&)> on_progress;  // called a few times a second, may be empty
};

// Receives each record once, in input order; it may move from it.
using RecordSink = std::function<void(bounce::Record&&)>;
// Receives the records in input order, a batch (those of some hundred messages) at a time.
using BatchSink = std::function<void(std::vector<bounce::Record>&&)>;

// Scans `options.inputs`. Throws mailbox::InputError before reading anything when an input
// cannot be opened; a malformed message or an unreadable file inside a folder is counted and
// listed in the summary's problems, and the scan goes on.
ScanSummary scan(const ScanOptions& options, const RecordSink& sink);
// The same, handing the records on in batches: a sink that keeps records keeps whole batches.
ScanSummary scan_batches(const ScanOptions& options, const BatchSink& sink);

}  // namespace bg::scan
