#pragma once
// The messages the microbenchmarks run on: the test corpus's bounces, loaded once.
#include <string>
#include <vector>

namespace bg::bench {

// Every bounce of tests/data/sisimai/maildir, whole files.
const std::vector<std::string>& corpus_bounces();

// Ordinary mail (not bounces) of about the sizes a mailbox holds: the corpus's not-bounce
// samples, and a plain and a multipart message built here.
const std::vector<std::string>& ordinary_messages();

}  // namespace bg::bench
