#pragma once
// Reading the corpus files the MIME tests parse.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace bg::mime::corpus {

inline std::filesystem::path data_dir() { return BOUNCEGUARD_TEST_DATA; }

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace bg::mime::corpus
