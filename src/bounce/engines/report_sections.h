#pragma once
// The sections of a bounce's text that format modules read: what follows the line that opens
// the error report ("This is an automatically generated Delivery Status Notification"), and the
// RFC 3464 fields written there, in the text itself or in a delivery-status part after it.
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "bounce/bounce_message.h"
#include "bounce/delivery_status.h"

namespace bg::bounce {

// The text after the first line that starts (after any indentation) with one of `openings`,
// that line excluded; nullopt when no line does.
std::optional<std::string_view> text_after_line(std::string_view text,
                                                std::initializer_list<std::string_view> openings);

// The recipients of the DSN fields in `text`, up to the returned message: one per
// Final-Recipient, with the per-message fields filled in.
std::vector<DeliveryStatus> read_fields(std::string_view text);

// The recipients of the DSN fields found after the first line that starts with one of
// `openings` and before the returned message: one per Final-Recipient, with the per-message
// fields filled in. Empty when the opening line or the fields are missing.
std::vector<DeliveryStatus> read_fields_after(std::string_view text,
                                              std::initializer_list<std::string_view> openings);

// Fills `result` with the recipients of the DSN fields after the opening line and with the
// returned original (a message/rfc822 or text/rfc822-headers part); false when there are none.
bool read_report_after(const BounceMessage& message,
                       std::initializer_list<std::string_view> openings, EngineResult& result);

// Drops the recipients a module started but found no address for, and keeps `original` as the
// returned original's headers; false when no recipient is left.
bool keep_named_recipients(EngineResult& result, std::string_view original);

}  // namespace bg::bounce
