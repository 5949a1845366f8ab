#pragma once
// The index of a name in a short, fixed list (the reasons, the phrase scopes), looked up many
// times per bounce. An open-addressing table hashed on the name's length and a few of its bytes
// costs a handful of instructions where a general hash of the whole name costs tens.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "mime/ascii.h"

namespace bg::bounce {

class NameIndex {
 public:
  static constexpr std::size_t kCapacity = 256;  // a power of two, several times the names

  explicit NameIndex(std::span<const std::string_view> names);

  // The position of `name` in the list, or -1.
  int find(std::string_view name) const {
    for (std::size_t slot = hash(name);; slot = (slot + 1) & (kCapacity - 1)) {
      const Entry& entry = slots_[slot];
      if (entry.index < 0) return -1;
      if (entry.name == name) return entry.index;
    }
  }
  // The same for `name` in any ASCII case, in a list of lowercase names: the bytes the hash
  // reads are lowercased, and the name compared, where it lies, rather than a lowercased copy
  // of it made first.
  int find_in_any_case(std::string_view name) const {
    for (std::size_t slot = hash<true>(name);; slot = (slot + 1) & (kCapacity - 1)) {
      const Entry& entry = slots_[slot];
      if (entry.index < 0) return -1;
      if (mime::iequals(entry.name, name)) return entry.index;
    }
  }

 private:
  struct Entry {
    std::string_view name;
    int index = -1;
  };
  // With kLowercase, the bytes read are lowercased: a lowercase name hashes alike either way.
  template <bool kLowercase = false>
  static std::size_t hash(std::string_view name) {
    if (name.empty()) return 0;
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint8_t>(kLowercase ? mime::to_lower_ascii(name[i]) : name[i]);
    };
    const std::uint32_t mixed =
        static_cast<std::uint32_t>(name.size()) * 0x9E3779B1u ^ byte(0) * 0x85EBCA6Bu ^
        byte(name.size() - 1) * 0xC2B2AE35u ^ byte(name.size() / 2) * 0x27D4EB2Fu;
    return (mixed ^ (mixed >> 15)) & (kCapacity - 1);
  }
  std::array<Entry, kCapacity> slots_{};
};

}  // namespace bg::bounce
