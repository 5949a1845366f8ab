#pragma once
// The files a scan has taken to read, known by device and inode rather than by name, so that a
// file met again is read once: named twice, named and inside a folder also named, in two nested
// folders that are both named, or linked twice within one folder (Dovecot links a copied
// message into each folder it is copied to).
#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <unordered_map>

namespace bg::mailbox {

struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileIdentity&) const = default;
};

class FileClaims {
 public:
  // Claims `file` for the input named `input`. Returns the input that claimed it before, or
  // null when this claim is the first.
  const std::string* claim(FileIdentity file, const std::string& input);
  // Makes room for `files` more claims.
  void reserve(std::size_t files) { holders_.reserve(holders_.size() + files); }

 private:
  struct Hash {
    std::size_t operator()(const FileIdentity& file) const {
      return std::hash<std::uint64_t>()(static_cast<std::uint64_t>(file.inode) * 0x9E3779B97F4A7C15ull ^
                                        static_cast<std::uint64_t>(file.device));
    }
  };
  std::deque<std::string> inputs_;  // each input that claimed a file, once; a deque, so names stay put
  std::unordered_map<FileIdentity, std::size_t, Hash> holders_;  // file -> index into inputs_
};

}  // namespace bg::mailbox
