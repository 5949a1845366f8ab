#pragma once
// Sockets on 127.0.0.1 for the test servers; ports come from the kernel, so that tests running
// in parallel never collide.
#include <netinet/in.h>

#include <cstdint>

namespace bg::dns::testing {

sockaddr_in loopback_address(std::uint16_t port);

// A UDP socket bound to a free port on 127.0.0.1; writes the port.
int bound_udp_socket(std::uint16_t& port);

// A port on 127.0.0.1 that was free for both UDP and TCP a moment ago.
std::uint16_t free_loopback_port();

}  // namespace bg::dns::testing
