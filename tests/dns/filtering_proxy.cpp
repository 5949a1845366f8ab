#include "filtering_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <stdexcept>

#include "dns_wire.h"
#include "loopback.h"

namespace bg::dns::testing {

FilteringProxy::FilteringProxy(std::uint16_t upstream_port, Filter drop) : drop_(std::move(drop)) {
  client_socket_ = bound_udp_socket(port_);
  upstream_socket_ = socket(AF_INET, SOCK_DGRAM, 0);
  const sockaddr_in upstream = loopback_address(upstream_port);
  if (connect(upstream_socket_, reinterpret_cast<const sockaddr*>(&upstream), sizeof upstream) != 0)
    throw std::runtime_error("cannot reach the upstream test server");
  thread_ = std::thread([this] { relay(); });
}

FilteringProxy::~FilteringProxy() {
  stopping_ = true;
  thread_.join();
  close(client_socket_);
  close(upstream_socket_);
}

void FilteringProxy::relay() {
  std::map<std::uint16_t, sockaddr_in> asked_by;  // query id -> the client that sent it
  char buffer[65536];
  while (!stopping_) {
    pollfd sockets[2] = {{client_socket_, POLLIN, 0}, {upstream_socket_, POLLIN, 0}};
    if (poll(sockets, 2, 50) <= 0) continue;
    if (sockets[0].revents & POLLIN) {
      sockaddr_in client{};
      socklen_t length = sizeof client;
      const ssize_t size = recvfrom(client_socket_, buffer, sizeof buffer, 0,
                                    reinterpret_cast<sockaddr*>(&client), &length);
      const auto question = read_question(std::string_view(buffer, size > 0 ? size : 0));
      if (question && !drop_(question->name, question->type)) {
        asked_by[question->id] = client;
        send(upstream_socket_, buffer, size, 0);
      }
    }
    if (sockets[1].revents & POLLIN) {
      const ssize_t size = recv(upstream_socket_, buffer, sizeof buffer, 0);
      if (size < 2) continue;
      const auto id = static_cast<std::uint16_t>(static_cast<unsigned char>(buffer[0]) << 8 |
                                                 static_cast<unsigned char>(buffer[1]));
      const auto client = asked_by.find(id);
      if (client == asked_by.end()) continue;
      sendto(client_socket_, buffer, size, 0, reinterpret_cast<const sockaddr*>(&client->second),
             sizeof client->second);
      asked_by.erase(client);
    }
  }
}

SilentServer::SilentServer() { socket_ = bound_udp_socket(port_); }

SilentServer::~SilentServer() { close(socket_); }

}  // namespace bg::dns::testing
