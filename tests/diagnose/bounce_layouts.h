#pragma once
// Real bounces from the corpus used as layouts: each is turned once into a template whose
// variable parts (failed recipient, addresses, reporting host, dates, the returned original and,
// where a scenario needs a reply of its own, the reply) are placeholders, and then filled for
// every generated bounce. The layout keeps its server's own wording and structure.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bg::testing::scenarios {

// Who writes a bounce built on the layout.
enum class BounceWriter {
  kOwnerServer,   // the owner's own outbound server refused at SMTP time and reports it
  kRemoteServer,  // the recipient's side accepted the message and bounced it afterwards
};

// A text of the layout and what replaces it; the replacement names fields in braces
// ("{RCPT}"), which every bounce fills.
struct Mark {
  std::string_view text;
  std::string_view replacement;
};

struct LayoutSpec {
  std::string_view file;     // under tests/data
  std::string_view reason;   // what the layout's own reply means (bounceguard's reason)
  bool owner_server = false;   // it may be the owner's server (a Postfix) reporting
  bool remote_server = false;  // it may be the recipient's server reporting
  // The recipient domains whose servers write this format ("gmail.com"); empty: any domain
  // that is not one of the big providers.
  std::vector<std::string_view> providers;
  bool keep_reporting_host = false;  // the host name belongs to the format (Office 365)
  std::vector<Mark> marks;           // applied before the automatic ones
  // Where the marks turn the reply into {REPLY} and {STATUS}: the layout's own reply, which
  // fills them when a scenario keeps it ("{RCPT}" stands for the recipient).
  std::string_view own_reply = {};
  std::string_view own_status = {};
};

// Every layout the scenarios use.
std::span<const LayoutSpec> layout_catalog();

class Layout {
 public:
  // Reads the sample and builds the template. Throws std::runtime_error naming the file when
  // the sample has no returned original or its marks do not match.
  Layout(const LayoutSpec& spec, const std::string& data_dir);

  const LayoutSpec& spec() const { return *spec_; }
  bool headers_only() const { return headers_only_; }  // returns text/rfc822-headers
  bool replaceable_reply() const { return replaceable_reply_; }
  // Whether the bounce itself (outside the returned part) names the original's Message-ID, so
  // that dropping the original would not hide it.
  bool names_original_id() const { return names_original_id_; }
  const std::string& own_reporting_host() const { return reporting_host_; }

  // The bounce with `fields` filled in and `original` as the returned part, or without that
  // part when `original` is empty.
  std::string render(const std::map<std::string, std::string>& fields, const std::string& original) const;

 private:
  const LayoutSpec* spec_;
  std::string head_;          // up to the returned part's delimiter line
  std::string part_headers_;  // the delimiter line and the part's own header block
  std::string tail_;          // from the delimiter after the returned part
  std::string reporting_host_;
  bool headers_only_ = false;
  bool replaceable_reply_ = false;
  bool names_original_id_ = false;
};

// The loaded catalog, read once per process.
const std::vector<Layout>& layouts();

}  // namespace bg::testing::scenarios
