#pragma once
// A shared library opened at run time rather than at start-up. A library linked into the program
// is loaded, with every library it needs in turn, before main() runs, whether or not the run
// uses it; one opened here costs only the runs that do.

#include <stdexcept>
#include <string>

namespace bg::libraries {

// A library that cannot be opened, or lacks a function: the message names both.
class LibraryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SharedLibrary {
 public:
  // Opens the library by its run-time name ("libarchive.so.13"); `purpose` says what it is
  // needed for, in the error when it cannot be opened. Throws LibraryError.
  SharedLibrary(std::string name, const std::string& purpose);
  // The library stays loaded to the end of the process: closing it would leave dangling any
  // function it registered with the C library, and it is opened once anyway.
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // The function `symbol`, of the type `Function` it has in the library's header. Throws
  // LibraryError when the library lacks it (an older version).
  template <typename Function>
  Function* function(const char* symbol) const {
    return reinterpret_cast<Function*>(address_of(symbol));
  }

 private:
  void* address_of(const char* symbol) const;

  std::string name_;
  void* handle_;
};

}  // namespace bg::libraries

// The function `name` of `library`, with the type its header declares for it. The header's
// declaration is only named, never called or taken the address of, so the program does not
// link against the library.
#define BG_LIBRARY_FUNCTION(library, name) (library).function<decltype(::name)>(#name)
