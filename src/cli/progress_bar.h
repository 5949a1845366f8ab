#pragma once
// A one-line progress bar on standard error, for scans long enough to wonder about: it appears
// only when standard error is a terminal and after the first second, and is wiped at the end.
#include <cstdio>

#include "scan/scanner.h"

namespace bg::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::FILE* terminal);
  void update(const scan::Progress& progress);
  // Clears the line if anything was drawn.
  void finish();

 private:
  std::FILE* terminal_;
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace bg::cli
