#pragma once
// One failed (or reported) recipient of one bounce, with field names compatible with Sisimai's
// so that its users can switch, plus the facts of the returned original message.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bg::bounce {

// What kind of message a bounce-like message turned out to be.
enum class MessageKind {
  kNotBounce,
  kBounce,          // a failure: DSN or NDR
  kDelay,           // a delay warning: still trying
  kDeliveryReport,  // a success notification (Action: delivered, relayed, expanded)
  kAutoReply,       // RFC 3834 auto-reply, vacation message
  kFeedbackReport,  // RFC 5965 ARF abuse or fraud report
};

const char* to_string(MessageKind kind);

// One hop of the returned original's Received chain, top (most recent) first.
struct ReceivedHop {
  std::string from_host;    // the HELO name or the name the receiver looked up
  std::string from_rdns;    // the name the receiver found for the connecting IP, when shown
  std::string from_ip;
  std::string by_host;
  std::string protocol;     // "ESMTPSA", "esmtp", "local"...
  std::string auth_sender;  // authenticated sender, where the line shows one
  std::string date;
};

// The message that bounced, as far as the bounce returned it.
struct OriginalMessage {
  std::string messageid;
  std::string from;
  std::string returnpath;
  std::string to;
  std::string subject;
  std::string date;
  std::string listid;
  std::vector<ReceivedHop> received;
  std::vector<std::string> dkim_domains;
  std::string x_originating_ip;
  std::string authentication_results;  // the top-most one: what the recipient's server checked
  bool present = false;  // false when the bounce carried no part of the original
};

// The facts a diagnosis rests on, in the order found. They are kept one after another in one
// string, each after its length, so that a record's evidence takes one allocation instead of one
// per fact and one for their list.
class Evidence {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;

    Iterator() = default;
    explicit Iterator(const char* at) : at_(at) {}
    std::string_view operator*() const { return {at_ + kLengthBytes, length()}; }
    Iterator& operator++() {
      at_ += kLengthBytes + length();
      return *this;
    }
    Iterator operator++(int) {
      const Iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const Iterator&) const = default;

   private:
    std::size_t length() const {
      std::size_t length;
      std::memcpy(&length, at_, kLengthBytes);
      return length;
    }
    const char* at_ = nullptr;
  };

  Evidence() = default;
  Evidence(std::initializer_list<std::string_view> facts);

  // Adds the fact that `pieces` make, joined.
  void add(std::initializer_list<std::string_view> pieces);
  void reserve(std::size_t bytes) { text_.reserve(bytes); }

  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }
  std::string_view operator[](std::size_t i) const { return *std::next(begin(), static_cast<std::ptrdiff_t>(i)); }
  Iterator begin() const { return Iterator(text_.data()); }
  Iterator end() const { return Iterator(text_.data() + text_.size()); }
  bool operator==(const Evidence&) const = default;

 private:
  static constexpr std::size_t kLengthBytes = sizeof(std::size_t);
  std::string text_;
  std::size_t count_ = 0;
};

// A text that many records share and none changes, such as the path they were read from: a copy
// shares its bytes instead of copying them, so a record made with it allocates nothing for it.
class SharedText {
 public:
  SharedText() = default;
  explicit SharedText(std::string_view text) : size_(text.size()) {
    std::shared_ptr<char[]> bytes = std::make_shared_for_overwrite<char[]>(size_);
    text.copy(bytes.get(), size_);
    bytes_ = std::move(bytes);
  }
  operator std::string_view() const { return {bytes_.get(), size_}; }

 private:
  std::shared_ptr<const char[]> bytes_;
  std::size_t size_ = 0;
};

struct Record {
  std::string recipient;
  std::string addresser;
  std::string deliverystatus;  // enhanced status code, "5.1.1"
  std::string replycode;       // SMTP reply code, "550"
  std::string action;          // failed, delayed, delivered, relayed, expanded
  std::string reason;          // Sisimai's taxonomy: userunknown, mailboxfull...
  bool hardbounce = false;
  std::string diagnosticcode;
  std::string diagnostictype;  // SMTP, X-Unix, X-Postfix...
  std::string smtpcommand;     // the command the failure answered: RCPT, DATA...
  std::string lhost;           // the server that reported the failure
  std::string rhost;           // the server that refused the message
  std::string destination;     // the recipient's domain
  std::string senderdomain;    // the addresser's domain
  std::int64_t timestamp = 0;  // Unix time of the failure
  std::string timezoneoffset;  // "+0900"
  std::string feedbacktype;    // ARF reports: abuse, fraud...
  std::string decodedby;       // the format module that read the bounce: Postfix, Exim...
  SharedText origin;           // the path read, shared by the records read from it
  std::uint64_t message_index = 0;
  std::string bounce_to;  // the address the bounce itself was delivered to (the envelope sender)
  MessageKind kind = MessageKind::kBounce;
  OriginalMessage original;

  // The original's own fields, read from it rather than copied: every record of a bounce would
  // otherwise hold and free a copy of each.
  const std::string& subject() const { return original.subject; }
  const std::string& messageid() const { return original.messageid; }
  const std::string& listid() const { return original.listid; }

  // The diagnosis of who sent the original and why it bounced (see diagnose/); unset when the
  // scan ran without it.
  std::optional<bool> sent_by_owner;
  // backscatter, compromise, blocklisted, auth_failure, delivery_failure, unknown: a view of the
  // diagnosis's constant name, which a record need not copy.
  std::string_view category;
  Evidence evidence;
};

}  // namespace bg::bounce
