#include "libraries/libunbound.h"

#include "libraries/shared_library.h"

namespace bg::libraries {

const LibUnbound& libunbound() {
  // A function-local static: loaded once, by whichever thread asks first; a failure is thrown
  // to that caller and the next call tries again.
  static const LibUnbound functions = [] {
    static const SharedLibrary library(BOUNCEGUARD_LIBUNBOUND, "asks the DNS questions of the domain checks");
    return LibUnbound{
        .ctx_create = BG_LIBRARY_FUNCTION(library, ub_ctx_create),
        .ctx_delete = BG_LIBRARY_FUNCTION(library, ub_ctx_delete),
        .ctx_set_option = BG_LIBRARY_FUNCTION(library, ub_ctx_set_option),
        .ctx_set_fwd = BG_LIBRARY_FUNCTION(library, ub_ctx_set_fwd),
        .ctx_resolvconf = BG_LIBRARY_FUNCTION(library, ub_ctx_resolvconf),
        .ctx_hosts = BG_LIBRARY_FUNCTION(library, ub_ctx_hosts),
        .ctx_add_ta_file = BG_LIBRARY_FUNCTION(library, ub_ctx_add_ta_file),
        .ctx_async = BG_LIBRARY_FUNCTION(library, ub_ctx_async),
        .resolve_async = BG_LIBRARY_FUNCTION(library, ub_resolve_async),
        .resolve_free = BG_LIBRARY_FUNCTION(library, ub_resolve_free),
        .cancel = BG_LIBRARY_FUNCTION(library, ub_cancel),
        .fd = BG_LIBRARY_FUNCTION(library, ub_fd),
        .process = BG_LIBRARY_FUNCTION(library, ub_process),
        .strerror = BG_LIBRARY_FUNCTION(library, ub_strerror),
    };
  }();
  return functions;
}

}  // namespace bg::libraries
