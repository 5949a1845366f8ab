// Feeds arbitrary bytes to the MIME layer as one message: the tree, every part's text, every
// header field's decoded words and parameters. Beyond the sanitizers' checks it asserts what
// callers rely on: parts are views into the input, the tree stays within its limits and all
// decoded text is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mime/charset.h"
#include "mime/content_type.h"
#include "mime/date.h"
#include "mime/encoded_words.h"
#include "mime/headers.h"
#include "mime/html_text.h"
#include "mime/mime_tree.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

bool is_view_into(std::string_view inner, std::string_view outer) {
  return inner.empty() ||
         (inner.data() >= outer.data() && inner.data() + inner.size() <= outer.data() + outer.size());
}

void check_headers(const bg::mime::Headers& headers, std::string_view message) {
  for (const bg::mime::HeaderField& field : headers.fields()) {
    require(is_view_into(field.name, message) && is_view_into(field.value, message));
    require(bg::mime::is_valid_utf8(bg::mime::decode_encoded_words(bg::mime::unfold(field.value))));
    for (const bg::mime::Parameter& parameter : bg::mime::parse_parameters(field.value))
      require(bg::mime::is_valid_utf8(parameter.value));
  }
  bg::mime::parse_mail_date(headers.text("Date"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  bg::mime::MimeTree tree;
  tree.parse(message);
  require(!tree.parts().empty() && tree.parts().size() <= bg::mime::MimeTree::kMaxParts);
  for (const bg::mime::Part& part : tree.parts()) {
    require(part.depth <= bg::mime::MimeTree::kMaxDepth);
    require(is_view_into(part.body, message));
    check_headers(part.headers, message);
    const std::string text = tree.text(part);
    require(bg::mime::is_valid_utf8(text));
    if (part.content_type.is("text", "html")) require(bg::mime::is_valid_utf8(bg::mime::html_to_text(text)));
  }
  return 0;
}
