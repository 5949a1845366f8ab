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

struct Name {
  std::string name;
  bool link = false;  // a symbolic link, or of a type the file system does not tell
  bool operator<(const Name& other) const { return name < other.name; }
};

// The names in `dir`, sorted, without "." and "..".
std::vector<Name> sorted_names(DIR* dir) {
  std::vector<Name> entries;
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
    // Every entry is looked at, and the folder closed, before any subfolder is walked: a deep
    // tree must not hold a descriptor open for each of its levels.
    for (Entry& entry : look_at_entries(path, std::move(dir))) {
      if (!entry.subfolder) {
        files_.push_back(std::move(entry.file));
        continue;
      }
      if (DirHandle subdirectory = open_directory(entry.file.path)) {
        const bool outer = inside_link_;
        inside_link_ = inside_link_ || entry.file.linked;
        walk(entry.file.path, std::move(subdirectory));
        inside_link_ = outer;
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
    for (const auto& [name, link] : sorted_names(dir.get())) {
      if (is_hidden(name)) continue;
      const std::string child = join(path, name);
      struct stat info {};
      if (::fstatat(::dirfd(dir.get()), name.c_str(), &info, 0) != 0) {
        problems_.push_back({child, std::strerror(errno), true});
        continue;
      }
      if (S_ISREG(info.st_mode)) files_.push_back(found_file(child, info, FileRole::in_maildir, link));
    }
  }

  // A file or a subfolder of the folder being walked, in the order of its name.
  struct Entry {
    FoundFile file;  // of a subfolder, the path, and whether it was reached through a link
    bool subfolder = false;
  };

  // The files and subfolders of the folder `path`, open as `dir`; a Maildir's messages go
  // straight to files_.
  std::vector<Entry> look_at_entries(const std::string& path, DirHandle dir) {
    const int dir_fd = ::dirfd(dir.get());
    const bool maildir = is_maildir(dir_fd);
    if (maildir) {
      add_maildir_files(path, "cur");
      add_maildir_files(path, "new");
    }
    std::vector<Entry> entries;
    for (const auto& [name, link] : sorted_names(dir.get())) {
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
        entries.push_back({{child, 0, {}, FileRole::in_directory, link}, true});
      } else if (S_ISREG(info.st_mode) && !maildir) {
        // Files beside cur/ and new/ are the Maildir's own bookkeeping (dovecot-uidlist...).
        entries.push_back({found_file(child, info, FileRole::in_directory, link), false});
      }
    }
    return entries;
  }

  FoundFile found_file(const std::string& path, const struct stat& info, FileRole role, bool link) const {
    return {path, static_cast<std::uint64_t>(info.st_size), identity_of(info), role,
            inside_link_ || link || info.st_nlink > 1};
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
