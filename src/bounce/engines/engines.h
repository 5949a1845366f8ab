#pragma once
// One accessor per format module; each lives in its own file in this folder.
#include "bounce/engine.h"

namespace bg::bounce {

const Engine& rfc3464_engine();

}  // namespace bg::bounce
