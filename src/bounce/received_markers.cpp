#include "bounce/received_markers.h"

#include <hs/hs.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "bounce/vectorscan_scratch.h"

namespace bg::bounce {

namespace {

struct Needle {
  std::string text;
  MarkerCase matching;

  bool operator==(const Needle&) const = default;
};

struct Declared {
  std::mutex lock;
  std::vector<Needle> needles;
  bool compiled = false;
};

Declared& declared() {
  static Declared instance;
  return instance;
}

// All declared needles as one literal database, compiled when the first message is read.
const hs_database_t* marker_database() {
  static const hs_database_t* const database = [] {
    Declared& all = declared();
    const std::lock_guard guard(all.lock);
    all.compiled = true;
    if (all.needles.empty()) return static_cast<hs_database_t*>(nullptr);
    std::vector<const char*> texts;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (const Needle& needle : all.needles) {
      texts.push_back(needle.text.data());
      lengths.push_back(needle.text.size());
      flags.push_back(needle.matching == MarkerCase::kCaseless ? HS_FLAG_CASELESS : 0);
      ids.push_back(static_cast<unsigned>(ids.size()));
    }
    hs_database_t* compiled = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(texts.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(texts.size()), HS_MODE_BLOCK, nullptr, &compiled,
                             &error) != HS_SUCCESS) {
      const std::string message = error != nullptr ? error->message : "unknown error";
      hs_free_compile_error(error);
      throw std::logic_error("cannot compile the Received markers: " + message);
    }
    return compiled;
  }();
  return database;
}

struct ScanContext {
  const std::vector<std::size_t>* starts;  // where each value begins in the joined text
  std::vector<std::uint64_t>* found;
};

int on_match(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void* context) {
  auto* scan = static_cast<ScanContext*>(context);
  // The value the match ends in: the last one that starts before its end.
  const auto after = std::upper_bound(scan->starts->begin(), scan->starts->end(), static_cast<std::size_t>(to - 1));
  (*scan->found)[static_cast<std::size_t>(after - scan->starts->begin() - 1)] |= std::uint64_t{1} << id;
  return 0;
}

}  // namespace

ReceivedMarkers declare_received_markers(std::initializer_list<std::string_view> needles, MarkerCase matching) {
  Declared& all = declared();
  const std::lock_guard guard(all.lock);
  if (all.compiled) throw std::logic_error("Received markers declared after the first message was read");
  ReceivedMarkers markers;
  for (std::string_view needle : needles) {
    if (needle.empty() || needle.find('\n') != std::string_view::npos)
      throw std::logic_error("a Received marker must be a non-empty text on one line");
    const Needle declared_needle{std::string(needle), matching};
    auto known = std::find(all.needles.begin(), all.needles.end(), declared_needle);
    if (known == all.needles.end()) {
      if (all.needles.size() == 64) throw std::logic_error("more than 64 Received markers declared");
      known = all.needles.insert(all.needles.end(), declared_needle);
    }
    markers.bits |= std::uint64_t{1} << (known - all.needles.begin());
  }
  return markers;
}

void find_received_markers(const std::vector<std::string_view>& received, std::vector<std::uint64_t>& found) {
  found.assign(received.size(), 0);
  const hs_database_t* database = marker_database();
  if (database == nullptr || received.empty()) return;
  // One scan over the values joined by line breaks; no marker holds one, so none spans two.
  thread_local std::string joined;
  thread_local std::vector<std::size_t> starts;
  starts.clear();
  joined.clear();
  for (std::string_view value : received) {
    starts.push_back(joined.size());
    joined.append(value).push_back('\n');
  }
  ScanContext context{&starts, &found};
  hs_scan(database, joined.data(), static_cast<unsigned>(joined.size()), 0, thread_scratch(database), on_match,
          &context);
}

}  // namespace bg::bounce
