#include "bounce/vectorscan_database.h"

#include <stdexcept>
#include <string>

namespace bg::bounce {

hs_database_t* load_database(std::string_view serialized, std::string_view what) {
  hs_database_t* database = nullptr;
  switch (hs_deserialize_database(serialized.data(), serialized.size(), &database)) {
    case HS_SUCCESS:
      return database;
    case HS_NOMEM:
      throw std::runtime_error("not enough memory to load " + std::string(what));
    default:
      throw std::runtime_error(std::string(what) + " was compiled for another Vectorscan or processor; rebuild");
  }
}

}  // namespace bg::bounce
