#pragma once
// A message that may be a bounce, prepared for the format modules: its top-level headers, its
// MIME tree, and its body flattened into text the way bounce formats are read line by line —
// the readable parts decoded to UTF-8 and joined, each delivery-status or returned-message part
// introduced by a "Content-Type: message/delivery-status" (or message/rfc822) line.
#include <string>
#include <string_view>
#include <vector>

#include "bounce/received_markers.h"
#include "mime/mime_tree.h"

namespace bg::bounce {

class BounceMessage {
 public:
  // Parses `message`, which must have LF line endings (see mailbox::normalize) and must outlive
  // this object. `top_headers`, when given, are its header block already parsed.
  void parse(std::string_view message, const mime::Headers* top_headers = nullptr);

  const mime::Headers& headers() const { return tree_.root().headers; }
  // A top-level header, unfolded and decoded; empty when absent.
  std::string header(std::string_view name) const { return headers().text(name); }
  // The subject, decoded, without a leading "Fwd:" (forwarded bounces are read as bounces).
  const std::string& subject() const { return subject_; }
  // The From header, decoded.
  const std::string& from() const { return from_; }
  // The address in the From header, lowercased; many formats are told by who sends them.
  const std::string& sender() const { return sender_; }

  const std::string& body() const { return body_; }
  const mime::MimeTree& tree() const { return tree_; }
  // The header block of a message returned inside this one as the MIME tree parsed it, when
  // `text` is exactly its bytes and they read the same on their own; else null, and `text` is to
  // be parsed. The block a format module cuts from the body is most often such a copy.
  const mime::Headers* parsed_header_block(std::string_view text) const;

  // The top-level Received headers as written, top first; many formats are told by a relay's
  // signature there.
  const std::vector<std::string_view>& received() const { return received_; }
  // How many of them contain one of `markers`. Inline, so that the common answer, none, is one
  // test of the markers all of them hold together: most modules ask about every message.
  int received_mentioning(ReceivedMarkers markers) const {
    return (markers_in_received_ & markers.bits) == 0 ? 0 : count_received_mentioning(markers);
  }

 private:
  void flatten(int part_index, bool inside_alternative_with_plain);
  int count_received_mentioning(ReceivedMarkers markers) const;

  mime::MimeTree tree_;
  std::string_view message_;
  std::string subject_;
  std::string from_;
  std::string sender_;
  std::string body_;
  std::vector<std::string_view> received_;
  std::vector<std::uint64_t> received_markers_;  // per Received header, the markers it contains
  std::uint64_t markers_in_received_ = 0;        // the markers any of them contains
};

// Splits a flattened body at the first line that starts with one of `markers` (a marker for the
// returned original): the part before, and the original's header block after it (up to its
// first blank line), as Sisimai's format modules expect.
struct BodyParts {
  std::string_view notice;
  std::string_view original;
};
BodyParts split_at_original(std::string_view body, std::initializer_list<std::string_view> markers);

// The markers most formats use: a message/rfc822 or text/rfc822-headers part.
inline constexpr std::string_view kRfc822Part = "Content-Type: message/rfc822";
inline constexpr std::string_view kRfc822HeadersPart = "Content-Type: text/rfc822-headers";

}  // namespace bg::bounce
