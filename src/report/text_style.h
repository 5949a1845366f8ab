#pragma once
// ANSI colour for the text report, or none: every styling call returns its text unchanged when
// colour is off, so the layout code never branches on it.
#include <string>
#include <string_view>

namespace bg::report {

class TextStyle {
 public:
  explicit TextStyle(bool color) : color_(color) {}

  std::string heading(std::string_view text) const { return wrap("\x1b[1m", text); }
  std::string hard(std::string_view text) const { return wrap("\x1b[31m", text); }
  std::string soft(std::string_view text) const { return wrap("\x1b[33m", text); }
  std::string quiet(std::string_view text) const { return wrap("\x1b[2m", text); }

 private:
  std::string wrap(std::string_view code, std::string_view text) const {
    if (!color_ || text.empty()) return std::string(text);
    return std::string(code) + std::string(text) + "\x1b[0m";
  }

  bool color_;
};

}  // namespace bg::report
