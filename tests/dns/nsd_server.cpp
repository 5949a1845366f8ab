#include "nsd_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <thread>

#include "dns_wire.h"
#include "loopback.h"

namespace bg::dns::testing {

namespace {

constexpr int kStartAttempts = 10;

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The name each server gives for id.server: its directory's, unique among the running tests.
std::string identity(const std::filesystem::path& directory) {
  return directory.filename().string();
}

std::string configuration(const std::filesystem::path& directory, std::uint16_t port) {
  const std::string dir = directory.string();
  // username "" keeps the caller's privileges; rate limiting would throttle the benchmarks.
  return "server:\n"
         "  identity: \"" +
         identity(directory) +
         "\"\n"
         "  ip-address: 127.0.0.1@" +
         std::to_string(port) +
         "\n"
         "  username: \"\"\n"
         "  chroot: \"\"\n"
         "  zonesdir: \"" +
         dir +
         "\"\n"
         "  database: \"\"\n"
         "  zonelistfile: \"" +
         dir +
         "/zone.list\"\n"
         "  pidfile: \"" +
         dir +
         "/nsd.pid\"\n"
         "  xfrdfile: \"" +
         dir +
         "/xfrd.state\"\n"
         "  xfrdir: \"" +
         dir +
         "\"\n"
         "  logfile: \"" +
         dir +
         "/nsd.log\"\n"
         "  server-count: 1\n"
         "  verbosity: 1\n"
         "  rrl-ratelimit: 0\n"
         "  rrl-whitelist-ratelimit: 0\n"
         "remote-control:\n"
         "  control-enable: no\n"
         "zone:\n"
         "  name: \".\"\n"
         "  zonefile: \"root.zone\"\n";
}

std::string read_log(const std::filesystem::path& directory) {
  std::string log;
  for (const char* name : {"nsd.log", "nsd.out"}) {
    std::ifstream in(directory / name);
    log += std::string(std::istreambuf_iterator<char>(in), {});
  }
  return log;
}

}  // namespace

bool answers_as(std::uint16_t port, std::string_view identity, std::chrono::milliseconds patience) {
  constexpr std::uint16_t kTypeTxt = 16;
  const int sock = socket(AF_INET, SOCK_DGRAM, 0);
  const sockaddr_in server = loopback_address(port);
  const std::string query = make_query(0x5151, "id.server", kTypeTxt, kClassChaos);
  const auto deadline = std::chrono::steady_clock::now() + patience;
  bool answered = false;
  while (!answered && std::chrono::steady_clock::now() < deadline) {
    sendto(sock, query.data(), query.size(), 0, reinterpret_cast<const sockaddr*>(&server),
           sizeof server);
    pollfd readable{sock, POLLIN, 0};
    if (poll(&readable, 1, 50) > 0) {
      char reply[512];
      const ssize_t size = recv(sock, reply, sizeof reply, 0);
      answered = size >= 2 && static_cast<unsigned char>(reply[0]) == 0x51 &&
                 std::string_view(reply, size).find(identity) != std::string_view::npos;
    }
  }
  close(sock);
  return answered;
}

std::string NsdServer::root_zone(const std::string& records) {
  return "$ORIGIN .\n$TTL 300\n"
         ". SOA ns.test. hostmaster.test. 1 3600 600 86400 60\n"
         ". NS ns.test.\n"
         "ns.test. A 127.0.0.1\n" +
         records;
}

NsdServer::NsdServer(const std::string& records) { start(root_zone(records)); }

std::unique_ptr<NsdServer> NsdServer::serving_zone_file(const std::string& zone) {
  std::unique_ptr<NsdServer> server(new NsdServer);
  server->start(zone);
  return server;
}

void NsdServer::start(const std::string& zone) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "bounceguard-nsd-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a directory for NSD");
  directory_ = pattern;
  write_file(directory_ / "root.zone", zone);
  // Another test may take the port between the probe and NSD's bind: then try another. The
  // readiness probe checks the server's identity, as the one answering may be another test's.
  for (int attempt = 0; attempt < kStartAttempts; ++attempt)
    if (start_on(free_loopback_port())) return;
  const std::string log = read_log(directory_);
  std::filesystem::remove_all(directory_);
  throw std::runtime_error("NSD did not start: " + log);
}

NsdServer::~NsdServer() {
  stop();
  std::error_code ignored;
  if (!directory_.empty()) std::filesystem::remove_all(directory_, ignored);
}

ResolverAddress NsdServer::address() const {
  return ResolverAddress{*IpAddress::parse("127.0.0.1"), port_};
}

ResolverOptions NsdServer::resolver_options(std::chrono::milliseconds timeout) const {
  ResolverOptions options;
  options.server = address();
  options.timeout = timeout;
  options.trust_anchor_file = "";
  return options;
}

bool NsdServer::start_on(std::uint16_t port) {
  const std::filesystem::path config = directory_ / "nsd.conf";
  write_file(config, configuration(directory_, port));
  const std::string output = (directory_ / "nsd.out").string();
  std::string program = BOUNCEGUARD_NSD;
  std::string foreground = "-d";
  std::string config_flag = "-c";
  std::string config_path = config.string();
  char* argv[] = {program.data(), foreground.data(), config_flag.data(), config_path.data(),
                  nullptr};
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot start " + program);
  if (pid_ == 0) {
    // NSD must not outlive a test that crashes or is killed on a timeout.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    const int log = open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    execv(argv[0], argv);
    _exit(127);
  }

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (answers_as(port, identity(directory_), std::chrono::milliseconds(100))) {
      port_ = port;
      return true;
    }
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {  // it gave up, e.g. the port was taken
      pid_ = -1;
      return false;
    }
  }
  stop();
  return false;
}

void NsdServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  for (int waited = 0; waited < 100; ++waited) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace bg::dns::testing
