#pragma once
// A temporary file that holds serialized records until the summary that must precede them is
// known, so a report over a huge mailbox keeps memory bounded. The file is deleted on close.
#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace bg::report {

class SpillFile {
 public:
  SpillFile();  // throws std::runtime_error when no temporary file can be created

  void append(std::string_view bytes);

  // Copies everything appended so far to `out`.
  void copy_to(std::ostream& out);

  // Reads the appended text back line by line from the start: call rewind() once, then
  // next_line() until it returns false. Lines come without their '\n'.
  void rewind();
  bool next_line(std::string& line);

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::unique_ptr<std::FILE, Closer> file_;
};

}  // namespace bg::report
