#include "mailbox/layout.h"

#include "mailbox/dbox.h"
#include "mailbox/mbox_splitter.h"
#include "mailbox/sniff.h"
#include "mime/lines.h"

namespace bg::mailbox {

Layout choose_layout(Content content, FileRole role) {
  if (role == FileRole::in_maildir) return Layout::single_message;
  switch (content) {
    case Content::empty:
      return Layout::mailbox;
    case Content::mbox:
      return Layout::mailbox;
    case Content::message:
      return Layout::single_message;
    case Content::dbox:
      return Layout::dbox;
    case Content::text:
      return role == FileRole::named ? Layout::single_message : Layout::not_mail;
    case Content::archive:
    case Content::outlook_data:
    case Content::binary:
    case Content::gzip:
    case Content::xz:
    case Content::zstd:
    case Content::bzip2:
      break;
  }
  return Layout::not_mail;
}

std::size_t split_whole(std::string_view text, Layout layout, std::vector<Piece>& messages,
                        CutMessage cut) {
  if (layout == Layout::dbox) return split_dbox(text, messages, cut);
  if (layout == Layout::mailbox) {
    const MboxSplitter splitter(detect_line_break(text.substr(0, kLineBreakProbeSize)));
    splitter.split(text, /*at_end=*/cut == CutMessage::keep, messages);
  } else if (layout == Layout::single_message && cut == CutMessage::keep) {
    const std::string_view message = single_message_of(text);
    if (!message.empty()) messages.push_back({message});
  }
  return 0;
}

std::string_view single_message_of(std::string_view text) {
  if (const std::optional<std::size_t> length = emlx_message_length(text))
    return text.substr(mime::line_at(text, 0).next).substr(0, *length);
  return text.substr(skip_separator_line(text));
}

}  // namespace bg::mailbox
