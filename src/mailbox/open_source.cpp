#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "mailbox/directory_walker.h"
#include "mailbox/file_claims.h"
#include "mailbox/file_list_reader.h"
#include "mailbox/file_source.h"
#include "mailbox/message_source.h"
#include "mailbox/same_file.h"
#include "mailbox/stream_source.h"

namespace bg::mailbox {

namespace {

// Standard input, a pipe or a device (as a shell's process substitution gives): read as a stream.
std::unique_ptr<MessageSource> open_stream(FileDescriptor fd, const std::string& origin) {
  struct stat info {};
  const bool sized = ::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode);  // "< file"
  const std::uint64_t total = sized ? static_cast<std::uint64_t>(info.st_size) : 0;
  try {
    return open_stream_source(std::make_unique<FdStream>(std::move(fd)), origin, FileRole::named, total);
  } catch (const StreamError& error) {
    throw InputError(origin, error.what());
  }
}

// Keeps of `files`, found in the folder `folder`, those that no other input holds (a file named,
// an earlier folder), nor an earlier name in the folder itself; the others are passed over with
// one notice for each input that holds some.
void keep_unclaimed(std::vector<FoundFile>& files, const std::string& folder, FileClaims& claims,
                    std::vector<ReadProblem>& problems) {
  std::vector<std::pair<std::string, std::size_t>> held;  // the input that holds them, how many
  // With one input, a file is met twice only through a link: only the linked files, and those a
  // link leads to, need claiming, which spares a Maildir of plain files a table of them all.
  std::vector<FileIdentity> linked;
  if (!claims.several_inputs()) {
    for (const FoundFile& file : files)
      if (file.linked) linked.push_back(file.identity);
    std::sort(linked.begin(), linked.end());
  }
  const auto may_be_met_again = [&](const FoundFile& file) {
    return claims.several_inputs() || file.linked || std::binary_search(linked.begin(), linked.end(), file.identity);
  };
  std::erase_if(files, [&](const FoundFile& file) {
    if (!may_be_met_again(file)) return false;
    const std::string* holder = claims.claim(file.identity, folder);
    if (holder == nullptr) return false;
    auto counted = std::find_if(held.begin(), held.end(), [&](const auto& entry) { return entry.first == *holder; });
    if (counted == held.end()) counted = held.insert(held.end(), {*holder, 0});
    ++counted->second;
    return true;
  });
  for (const auto& [holder, count] : held) {
    const std::string passed_over = std::to_string(count) + (count == 1 ? " file" : " files");
    problems.push_back({folder, holder == folder
                                    ? passed_over + (count == 1 ? " is a link" : " are links") + " to mail read already"
                                    : passed_over + " read through " + holder + " instead"});
  }
}

std::unique_ptr<MessageSource> open_directory(const std::string& path, FileClaims& claims) {
  std::vector<ReadProblem> problems;
  std::vector<FoundFile> files = find_mail_files(path, problems);
  const std::size_t found_count = files.size();
  keep_unclaimed(files, path, claims, problems);
  const std::size_t file_count = files.size();
  auto reader = std::make_unique<FileListReader>(std::move(files), std::move(problems));
  // A folder all of whose files were read already leaves only its notice.
  if (file_count == 0 && found_count > 0) return reader;
  if (!reader->read_ahead()) {
    std::string what = "no mail found";
    if (file_count > 0) what += " in its " + std::to_string(file_count) + (file_count == 1 ? " file" : " files");
    throw InputError(path, what + reader->why_no_mail(reader->take_problems()));
  }
  return reader;
}

std::unique_ptr<MessageSource> open_regular_file(FileDescriptor fd, const std::string& path,
                                                 std::uint64_t size) {
  std::unique_ptr<MessageSource> source;
  try {
    source = open_file(std::move(fd), path, size, FileRole::named);
  } catch (const std::runtime_error& error) {
    throw InputError(path, error.what());
  }
  if (!source) throw InputError(path, "not a mail file (binary content)");
  return source;
}

// Opens `path` as open_source() does; a folder passes over the files `claims` shows taken.
std::unique_ptr<MessageSource> open_claimed(const std::string& path, FileClaims& claims) {
  if (path == "-") {
    FileDescriptor fd(::dup(STDIN_FILENO));
    if (!fd.valid()) throw InputError("standard input", std::strerror(errno));
    return open_stream(std::move(fd), path);
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw InputError(path, std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return open_directory(path, claims);

  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw InputError(path, std::strerror(errno));
  if (!S_ISREG(info.st_mode)) return open_stream(std::move(fd), path);
  return open_regular_file(std::move(fd), path, static_cast<std::uint64_t>(info.st_size));
}

}  // namespace

std::unique_ptr<MessageSource> open_source(const std::string& path) {
  FileClaims claims;
  return open_claimed(path, claims);
}

std::vector<std::unique_ptr<MessageSource>> open_sources(const std::vector<std::string>& paths,
                                                         std::vector<ReadProblem>& notices) {
  std::vector<std::string> kept;
  FileClaims claims(paths.size() > 1);
  for (const std::string& path : paths) {
    // "-" is standard input, not a path: a second one finds it already read to the end.
    if (const std::string* earlier = path == "-" ? nullptr : same_file_among(path, kept)) {
      notices.push_back({path, "the same as " + *earlier + ", read once"});
      continue;
    }
    kept.push_back(path);
    // A file named is read as named, as mail whatever it looks like; the folders pass over it.
    struct stat info {};
    if (path != "-" && ::stat(path.c_str(), &info) == 0 && !S_ISDIR(info.st_mode))
      claims.claim({info.st_dev, info.st_ino}, path);
  }
  std::vector<std::unique_ptr<MessageSource>> sources;
  for (const std::string& path : kept) sources.push_back(open_claimed(path, claims));
  return sources;
}

}  // namespace bg::mailbox
