#include "check/spf_record.h"

#include <algorithm>
#include <array>

#include "check/spf_macros.h"
#include "mime/ascii.h"

namespace bg::check {

namespace {

constexpr std::string_view kVersion = "v=spf1";

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alphanumeric(char c) { return is_alpha(c) || is_digit(c); }

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
bool is_top_label(std::string_view label) {
  if (label.empty()) return false;
  if (!std::ranges::all_of(label, [](char c) { return is_alphanumeric(c) || c == '-'; }))
    return false;
  if (label.find('-') == std::string_view::npos) return std::ranges::any_of(label, is_alpha);
  return is_alphanumeric(label.front()) && is_alphanumeric(label.back());
}

// A CIDR length: "0", or digits without a leading zero, up to `maximum`.
std::optional<int> parse_prefix(std::string_view digits, int maximum) {
  if (digits.empty() || digits.size() > 3 || !std::ranges::all_of(digits, is_digit))
    return std::nullopt;
  if (digits.size() > 1 && digits.front() == '0') return std::nullopt;
  const int value = std::stoi(std::string(digits));
  if (value > maximum) return std::nullopt;
  return value;
}

struct ParseFailure {
  std::string message;
};

// The dual-cidr-length that may end an a or mx term: "/24", "//64" or "/24//64". Returns the
// length of the suffix it occupies.
std::size_t read_dual_cidr(std::string_view argument, Mechanism& mechanism) {
  std::string_view rest = argument;
  std::size_t suffix = 0;
  if (const std::size_t at = rest.rfind("//");
      at != std::string_view::npos && std::ranges::all_of(rest.substr(at + 2), is_digit)) {
    const std::optional<int> prefix = parse_prefix(rest.substr(at + 2), 128);
    if (!prefix) throw ParseFailure{"the IPv6 prefix length must be 0 to 128"};
    mechanism.ip6_prefix = *prefix;
    suffix = rest.size() - at;
    rest = rest.substr(0, at);
  }
  if (const std::size_t at = rest.rfind('/');
      at != std::string_view::npos && std::ranges::all_of(rest.substr(at + 1), is_digit)) {
    const std::optional<int> prefix = parse_prefix(rest.substr(at + 1), 32);
    if (!prefix)
      throw ParseFailure{"the IPv4 prefix length must be 0 to 32, without leading zeros"};
    mechanism.ip4_prefix = *prefix;
    suffix += rest.size() - at;
  }
  return suffix;
}

void require_domain_spec(std::string_view spec) {
  if (spec.empty()) throw ParseFailure{"the domain is missing"};
  if (const std::optional<std::size_t> at = macro_syntax_error(spec, MacroUse::domain_spec))
    throw ParseFailure{"invalid character or macro at '" + std::string(spec.substr(*at, 8)) + "'"};
  if (!is_valid_domain_spec(spec))
    throw ParseFailure{"'" + std::string(spec) + "' is not a domain name"};
}

void read_network(std::string_view argument, Mechanism& mechanism) {
  const bool v4 = mechanism.kind == MechanismKind::ip4;
  std::string_view address = argument;
  if (const std::size_t slash = argument.find('/'); slash != std::string_view::npos) {
    address = argument.substr(0, slash);
    const std::optional<int> prefix = parse_prefix(argument.substr(slash + 1), v4 ? 32 : 128);
    if (!prefix)
      throw ParseFailure{v4 ? "the prefix length must be 0 to 32"
                            : "the prefix length must be 0 to 128"};
    (v4 ? mechanism.ip4_prefix : mechanism.ip6_prefix) = *prefix;
  }
  mechanism.network = dns::IpAddress::parse(address);
  if (!mechanism.network || mechanism.network->is_v4() != v4)
    throw ParseFailure{"'" + std::string(address) + "' is not an " + (v4 ? "IPv4" : "IPv6") +
                       " address"};
}

Mechanism read_mechanism(std::string_view term, std::size_t position) {
  Mechanism mechanism;
  mechanism.text = std::string(term);
  mechanism.position = position;
  static constexpr std::string_view kQualifiers = "+-~?";
  if (!term.empty() && kQualifiers.find(term.front()) != std::string_view::npos) {
    static constexpr std::array kByQualifier = {Qualifier::pass, Qualifier::fail,
                                                Qualifier::softfail, Qualifier::neutral};
    mechanism.qualifier = kByQualifier[kQualifiers.find(term.front())];
    term.remove_prefix(1);
  }
  const std::size_t name_end = std::min(term.find(':'), term.find('/'));
  const std::string name = mime::lowercase(term.substr(0, name_end));
  const std::string_view rest = name_end == std::string_view::npos ? "" : term.substr(name_end);
  const bool has_argument = rest.starts_with(':');
  const std::string_view argument = has_argument ? rest.substr(1) : rest;

  static constexpr std::array<std::pair<std::string_view, MechanismKind>, 8> kNames = {{
      {"all", MechanismKind::all},
      {"include", MechanismKind::include},
      {"a", MechanismKind::a},
      {"mx", MechanismKind::mx},
      {"ptr", MechanismKind::ptr},
      {"ip4", MechanismKind::ip4},
      {"ip6", MechanismKind::ip6},
      {"exists", MechanismKind::exists},
  }};
  const auto known =
      std::ranges::find(kNames, name, &std::pair<std::string_view, MechanismKind>::first);
  if (known == kNames.end()) throw ParseFailure{"unknown mechanism '" + std::string(term) + "'"};
  mechanism.kind = known->second;

  switch (mechanism.kind) {
    case MechanismKind::all:
      if (!rest.empty()) throw ParseFailure{"'all' takes no argument"};
      break;
    case MechanismKind::include:
    case MechanismKind::exists:
      if (!has_argument) throw ParseFailure{"'" + name + "' needs ':' and a domain"};
      require_domain_spec(argument);
      mechanism.target = std::string(argument);
      break;
    case MechanismKind::ptr:
      if (!rest.empty() && !has_argument) throw ParseFailure{"'ptr' takes no prefix length"};
      if (has_argument) require_domain_spec(argument);
      mechanism.target = std::string(argument);
      break;
    case MechanismKind::a:
    case MechanismKind::mx: {
      const std::size_t cidr = read_dual_cidr(argument, mechanism);
      const std::string_view domain = argument.substr(0, argument.size() - cidr);
      if (has_argument) {
        require_domain_spec(domain);
        mechanism.target = std::string(domain);
      } else if (!domain.empty()) {
        throw ParseFailure{"malformed prefix length in '" + std::string(term) + "'"};
      }
      break;
    }
    case MechanismKind::ip4:
    case MechanismKind::ip6:
      if (!has_argument) throw ParseFailure{"'" + name + "' needs ':' and an address"};
      read_network(argument, mechanism);
      break;
  }
  return mechanism;
}

// name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ), then '='.
std::optional<std::size_t> modifier_name_length(std::string_view term) {
  if (term.empty() || !is_alpha(term.front())) return std::nullopt;
  std::size_t length = 1;
  while (length < term.size() && (is_alphanumeric(term[length]) || term[length] == '-' ||
                                  term[length] == '_' || term[length] == '.'))
    ++length;
  if (length < term.size() && term[length] == '=') return length;
  return std::nullopt;
}

void read_term(std::string_view term, std::size_t position, SpfRecord& record) {
  if (const std::optional<std::size_t> name_length = modifier_name_length(term)) {
    const std::string name = mime::lowercase(term.substr(0, *name_length));
    const std::string_view value = term.substr(*name_length + 1);
    if (name == "redirect" || name == "exp") {
      std::optional<std::string>& slot = name == "redirect" ? record.redirect : record.explanation;
      if (slot) throw ParseFailure{"'" + name + "=' appears twice"};
      require_domain_spec(value);
      slot = std::string(value);
    } else if (macro_syntax_error(value, MacroUse::domain_spec)) {
      throw ParseFailure{"invalid value in modifier '" + std::string(term) + "'"};
    }
    return;
  }
  record.mechanisms.push_back(read_mechanism(term, position));
}

}  // namespace

char qualifier_symbol(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::pass:
      return '+';
    case Qualifier::fail:
      return '-';
    case Qualifier::softfail:
      return '~';
    case Qualifier::neutral:
      return '?';
  }
  return '+';
}

std::string_view to_string(MechanismKind kind) {
  switch (kind) {
    case MechanismKind::all:
      return "all";
    case MechanismKind::include:
      return "include";
    case MechanismKind::a:
      return "a";
    case MechanismKind::mx:
      return "mx";
    case MechanismKind::ptr:
      return "ptr";
    case MechanismKind::ip4:
      return "ip4";
    case MechanismKind::ip6:
      return "ip6";
    case MechanismKind::exists:
      return "exists";
  }
  return "?";
}

bool Mechanism::needs_dns() const {
  return kind == MechanismKind::include || kind == MechanismKind::a || kind == MechanismKind::mx ||
         kind == MechanismKind::ptr || kind == MechanismKind::exists;
}

bool is_spf_record(std::string_view text) {
  return mime::istarts_with(text, kVersion) &&
         (text.size() == kVersion.size() || text[kVersion.size()] == ' ');
}

bool is_valid_domain_spec(std::string_view spec) {
  if (spec.empty()) return false;
  if (ends_in_macro(spec)) return true;
  std::string_view name = spec;
  if (name.back() == '.') name.remove_suffix(1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  return is_top_label(name.substr(dot + 1));
}

std::variant<SpfRecord, SpfSyntaxError> parse_spf_record(std::string_view text) {
  SpfRecord record;
  std::size_t pos = kVersion.size();
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view term = text.substr(pos, end - pos);
    try {
      read_term(term, pos, record);
    } catch (const ParseFailure& failure) {
      return SpfSyntaxError{pos, failure.message};
    }
    pos = end;
  }
  return record;
}

}  // namespace bg::check
