#pragma once
// Finds the files to read under a directory, in a reproducible order (sorted by name, depth
// first). A Maildir (a directory with cur/ or new/) contributes the files of cur/ and then new/,
// and its Maildir++ folders (hidden subdirectories that are Maildirs: ".Sent", ".Archive"...);
// tmp/ holds mail still being delivered and is left alone. Elsewhere hidden files and
// directories are skipped, as are files that are neither regular nor links to regular files.
#include <cstdint>
#include <string>
#include <vector>

#include "mailbox/file_claims.h"
#include "mailbox/layout.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

struct FoundFile {
  std::string path;
  std::uint64_t size = 0;
  FileIdentity identity;
  FileRole role = FileRole::in_directory;
  // Reached through a link (symbolic, or a hard link: one of several names of the file), so it
  // may be met again under another name.
  bool linked = false;
};

// Lists the files under the directory `root`. Subdirectories and files that cannot be looked at
// are appended to `problems`; throws InputError when `root` itself cannot be listed.
std::vector<FoundFile> find_mail_files(const std::string& root, std::vector<ReadProblem>& problems);

}  // namespace bg::mailbox
