#pragma once
// DNS look-ups through libunbound: many questions in flight at once, each with its own
// deadline, answered by the system's resolvers or by one given with --resolver, and validated
// with DNSSEC where a trust anchor is installed.
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dns/answer.h"
#include "dns/resolver_address.h"

namespace bg::dns {

// The root zone's trust anchor from Debian's dns-root-data, or "" when it is not installed.
std::string installed_root_trust_anchor();

struct ResolverOptions {
  // The recursive resolver to ask; none: those of /etc/resolv.conf (with /etc/hosts).
  std::optional<ResolverAddress> server;
  // How long one question may go unanswered before it counts as timed out.
  std::chrono::milliseconds timeout = std::chrono::seconds(5);
  // A file of DS or DNSKEY records to validate answers from; "" turns validation off.
  std::string trust_anchor_file = installed_root_trust_anchor();
};

// The resolver library could not be set up with the options given.
class ResolverError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Question {
  std::string name;
  RecordType type = RecordType::a;
};

class Resolver {
 public:
  explicit Resolver(ResolverOptions options = {});
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  Answer resolve(std::string_view name, RecordType type);
  // Asks the questions in parallel (a few hundred in flight at a time) and returns the answers
  // in the same order; each question times out on its own.
  std::vector<Answer> resolve_all(const std::vector<Question>& questions);

  const ResolverOptions& options() const { return options_; }
  // Who answers, for messages: "127.0.0.1:5353" or "the system resolver".
  std::string server_description() const;

 private:
  struct Library;
  ResolverOptions options_;
  std::unique_ptr<Library> library_;
};

}  // namespace bg::dns
