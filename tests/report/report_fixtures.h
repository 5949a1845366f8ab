#pragma once
// Records as the bounce readers produce them for the seed samples in tests/data/seed, and a
// way to run a writer over them.
#include <string>
#include <vector>

#include "bounce/record.h"
#include "report/record_writer.h"
#include "scan/scan_summary.h"

namespace bg::report::fixtures {

// tests/data/seed/exim-spoofed-backscatter.eml: 550 5.1.1 for mail sent from a stranger's IP.
bounce::Record exim_backscatter_record();

// tests/data/seed/office365-ndr-unknown-recipient.eml: 550 5.1.10, recipient not found.
bounce::Record office365_record();

// The records the bounce reader makes of every message of the corpus folder
// (tests/data/sisimai/maildir), file by file in name order.
std::vector<bounce::Record> corpus_records();

// A summary as a scan over `records` would count it, one message per record.
scan::ScanSummary summary_of(const std::vector<bounce::Record>& records);

// What a writer of `format` prints for `count` copies of the Exim record, the i-th addressed to
// numbered_recipient(i) with message_index i, written one by one as a scan would.
std::string render_numbered_records(Format format, std::size_t count);
std::string numbered_recipient(std::size_t i);

// Everything a writer of `format` prints for `records` and `summary`.
std::string render(Format format, const std::vector<bounce::Record>& records,
                   const scan::ScanSummary& summary, const WriterOptions& options = {});

}  // namespace bg::report::fixtures
