// Fuzzes the whole bounce reading path on one message: candidate check, MIME tree, flattening,
// every format module, reason resolution and record building.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "bounce/bounce_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static bg::bounce::BounceReader reader;
  bg::mailbox::RawMessage message;
  message.bytes = std::string_view(reinterpret_cast<const char*>(data), size);
  message.origin = "fuzz";
  message.mbox_quoted = size > 0 && (data[0] & 1);
  std::vector<bg::bounce::Record> records;
  reader.read(message, records);
  return 0;
}
