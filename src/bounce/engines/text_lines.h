#pragma once
// Reading a bounce's text line by line, the way format modules do:
//   for (std::string_view line : TextLines(notice)) ...
#include <string_view>

#include "mime/lines.h"

namespace bg::bounce {

class TextLines {
 public:
  explicit TextLines(std::string_view text) : text_(text) {}

  class Iterator {
   public:
    Iterator(std::string_view text, std::size_t pos) : text_(text), pos_(pos) { read(); }
    std::string_view operator*() const { return line_.text; }
    Iterator& operator++() {
      pos_ = line_.next;
      read();
      return *this;
    }
    bool operator!=(const Iterator& other) const { return pos_ != other.pos_; }

   private:
    void read() {
      if (pos_ < text_.size()) line_ = mime::line_at(text_, pos_);
    }
    std::string_view text_;
    std::size_t pos_;
    mime::Line line_;
  };

  Iterator begin() const { return {text_, 0}; }
  Iterator end() const { return {text_, text_.size()}; }

 private:
  std::string_view text_;
};

}  // namespace bg::bounce
