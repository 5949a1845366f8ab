#pragma once
// How the bytes of a file divide into messages, which depends on what the file holds and on how
// it was found.
#include <string_view>
#include <vector>

#include "mailbox/message_source.h"
#include "mailbox/sniff.h"

namespace bg::mailbox {

enum class FileRole {
  named,         // named by the user: any readable text is read, even if it hardly looks like mail
  in_directory,  // met while walking a directory: only what looks like mail is read
  in_maildir,    // a Maildir file: one message, whatever it looks like
};

enum class Layout { mailbox, single_message, dbox, not_mail };

// What becomes of a message that the end of a file's text cuts short: kept as far as it goes
// (the text ends where the file does, or where the reader stops reading it), or dropped
// (reading failed there, and every reader drops the message a failure cuts short).
enum class CutMessage { keep, drop };

// The layout of an uncompressed file. A file that starts with an mbox "From " line is an mbox,
// whatever its name (saved .eml files sometimes hold several messages); a Maildir file is one
// message by definition. A dbox file is read whole, as a single message is: it is seldom large
// (Dovecot starts a new mdbox file at 10 MB by default).
Layout choose_layout(Content content, FileRole role);

// Appends the non-empty messages of the whole text of a file to `messages`. A single message
// loses a leading envelope line, as a Maildir file written from an mbox may carry one, or Apple
// Mail's line of its length (.emlx), and with it what follows the length. A dbox file gives each
// of its messages; returned is how many of its bytes were passed over as damaged (0 for the
// other layouts). `cut` says what becomes of a message the end of `text` cuts short (the one
// message of a single-message file).
std::size_t split_whole(std::string_view text, Layout layout, std::vector<Piece>& messages,
                        CutMessage cut = CutMessage::keep);

// The message of the text of a file that holds one, or of the start of such a text: past a
// leading envelope line, or past an .emlx length line and no longer than that length.
std::string_view single_message_of(std::string_view text);

}  // namespace bg::mailbox
