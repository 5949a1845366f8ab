#include "dns/resolver.h"

#include <poll.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "dns/domain_name.h"
#include "libraries/libunbound.h"
#include "libraries/shared_library.h"

namespace bg::dns {

namespace {

using Clock = std::chrono::steady_clock;

// Enough questions in flight to keep a local server busy, few enough to stay well inside the
// default limit of 1024 open files (each outstanding UDP query holds a socket).
constexpr std::size_t kMaxInFlight = 256;
constexpr int kClassIn = 1;

// libunbound, loaded by the first resolver made; without it no resolver can be made.
const libraries::LibUnbound& unbound() {
  try {
    return libraries::libunbound();
  } catch (const libraries::LibraryError& error) {
    throw ResolverError(error.what());
  }
}

// One question of a batch while its answer is awaited.
struct Slot {
  Answer* answer = nullptr;
  bool validating = false;
  bool done = false;
  int async_id = 0;
  Clock::time_point deadline;
};

std::string rcode_detail(int rcode) {
  switch (rcode) {
    case 2:
      return "the server failed to answer (SERVFAIL)";
    case 5:
      return "the server refused the query (REFUSED)";
    default:
      return "the server answered with error code " + std::to_string(rcode);
  }
}

Answer read_result(const ub_result& result, bool validating) {
  Answer answer;
  if (result.rcode == 0) {
    answer.outcome = result.havedata ? Outcome::answered : Outcome::no_records;
  } else if (result.rcode == 3) {
    answer.outcome = Outcome::no_such_domain;
  } else {
    answer.outcome = Outcome::server_failure;
    answer.detail = rcode_detail(result.rcode);
  }
  if (result.havedata && result.data != nullptr)
    for (int i = 0; result.data[i] != nullptr; ++i)
      answer.records.emplace_back(result.data[i], result.len[i]);
  if (validating) {
    answer.dnssec = result.secure  ? Dnssec::secure
                    : result.bogus ? Dnssec::bogus
                                   : Dnssec::insecure;
    if (result.bogus) {
      // Like any validating resolver, treat forged or broken data as a failure; the records stay
      // for the report.
      answer.outcome = Outcome::server_failure;
      answer.detail = std::string("DNSSEC validation failed: ") +
                      (result.why_bogus ? result.why_bogus : "bogus answer");
    }
  }
  return answer;
}

void on_result(void* data, int error, ub_result* result) {
  auto* slot = static_cast<Slot*>(data);
  if (error != 0) {
    slot->answer->outcome = Outcome::server_failure;
    slot->answer->detail = unbound().strerror(error);
  } else {
    *slot->answer = read_result(*result, slot->validating);
  }
  slot->done = true;
  unbound().resolve_free(result);
}

// unbound writes a port after '@': "192.0.2.53@5353".
std::string unbound_address(const ResolverAddress& address) {
  return address.ip.to_string() + "@" + std::to_string(address.port);
}

}  // namespace

std::string installed_root_trust_anchor() {
  const char* path = "/usr/share/dns/root.key";
  std::error_code error;
  return std::filesystem::exists(path, error) ? path : "";
}

struct Resolver::Library {
  ub_ctx* context = nullptr;

  ~Library() {
    if (context != nullptr) unbound().ctx_delete(context);
  }

  void require(int status, const std::string& what) const {
    if (status != 0) throw ResolverError(what + ": " + unbound().strerror(status));
  }
};

Resolver::Resolver(ResolverOptions options) : options_(std::move(options)), library_(new Library) {
  library_->context = unbound().ctx_create();
  if (library_->context == nullptr) throw ResolverError("cannot start the DNS resolver library");
  ub_ctx* context = library_->context;
  // A resolver on this machine (or a test server on the loopback) is a normal choice.
  library_->require(unbound().ctx_set_option(context, "do-not-query-localhost:", "no"), "resolver setup");
  // Reverse names of private addresses are the server's to answer (a company resolver may know
  // them), not libunbound's built-in empty zones.
  library_->require(unbound().ctx_set_option(context, "unblock-lan-zones:", "yes"), "resolver setup");
  if (options_.server) {
    library_->require(unbound().ctx_set_fwd(context, unbound_address(*options_.server).c_str()),
                      "cannot use the resolver " + options_.server->to_string());
  } else {
    // Without a readable resolv.conf libunbound recurses from the root servers itself.
    unbound().ctx_resolvconf(context, nullptr);
    unbound().ctx_hosts(context, nullptr);
  }
  if (!options_.trust_anchor_file.empty()) {
    // libunbound reads the file only at the first query; a missing file is a setup error.
    if (!std::ifstream(options_.trust_anchor_file))
      throw ResolverError("cannot read the trust anchor " + options_.trust_anchor_file);
    library_->require(unbound().ctx_add_ta_file(context, options_.trust_anchor_file.c_str()),
                      "cannot read the trust anchor " + options_.trust_anchor_file);
  }
  library_->require(unbound().ctx_async(context, 1), "resolver setup");
}

Resolver::~Resolver() = default;

std::string Resolver::server_description() const {
  return options_.server ? options_.server->to_string() : "the system resolver";
}

Answer Resolver::resolve(std::string_view name, RecordType type) {
  return std::move(resolve_all({Question{std::string(name), type}}).front());
}

std::vector<Answer> Resolver::resolve_all(const std::vector<Question>& questions) {
  std::vector<Answer> answers(questions.size());
  std::vector<Slot> slots(questions.size());
  std::vector<std::size_t> in_flight;
  std::size_t next = 0;
  ub_ctx* context = library_->context;
  const bool validating = !options_.trust_anchor_file.empty();

  while (next < questions.size() || !in_flight.empty()) {
    while (next < questions.size() && in_flight.size() < kMaxInFlight) {
      const std::size_t index = next++;
      Slot& slot = slots[index];
      slot.answer = &answers[index];
      slot.validating = validating;
      if (!is_queryable_name(questions[index].name)) {
        answers[index].outcome = Outcome::invalid_name;
        answers[index].detail = "no DNS query can be made for this name";
        continue;
      }
      slot.deadline = Clock::now() + options_.timeout;
      const int status = unbound().resolve_async(context, presentation_form(questions[index].name).c_str(),
                                          static_cast<int>(questions[index].type), kClassIn, &slot,
                                          on_result, &slot.async_id);
      if (status != 0) {
        answers[index].outcome = Outcome::server_failure;
        answers[index].detail = unbound().strerror(status);
        continue;
      }
      in_flight.push_back(index);
    }
    if (in_flight.empty()) continue;

    const auto nearest = std::min_element(in_flight.begin(), in_flight.end(), [&](auto x, auto y) {
      return slots[x].deadline < slots[y].deadline;
    });
    const auto wait =
        std::chrono::ceil<std::chrono::milliseconds>(slots[*nearest].deadline - Clock::now());
    pollfd readable{unbound().fd(context), POLLIN, 0};
    if (poll(&readable, 1, static_cast<int>(std::max<long>(0, wait.count()))) > 0)
      unbound().process(context);

    const Clock::time_point now = Clock::now();
    std::erase_if(in_flight, [&](std::size_t index) {
      Slot& slot = slots[index];
      if (slot.done) return true;
      if (now < slot.deadline) return false;
      unbound().cancel(context, slot.async_id);
      answers[index].outcome = Outcome::timed_out;
      answers[index].detail = "no answer from " + server_description() + " within " +
                              std::to_string(options_.timeout.count()) + " ms";
      return true;
    });
  }
  return answers;
}

}  // namespace bg::dns
