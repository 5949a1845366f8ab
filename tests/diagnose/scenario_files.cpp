#include "scenario_files.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "mail_dates.h"

namespace bg::testing::scenarios {

std::string mbox_message(std::string_view envelope_sender, std::int64_t unix_time, const std::string& message) {
  std::string out = "From " + std::string(envelope_sender) + " " + mbox_date(unix_time) + "\n";
  out.reserve(message.size() + 128);
  std::size_t at = 0;
  while (at < message.size()) {
    std::size_t end = message.find('\n', at);
    end = end == std::string::npos ? message.size() : end + 1;
    const std::string_view line(message.data() + at, end - at);
    // mboxrd: a line that reads "From " after any '>' gains one more '>'.
    const std::size_t quotes = line.find_first_not_of('>');
    if (quotes != std::string_view::npos && line.substr(quotes).starts_with("From ")) out += '>';
    out.append(line);
    at = end;
  }
  if (!out.ends_with('\n')) out += '\n';
  return out + "\n";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace bg::testing::scenarios
