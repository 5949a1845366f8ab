#pragma once
// The files mail programs keep beside their mailboxes (data/mail-program-files.tsv): a folder of
// Thunderbird's holds a summary file per mailbox, and reporting each as "not a mail file" would
// bury the notices that matter.
#include <string_view>

namespace bg::mailbox {

// Whether the file at `path` (a folder's file, or an archive member's path) is named as one of a
// mail program's own files.
bool is_mail_program_file(std::string_view path);

}  // namespace bg::mailbox
