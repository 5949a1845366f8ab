// Settings the jemalloc allocator reads at start-up (see jemalloc(3), "malloc_conf"). A scan
// of a Maildir frees and allocates file buffers of megabytes all the time; returning their
// pages to the system after each use cost more system time than the scan itself. Memory stays
// bounded without it: freed pages are reused by the next buffers.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
