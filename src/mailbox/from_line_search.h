#pragma once
// The search of an mbox for the lines that may start a message or quote a "From " line: every
// capital F right after a line break, or after a '>'. Those pairs are rare (about one in a thousand
// bytes of mail), and are found sixteen or thirty-two bytes at a time, with the carriage returns
// among the bytes passed over noted on the way, so that a message without any is known to need
// no line-ending conversion without a second look at its bytes.
#include <cstddef>
#include <string_view>

namespace bg::mailbox {

// The ways the search can run: byte by byte, or by SSE2 or AVX2 vector comparisons.
enum class FromSearchKernel { bytes, sse2, avx2 };

// Whether this machine can run `kernel`.
bool can_run(FromSearchKernel kernel);

// The fastest kernel this machine can run, chosen once.
FromSearchKernel fastest_from_search_kernel();

// The first position p >= from, where `from` is at least 1, at which text[p] is 'F' and
// text[p - 1] is `line_break` or '>', or npos when there is none. Sets `saw_carriage_return` when
// a '\r' stands at `from` or after it, up to p (to the end of `text` when there is none); it may
// also be set by one up to 32 bytes past p, and is never cleared.
std::size_t find_f_after_break_or_quote(std::string_view text, std::size_t from, char line_break,
                                        bool& saw_carriage_return,
                                        FromSearchKernel kernel = fastest_from_search_kernel());

}  // namespace bg::mailbox
