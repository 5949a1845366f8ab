#pragma once
// One accessor per format module; each lives in its own file in this folder.
#include "bounce/engine.h"

namespace bg::bounce {

const Engine& exchange2003_engine();
const Engine& exchange2007_engine();
const Engine& office365_engine();
const Engine& outlook_engine();
const Engine& exim_engine();
const Engine& sendmail_engine();
const Engine& postfix_engine();
const Engine& qmail_engine();
const Engine& rfc3464_engine();
const Engine& arf_engine();
const Engine& rfc3834_engine();

}  // namespace bg::bounce
