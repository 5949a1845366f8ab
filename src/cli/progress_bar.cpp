#include "cli/progress_bar.h"

#include <unistd.h>

#include <string>

#include "report/human_number.h"

namespace bg::cli {

namespace {

std::string megabytes(std::uint64_t bytes) {
  return report::human_number(bytes / (1024 * 1024)) + " MB";
}

}  // namespace

ProgressBar::ProgressBar(std::FILE* terminal)
    : terminal_(terminal), enabled_(isatty(fileno(terminal)) != 0) {}

void ProgressBar::update(const scan::Progress& progress) {
  if (!enabled_ || progress.seconds < 1.0) return;
  std::string line = "\rscanning ";
  if (progress.bytes_total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(progress.bytes_read) / progress.bytes_total);
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(fraction * kWidth);
    line += "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
    line += std::to_string(static_cast<int>(fraction * 100)) + "% of " + megabytes(progress.bytes_total) + ", ";
  } else {
    line += megabytes(progress.bytes_read) + ", ";
  }
  line += report::human_number(progress.messages) + " messages, " + report::human_number(progress.records) +
          " failed recipients ";
  std::fputs(line.c_str(), terminal_);
  std::fflush(terminal_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", terminal_);
  std::fflush(terminal_);
  drawn_ = false;
}

}  // namespace bg::cli
