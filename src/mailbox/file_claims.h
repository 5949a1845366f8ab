#pragma once
// The files a scan has taken to read, known by device and inode rather than by name, so that a
// file met again is read once: named twice, named and inside a folder also named, in two nested
// folders that are both named, or linked twice within one folder (Dovecot links a copied
// message into each folder it is copied to).
#include <sys/types.h>

#include <compare>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <unordered_map>

namespace bg::mailbox {

struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  auto operator<=>(const FileIdentity&) const = default;
};

class FileClaims {
 public:
  // `several_inputs`: the scan reads more than one input, so any file may be met twice; with
  // one, only through a link.
  explicit FileClaims(bool several_inputs = false) : several_inputs_(several_inputs) {}
  bool several_inputs() const { return several_inputs_; }

  // Claims `file` for the input named `input`. Returns the input that claimed it before, or
  // null when this claim is the first.
  const std::string* claim(FileIdentity file, const std::string& input);

 private:
  struct Hash {
    std::size_t operator()(const FileIdentity& file) const {
      return std::hash<std::uint64_t>()(static_cast<std::uint64_t>(file.inode) * 0x9E3779B97F4A7C15ull ^
                                        static_cast<std::uint64_t>(file.device));
    }
  };
  bool several_inputs_;
  std::deque<std::string> inputs_;  // each input that claimed a file, once; a deque, so names stay put
  std::unordered_map<FileIdentity, std::size_t, Hash> holders_;  // file -> index into inputs_
};

}  // namespace bg::mailbox
