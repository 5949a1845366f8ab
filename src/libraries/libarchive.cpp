#include "libraries/libarchive.h"

#include "libraries/shared_library.h"

namespace bg::libraries {

const LibArchive& libarchive() {
  // A function-local static: loaded once, by whichever thread asks first; a failure is thrown
  // to that caller and the next call tries again.
  static const LibArchive functions = [] {
    static const SharedLibrary library(BOUNCEGUARD_LIBARCHIVE, "reads archives (.zip, .tar, .7z, .rar)");
    return LibArchive{
        .read_new = BG_LIBRARY_FUNCTION(library, archive_read_new),
        .read_free = BG_LIBRARY_FUNCTION(library, archive_read_free),
        .read_support_format_tar = BG_LIBRARY_FUNCTION(library, archive_read_support_format_tar),
        .read_support_format_zip = BG_LIBRARY_FUNCTION(library, archive_read_support_format_zip),
        .read_support_format_7zip = BG_LIBRARY_FUNCTION(library, archive_read_support_format_7zip),
        .read_support_format_rar = BG_LIBRARY_FUNCTION(library, archive_read_support_format_rar),
        .read_support_format_rar5 = BG_LIBRARY_FUNCTION(library, archive_read_support_format_rar5),
        .read_open_fd = BG_LIBRARY_FUNCTION(library, archive_read_open_fd),
        .read_open = BG_LIBRARY_FUNCTION(library, archive_read_open),
        .read_next_header = BG_LIBRARY_FUNCTION(library, archive_read_next_header),
        .read_data = BG_LIBRARY_FUNCTION(library, archive_read_data),
        .filter_bytes = BG_LIBRARY_FUNCTION(library, archive_filter_bytes),
        .error_string = BG_LIBRARY_FUNCTION(library, archive_error_string),
        .set_error = BG_LIBRARY_FUNCTION(library, archive_set_error),
        .entry_filetype = BG_LIBRARY_FUNCTION(library, archive_entry_filetype),
        .entry_hardlink = BG_LIBRARY_FUNCTION(library, archive_entry_hardlink),
        .entry_pathname = BG_LIBRARY_FUNCTION(library, archive_entry_pathname),
        .entry_pathname_utf8 = BG_LIBRARY_FUNCTION(library, archive_entry_pathname_utf8),
        .entry_is_data_encrypted = BG_LIBRARY_FUNCTION(library, archive_entry_is_data_encrypted),
        .entry_size_is_set = BG_LIBRARY_FUNCTION(library, archive_entry_size_is_set),
        .entry_size = BG_LIBRARY_FUNCTION(library, archive_entry_size),
    };
  }();
  return functions;
}

}  // namespace bg::libraries
