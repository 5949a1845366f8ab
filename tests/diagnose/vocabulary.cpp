#include "vocabulary.h"

#include <array>
#include <cctype>

namespace bg::testing::scenarios {

namespace {

constexpr std::array<std::string_view, 10> kBigProviders = {
    "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "aol.com",
    "icloud.com", "web.de", "gmx.de", "orange.fr", "libero.it"};

constexpr std::array<std::pair<std::string_view, std::array<std::string_view, 3>>, 5> kTypos = {{
    {"gmail.com", {"gmial.com", "gmal.com", "gmail.con"}},
    {"hotmail.com", {"hotmial.com", "hotmal.com", "hotmail.co"}},
    {"yahoo.com", {"yaho.com", "yahooo.com", "yahoo.cm"}},
    {"outlook.com", {"outlok.com", "outloook.com", "outlook.cm"}},
    {"icloud.com", {"iclod.com", "icould.com", "icloud.co"}},
}};

constexpr std::array<std::string_view, 40> kFirstNames = {
    "Anna",  "Bjorn", "Carla",  "David",  "Elena",  "Farid",  "Greta", "Hannah", "Ivan",   "Julia",
    "Karim", "Laura", "Marco",  "Nadia",  "Oliver", "Paula",  "Rafael", "Sofia", "Tomas",  "Ulrike",
    "Victor", "Wanda", "Yusuf", "Zoe",    "Amir",   "Beatriz", "Chen",  "Dorota", "Emil",  "Fatima",
    "Gustav", "Helena", "Ines", "Jonas",  "Kenji",  "Lucia",  "Mateo", "Nora",   "Omar",   "Priya"};
constexpr std::array<std::string_view, 40> kLastNames = {
    "Berg",    "Lindqvist", "Moreau",  "Rossi",   "Novak",   "Kowalski", "Jensen",  "Fischer",
    "Silva",   "Haddad",    "Tanaka",  "Okafor",  "Meyer",   "Dubois",   "Costa",   "Nilsson",
    "Schmidt", "Romano",    "Petrov",  "Larsen",  "Weber",   "Garcia",   "Virtanen", "Horvath",
    "Yilmaz",  "Brennan",   "Keller",  "Lopez",   "Marin",   "Nowak",    "Olsen",   "Pereira",
    "Quinn",   "Richter",   "Santos",  "Torres",  "Vogel",   "Walsh",    "Young",   "Zimmer"};
constexpr std::array<std::string_view, 24> kCompanyWords = {
    "lindgren", "harbor",  "alpine",  "northwind", "bluefin", "cedar",   "delta",  "ember",
    "falcon",   "granite", "horizon", "iris",      "juniper", "kestrel", "lumen",  "meridian",
    "nova",     "orchid",  "pioneer", "quartz",    "riverside", "summit", "tidewater", "vertex"};
constexpr std::array<std::string_view, 12> kCompanySuffixes = {
    "bau", "logistik", "design", "consulting", "partners", "systems",
    "foods", "medical", "legal", "print", "travel", "energy"};
constexpr std::array<std::string_view, 10> kCompanyTlds = {".de", ".com", ".fr", ".nl", ".it",
                                                           ".co.uk", ".se", ".pl", ".es", ".com.br"};
constexpr std::array<std::string_view, 10> kPcWords = {"User-PC", "Admin-PC", "HOME-PC",  "Owner-PC",  "PC01",
                                                       "Laptop",  "office1",  "localhost", "Notebook", "host"};

constexpr std::array<std::string_view, 20> kEverydaySubjects = {
    "Quarterly figures",        "Re: meeting on Thursday",  "Invoice 2026-031",     "Draft contract",
    "Photos from the weekend",  "Re: project timeline",     "Lunch next week?",     "Updated price list",
    "Your order confirmation",  "Re: shipping schedule",    "Minutes of the board meeting", "Travel plans",
    "Re: question about the offer", "Annual report draft",  "Signed agreement",     "Re: budget 2026",
    "Welcome aboard",           "Follow-up on our call",    "Samples shipped today", "Re: holiday rota"};
constexpr std::array<std::string_view, 8> kEverydayLines = {
    "as promised, here are the details we talked about.",
    "could you have a look at this before Friday?",
    "thanks for your quick reply, that works for me.",
    "I have attached the latest version for your review.",
    "let me know if anything is missing.",
    "we can go over the open points on the phone tomorrow.",
    "the figures look better than last quarter.",
    "please confirm that the dates still suit you."};

constexpr std::array<std::string_view, 24> kSpamSubjects = {
    "Invoice #88213 overdue - action required",  "Your account has been suspended",
    "Payment confirmation #TX-4471920",           "DHL: your parcel is waiting for delivery",
    "Claim your reward today",                    "Urgent: verify your mailbox",
    "You have (3) undelivered messages",          "Final notice: outstanding balance",
    "Re: Re: purchase order",                     "Lowest prices on meds - 80% off",
    "Your password expires today",                "Congratulations! You have won",
    "Document shared with you",                   "Bank transfer receipt",
    "Crypto investment opportunity - 300% returns", "Voicemail received (00:47)",
    "Security alert: unusual sign-in activity",   "Shipment notice: track your package",
    "Meet singles in your area",                  "Tax refund notification",
    "Your Netflix membership is on hold",         "Wire transfer request",
    "Quote request - urgent",                     "Important update about your account"};
constexpr std::array<std::string_view, 6> kSpamBodies = {
    "Please open the attached invoice today to avoid late fees.",
    "Click here to confirm your details: http://secure-verify.example-login.top/confirm",
    "Dear customer, your package could not be delivered. Pay the customs fee here.",
    "Limited offer! Order now and save 80 percent on all products.",
    "Your mailbox is almost full. Log in to upgrade your storage now.",
    "We have detected unusual activity. Verify your account within 24 hours."};
constexpr std::array<std::string_view, 8> kPhishingNames = {
    "DHL Express", "Microsoft 365", "Account Security", "PayPal Service",
    "Billing Department", "IT Helpdesk", "Amazon Support", "Mail Administrator"};

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNewsletters = {{
    {"Nordic Outdoor Shop", "news@mail.nordic-outdoor.example"},
    {"The Morning Brief", "briefing@newsletter.morningbrief.example"},
    {"Cloud Status", "no-reply@status.cloudhost.example"},
    {"City Library", "events@library.citycouncil.example"},
    {"Dev Weekly", "hello@devweekly.example"},
    {"Travel Deals", "deals@offers.flyaway.example"}}};
constexpr std::array<std::string_view, 8> kNewsletterSubjects = {
    "This week: spring collection is here",  "Your Monday briefing",
    "Scheduled maintenance on Saturday",     "New events this month",
    "Issue 214: faster builds",              "Flash sale: 48 hours only",
    "Your monthly account summary",          "Last chance: early-bird tickets"};

}  // namespace

std::span<const std::string_view> big_providers() { return kBigProviders; }

bool is_big_provider(std::string_view domain) {
  for (std::string_view provider : kBigProviders)
    if (provider == domain) return true;
  return false;
}

std::string typo_of(std::string_view domain, ScenarioRandom& random) {
  for (const auto& [correct, typos] : kTypos)
    if (correct == domain) return std::string(random.pick(std::span<const std::string_view>(typos)));
  return {};
}

std::string first_name(ScenarioRandom& random) {
  return std::string(random.pick(std::span<const std::string_view>(kFirstNames)));
}

std::string last_name(ScenarioRandom& random) {
  return std::string(random.pick(std::span<const std::string_view>(kLastNames)));
}

std::string local_part_of(std::string_view first, std::string_view last, ScenarioRandom& random) {
  std::string f(first), l(last);
  for (char& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  switch (random.below(4)) {
    case 0: return f + "." + l;
    case 1: return f.substr(0, 1) + l;
    case 2: return f + "_" + l.substr(0, 1);
    default: return f + "." + l + std::to_string(random.between(1, 99));
  }
}

std::string company_domain(ScenarioRandom& random) {
  const auto& words = kCompanyWords;
  return std::string(random.pick(std::span<const std::string_view>(words))) + "-" +
         std::string(random.pick(std::span<const std::string_view>(kCompanySuffixes))) +
         std::string(random.pick(std::span<const std::string_view>(kCompanyTlds)));
}

Person correspondent(ScenarioRandom& random) {
  const std::string first = first_name(random);
  const std::string last = last_name(random);
  const std::string domain =
      random.chance(0.5) ? std::string(random.pick(big_providers())) : company_domain(random);
  return {first + " " + last, local_part_of(first, last, random) + "@" + domain};
}

std::string pc_helo(ScenarioRandom& random) {
  switch (random.below(3)) {
    case 0: return "WIN-" + random.alphanumeric(static_cast<std::size_t>(random.between(7, 11)), true);
    case 1: return "DESKTOP-" + random.alphanumeric(7, true);
    default: return std::string(random.pick(std::span<const std::string_view>(kPcWords)));
  }
}

std::string everyday_subject(ScenarioRandom& random) {
  return std::string(random.pick(std::span<const std::string_view>(kEverydaySubjects)));
}

std::string everyday_body(std::string_view greeting_name, std::string_view signature, ScenarioRandom& random) {
  std::string body = "Hi " + std::string(greeting_name) + ",\n\n";
  body += std::string(random.pick(std::span<const std::string_view>(kEverydayLines))) + "\n";
  body += std::string(random.pick(std::span<const std::string_view>(kEverydayLines))) + "\n\n";
  body += "Best regards,\n" + std::string(signature) + "\n";
  return body;
}

std::string spam_subject(ScenarioRandom& random) {
  return std::string(random.pick(std::span<const std::string_view>(kSpamSubjects)));
}

std::string spam_body(ScenarioRandom& random) {
  return std::string(random.pick(std::span<const std::string_view>(kSpamBodies))) + "\n";
}

std::string phishing_display_name(ScenarioRandom& random) {
  return std::string(random.pick(std::span<const std::string_view>(kPhishingNames)));
}

Person newsletter_sender(ScenarioRandom& random) {
  using Newsletter = std::pair<std::string_view, std::string_view>;
  const auto& [name, address] = random.pick(std::span<const Newsletter>(kNewsletters));
  return {std::string(name), std::string(address)};
}

std::string newsletter_subject(ScenarioRandom& random) {
  return std::string(random.pick(std::span<const std::string_view>(kNewsletterSubjects)));
}

}  // namespace bg::testing::scenarios
