#include "scan/scanner.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "bounce/bounce_reader.h"
#include "mailbox/message_source.h"

namespace bg::scan {

namespace {

using Clock = std::chrono::steady_clock;

// What parsing one batch produced, to be merged in order by the caller's thread.
struct BatchResult {
  std::vector<bounce::Record> records;
  std::vector<mailbox::ReadProblem> problems;
  std::uint64_t messages = 0;
  std::uint64_t bytes = 0;
  std::uint64_t malformed = 0;
  std::uint64_t by_kind[6] = {};
};

struct Job {
  std::uint64_t sequence = 0;
  mailbox::Batch batch;
};

void parse_batch(const mailbox::Batch& batch, RecordFilter only, bounce::BounceReader& reader, BatchResult& result) {
  // A record is large, and growing the vector would move every record made so far. Most bounces
  // name one recipient and a few name several, so a batch of bounces holds a few more records
  // than messages: room for a quarter more keeps it from growing. Reserving does not touch the
  // memory, so ordinary mail costs nothing.
  result.records.reserve(result.records.size() + batch.messages.size() + batch.messages.size() / 4);
  const std::size_t first = result.records.size();
  std::vector<bounce::ReadOutcome> outcomes;
  reader.read_all(batch.messages, result.records, outcomes);
  for (std::size_t i = 0; i < batch.messages.size(); ++i) {
    const mailbox::RawMessage& message = batch.messages[i];
    ++result.messages;
    result.bytes += message.bytes.size();
    if (outcomes[i].malformed) {
      ++result.malformed;
      result.problems.push_back({std::string(message.origin),
                                 "message " + std::to_string(message.index + 1) + " is not a mail message (no header)"});
      continue;
    }
    ++result.by_kind[static_cast<int>(outcomes[i].kind)];
  }
  if (only != RecordFilter::kAll) {
    const auto dropped = std::remove_if(result.records.begin() + static_cast<std::ptrdiff_t>(first), result.records.end(),
                                        [only](const bounce::Record& record) { return !keeps(only, record); });
    result.records.erase(dropped, result.records.end());
  }
}

// A reader's batch can be a whole mapped window of megabytes; parsers take it in slices of
// about this size, so that every core stays busy to the end and the writer is fed early.
constexpr std::size_t kSliceBytes = std::size_t{1} << 20;
// The input's last batch is cut finer and finer, each slice a quarter of what is left but no
// less than this, so that the parsers run out of work nearly together: a parser left alone
// with a whole slice at the end keeps the other cores idle for milliseconds.
constexpr std::size_t kLastSliceBytes = std::size_t{64} << 10;

// Cuts a batch into slices that share its storage; the input's `last` batch ever finer.
std::vector<mailbox::Batch> slice(mailbox::Batch batch, bool last) {
  std::size_t left = 0;  // bytes not in a slice yet
  for (const mailbox::RawMessage& message : batch.messages) left += message.bytes.size();
  std::vector<mailbox::Batch> slices;
  std::size_t room = 0;  // bytes the current slice may still take
  for (mailbox::RawMessage& message : batch.messages) {
    if (room == 0) {
      slices.push_back(mailbox::Batch{{}, batch.storage});
      room = last ? std::clamp(left / 4, kLastSliceBytes, kSliceBytes) : kSliceBytes;
    }
    room -= std::min(room, message.bytes.size());
    left -= message.bytes.size();
    slices.back().messages.push_back(message);
  }
  return slices;
}

void merge(BatchResult& result, ScanSummary& summary, const BatchSink& sink) {
  summary.messages_read += result.messages;
  summary.bytes_read += result.bytes;
  summary.malformed += result.malformed;
  summary.bounce_messages += result.by_kind[static_cast<int>(bounce::MessageKind::kBounce)];
  summary.delay_messages += result.by_kind[static_cast<int>(bounce::MessageKind::kDelay)];
  summary.delivery_reports += result.by_kind[static_cast<int>(bounce::MessageKind::kDeliveryReport)];
  summary.auto_replies += result.by_kind[static_cast<int>(bounce::MessageKind::kAutoReply)];
  summary.feedback_reports += result.by_kind[static_cast<int>(bounce::MessageKind::kFeedbackReport)];
  for (const bounce::Record& record : result.records) summary.count(record);
  if (!result.records.empty()) sink(std::move(result.records));
  for (auto& problem : result.problems) summary.add_problem(std::move(problem));
}

// A queue with a capacity, so a fast reader cannot run ahead of the parsers without bound.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  void push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::deque<T> items_;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
};

class ProgressClock {
 public:
  ProgressClock(const ScanOptions& options, const std::vector<std::unique_ptr<mailbox::MessageSource>>& sources)
      : options_(options), sources_(sources), start_(Clock::now()), last_(start_) {}

  void tick(const ScanSummary& summary, bool force = false) {
    if (!options_.on_progress) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    Progress progress;
    for (const auto& source : sources_) {
      progress.bytes_read += source->bytes_read();
      progress.bytes_total += source->bytes_total();
    }
    progress.messages = summary.messages_read;
    progress.records = summary.records;
    progress.seconds = elapsed();
    options_.on_progress(progress);
  }
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  const ScanOptions& options_;
  const std::vector<std::unique_ptr<mailbox::MessageSource>>& sources_;
  Clock::time_point start_;
  Clock::time_point last_;
};

void collect_problems(mailbox::MessageSource& source, ScanSummary& summary) {
  for (auto& problem : source.take_problems()) summary.add_problem(std::move(problem));
}

void scan_in_this_thread(std::vector<std::unique_ptr<mailbox::MessageSource>>& sources, RecordFilter only,
                         const BatchSink& sink, ScanSummary& summary, ProgressClock& clock) {
  bounce::BounceReader reader;
  mailbox::Batch batch;
  for (auto& source : sources) {
    while (source->next(batch)) {
      BatchResult result;
      parse_batch(batch, only, reader, result);
      merge(result, summary, sink);
      clock.tick(summary);
    }
    collect_problems(*source, summary);
  }
}

// Results and the order they leave in, shared by the parser threads. The parser that hands in
// the batch whose turn it is writes it, and every batch waiting behind it, so that no third
// thread competes with the parsers for the cores and a batch's records are written by the core
// that made them, while they are still in its cache.
class OrderedResults {
 public:
  explicit OrderedResults(std::size_t capacity) : capacity_(capacity) {}

  // Stores the result of batch `sequence`; waits while too many later batches are waiting, so
  // that a slow writer holds the parsers back instead of letting results pile up. Returns true
  // when the caller is to write: the next batch in order is waiting and nobody is writing.
  bool put(std::uint64_t sequence, BatchResult result) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_.size() < capacity_ || sequence == next_ || stopped_; });
    waiting_.emplace(sequence, std::move(result));
    changed_.notify_all();
    if (writing_ || stopped_ || !waiting_.contains(next_)) return false;
    writing_ = true;
    return true;
  }
  // For the writer: the next result in order, or nullopt when it is not there yet (or the run
  // stopped), which also gives up the turn to write.
  std::optional<BatchResult> next_to_write() {
    std::lock_guard lock(mutex_);
    auto it = waiting_.find(next_);
    if (stopped_ || it == waiting_.end()) {
      writing_ = false;
      return std::nullopt;
    }
    BatchResult result = std::move(it->second);
    waiting_.erase(it);
    ++next_;
    changed_.notify_all();
    return result;
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::map<std::uint64_t, BatchResult> waiting_;
  std::uint64_t next_ = 0;
  bool writing_ = false;
  bool stopped_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
};

void scan_in_parallel(std::vector<std::unique_ptr<mailbox::MessageSource>>& sources, RecordFilter only,
                      const BatchSink& sink, ScanSummary& summary, ProgressClock& clock, unsigned workers) {
  BoundedQueue<Job> jobs(workers * 2);
  // Room for the parsers to run ahead while one of them writes a burst (the diagnosis judges
  // its whole learning window at once); slices are small, so this stays a few megabytes.
  OrderedResults results(workers * 16);
  std::mutex state_mutex;  // guards the two below
  std::exception_ptr failure;
  std::vector<mailbox::ReadProblem> source_problems;
  // The summary, the sink and the clock are used by one thread at a time: the parser whose
  // turn it is to write, or the caller's thread showing the progress.
  std::mutex writing_mutex;
  std::condition_variable parser_finished;
  std::size_t parsers_running = workers;  // guarded by writing_mutex
  auto fail = [&](std::exception_ptr error) {
    {
      std::lock_guard lock(state_mutex);
      if (!failure) failure = error;
    }
    jobs.close();
    results.stop();
  };

  std::thread reader_thread([&] {
    try {
      std::uint64_t sequence = 0;
      for (auto& source : sources) {
        mailbox::Batch batch;
        while (source->next(batch)) {
          const bool last = &source == &sources.back() && source->bytes_total() != 0 &&
                            source->bytes_read() >= source->bytes_total();
          for (mailbox::Batch& part : slice(std::move(batch), last)) jobs.push(Job{sequence++, std::move(part)});
        }
        std::lock_guard lock(state_mutex);
        for (auto& problem : source->take_problems()) source_problems.push_back(std::move(problem));
      }
    } catch (...) {
      fail(std::current_exception());
    }
    jobs.close();
  });

  auto parse_and_write = [&] {
    bounce::BounceReader reader;
    while (std::optional<Job> job = jobs.pop()) {
      BatchResult result;
      parse_batch(job->batch, only, reader, result);
      job->batch.storage.reset();  // release the mapped window or buffer before waiting
      if (!results.put(job->sequence, std::move(result))) continue;
      while (std::optional<BatchResult> next = results.next_to_write()) {
        std::lock_guard lock(writing_mutex);
        merge(*next, summary, sink);
      }
    }
  };
  std::vector<std::thread> parsers;
  try {
    for (unsigned i = 0; i < workers; ++i) {
      parsers.emplace_back([&] {
        try {
          parse_and_write();
        } catch (...) {
          fail(std::current_exception());
        }
        std::lock_guard lock(writing_mutex);
        --parsers_running;
        parser_finished.notify_all();
      });
    }
  } catch (const std::system_error& error) {
    // The system gives no more threads (a process limit): those it gave do the work, and
    // with none the run fails cleanly instead of leaving the reader thread unjoined.
    std::lock_guard lock(writing_mutex);
    parsers_running -= workers - parsers.size();
    if (parsers.empty())
      fail(std::make_exception_ptr(std::runtime_error(std::string("cannot start a parser thread: ") + error.what())));
  }

  {
    // The progress is shown while the parsers work, also while none has anything to write.
    std::unique_lock lock(writing_mutex);
    while (!parser_finished.wait_for(lock, std::chrono::milliseconds(200), [&] { return parsers_running == 0; }))
      clock.tick(summary);
  }
  reader_thread.join();
  for (std::thread& parser : parsers) parser.join();
  for (auto& problem : source_problems) summary.add_problem(std::move(problem));
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

ScanSummary scan(const ScanOptions& options, const RecordSink& sink) {
  return scan_batches(options, [&](std::vector<bounce::Record>&& records) {
    for (bounce::Record& record : records) sink(std::move(record));
  });
}

ScanSummary scan_batches(const ScanOptions& options, const BatchSink& sink) {
  ScanSummary summary;
  summary.inputs = options.inputs;
  // Open everything first, so that a wrong path fails the run before any output. A file read
  // twice (given twice, or also inside a folder given) would count its bounces twice.
  std::vector<mailbox::ReadProblem> notices;
  std::vector<std::unique_ptr<mailbox::MessageSource>> sources = mailbox::open_sources(options.inputs, notices);
  for (mailbox::ReadProblem& notice : notices) summary.add_problem(std::move(notice));

  ProgressClock clock(options, sources);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned workers = std::min(options.threads == 0 ? cores : options.threads, kMaxThreads);
  if (workers <= 1) scan_in_this_thread(sources, options.only, sink, summary, clock);
  else scan_in_parallel(sources, options.only, sink, summary, clock, workers);
  clock.tick(summary, true);
  summary.seconds = clock.elapsed();
  return summary;
}

}  // namespace bg::scan
