#include "check/dkim_key.h"

#include <algorithm>

#include "check/tag_list.h"
#include "check/zone_record.h"
#include "dns/record_data.h"
#include "mime/transfer_encoding.h"

namespace bg::check {

namespace {

constexpr int kWeakBelowBits = 1024;
constexpr int kRecommendedBits = 2048;
constexpr int kEd25519Bits = 256;

// A DER element: its tag and content, read from `der` at `pos` (moved past it).
struct DerElement {
  unsigned char tag = 0;
  std::string_view content;
};

std::optional<DerElement> read_der(std::string_view der, std::size_t& pos) {
  if (pos + 2 > der.size()) return std::nullopt;
  DerElement element;
  element.tag = static_cast<unsigned char>(der[pos++]);
  std::size_t length = static_cast<unsigned char>(der[pos++]);
  if (length & 0x80) {
    const std::size_t count = length & 0x7f;
    if (count == 0 || count > 4 || pos + count > der.size()) return std::nullopt;
    length = 0;
    for (std::size_t i = 0; i < count; ++i)
      length = length << 8 | static_cast<unsigned char>(der[pos++]);
  }
  if (length > der.size() - pos) return std::nullopt;
  element.content = der.substr(pos, length);
  pos += length;
  return element;
}

constexpr unsigned char kSequence = 0x30;
constexpr unsigned char kInteger = 0x02;
constexpr unsigned char kBitString = 0x03;

// The size in bits of an RSA modulus, from a SubjectPublicKeyInfo (what DKIM publishes) or a
// bare RSAPublicKey; 0 when the data is neither.
int rsa_modulus_bits(std::string_view der) {
  std::size_t pos = 0;
  std::optional<DerElement> outer = read_der(der, pos);
  if (!outer || outer->tag != kSequence) return 0;
  std::size_t inner = 0;
  std::optional<DerElement> first = read_der(outer->content, inner);
  if (!first) return 0;
  std::string_view rsa_key = outer->content;
  if (first->tag == kSequence) {  // SubjectPublicKeyInfo: algorithm, then the key as a bit string
    const std::optional<DerElement> bits = read_der(outer->content, inner);
    if (!bits || bits->tag != kBitString || bits->content.empty()) return 0;
    std::size_t key_pos = 0;
    const std::optional<DerElement> key = read_der(bits->content.substr(1), key_pos);
    if (!key || key->tag != kSequence) return 0;
    rsa_key = key->content;
  }
  std::size_t modulus_pos = 0;
  const std::optional<DerElement> modulus = read_der(rsa_key, modulus_pos);
  if (!modulus || modulus->tag != kInteger) return 0;
  std::string_view digits = modulus->content;
  while (!digits.empty() && digits.front() == 0) digits.remove_prefix(1);
  if (digits.empty()) return 0;
  int bits = static_cast<int>(digits.size()) * 8;
  for (auto top = static_cast<unsigned char>(digits.front()); !(top & 0x80); top <<= 1) --bits;
  return bits;
}

}  // namespace

DkimKey parse_dkim_key(std::string_view selector, std::string_view text) {
  DkimKey key;
  key.selector = std::string(selector);
  key.text = std::string(text);
  const TagList tags = parse_tag_list(text);
  key.problems = tags.problems;
  if (const auto version = tags.find("v"); version && *version != "DKIM1")
    key.problems.push_back("v=" + *version + " is not DKIM1");
  key.key_type = tags.find("k").value_or("rsa");
  key.testing = std::ranges::any_of(tags.find("t").value_or(""), [](char c) { return c == 'y'; });
  const std::optional<std::string> public_key = tags.find("p");
  if (!public_key) {
    key.problems.push_back("the p= tag with the public key is missing");
    return key;
  }
  std::string base64 = *public_key;
  std::erase_if(base64, [](char c) { return c == ' ' || c == '\t'; });
  if (base64.empty()) {
    key.revoked = true;
    return key;
  }
  std::string der;
  mime::append_base64_decoded(base64, der);
  if (key.key_type == "ed25519") {
    key.bits = der.size() == 32 ? kEd25519Bits : 0;
  } else if (key.key_type == "rsa") {
    key.bits = rsa_modulus_bits(der);
  } else {
    key.problems.push_back("k=" + key.key_type + " is not a key type DKIM defines");
    return key;
  }
  if (key.bits == 0)
    key.problems.push_back("the p= key cannot be read as a " + key.key_type + " public key");
  return key;
}

const std::vector<std::string>& common_dkim_selectors() {
  static const std::vector<std::string> selectors = {
      "default",    "dkim",  "mail",     "selector1", "selector2",     "google",
      "k1",         "k2",    "s1",       "s2",        "smtp",          "mx",
      "key1",       "dkim1", "sig1",     "mandrill",  "everlytickey1", "zendesk1",
      "protonmail", "fm1",   "20230601",
  };
  return selectors;
}

std::vector<DkimKey> look_up_dkim_keys(dns::Resolver& resolver, std::string_view domain,
                                       const std::vector<std::string>& selectors,
                                       std::vector<std::string>& failures) {
  std::vector<dns::Question> questions;
  for (const std::string& selector : selectors)
    questions.push_back({selector + "._domainkey." + std::string(domain), dns::RecordType::txt});
  const std::vector<dns::Answer> answers = resolver.resolve_all(questions);
  std::vector<DkimKey> keys;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (answers[i].is_failure()) failures.push_back(questions[i].name + ": " + answers[i].detail);
    for (const std::string& rdata : answers[i].records) {
      const std::string text = dns::txt_text(rdata);
      // A selector's name may hold other TXT records (or a CNAME to a provider's key).
      if (text.find("p=") == std::string::npos) continue;
      keys.push_back(parse_dkim_key(selectors[i], text));
      keys.back().dnssec = answers[i].dnssec;
    }
  }
  return keys;
}

std::vector<Finding> audit_dkim(std::string_view domain_text, const std::vector<DkimKey>& keys,
                                const std::vector<std::string>& selectors_tried) {
  const std::string domain(domain_text);
  std::vector<Finding> findings;
  if (keys.empty()) {
    findings.push_back(make_finding("dkim.none_found",
                                    "no DKIM key at the " + std::to_string(selectors_tried.size()) +
                                        " selectors tried under _domainkey." + domain +
                                        "; name yours with --selector"));
    return findings;
  }
  for (const DkimKey& key : keys) {
    const std::string where = key.selector + "._domainkey." + domain;
    const std::string replacement = txt_record(key.selector + "-new._domainkey." + domain,
                                               "v=DKIM1; k=rsa; p=<a new 2048-bit public key>");
    for (const std::string& problem : key.problems)
      findings.push_back(make_finding("dkim.invalid_key", where + ": " + problem));
    if (key.revoked)
      findings.push_back(
          make_finding("dkim.revoked", "the key at " + where + " is revoked (empty p=)"));
    if (key.testing)
      findings.push_back(
          make_finding("dkim.testing", "the key at " + where + " has t=y (testing)"));
    if (key.key_type != "rsa" || key.bits == 0) continue;
    if (key.bits < kWeakBelowBits)
      findings.push_back(make_finding("dkim.weak_key",
                                      "the key at " + where + " is RSA " +
                                          std::to_string(key.bits) +
                                          " bits; sign with a new 2048-bit key and revoke this one",
                                      replacement));
    else if (key.bits < kRecommendedBits)
      findings.push_back(make_finding(
          "dkim.small_key", "the key at " + where + " is RSA " + std::to_string(key.bits) + " bits",
          replacement));
  }
  return findings;
}

}  // namespace bg::check
