#pragma once
// The mail log of the owner's Postfix server: for every message it relayed, the submission,
// the Message-ID, the sender and each delivery attempt's outcome, as syslog writes them.
#include <cstdint>
#include <string>
#include <vector>

#include "outbound_mail.h"
#include "owner.h"
#include "scenario_random.h"

namespace bg::testing::scenarios {

struct Delivery {
  std::string relay_host;  // the recipient's server the owner's server talked to
  std::string relay_ip;
  std::int64_t at = 0;
  bool refused = false;   // "status=bounced", and a non-delivery notice to the sender
  std::string dsn;        // "2.0.0", "5.7.1"
  std::string reply;      // the server's answer
  std::string command;    // what it answered, when refused: "RCPT TO"...
};

class PostfixLog {
 public:
  PostfixLog(const Owner& owner, ScenarioRandom& random)
      : owner_(&owner), random_(&random), queue_manager_pid_(random.between(300, 3000)) {}

  // Logs `mail`, which passed through the owner's server, and its delivery.
  void record(const OutboundMail& mail, const Delivery& delivery);
  // The whole log in time order.
  std::string text() const;

 private:
  // A line of `process`; pid 0 stands for a short-lived process with a pid of its own.
  void line(std::int64_t at, const std::string& process, int pid, const std::string& text);

  const Owner* owner_;
  ScenarioRandom* random_;
  int queue_manager_pid_;  // qmgr runs as long as the server
  struct Line {
    std::int64_t at;
    std::size_t order;
    std::string text;
  };
  std::vector<Line> lines_;
};

}  // namespace bg::testing::scenarios
