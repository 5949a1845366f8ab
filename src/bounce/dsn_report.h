#pragma once
// Reading a whole block of DSN fields: the per-message group, then one group per recipient,
// each starting at its Final-Recipient (or Original-Recipient) line. Folded values are joined.
#include <string_view>
#include <vector>

#include "bounce/delivery_status.h"

namespace bg::bounce {

// The recipients of the DSN fields in `text`, with the per-message values (Reporting-MTA,
// Arrival-Date) filled in where unset; those the report failed to name too.
std::vector<DeliveryStatus> read_dsn_report(std::string_view text);

// Drops the recipients a report failed to name (a group of fields with no address).
void drop_unnamed(std::vector<DeliveryStatus>& recipients);

// The recipients of the DSN fields in `text` that name an address.
std::vector<DeliveryStatus> read_dsn_recipients(std::string_view text);

// Collapses white space to single spaces and trims: how diagnostics are compared and shown.
std::string squeeze_spaces(std::string_view text);
// The same done to `text` itself, which is kept as it is when already squeezed, as most are.
void squeeze_spaces_in_place(std::string& text);
// The same with ASCII letters lowercased, in one pass.
std::string squeeze_and_lowercase(std::string_view text);
// The same written over `out` (not `text` itself), whose storage is reused.
void squeeze_and_lowercase_into(std::string_view text, std::string& out);

}  // namespace bg::bounce
