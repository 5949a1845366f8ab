#include "libraries/shared_library.h"

#include <dlfcn.h>

namespace bg::libraries {

namespace {

std::string last_error() {
  const char* what = ::dlerror();
  return what != nullptr ? what : "unknown error";
}

}  // namespace

SharedLibrary::SharedLibrary(std::string name, const std::string& purpose)
    : name_(std::move(name)), handle_(::dlopen(name_.c_str(), RTLD_NOW | RTLD_LOCAL)) {
  if (handle_ == nullptr) throw LibraryError("cannot load " + name_ + ", which " + purpose + ": " + last_error());
}

void* SharedLibrary::address_of(const char* symbol) const {
  ::dlerror();  // clear an earlier error, so that the message is this lookup's
  void* address = ::dlsym(handle_, symbol);
  if (address == nullptr) throw LibraryError(name_ + " has no function " + symbol + ": " + last_error());
  return address;
}

}  // namespace bg::libraries
