#pragma once
// The notice qmail-send writes, and that other servers copy: each failed address alone on a
// line as "<kijitora@example.jp>:", the error text below it ("192.0.2.1 does not like
// recipient.", "Remote host said: 550 ..."). Says which command the remote host refused, which
// host it was, and what qmail's own messages (data/reasons, [format qmail]) mean.
#include <string_view>
#include <vector>

#include "bounce/delivery_status.h"

namespace bg::bounce {

// Reads the notice after its first line that `opens_report` accepts; one status per address.
std::vector<DeliveryStatus> read_qmail_notice(std::string_view notice,
                                              bool (*opens_report)(std::string_view line));

}  // namespace bg::bounce
