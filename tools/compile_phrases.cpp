// Build-time tool: compiles the phrase files of data/reasons/ into one Vectorscan database per
// section and writes them, serialized, into a C++ source with the table that maps each pattern
// back to its reason and scope. Run time then only deserializes: no regular expression is compiled there.
// Usage: compile_phrases OUTPUT.cpp reasons/*.txt
#include <hs/hs.h>

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

// Case is not folded: the replies are lowercased before they are scanned, and the phrases before
// they are compiled, and folding costs the scans an instruction or two per byte. Nor is a phrase
// reported once only (HS_FLAG_SINGLEMATCH): noting its reason again does no harm, and the scan
// would check, at each phrase it finds, whether that one was reported already.
constexpr unsigned kFlags = 0;

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
  for (const auto& rule : rules) {
    if (!scope_index.contains(rule.scope)) {
      scope_index[rule.scope] = static_cast<int>(scopes.size());
      scopes.push_back(rule.scope);
    }
  }
  // Each section's phrases alone: a reply is scanned with the few sections that can apply to it,
  // never with every phrase of the others. The first database, of the phrases that hold
  // everywhere, holds the decisive ones too, since every reply is asked about them.
  std::vector<std::string> by_scope(scopes.size());
  for (std::size_t scope = 0; scope < scopes.size(); ++scope) {
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (scope_index[rules[i].scope] == static_cast<int>(scope) || (scope == 0 && rules[i].scope == "decisive"))
        ids.push_back(static_cast<unsigned>(i));
    by_scope[scope] = compile(rules, ids);
  }

  std::ofstream out(argv[1], std::ios::binary);
  out << "// Generated by tools/compile_phrases.cpp from data/reasons/*.txt. Do not edit.\n"
         "#include \"bounce/reason/phrase_table.h\"\n\nnamespace bg::bounce {\n\nnamespace {\n\n";
  for (std::size_t scope = 0; scope < scopes.size(); ++scope)
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
  out << "};\n\nconst std::string_view scope_databases[] = {\n";
  for (std::size_t scope = 0; scope < scopes.size(); ++scope) {
    const std::string name = "scope_database_bytes_" + std::to_string(scope);
    out << "  {reinterpret_cast<const char*>(" << name << "), sizeof " << name << "},\n";
  }
  out << "};\n\n}  // namespace\n\nconst PhraseTable& phrase_table() {\n"
         "  static const PhraseTable table{entries, reason_names, scope_names, scope_databases};\n"
         "  return table;\n}\n\n}  // namespace bg::bounce\n";
  return out ? 0 : 1;
}
