#pragma once
// The functions of libarchive that reading archives calls, from the library loaded the first
// time an archive is read. Linked at start-up, libarchive and what it needs in turn (ICU,
// libxml2, nettle and a dozen more) cost every scan about 2 ms before it begins.

#include <archive.h>
#include <archive_entry.h>

namespace bg::libraries {

struct LibArchive {
  decltype(&::archive_read_new) read_new;
  decltype(&::archive_read_free) read_free;
  decltype(&::archive_read_support_format_tar) read_support_format_tar;
  decltype(&::archive_read_support_format_zip) read_support_format_zip;
  decltype(&::archive_read_support_format_7zip) read_support_format_7zip;
  decltype(&::archive_read_support_format_rar) read_support_format_rar;
  decltype(&::archive_read_support_format_rar5) read_support_format_rar5;
  decltype(&::archive_read_open_fd) read_open_fd;
  decltype(&::archive_read_open) read_open;
  decltype(&::archive_read_next_header) read_next_header;
  decltype(&::archive_read_data) read_data;
  decltype(&::archive_filter_bytes) filter_bytes;
  decltype(&::archive_error_string) error_string;
  decltype(&::archive_set_error) set_error;
  decltype(&::archive_entry_filetype) entry_filetype;
  decltype(&::archive_entry_hardlink) entry_hardlink;
  decltype(&::archive_entry_pathname) entry_pathname;
  decltype(&::archive_entry_pathname_utf8) entry_pathname_utf8;
  decltype(&::archive_entry_is_data_encrypted) entry_is_data_encrypted;
  decltype(&::archive_entry_size_is_set) entry_size_is_set;
  decltype(&::archive_entry_size) entry_size;
};

// libarchive, loaded by the first call (from any thread). Throws LibraryError when it cannot be.
const LibArchive& libarchive();

}  // namespace bg::libraries
