#pragma once
// Dovecot's dbox files. An sdbox mailbox keeps each message in a file of its own (u.1, u.2...),
// an mdbox store keeps several in each file (storage/m.1...). A file starts with a line
// "2 M<size of each message's header> C<when it was made>" (numbers in hex); each message
// follows its own header, "\x01\x02N", a space, eight characters, a space and its size in 16
// hex digits, padded to that size with its line break last; after the message come its
// metadata, "\n\x01\x03\n" and lines up to an empty one.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mailbox/layout.h"

namespace bg::mailbox {

// Whether `head` starts like a dbox file: its header line, then the start of a message's header.
bool is_dbox_file(std::string_view head);

// Appends the messages of `text`, a dbox file or its start, to `messages`, and returns how many
// bytes it passed over as damaged: where a message's header should start and does not, the
// bytes up to the next message's header. `cut` says what becomes of a message the end of `text`
// cuts short.
std::size_t split_dbox(std::string_view text, std::vector<Piece>& messages,
                       CutMessage cut = CutMessage::keep);

// Whether `path` lies in a mailbox of an mdbox store (".../mailboxes/Sent/dbox-Mails/..." with a
// "storage" folder beside "mailboxes"), which holds only Dovecot's indexes: the store's storage
// files hold the messages of every mailbox together.
bool in_mdbox_mailbox(std::string_view path);

// "a dbox file larger than 32 MiB: what follows its first 32 MiB was not read"
std::string dbox_cut_notice(std::size_t largest);

// "damaged dbox file: 4210 bytes between its messages were passed over"
std::string dbox_damage_notice(std::size_t damaged_bytes);

}  // namespace bg::mailbox
