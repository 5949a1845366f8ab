#include "loopback.h"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace bg::dns::testing {

namespace {

// Binds a new socket of `type` to a port of the kernel's choosing and writes the port.
int bound_socket(int type, std::uint16_t& port) {
  const int sock = socket(AF_INET, type, 0);
  sockaddr_in address = loopback_address(0);
  socklen_t length = sizeof address;
  if (sock < 0 || bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    throw std::runtime_error("cannot open a socket on the loopback");
  port = ntohs(address.sin_port);
  return sock;
}

}  // namespace

sockaddr_in loopback_address(std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

int bound_udp_socket(std::uint16_t& port) { return bound_socket(SOCK_DGRAM, port); }

std::uint16_t free_loopback_port() {
  std::uint16_t port = 0;
  close(bound_socket(SOCK_STREAM, port));
  return port;
}

}  // namespace bg::dns::testing
