// Fuzzes the whole bounce reading path on one message: candidate check, MIME tree, flattening,
// every format module, reason resolution and record building; then writes each record as the
// jsonl, csv and text formats do. Whatever bytes a record carries, its JSON must parse and its
// CSV must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bounce/bounce_reader.h"
#include "mime/charset.h"
#include "report/record_json_text.h"
#include "report/record_writer.h"

namespace {

void write_in_every_format(const bg::bounce::Record& record) {
  std::string json;
  bg::report::append_record_json(record, json);
  if (!nlohmann::json::accept(json)) std::abort();

  std::ostringstream csv;
  const auto csv_writer = bg::report::make_writer(bg::report::Format::kCsv, csv, {});
  csv_writer->write(record);
  if (!bg::mime::is_valid_utf8(csv.str())) std::abort();

  std::ostringstream text;
  const auto text_writer = bg::report::make_writer(bg::report::Format::kText, text, {});
  text_writer->write(record);
  text_writer->finish({}, nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static bg::bounce::BounceReader reader;
  bg::mailbox::RawMessage message;
  message.bytes = std::string_view(reinterpret_cast<const char*>(data), size);
  message.origin = "fuzz";
  message.mbox_quoted = size > 0 && (data[0] & 1);
  std::vector<bg::bounce::Record> records;
  reader.read(message, records);
  for (const bg::bounce::Record& record : records) write_in_every_format(record);
  return 0;
}
