#include "mailbox/file_sequence_reader.h"

#include <utility>

#include "mailbox/dbox.h"
#include "mailbox/mail_program_files.h"

namespace bg::mailbox {

bool FileSequenceReader::read_ahead() {
  Batch batch;
  if (!next(batch)) return false;
  read_ahead_ = std::move(batch);
  return true;
}

bool FileSequenceReader::next(Batch& batch) {
  if (read_ahead_) {
    batch = std::move(*read_ahead_);
    read_ahead_.reset();
    return true;
  }
  batch.messages.clear();
  batch.storage.reset();
  std::shared_ptr<SmallFileBatch> buffer;
  while (true) {
    if (own_reader_) {
      if (!batch.messages.empty()) break;  // the small files before it first
      const bool got = own_reader_->next(batch);
      own_reader_failed_ = take_own_reader_problems() || own_reader_failed_;
      if (got) return true;
      own_reader_.reset();
      own_reader_done(std::exchange(own_reader_failed_, false));
      continue;
    }
    std::optional<std::uint64_t> size;
    if (!next_file(size)) break;
    if (!size || *size > SmallFileBatch::kLargestFile) {
      if (!batch.messages.empty()) break;  // this batch first, then the large file
      open_large_file();
      continue;
    }
    if (!buffer) buffer = std::make_shared<SmallFileBatch>();
    if (!buffer->has_room_for(*size)) break;
    read_small_file(*buffer, batch);
  }
  if (!batch.messages.empty()) batch.storage = std::move(buffer);
  return !batch.messages.empty();
}

bool FileSequenceReader::take_own_reader_problems() {
  bool unreadable = false;
  for (ReadProblem& problem : own_reader_->take_problems()) {
    unreadable = unreadable || problem.unreadable;
    problems_.push_back(std::move(problem));
  }
  return unreadable;
}

void FileSequenceReader::pass_over_not_mail(const std::string& origin, std::string_view path) {
  if (!is_mail_program_file(path)) {
    problems_.push_back({origin, "not a mail file"});
  } else if (first_program_file_.empty()) {
    first_program_file_ = origin;
  }
}

std::string FileSequenceReader::why_no_mail(const std::vector<ReadProblem>& problems) const {
  if (!problems.empty()) return " (" + problems.front().origin + ": " + problems.front().what + ")";
  if (in_mdbox_mailbox(first_program_file_))
    return " (" + first_program_file_ +
           ": a mailbox of a Dovecot mdbox store, which holds only indexes; its messages lie in the store's "
           "storage folder, with every other mailbox's)";
  if (!first_program_file_.empty()) return " (" + first_program_file_ + ": a mail program's own file)";
  return "";
}

}  // namespace bg::mailbox
