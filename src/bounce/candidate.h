#pragma once
// The cheap first look at every message: from its top-level headers alone, could it be a bounce,
// a delay warning, an auto-reply or a feedback report? Only messages that could are parsed in
// depth, so this must never miss one; a false alarm only costs time. Postfix's postmaster copies
// of bounces are not counted again.
#include "mime/headers.h"

namespace bg::bounce {

bool may_be_bounce(const mime::Headers& headers);

}  // namespace bg::bounce
