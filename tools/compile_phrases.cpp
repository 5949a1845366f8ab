// Build-time tool: compiles every phrase file of data/reasons/ into one Vectorscan database and
// writes it, serialized, into a C++ source with the table that maps each pattern back to its
// reason and scope. Run time then only deserializes: no regular expression is compiled there.
// Usage: compile_phrases OUTPUT.cpp reasons/*.txt
#include <hs/hs.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "bounce/reason/phrase_file.h"
#include "vectorscan_platform.h"

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

constexpr unsigned kFlags = HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH;

// Patterns anchored at the start of a reply whose matches are at most this long go into a
// second database that is scanned over the start of the reply only. Anchored patterns cost
// the whole database time on every byte otherwise, though they can only match at the start.
constexpr unsigned kLongestPrefixMatch = 48;

// Whether every match of `pattern` starts at the start of the text: it begins with '^' and
// has no '|' outside parentheses (which would leave an alternative unanchored).
bool anchored_throughout(const std::string& pattern) {
  if (!pattern.starts_with('^')) return false;
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 1; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character is literal
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]": the ']' is literal
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

// The length of the longest match of `pattern` when it belongs in the prefix database; 0 when
// it does not: not anchored throughout, unbounded, too long, or asserting the end of the text
// (which the end of the scanned prefix would fake).
unsigned prefix_width(const std::string& pattern) {
  if (!anchored_throughout(pattern) || pattern.find('$') != std::string::npos ||
      pattern.find("\\z") != std::string::npos || pattern.find("\\Z") != std::string::npos)
    return 0;
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_expression_info(pattern.c_str(), kFlags, &info, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return 0;
  }
  const unsigned width = info->max_width;  // UINT_MAX when unbounded
  std::free(info);
  return width <= kLongestPrefixMatch ? width : 0;
}

// The rules `ids` compiled into one database and serialized; exits naming the bad rule on error.
std::string compile(const std::vector<bg::bounce::PhraseRule>& rules, const std::vector<unsigned>& ids) {
  std::vector<const char*> patterns;
  for (unsigned id : ids) patterns.push_back(rules[id].pattern.c_str());
  const std::vector<unsigned> flags(ids.size(), kFlags);
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()),
                       HS_MODE_BLOCK, &kAnyProcessor, &database, &error) != HS_SUCCESS) {
    const int bad = error->expression;
    if (bad >= 0) {
      const auto& rule = rules[ids[static_cast<std::size_t>(bad)]];
      std::fprintf(stderr, "data/reasons/%s.txt:%d: %s (pattern: %s)\n", rule.reason.c_str(), rule.line,
                   error->message, rule.pattern.c_str());
    } else {
      std::fprintf(stderr, "compile_phrases: %s\n", error->message);
    }
    hs_free_compile_error(error);
    std::exit(1);
  }
  char* bytes = nullptr;
  std::size_t size = 0;
  if (hs_serialize_database(database, &bytes, &size) != HS_SUCCESS) {
    std::fprintf(stderr, "compile_phrases: cannot serialize the database\n");
    std::exit(1);
  }
  std::string serialized(bytes, size);
  std::free(bytes);
  hs_free_database(database);
  return serialized;
}

void write_bytes(std::ofstream& out, const char* name, const std::string& bytes) {
  out << "alignas(8) const unsigned char " << name << "[] = {";
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    if (k % 24 == 0) out << "\n  ";
    out << static_cast<unsigned>(static_cast<unsigned char>(bytes[k])) << ",";
  }
  out << "\n};\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: compile_phrases OUTPUT.cpp reasons/*.txt\n");
    return 2;
  }
  std::vector<bg::bounce::PhraseRule> rules;
  std::vector<std::string> reasons;
  try {
    for (int i = 2; i < argc; ++i) {
      const std::filesystem::path path(argv[i]);
      std::ifstream in(path, std::ios::binary);
      if (!in) throw std::runtime_error("cannot read " + path.string());
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const std::string reason = path.stem().string();
      reasons.push_back(reason);
      for (auto& rule : bg::bounce::parse_phrase_file(reason, text)) rules.push_back(std::move(rule));
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "compile_phrases: %s\n", error.what());
    return 1;
  }

  std::map<std::string, int> reason_index;
  for (std::size_t i = 0; i < reasons.size(); ++i) reason_index[reasons[i]] = static_cast<int>(i);
  std::vector<std::string> scopes{""};
  std::map<std::string, int> scope_index{{"", 0}};
  std::vector<unsigned> whole_ids;
  std::vector<unsigned> prefix_ids;
  unsigned prefix_length = 0;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (!scope_index.contains(rules[i].scope)) {
      scope_index[rules[i].scope] = static_cast<int>(scopes.size());
      scopes.push_back(rules[i].scope);
    }
    if (const unsigned width = prefix_width(rules[i].pattern); width > 0) {
      prefix_ids.push_back(static_cast<unsigned>(i));
      // One byte more than the longest match, for a word boundary that follows it.
      prefix_length = std::max(prefix_length, width + 1);
    } else {
      whole_ids.push_back(static_cast<unsigned>(i));
    }
  }
  const std::string whole = compile(rules, whole_ids);
  const std::string prefix = prefix_ids.empty() ? std::string() : compile(rules, prefix_ids);
  // Each section's phrases alone, for a module asking what its own phrases say of a line: a
  // database of a few phrases scans a reply in a tenth of the time of the whole.
  std::vector<std::string> by_scope(scopes.size());
  for (std::size_t scope = 1; scope < scopes.size(); ++scope) {
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (scope_index[rules[i].scope] == static_cast<int>(scope)) ids.push_back(static_cast<unsigned>(i));
    by_scope[scope] = compile(rules, ids);
  }

  std::ofstream out(argv[1], std::ios::binary);
  out << "// Generated by tools/compile_phrases.cpp from data/reasons/*.txt. Do not edit.\n"
         "#include \"bounce/reason/phrase_table.h\"\n\nnamespace bg::bounce {\n\nnamespace {\n\n";
  write_bytes(out, "database_bytes", whole);
  if (!prefix.empty()) write_bytes(out, "prefix_database_bytes", prefix);
  for (std::size_t scope = 1; scope < scopes.size(); ++scope)
    write_bytes(out, ("scope_database_bytes_" + std::to_string(scope)).c_str(), by_scope[scope]);
  out << "const PhraseEntry entries[] = {\n";
  for (const auto& rule : rules) {
    out << "  {" << reason_index[rule.reason] << ", " << scope_index[rule.scope] << ", "
        << (rule.veto ? "true" : "false") << "},\n";
  }
  out << "};\n\nconst std::string_view reason_names[] = {";
  for (const auto& reason : reasons) out << quoted(reason) << ", ";
  out << "};\n\nconst std::string_view scope_names[] = {";
  for (const auto& scope : scopes) out << quoted(scope) << ", ";
  out << "};\n\nconst std::string_view scope_databases[] = {\n  {},\n";
  for (std::size_t scope = 1; scope < scopes.size(); ++scope) {
    const std::string name = "scope_database_bytes_" + std::to_string(scope);
    out << "  {reinterpret_cast<const char*>(" << name << "), sizeof " << name << "},\n";
  }
  out << "};\n\n}  // namespace\n\nconst PhraseTable& phrase_table() {\n"
         "  static const PhraseTable table{\n"
         "      {reinterpret_cast<const char*>(database_bytes), sizeof database_bytes},\n"
      << (prefix.empty() ? std::string("      {},\n")
                         : std::string("      {reinterpret_cast<const char*>(prefix_database_bytes), "
                                       "sizeof prefix_database_bytes},\n"))
      << "      " << prefix_length << ", entries, reason_names, scope_names, scope_databases};\n"
         "  return table;\n}\n\n}  // namespace bg::bounce\n";
  return out ? 0 : 1;
}
