#pragma once
// The MIME structure of one message (RFC 2045/2046), parsed in place. Parts are views into the
// message; nothing is decoded until a caller asks for a part's content.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mime/content_type.h"
#include "mime/headers.h"

namespace bg::mime {

struct Part {
  int parent = -1;
  int depth = 0;
  // True for the top-level message and for a message carried inside message/rfc822: its
  // headers are a whole message's, not only a body part's.
  bool is_message = false;
  Headers headers;
  ContentType content_type;
  std::string transfer_encoding;  // lowercased; empty means 7bit
  std::string_view body;          // as written, still transfer-encoded; empty for containers
  // In preorder. A message/rfc822, message/global or message/news part has the embedded
  // message as its one child, unless its body is empty or transfer-encoded.
  std::vector<int> children;

  bool is_multipart() const { return std::string_view(content_type.type) == "multipart"; }
};

class MimeTree {
 public:
  // Parses `message`. The tree keeps views into it, so it must outlive the tree's use.
  // `root_headers`, when given, is the message's header block already parsed from these same
  // bytes, and is taken rather than parsed again.
  void parse(std::string_view message, const Headers* root_headers = nullptr);

  std::span<const Part> parts() const { return {parts_.data(), part_count_}; }
  const Part& root() const { return parts_.front(); }

  // The body with its transfer encoding undone.
  std::string decoded(const Part& part) const;
  // The body decoded and converted from its charset to UTF-8.
  std::string text(const Part& part) const;
  // The same text, appended to `out`; a body with no transfer encoding is converted straight
  // from the message, without a decoded copy. With `max_body_bytes`, only the lines within the
  // body's first max_body_bytes bytes are read.
  void append_text(const Part& part, std::string& out,
                   std::size_t max_body_bytes = std::string_view::npos) const;

  // A multipart whose closing boundary never came, or a part cut short by the end of input.
  bool has_broken_structure() const { return broken_structure_; }

  static constexpr int kMaxDepth = 32;
  static constexpr std::size_t kMaxParts = 4096;

 private:
  struct BoundaryMatch {
    std::size_t line_start = 0;
    std::size_t line_end = 0;  // start of the line after the boundary line
    std::size_t level = 0;     // index into boundaries_ (deeper = larger)
    bool closing = false;
    bool found = false;
  };

  Part& new_part();
  // Each returns the delimiter line that ends the entity, as find_boundary() at its end would
  // find it, so that the multipart around it need not look for that line again.
  BoundaryMatch parse_entity(std::size_t start, int parent, int depth, bool is_message,
                             std::pair<std::string_view, std::string_view> default_type);
  BoundaryMatch parse_multipart_children(int index, std::size_t body_start, int depth);
  // The first line at or after `from` (and before `limit`) that is a delimiter of one of the
  // enclosing multiparts; the innermost wins.
  BoundaryMatch find_boundary(std::size_t from, std::size_t limit = std::string_view::npos) const;
  bool body_is_empty(std::size_t start) const;
  std::string_view body_before(std::size_t start, std::size_t end, bool boundary_follows) const;

  std::string_view message_;
  const Headers* root_headers_ = nullptr;  // during parse(), when the caller has them
  // The first part_count_ are this message's; those after them are earlier messages' parts,
  // parsed over in place so that their header lists and strings keep their storage. A message
  // with hundreds of parts does not make every later one hold on to that much.
  static constexpr std::size_t kMaxKeptParts = 64;
  std::vector<Part> parts_;
  std::size_t part_count_ = 0;
  // The first open_boundaries_ are the enclosing multiparts' boundaries, outermost first; the
  // strings after them are kept from earlier multiparts for their storage.
  std::vector<std::string> boundaries_;
  std::size_t open_boundaries_ = 0;
  std::string unfolding_;  // a folded header value unfolded, kept for its storage
  bool broken_structure_ = false;
};

}  // namespace bg::mime
