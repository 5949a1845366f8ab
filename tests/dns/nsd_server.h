#pragma once
// NSD, Debian's authoritative DNS server, serving a root zone of test records on a free
// loopback port for as long as the object lives. It runs as a child process in the foreground,
// keeps the privileges of whoever runs the tests (root or not), and leaves nothing behind.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "dns/resolver.h"

namespace bg::dns::testing {

class NsdServer {
 public:
  // `records` are master-file lines with absolute owner names ("example.com. TXT \"v=spf1\"");
  // the zone's SOA and NS records are added. Throws std::runtime_error when NSD cannot start.
  explicit NsdServer(const std::string& records);
  // Serves `zone` as the whole root zone file, e.g. one signed for the DNSSEC tests.
  static std::unique_ptr<NsdServer> serving_zone_file(const std::string& zone);
  // The root zone file NsdServer(records) serves: the SOA and NS records, then `records`.
  static std::string root_zone(const std::string& records);
  ~NsdServer();
  NsdServer(const NsdServer&) = delete;
  NsdServer& operator=(const NsdServer&) = delete;

  std::uint16_t port() const { return port_; }
  ResolverAddress address() const;
  // Resolver options that ask this server, without DNSSEC validation.
  ResolverOptions resolver_options(
      std::chrono::milliseconds timeout = std::chrono::seconds(2)) const;
  const std::filesystem::path& directory() const { return directory_; }

 private:
  NsdServer() = default;
  void start(const std::string& zone);
  bool start_on(std::uint16_t port);
  void stop();

  std::filesystem::path directory_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// Whether the server answering DNS over UDP at 127.0.0.1:`port` names itself `identity` when
// asked for id.server in the CHAOS class (waits up to `patience`).
bool answers_as(std::uint16_t port, std::string_view identity, std::chrono::milliseconds patience);

}  // namespace bg::dns::testing
