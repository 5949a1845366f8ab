#pragma once
// Bounce Address Tag Validation (BATV, "prvs" scheme): a server that tags the envelope sender of
// its outgoing mail ("prvs=1234abcdef=alice@example.com") receives bounces for its real mail at
// tagged addresses, while backscatter for forged mail comes to the plain address.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bg::diagnose {

struct BatvTag {
  std::string address;  // the address without the tag
  int key = 0;
  int day = 0;          // the day the tag expires: days since 1970, modulo 1000
  std::string hash;
};

// Reads "prvs=KDDDSSSSSS=local@domain"; nullopt when the address carries no well-formed tag.
std::optional<BatvTag> read_batv(std::string_view address);

// Whether the tag was still valid at `when` (Unix time): it expires on its day, a week or so
// after it was made (some servers write the day it was made instead, so a few days past are
// taken too). A tag's hash can only be checked with the server's key, but a tag copied from old
// mail has a day long gone.
bool is_fresh(const BatvTag& tag, std::int64_t when);

}  // namespace bg::diagnose
