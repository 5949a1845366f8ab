#include "mailbox/directory_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>

namespace bg::mailbox {

namespace {

struct DirCloser {
  void operator()(DIR* dir) const { ::closedir(dir); }
};
using DirHandle = std::unique_ptr<DIR, DirCloser>;

std::string join(const std::string& directory, const std::string& name) {
  return directory.ends_with('/') ? directory + name : directory + '/' + name;
}

FileIdentity identity_of(const struct stat& info) { return {info.st_dev, info.st_ino}; }

bool is_hidden(const std::string& name) { return name.starts_with('.'); }

struct Entry {
  std::string name;
  bool link = false;  // a symbolic link, or of a type the file system does not tell
  bool operator<(const Entry& other) const { return name < other.name; }
};

// The entries of `dir`, sorted by name, without "." and "..".
std::vector<Entry> sorted_entries(DIR* dir) {
  std::vector<Entry> entries;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name != "." && name != "..")
      entries.push_back({std::string(name), entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN});
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

bool has_subdirectory(int dir_fd, const char* name) {
  struct stat info {};
  return ::fstatat(dir_fd, name, &info, 0) == 0 && S_ISDIR(info.st_mode);
}

bool is_maildir(int dir_fd) {
  return has_subdirectory(dir_fd, "cur") || has_subdirectory(dir_fd, "new");
}

class Walker {
 public:
  Walker(std::vector<FoundFile>& files, std::vector<ReadProblem>& problems)
      : files_(files), problems_(problems) {}

  void walk(const std::string& path, DirHandle dir) {
    struct stat self {};
    ::fstat(::dirfd(dir.get()), &self);
    const FileIdentity identity = identity_of(self);
    if (std::find(ancestors_.begin(), ancestors_.end(), identity) != ancestors_.end()) {
      problems_.push_back({path, "skipped: a link back to a directory above it"});
      return;
    }
    ancestors_.push_back(identity);
    const int dir_fd = ::dirfd(dir.get());
    const bool maildir = is_maildir(dir_fd);
    if (maildir) {
      add_maildir_files(path, "cur");
      add_maildir_files(path, "new");
    }
    for (const auto& [name, link] : sorted_entries(dir.get())) {
      if (maildir && (name == "cur" || name == "new" || name == "tmp")) continue;
      if (is_hidden(name) && !maildir) continue;
      const std::string child = join(path, name);
      struct stat info {};
      if (::fstatat(dir_fd, name.c_str(), &info, 0) != 0) {
        // A link to nothing holds nothing to lose; any other failure hides what is there.
        problems_.push_back({child, std::strerror(errno), errno != ENOENT});
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        // In a Maildir, hidden subdirectories are the Maildir++ folders.
        if (is_hidden(name) && !is_subfolder(dir_fd, name)) continue;
        if (DirHandle subdirectory = open_directory(child)) {
          const bool outer = inside_link_;
          inside_link_ = inside_link_ || link;
          walk(child, std::move(subdirectory));
          inside_link_ = outer;
        }
      } else if (S_ISREG(info.st_mode) && !maildir) {
        // Files beside cur/ and new/ are the Maildir's own bookkeeping (dovecot-uidlist...).
        add_file(child, info, FileRole::in_directory, link);
      }
    }
    ancestors_.pop_back();
  }

  // Opens a directory met during the walk; a problem when that fails.
  DirHandle open_directory(const std::string& path) {
    DirHandle dir(::opendir(path.c_str()));
    if (!dir) problems_.push_back({path, std::strerror(errno), true});
    return dir;
  }

 private:
  bool is_subfolder(int dir_fd, const std::string& name) {
    const int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool maildir = is_maildir(fd);
    ::close(fd);
    return maildir;
  }

  void add_maildir_files(const std::string& maildir, const char* subdirectory) {
    const std::string path = join(maildir, subdirectory);
    DirHandle dir(::opendir(path.c_str()));
    if (!dir) {
      if (errno != ENOENT && errno != ENOTDIR) problems_.push_back({path, std::strerror(errno), true});
      return;
    }
    for (const auto& [name, link] : sorted_entries(dir.get())) {
      if (is_hidden(name)) continue;
      const std::string child = join(path, name);
      struct stat info {};
      if (::fstatat(::dirfd(dir.get()), name.c_str(), &info, 0) != 0) {
        problems_.push_back({child, std::strerror(errno), true});
        continue;
      }
      if (S_ISREG(info.st_mode)) add_file(child, info, FileRole::in_maildir, link);
    }
  }

  void add_file(const std::string& path, const struct stat& info, FileRole role, bool link) {
    files_.push_back({path, static_cast<std::uint64_t>(info.st_size), identity_of(info), role,
                      inside_link_ || link || info.st_nlink > 1});
  }

  std::vector<FoundFile>& files_;
  std::vector<ReadProblem>& problems_;
  bool inside_link_ = false;  // the walk went through a linked directory to get here
  std::vector<FileIdentity> ancestors_;  // guards against symbolic link loops
};

}  // namespace

std::vector<FoundFile> find_mail_files(const std::string& root,
                                       std::vector<ReadProblem>& problems) {
  DirHandle dir(::opendir(root.c_str()));
  if (!dir) throw InputError(root, std::strerror(errno));
  std::vector<FoundFile> files;
  Walker(files, problems).walk(root, std::move(dir));
  return files;
}

}  // namespace bg::mailbox
