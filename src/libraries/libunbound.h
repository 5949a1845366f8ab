#pragma once
// The functions of libunbound that the DNS resolver calls, from the library loaded the first
// time a resolver is made: a scan that asks no DNS question does not load it, nor the libraries
// it needs in turn (libevent, nettle, GMP).

#include <unbound.h>

namespace bg::libraries {

struct LibUnbound {
  decltype(&::ub_ctx_create) ctx_create;
  decltype(&::ub_ctx_delete) ctx_delete;
  decltype(&::ub_ctx_set_option) ctx_set_option;
  decltype(&::ub_ctx_set_fwd) ctx_set_fwd;
  decltype(&::ub_ctx_resolvconf) ctx_resolvconf;
  decltype(&::ub_ctx_hosts) ctx_hosts;
  decltype(&::ub_ctx_add_ta_file) ctx_add_ta_file;
  decltype(&::ub_ctx_async) ctx_async;
  decltype(&::ub_resolve_async) resolve_async;
  decltype(&::ub_resolve_free) resolve_free;
  decltype(&::ub_cancel) cancel;
  decltype(&::ub_fd) fd;
  decltype(&::ub_process) process;
  decltype(&::ub_strerror) strerror;
};

// libunbound, loaded by the first call (from any thread). Throws LibraryError when it cannot be.
const LibUnbound& libunbound();

}  // namespace bg::libraries
