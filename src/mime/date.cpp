#include "mime/date.h"

#include <array>
#include <cstdint>
#include <cstdio>

#include "mime/ascii.h"

namespace bg::mime {

namespace {

// Up to four letters of `word`, lowercased and packed into one number, for comparing a word with
// short names in one step; 0 when the word is longer than `letters`.
constexpr std::uint32_t packed(std::string_view word, std::size_t letters) {
  if (word.size() > letters) return 0;
  std::uint32_t code = 0;
  for (char c : word) code = code << 8 | static_cast<unsigned char>(to_lower_ascii(c));
  return code;
}

int month_number(std::string_view word) {
  static constexpr std::array<std::uint32_t, 12> kMonths = {
      packed("jan", 3), packed("feb", 3), packed("mar", 3), packed("apr", 3), packed("may", 3), packed("jun", 3),
      packed("jul", 3), packed("aug", 3), packed("sep", 3), packed("oct", 3), packed("nov", 3), packed("dec", 3)};
  if (word.size() < 3) return 0;
  const std::uint32_t code = packed(word.substr(0, 3), 3);
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (code == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

std::optional<int> zone_minutes(std::string_view word) {
  if ((word.size() == 5 || word.size() == 6) && (word[0] == '+' || word[0] == '-')) {
    // "+0900", or "+09:00" as some servers write it
    const bool colon = word.size() == 6;
    if (colon && word[3] != ':') return std::nullopt;
    const char digits[4] = {word[1], word[2], word[colon ? 4 : 3], word[colon ? 5 : 4]};
    for (char c : digits)
      if (c < '0' || c > '9') return std::nullopt;
    const int total = ((digits[0] - '0') * 10 + (digits[1] - '0')) * 60 + (digits[2] - '0') * 10 + (digits[3] - '0');
    return word[0] == '-' ? -total : total;
  }
  static constexpr std::pair<std::uint32_t, int> kZones[] = {
      {packed("ut", 4), 0},         {packed("utc", 4), 0},        {packed("gmt", 4), 0},
      {packed("z", 4), 0},          {packed("est", 4), -5 * 60},  {packed("edt", 4), -4 * 60},
      {packed("cst", 4), -6 * 60},  {packed("cdt", 4), -5 * 60},  {packed("mst", 4), -7 * 60},
      {packed("mdt", 4), -6 * 60},  {packed("pst", 4), -8 * 60},  {packed("pdt", 4), -7 * 60},
      {packed("jst", 4), 9 * 60},   {packed("cet", 4), 60},       {packed("cest", 4), 120},
      {packed("bst", 4), 60},       {packed("kst", 4), 9 * 60},   {packed("hkt", 4), 8 * 60},
      {packed("ist", 4), 330}};
  const std::uint32_t code = packed(word, 4);
  if (code == 0) return std::nullopt;
  for (const auto& [name, minutes] : kZones)
    if (code == name) return minutes;
  return std::nullopt;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = static_cast<unsigned>((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word)
    if (!is_digit(c)) return false;
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// The bytes that end a word of a date: white space, commas and the parentheses of comments. A
// table, since every byte of a date is tested.
constexpr auto kWordEnds = [] {
  std::array<bool, 256> ends{};
  for (const char c : {' ', '\t', ',', '(', ')', '\n', '\r'}) ends[static_cast<unsigned char>(c)] = true;
  return ends;
}();

bool is_weekday(std::string_view word) {
  static constexpr std::array<std::uint32_t, 7> kWeekdays = {packed("mon", 3), packed("tue", 3), packed("wed", 3),
                                                             packed("thu", 3), packed("fri", 3), packed("sat", 3),
                                                             packed("sun", 3)};
  const std::uint32_t code = packed(word, 3);
  for (std::uint32_t weekday : kWeekdays)
    if (code == weekday) return true;
  return false;
}

// The parts of a date, as far as they have been read.
struct DateParts {
  int day = 0, month = 0, year = -1, hour = -1, minute = 0, second = 0;
  std::optional<int> zone;

  // Takes `word` for the first part it can be that is still unread.
  void take(std::string_view word) {
    // A time's first colon follows one or two digits: no other word needs searching for one.
    if (hour < 0 && word.size() > 2 && (word[1] == ':' || word[2] == ':')) {
      int numbers[3] = {0, 0, 0};
      int count = 0;
      std::size_t from = 0;
      while (count < 3 && from <= word.size()) {
        const std::size_t colon = word.find(':', from);
        const std::string_view piece = word.substr(from, colon == std::string_view::npos ? colon : colon - from);
        if (!all_digits(piece) || piece.size() > 2) break;
        numbers[count++] = to_int(piece);
        if (colon == std::string_view::npos) break;
        from = colon + 1;
      }
      if (count >= 2) {
        hour = numbers[0];
        minute = numbers[1];
        second = numbers[2];
        return;
      }
    }
    if (all_digits(word)) {
      if (word.size() == 4 && year < 0) {
        year = to_int(word);
      } else if (word.size() <= 2 && day == 0) {
        day = to_int(word);
      } else if (word.size() <= 2 && year < 0) {
        const int short_year = to_int(word);
        year = short_year < 50 ? 2000 + short_year : 1900 + short_year;
      }
      return;
    }
    if (month == 0) {
      if (const int m = month_number(word); m != 0) {
        month = m;
        return;
      }
    }
    if (!zone) zone = zone_minutes(word);
  }
};

// Reads "Thu, 29 Apr 2013 23:45:32 +0900", the form of RFC 5322 that nearly every server writes,
// at its fixed places: the weekday may be left out, the day have one digit and the zone be a name.
// Once all its parts are read no later word can change them (see DateParts::take), so the text
// after the zone is not looked at. False, with `parts` untouched, when the text does not start so.
bool read_standard_form(std::string_view text, DateParts& parts) {
  if (text.size() >= 5 && text[3] == ',' && text[4] == ' ' && is_weekday(text.substr(0, 3))) text.remove_prefix(5);
  const std::size_t day_digits = text.size() > 1 && is_digit(text[1]) ? 2 : 1;
  if (text.empty() || !is_digit(text[0])) return false;
  const int day = to_int(text.substr(0, day_digits));
  text.remove_prefix(day_digits);
  // What follows the day: 'd' a digit, 'a' any byte (the month's letters are read apart).
  constexpr std::string_view kShape = " aaa dddd dd:dd:dd ";
  if (day == 0 || text.size() < kShape.size()) return false;
  for (std::size_t i = 0; i < kShape.size(); ++i)
    if (kShape[i] == 'd' ? !is_digit(text[i]) : kShape[i] != 'a' && kShape[i] != text[i]) return false;
  const int month = month_number(text.substr(1, 3));
  std::size_t zone_end = kShape.size();
  while (zone_end < text.size() && !kWordEnds[static_cast<unsigned char>(text[zone_end])]) ++zone_end;
  const std::optional<int> zone = zone_minutes(text.substr(kShape.size(), zone_end - kShape.size()));
  if (month == 0 || !zone) return false;
  parts = {.day = day, .month = month, .year = to_int(text.substr(5, 4)), .hour = to_int(text.substr(10, 2)),
           .minute = to_int(text.substr(13, 2)), .second = to_int(text.substr(16, 2)), .zone = zone};
  return true;
}

// Any date, read word by word as the text is split: the first word that can be a part of the
// date is taken for it.
void read_word_by_word(std::string_view text, DateParts& parts) {
  // Words end at spaces, commas and parentheses; comments such as "(JST)" are dropped.
  int comment_depth = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!kWordEnds[static_cast<unsigned char>(text[i])]) {
      std::size_t end = i + 1;
      while (end < text.size() && !kWordEnds[static_cast<unsigned char>(text[end])]) ++end;
      if (comment_depth == 0) parts.take(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (text[i] == '(') ++comment_depth;
    if (text[i] == ')' && comment_depth > 0) --comment_depth;
    ++i;
  }
}

}  // namespace

std::string MailDate::offset_text() const {
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  const int hours = magnitude / 60 % 100;
  const int minutes = magnitude % 60;
  const auto digit = [](int value) { return static_cast<char>('0' + value); };
  return {offset_minutes < 0 ? '-' : '+', digit(hours / 10), digit(hours % 10), digit(minutes / 10),
          digit(minutes % 10)};
}

std::optional<MailDate> parse_mail_date(std::string_view text) {
  DateParts parts;
  if (!read_standard_form(text, parts)) read_word_by_word(text, parts);
  const auto& [day, month, year, hour, minute, second, zone] = parts;
  if (day < 1 || day > 31 || month == 0 || year < 1970 || year > 9999 || hour < 0 || hour > 23 ||
      minute > 59 || second > 60)
    return std::nullopt;

  MailDate date;
  date.offset_minutes = zone.value_or(0);
  date.unix_time = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                   static_cast<std::int64_t>(date.offset_minutes) * 60;
  return date;
}

}  // namespace bg::mime
