#pragma once
// Telling whether two paths name the same file or folder, whatever the names: an input given
// twice must be read once, and a report must never be written over an input.
#include <string>
#include <vector>

namespace bg::mailbox {

// The first of `paths` that names the same file or folder as `path` (by the same name, another
// one, or a link), or null. A path that does not exist names nothing.
const std::string* same_file_among(const std::string& path, const std::vector<std::string>& paths);

}  // namespace bg::mailbox
