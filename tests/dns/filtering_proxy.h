#pragma once
// A UDP relay in front of a test DNS server that lets chosen questions go unanswered, for the
// cases where a real server must time out (the RFC 7208 suite's TIMEOUT entries).
#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>
#include <thread>

namespace bg::dns::testing {

class FilteringProxy {
 public:
  // Returns true for the questions to drop; `name` is lowercased, without a final dot.
  using Filter = std::function<bool(std::string_view name, std::uint16_t type)>;

  FilteringProxy(std::uint16_t upstream_port, Filter drop);
  ~FilteringProxy();
  FilteringProxy(const FilteringProxy&) = delete;
  FilteringProxy& operator=(const FilteringProxy&) = delete;

  std::uint16_t port() const { return port_; }

 private:
  void relay();

  Filter drop_;
  int client_socket_ = -1;
  int upstream_socket_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// A UDP socket on the loopback that takes every query and never answers: a dead resolver.
class SilentServer {
 public:
  SilentServer();
  ~SilentServer();
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;

  std::uint16_t port() const { return port_; }

 private:
  int socket_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace bg::dns::testing
