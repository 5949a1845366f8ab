#pragma once
// How the bytes of a file divide into messages, which depends on what the file holds and on how
// it was found.
#include <string_view>
#include <vector>

#include "mailbox/sniff.h"

namespace bg::mailbox {

enum class FileRole {
  named,         // named by the user: any readable text is read, even if it hardly looks like mail
  in_directory,  // met while walking a directory: only what looks like mail is read
  in_maildir,    // a Maildir file: one message, whatever it looks like
};

enum class Layout { mailbox, single_message, not_mail };

// The layout of an uncompressed file. An mbox is read as one message when it is a Maildir file
// or its name ends in ".eml": such a file holds one message by definition, and some bounces
// quote the returned message with its envelope line and no mbox quoting.
Layout choose_layout(Content content, FileRole role, std::string_view path);

// Appends the non-empty messages of the whole text of a file to `messages`. A single message
// loses a leading envelope line, as a Maildir file written from an mbox may carry one.
void split_whole(std::string_view text, Layout layout, std::vector<std::string_view>& messages);

}  // namespace bg::mailbox
