#pragma once
// Reads files one after another, as the files of a folder or the members of an archive: small
// ones into shared buffers, many files to a batch, which is much faster than a reader for each;
// a large file, or one of unknown size, by a reader of its own. The small files before a large
// one leave in a batch of their own, so that messages keep their order.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailbox/message_source.h"
#include "mailbox/small_file_batch.h"

namespace bg::mailbox {

class FileSequenceReader : public MessageSource {
 public:
  // Reads ahead to the first message; false when no file holds any.
  bool read_ahead();

  bool next(Batch& batch) final;
  std::vector<ReadProblem> take_problems() final { return std::move(problems_); }

  // Why no mail was found, for the end of an error message: " (FILE: what)" for the first of
  // `problems`, or else for the first mail program's file passed over (saying where an mdbox
  // mailbox's messages are); empty when neither.
  std::string why_no_mail(const std::vector<ReadProblem>& problems) const;

 protected:
  // `problems` are those met before reading, reported first.
  explicit FileSequenceReader(std::vector<ReadProblem> problems = {}) : problems_(std::move(problems)) {}

  // Whether a file is left to read, and its size when known.
  virtual bool next_file(std::optional<std::uint64_t>& size) = 0;
  // Reads the next file, which has room in `buffer`, appending its messages to `batch`; or gives
  // it a reader of its own when it turns out to need one.
  virtual void read_small_file(SmallFileBatch& buffer, Batch& batch) = 0;
  // Gives the next file, large or of unknown size, a reader of its own, or passes it over with a
  // problem.
  virtual void open_large_file() = 0;
  // The file's own reader gave its last message; `failed` when some of its bytes could not be read.
  virtual void own_reader_done(bool failed) = 0;

  // Passes over a file that holds no mail, named `origin` in notices and `path` where it was
  // found: quietly when it is one of a mail program's own files, else with a problem.
  void pass_over_not_mail(const std::string& origin, std::string_view path);

  std::unique_ptr<MessageSource> own_reader_;
  std::vector<ReadProblem> problems_;

 private:
  // Moves the problems of the file's own reader to problems_; true when some are unreadable.
  bool take_own_reader_problems();

  std::optional<Batch> read_ahead_;
  bool own_reader_failed_ = false;
  std::string first_program_file_;  // the first mail program's file passed over
};

}  // namespace bg::mailbox
