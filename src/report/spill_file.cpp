#include "report/spill_file.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace bg::report {

namespace {

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

SpillFile::SpillFile() : file_(std::tmpfile()) {
  if (!file_) fail("cannot create a temporary file for the report");
}

void SpillFile::append(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size())
    fail("cannot write the report's temporary file");
}

void SpillFile::copy_to(std::ostream& out) {
  rewind();
  char buffer[1 << 16];
  while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, file_.get()))
    out.write(buffer, static_cast<std::streamsize>(got));
  if (std::ferror(file_.get())) fail("cannot read the report's temporary file back");
}

void SpillFile::rewind() {
  if (std::fflush(file_.get()) != 0) fail("cannot write the report's temporary file");
  std::rewind(file_.get());
}

bool SpillFile::next_line(std::string& line) {
  line.clear();
  int c;
  while ((c = std::getc(file_.get())) != EOF && c != '\n') line.push_back(static_cast<char>(c));
  if (c == EOF && std::ferror(file_.get())) fail("cannot read the report's temporary file back");
  return c != EOF || !line.empty();
}

}  // namespace bg::report
