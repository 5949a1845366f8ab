// The pieces of the diagnosis, each on its own: addresses and ranges, BATV tags, blocklist
// mentions and the phrase lists they use, typo suggestions, the entry hop, the verdict on the two seed bounces,
// and the streaming diagnoser past its learning window.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "bounce/original/original_facts.h"
#include "bounce/original/received.h"
#include "corpus_scoring.h"
#include "data/embedded_files.h"
#include "data/tsv.h"
#include "diagnose/batv.h"
#include "diagnose/blocklist_mention.h"
#include "diagnose/bounce_verdict.h"
#include "diagnose/diagnose.h"
#include "diagnose/diagnoser.h"
#include "diagnose/ip_range.h"
#include "diagnose/owner.h"
#include "diagnose/sent_mail.h"
#include "diagnose/situation_tally.h"
#include "diagnose/typo_suggestion.h"
#include "mailbox/message_source.h"
#include "mailbox_test_files.h"

namespace bg::diagnose {
namespace {

const std::string kSeed = std::string(BOUNCEGUARD_TEST_DATA) + "/seed";

TEST(IpRange, ParsesAndContains) {
  const auto range = IpRange::parse("203.0.113.0/24");
  ASSERT_TRUE(range);
  EXPECT_TRUE(range->contains(*parse_ip("203.0.113.77")));
  EXPECT_FALSE(range->contains(*parse_ip("203.0.114.1")));
  EXPECT_FALSE(range->contains(*parse_ip("2001:db8::1")));
  const auto six = IpRange::parse("2001:db8::/32");
  ASSERT_TRUE(six);
  EXPECT_TRUE(six->contains(*parse_ip("2001:db8:1::5")));
  EXPECT_FALSE(IpRange::parse("203.0.113.0/33"));
  EXPECT_FALSE(IpRange::parse("mail.example.com"));
  EXPECT_EQ(network_of(*parse_ip("185.220.101.47")), *parse_ip("185.220.0.0"));
  EXPECT_EQ(network_of(*parse_ip("0.0.0.0")), *parse_ip("0.0.0.0"));
  EXPECT_EQ(network_of(*parse_ip("9.99.100.1")), *parse_ip("9.99.0.0"));
  EXPECT_EQ(network_of(*parse_ip("255.255.255.255")), *parse_ip("255.255.0.0"));
  EXPECT_EQ(network_of(*parse_ip("2001:db8:1::5")), *parse_ip("2001:db8::"));
  EXPECT_EQ(network_of(*parse_ip("::ffff:185.220.101.47")), *parse_ip("::"));
  EXPECT_TRUE(is_internal(*parse_ip("10.1.2.3")));
  EXPECT_TRUE(is_internal(*parse_ip("[::1]")));
  EXPECT_FALSE(is_internal(*parse_ip("198.51.100.7")));
}

TEST(IpRange, InternalNetworksEndWhereTheirPrefixesDo) {
  // The first and last address of each internal network, and the addresses just outside it.
  for (std::string_view inside :
       {"0.0.0.0", "0.255.255.255", "10.0.0.0", "10.255.255.255", "127.0.0.0", "127.255.255.255", "100.64.0.0",
        "100.127.255.255", "169.254.0.0", "169.254.255.255", "172.16.0.0", "172.31.255.255", "192.168.0.0",
        "192.168.255.255", "::1", "fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::",
        "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::ffff:10.1.2.3", "::ffff:192.168.0.1"})
    EXPECT_TRUE(is_internal(*parse_ip(inside))) << inside;
  for (std::string_view outside :
       {"1.0.0.0", "9.255.255.255", "11.0.0.0", "126.255.255.255", "128.0.0.0", "100.63.255.255", "100.128.0.0",
        "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0",
        "::", "::2", "1::1", "::1:0:0:1", "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe00::", "fe7f:ffff::",
        "fec0::", "::ffff:8.8.8.8", "::10.1.2.3"})
    EXPECT_FALSE(is_internal(*parse_ip(outside))) << outside;
}

// Backscatter is counted by the distinct addresses it came from and their networks, the /16 of
// IPv4 and the /32 of IPv6: an IPv4 address whose bytes begin an IPv6 one, and an IPv4-mapped
// IPv6 address, are neither that address nor in its network.
TEST(SituationTally, BackscatterCountsDistinctAddressesAndNetworks) {
  const Owner owner;
  const SentMail sent;
  SituationTally tally(owner, sent);
  const bounce::Record record;
  for (std::string_view ip : {"185.220.101.47", "185.220.101.47", "185.220.9.1", "185.221.0.1", "2001:db8:1::5",
                              "2001:db8:ffff::1", "2001:db9::1", "::ffff:185.220.101.47", "32.1.13.184", "32.1.13.184"}) {
    BounceVerdict verdict;
    verdict.entry_address = parse_ip(ip);
    tally.add(record, verdict, Category::kBackscatter);
  }
  const std::vector<Situation> situations = tally.situations();
  ASSERT_EQ(situations.size(), 1u);
  ASSERT_FALSE(situations[0].evidence.empty());
  EXPECT_EQ(situations[0].evidence[0], "10 of 10 bounces answer mail sent from 8 IPs in 6 networks, not from your servers");
}

// The subjects of backscatter are tested for spam by the tally itself, in any case, and only
// where the bounce returned the original: the verdict tests only those of the owner's mail.
TEST(SituationTally, BackscatterSpamSubjectsAreFoundByTheTally) {
  const Owner owner;
  const SentMail sent;
  SituationTally tally(owner, sent);
  const BounceVerdict verdict;  // spammy_subject unset, as judge() leaves it for others' mail
  bounce::Record record;
  record.original.present = true;
  for (std::string_view subject : {"", "Nyaan", "INVOICE #7 overdue", "Verify Your account\r\n"}) {
    record.original.subject = subject;
    tally.add(record, verdict, Category::kBackscatter);
  }
  bounce::Record without_original;
  without_original.original.subject = "Invoice overdue";
  tally.add(without_original, verdict, Category::kBackscatter);
  const std::vector<Situation> situations = tally.situations();
  ASSERT_EQ(situations.size(), 1u);
  const auto& evidence = situations[0].evidence;
  EXPECT_NE(std::find(evidence.begin(), evidence.end(),
                      "2 originals have spam or phishing subjects, such as \"INVOICE #7 overdue\""),
            evidence.end())
      << ::testing::PrintToString(evidence);
}

Owner owner_of_example_jp() {
  Owner owner;
  owner.domains = {"example.jp"};
  return owner;
}

bounce::Record bounce_with_original() {
  bounce::Record record;
  record.kind = bounce::MessageKind::kBounce;
  record.original.present = true;
  return record;
}

TEST(Verdict, OnlyTheOwnersMailHasItsSubjectTestedForSpam) {
  const Owner owner = owner_of_example_jp();
  const SentMail sent;
  bounce::Record record = bounce_with_original();
  record.original.subject = "Account suspended: verify your password";
  record.original.dkim_domains = {"example.jp"};  // signed by the owner: sent by them
  EXPECT_EQ(judge(record, {owner, sent, false}).sent_by_owner, std::optional<bool>(true));
  EXPECT_TRUE(judge(record, {owner, sent, false}).spammy_subject);
  record.original.dkim_domains = {};  // unsigned: not the owner's
  EXPECT_EQ(judge(record, {owner, sent, false}).sent_by_owner, std::optional<bool>(false));
  EXPECT_FALSE(judge(record, {owner, sent, false}).spammy_subject);
}

// The host of the Message-ID is what follows its last '@', shown lowercase whatever its case,
// and weighs for the owner when it is one of theirs; an ID with no '@' or nothing after it names none.
TEST(Verdict, MessageIdHostIsItsLastAtsLowercasedTail) {
  const Owner owner = owner_of_example_jp();
  const SentMail sent;
  bounce::Record record = bounce_with_original();
  const auto evidence_of = [&](std::string_view message_id) {
    record.original.messageid = std::string(message_id);
    const BounceVerdict verdict = judge(record, {owner, sent, false});
    return std::vector<std::string>(verdict.evidence.begin(), verdict.evidence.end());
  };
  const auto says = [](const std::vector<std::string>& evidence, std::string_view fact) {
    return std::find(evidence.begin(), evidence.end(), fact) != evidence.end();
  };
  EXPECT_TRUE(says(evidence_of("a@b@MX.Example.NET"), "Message-ID made by mx.example.net, not by example.jp"));
  EXPECT_TRUE(says(evidence_of("id@mx.example.net"), "Message-ID made by mx.example.net, not by example.jp"));
  EXPECT_TRUE(says(evidence_of("id@Mail.EXAMPLE.JP"), "Message-ID made by mail.example.jp"));
  EXPECT_TRUE(says(evidence_of("@Z"), "Message-ID made by z, not by example.jp"));
  for (const std::string_view no_host : {"no-at-sign", "id@", "@"}) {
    const std::vector<std::string> evidence = evidence_of(no_host);
    EXPECT_FALSE(std::any_of(evidence.begin(), evidence.end(),
                             [](const std::string& fact) { return fact.starts_with("Message-ID made by"); }))
        << no_host;
  }
}

TEST(Owner, RelaysByAddressRangeAndName) {
  Owner owner;
  owner.domains = {"example.com"};
  EXPECT_TRUE(add_relay(owner, "203.0.113.10"));
  EXPECT_TRUE(add_relay(owner, "198.51.100.0/28"));
  EXPECT_TRUE(add_relay(owner, "smtp.provider.example"));
  EXPECT_FALSE(add_relay(owner, "not a relay"));
  EXPECT_TRUE(owner.is_relay("203.0.113.10"));
  EXPECT_TRUE(owner.is_relay("198.51.100.9"));
  EXPECT_FALSE(owner.is_relay("198.51.100.99"));
  EXPECT_TRUE(owner.is_relay_host("smtp.provider.example"));
  EXPECT_TRUE(owner.is_relay_host("mail.example.com"));
  EXPECT_TRUE(owner.owns_address("alice@Example.COM"));
  EXPECT_FALSE(owner.owns_address("alice@notexample.com"));
}

// A name is the owner's when it is one of the domains or ends in a dot and one, in any case:
// the dot is asked before the bytes, and the bytes as they are before without regard to case.
TEST(Owner, DomainsAndTheirHostsInAnyCaseAndNothingElse) {
  Owner owner;
  owner.domains = {"example.jp", "b.co"};
  for (std::string_view name : {"example.jp", "EXAMPLE.JP", "mx.example.jp", "Mx1.Mail.Example.Jp", "b.co", "a.b.co",
                                ".example.jp", "x.B.Co"}) {
    EXPECT_TRUE(owner.owns_domain(name)) << name;
    EXPECT_TRUE(owner.is_relay_host(name)) << name;
  }
  for (std::string_view name : {"", "jp", "xample.jp", "badexample.jp", "mx.badexample.jp", "example.jp.evil.net",
                                "example.jpx", "example-jp", "mx.example.net", "ab.co", "b.com", "example.jp."}) {
    EXPECT_FALSE(owner.owns_domain(name)) << name;
    EXPECT_FALSE(owner.is_relay_host(name)) << name;
  }
  owner.relay_hosts = {"smtp.provider.example"};
  EXPECT_TRUE(owner.is_relay_host("SMTP.Provider.Example"));
  EXPECT_FALSE(owner.is_relay_host("mx.smtp.provider.example"));  // a relay is one host, not a domain
  EXPECT_FALSE(owner.owns_domain("smtp.provider.example"));
  const Owner nobody;
  EXPECT_FALSE(nobody.owns_domain("example.jp"));
  EXPECT_FALSE(nobody.is_relay_host("example.jp"));
  EXPECT_FALSE(nobody.is_relay(*parse_ip("192.0.2.1")));
}

TEST(Batv, ReadsTagAndChecksItsDate) {
  const auto tag = read_batv("prvs=1396ab34cd=alice@example.com");
  ASSERT_TRUE(tag);
  EXPECT_EQ(tag->address, "alice@example.com");
  EXPECT_EQ(tag->key, 1);
  EXPECT_EQ(tag->day, 396);
  // 2026-11-04 is day 20,396 since 1970: day 396 modulo 1000.
  const std::int64_t on_that_day = 20396LL * 86400;
  EXPECT_TRUE(is_fresh(*tag, on_that_day));
  EXPECT_TRUE(is_fresh(*tag, on_that_day - 7LL * 86400));  // made a week before it expires
  EXPECT_FALSE(is_fresh(*tag, on_that_day + 30LL * 86400));
  EXPECT_FALSE(read_batv("alice@example.com"));
  EXPECT_FALSE(read_batv("prvs=12=alice@example.com"));
}

TEST(BlocklistMention, NamesTheListAndTheRefusedAddressNotTheRefuser) {
  const auto mention = find_blocklist_mention(
      "host mx.remote.example[198.51.100.25] said: 554 5.7.1 Service unavailable; Client host [203.0.113.10] "
      "blocked using zen.spamhaus.org",
      "mx.remote.example");
  ASSERT_TRUE(mention);
  EXPECT_EQ(mention->list, "Spamhaus");
  EXPECT_EQ(mention->ip, "203.0.113.10");
  EXPECT_EQ(mention->removal_page, "https://check.spamhaus.org/");
  const auto microsoft = find_blocklist_mention(
      "550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal from this list please visit "
      "https://sender.office.com/",
      "");
  ASSERT_TRUE(microsoft);
  EXPECT_EQ(microsoft->ip, "198.51.100.222");
  EXPECT_FALSE(find_blocklist_mention("550 5.1.1 <bob@example.org>: User unknown", ""));
}

TEST(BlocklistMention, FirstTableRowWinsWhateverTheCase) {
  const auto mention = find_blocklist_mention("554 Rejected: listed in BL.SPAMCOP.NET and in an RBL", "");
  ASSERT_TRUE(mention);
  EXPECT_EQ(mention->list, "SpamCop");
  EXPECT_EQ(mention->removal_page, "https://www.spamcop.net/bl.shtml");
  EXPECT_TRUE(mention->ip.empty());
}

// The phrases are compiled at build time apart from the table's other columns: each row's
// phrase, in upper case, must name the list of the first row whose phrase it contains.
TEST(BlocklistMention, EveryRowsPhraseNamesTheFirstRowItContains) {
  std::vector<data::TsvRow> rows;
  for (const data::TsvRow& row : data::read_tsv(data::embedded_file("blocklist-mentions.tsv")))
    if (row.size() >= 2) rows.push_back(row);
  ASSERT_FALSE(rows.empty());
  for (const data::TsvRow& row : rows) {
    const auto first = std::find_if(rows.begin(), rows.end(), [&](const data::TsvRow& earlier) {
      return row[1].find(earlier[1]) != std::string_view::npos;
    });
    std::string shouted(row[1]);
    for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto mention = find_blocklist_mention(shouted, "");
    ASSERT_TRUE(mention) << row[1];
    EXPECT_EQ(mention->list, (*first)[0]) << row[1];
    EXPECT_EQ(mention->removal_page, first->size() > 2 ? (*first)[2] : "") << row[1];
  }
}

TEST(TypoSuggestion, ProposesTheDomainTheOwnerMeant) {
  const SentMail nothing_sent;
  const auto gmail = suggest_correction("bob@gmial.com", nothing_sent);
  ASSERT_TRUE(gmail);
  EXPECT_EQ(gmail->address, "bob@gmail.com");
  EXPECT_FALSE(suggest_correction("bob@gmail.com", nothing_sent));
  EXPECT_FALSE(suggest_correction("bob@example.org", nothing_sent));
  EXPECT_EQ(edit_distance("gmial.com", "gmail.com"), 1);
  EXPECT_EQ(edit_distance("yaho.com", "yahoo.com"), 1);
}

// Candidates whose length alone puts them too far are passed over without their distance: the
// suggestion must be the one every distance computed would give, for slips that shorten or
// lengthen each big provider's domain by up to three letters.
TEST(TypoSuggestion, LengthsTooFarApartNeverChangeTheSuggestion) {
  const SentMail nothing_sent;
  const std::vector<std::string_view> common = data::read_first_cells(data::embedded_file("common-domains.tsv"));
  const auto allowed_edits = [](std::string_view name) { return name.size() <= 8 ? 1 : 2; };
  for (std::string_view provider : common) {
    const std::string name(provider);
    for (const std::string& slip : {name.substr(1), name.substr(2), name.substr(3), name + "x", name + "xy",
                                    name + "xyz", "x" + name.substr(0, name.size() - 1)}) {
      std::string expected;
      int best = allowed_edits(slip) + 1;
      if (std::find(common.begin(), common.end(), slip) == common.end()) {
        for (std::string_view candidate : common) {
          const int distance = edit_distance(slip, candidate);
          if (candidate == slip || distance > allowed_edits(candidate) || distance >= best) continue;
          best = distance;
          expected = "bob@" + std::string(candidate);
        }
      }
      const auto suggestion = suggest_correction("bob@" + slip, nothing_sent);
      EXPECT_EQ(suggestion ? suggestion->address : "", expected) << slip;
      if (suggestion) {
        EXPECT_FALSE(suggestion->owner_writes_to) << slip;
      }
    }
  }
}

// A correspondent's domain comes first and says so; a big provider says so only when the owner
// writes there too.
TEST(TypoSuggestion, SaysWhenTheOwnerWritesToTheDomainSuggested) {
  mailbox::testing::TempDir dir;
  mailbox::testing::write_file(dir.file("mail.log"),
                               "Nov  3 05:12:03 mail postfix/smtp[124]: ID1: to=<carol@partner-firm.example>, status=sent\n"
                               "Nov  3 05:12:04 mail postfix/smtp[124]: ID2: to=<dave@yahoo.com>, status=sent\n");
  SentMail sent;
  sent.read_mail_log(dir.file("mail.log"));
  const auto partner = suggest_correction("carol@partner-frim.example", sent);
  ASSERT_TRUE(partner);
  EXPECT_EQ(partner->address, "carol@partner-firm.example");
  EXPECT_TRUE(partner->owner_writes_to);
  const auto yahoo = suggest_correction("erin@yaho.com", sent);
  ASSERT_TRUE(yahoo);
  EXPECT_EQ(yahoo->address, "erin@yahoo.com");
  EXPECT_TRUE(yahoo->owner_writes_to);
  const auto gmail = suggest_correction("erin@gmial.com", sent);
  ASSERT_TRUE(gmail);
  EXPECT_EQ(gmail->address, "erin@gmail.com");
  EXPECT_FALSE(gmail->owner_writes_to);
}

TEST(EntryHop, SkipsTheRecipientsInternalRelays) {
  bounce::OriginalMessage original;
  original.present = true;
  original.received = {
      bounce::parse_received("from mx1.remote.example (mx1.remote.example [198.51.100.5]) by store.remote.example "
                             "(Postfix) with ESMTP id 1; Tue, 3 Nov 2026 04:12:09 +0000"),
      bounce::parse_received("from mail.example.com (mail.example.com [203.0.113.10]) by mx1.remote.example "
                             "(Postfix) with ESMTPS id 2; Tue, 3 Nov 2026 04:12:08 +0000"),
      bounce::parse_received("from laptop (dsl.example.net [192.0.2.77]) (Authenticated sender: alice@example.com) "
                             "by mail.example.com (Postfix) with ESMTPSA id 3; Tue, 3 Nov 2026 04:12:07 +0000")};
  const EntryHop entry = entry_hop(original);
  ASSERT_NE(entry.hop, nullptr);
  EXPECT_EQ(entry.hop->from_ip, "203.0.113.10");
  EXPECT_EQ(entry.hop->from_rdns, "mail.example.com");
  ASSERT_NE(entry.below, nullptr);
  EXPECT_EQ(entry.below->auth_sender, "alice@example.com");
}

TEST(Verdict, EximSeedIsBackscatter) {
  OwnerOptions options;
  options.domains = {"example.com"};
  options.relays = {"203.0.113.10"};
  const DiagnosedScan scan = diagnose_inputs({kSeed + "/exim-spoofed-backscatter.eml"}, options);
  ASSERT_EQ(scan.records.size(), 1u);
  const auto& record = scan.records[0];
  EXPECT_EQ(record.sent_by_owner, false);
  EXPECT_EQ(record.category, "backscatter");
  ASSERT_FALSE(record.evidence.empty());
  EXPECT_NE(record.evidence[0].find("directly from 185.220.101.47 (HELO WIN-7Q2K3L9)"), std::string::npos)
      << record.evidence[0];
  ASSERT_EQ(scan.report.situations.size(), 1u);
  EXPECT_EQ(scan.report.situations[0].kind, SituationKind::kSpoofing);
}

TEST(Verdict, Office365SeedIsTheOwnersDeliveryFailure) {
  const DiagnosedScan scan = diagnose_inputs({kSeed + "/office365-ndr-unknown-recipient.eml"}, OwnerOptions{});
  ASSERT_EQ(scan.records.size(), 1u);
  EXPECT_EQ(scan.records[0].sent_by_owner, true);
  EXPECT_EQ(scan.records[0].category, "delivery_failure");
  ASSERT_FALSE(scan.report.owner.domains.empty());
  EXPECT_EQ(scan.report.owner.domains[0], "example.com");
}

TEST(Verdict, NoOriginalMeansNoEvidenceNotAGuess) {
  const auto records = testing::records_of_file(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir/lhost-qmail-01.eml");
  ASSERT_FALSE(records.empty());
  bounce::Record record = records[0];
  record.original = {};
  Owner owner;
  owner.domains = {"example.jp"};
  const SentMail sent;
  const BounceVerdict verdict = judge(record, {owner, sent, false});
  EXPECT_FALSE(verdict.sent_by_owner.has_value());
}

// Past the learning window the diagnosis streams: every record comes out once and in order,
// records fed in batches come out as records fed one at a time, the owner is learned from the
// same records however they are batched, and a record's verdict does not depend on whether it
// waited in the window or came after it.
TEST(Diagnoser, StreamsPastTheLearningWindowInOrderAndJudgesAlike) {
  std::vector<bounce::Record> corpus;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir"))
    for (bounce::Record& record : testing::records_of_file(entry.path().string())) corpus.push_back(std::move(record));
  ASSERT_GT(corpus.size(), 400u);
  const std::size_t copies = Diagnoser::kLearningWindow / corpus.size() + 2;
  std::vector<bounce::Record> stream;
  for (std::size_t copy = 0; copy < copies; ++copy) {
    for (const bounce::Record& record : corpus) {
      stream.push_back(record);
      stream.back().message_index = stream.size() - 1;
    }
  }

  struct Seen {
    std::uint64_t index;
    std::optional<bool> sent_by_owner;
    std::string_view category;
    bounce::Evidence evidence;
    bool operator==(const Seen&) const = default;
  };
  const SentMail sent;
  std::vector<std::vector<std::string>> learned;  // from the owner, at each batch size
  auto diagnose = [&](std::size_t batch_size) {
    std::vector<Seen> seen;
    Diagnoser diagnoser({}, sent, [&](bounce::Record& record) {
      seen.push_back({record.message_index, record.sent_by_owner, record.category, record.evidence});
    });
    for (std::size_t start = 0; start < stream.size(); start += batch_size) {
      if (batch_size == 1) {
        diagnoser.add(bounce::Record(stream[start]));
        continue;
      }
      std::vector<bounce::Record> batch(stream.begin() + static_cast<std::ptrdiff_t>(start),
                                        stream.begin() + static_cast<std::ptrdiff_t>(std::min(start + batch_size, stream.size())));
      diagnoser.add(std::move(batch));
    }
    learned.push_back(diagnoser.finish().owner.learned_from);
    return seen;
  };
  const std::vector<Seen> one_by_one = diagnose(1);
  ASSERT_EQ(one_by_one.size(), stream.size());
  for (std::size_t i = 0; i < one_by_one.size(); ++i) ASSERT_EQ(one_by_one[i].index, i);
  // Batches that end short of the window, past it, and one that holds it all.
  for (const std::size_t batch_size : {37u, 999u, 1001u, 5000u})
    EXPECT_TRUE(diagnose(batch_size) == one_by_one) << "batches of " << batch_size;
  ASSERT_FALSE(learned.front().empty());
  EXPECT_NE(learned.front().front().find(" of 1,000 bounces"), std::string::npos) << learned.front().front();
  for (const std::vector<std::string>& in_batches : learned) EXPECT_EQ(in_batches, learned.front());
  // The first copy waited in the learning window; the last came after it.
  const std::size_t last_copy = (copies - 1) * corpus.size();
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    EXPECT_EQ(one_by_one[i].sent_by_owner, one_by_one[last_copy + i].sent_by_owner) << i;
    EXPECT_EQ(one_by_one[i].evidence, one_by_one[last_copy + i].evidence) << i;
  }
}

TEST(Verdict, BadArgumentsAreRefused) {
  OwnerOptions bad_relay;
  bad_relay.relays = {"300.1.1.1/8"};
  EXPECT_THROW(prepare_diagnosis(bad_relay), std::invalid_argument);
  for (const std::string& domain : {std::string("not a domain"), std::string("example..com"),
                                    std::string(64, 'a') + ".com"}) {
    OwnerOptions bad_domain;
    bad_domain.domains = {domain};
    EXPECT_THROW(prepare_diagnosis(bad_domain), std::invalid_argument) << domain;
  }
  OwnerOptions longest_label;
  longest_label.domains = {std::string(63, 'a') + ".com"};
  EXPECT_NO_THROW(prepare_diagnosis(longest_label));
  OwnerOptions missing_sent;
  missing_sent.sent_paths = {"/nonexistent/Sent"};
  EXPECT_ANY_THROW(prepare_diagnosis(missing_sent));
}

// A Postfix and an Exim log in one: two submissions, two deliveries, and a last line that
// lacks its line end.
const std::string kMailLog =
    "Nov  3 05:12:02 mail postfix/cleanup[123]: 4F1A9C2B7E: message-id=<a1@mail.example.com>\n"
    "Nov  3 05:12:03 mail postfix/smtp[124]: 4F1A9C2B7E: to=<bob@partner.example>, relay=mx.partner.example[192.0.2.1]:25, status=sent\n"
    "2026-11-03 05:12:04 1abcDE-000001-AB <= alice@example.com H=pc.example.com [192.0.2.7] P=esmtpsa id=E1abcDE@mail.example.com\n"
    "2026-11-03 05:12:05 1abcDE-000001-AB => carol@other.example R=dnslookup T=remote_smtp\n"
    "Nov  3 05:12:06 mail postfix/cleanup[125]: 5A2B3C4D5E: message-id=<a3@mail.example.com>";

TEST(SentMailLog, ReadsTheLogPlainOrAsLogrotateCompressedIt) {
  mailbox::testing::TempDir dir;
  const std::pair<const char*, std::string> logs[] = {{"mail.log", kMailLog},
                                                      {"mail.log.1.gz", mailbox::testing::gzip(kMailLog)},
                                                      {"mail.log.2.xz", mailbox::testing::xz(kMailLog)},
                                                      {"mail.log.3.zst", mailbox::testing::zstd(kMailLog)},
                                                      {"mail.log.4.bz2", mailbox::testing::bzip2(kMailLog)}};
  for (const auto& [name, bytes] : logs) {
    SCOPED_TRACE(name);
    mailbox::testing::write_file(dir.file(name), bytes);
    SentMail sent;
    sent.read_mail_log(dir.file(name));
    EXPECT_EQ(sent.logged_messages(), 3u);
    for (const char* id : {"<a1@mail.example.com>", "<E1abcDE@mail.example.com>", "<a3@mail.example.com>"})
      EXPECT_TRUE(sent.in_mail_log(bounce::clean_message_id(id))) << id;
    EXPECT_TRUE(sent.wrote_to("bob@partner.example"));
    EXPECT_TRUE(sent.wrote_to("carol@other.example"));
  }
}

TEST(SentMailLog, LinesAcrossReadsAndOverlongJunkAreHandled) {
  // Many lines, so that some cross the boundary between two reads; then a "line" of megabytes
  // with no line end, which is passed over; then one more real line.
  std::string log;
  for (int i = 0; i < 5000; ++i)
    log += "Nov  3 05:12:02 mail postfix/cleanup[123]: ID" + std::to_string(i) + ": message-id=<m" + std::to_string(i) + "@example.com>\n";
  log += std::string(3 << 20, 'x') + "\n";
  log += "Nov  3 05:13:00 mail postfix/cleanup[123]: IDZ: message-id=<last@example.com>\n";
  mailbox::testing::TempDir dir;
  mailbox::testing::write_file(dir.file("mail.log"), log);
  SentMail sent;
  sent.read_mail_log(dir.file("mail.log"));
  EXPECT_EQ(sent.logged_messages(), 5001u);
  for (int i : {0, 1234, 4999})
    EXPECT_TRUE(sent.in_mail_log(bounce::clean_message_id("<m" + std::to_string(i) + "@example.com>"))) << i;
  EXPECT_TRUE(sent.in_mail_log(bounce::clean_message_id("<last@example.com>")));
}

TEST(Verdict, SentFoldersAndLogsThatProveNothingAreNamed) {
  mailbox::testing::TempDir dir;
  mailbox::testing::write_file(dir.file("mail.log"), kMailLog);
  mailbox::testing::write_file(dir.file("syslog"), "Nov  3 05:12:02 host kernel: eth0 link up\n");
  mailbox::testing::write_file(dir.file("Sent"),
                               "From me@example.com Thu Nov  5 10:00:00 2026\n"
                               "Message-ID: <s1@example.com>\nTo: x@partner.example\n\nhello\n\n"
                               "From me@example.com Thu Nov  5 10:00:01 2026\n\n\x01 not mail\n");
  mailbox::testing::write_file(dir.file("Empty"), "");

  OwnerOptions useful;
  useful.maillog_paths = {dir.file("mail.log")};
  EXPECT_TRUE(prepare_diagnosis(useful).input_problems.empty());

  OwnerOptions wrong_files;
  wrong_files.maillog_paths = {dir.file("syslog")};
  wrong_files.sent_paths = {dir.file("Sent"), dir.file("Empty")};
  const DiagnosisSetup setup = prepare_diagnosis(wrong_files);
  EXPECT_TRUE(setup.sent->in_sent_folder("s1@example.com"));
  ASSERT_EQ(setup.input_problems.size(), 3u);
  EXPECT_EQ(setup.input_problems[0].origin, dir.file("Sent"));
  EXPECT_EQ(setup.input_problems[0].what, "1 message in it not mail (no header), passed over");
  EXPECT_EQ(setup.input_problems[1].origin, dir.file("Empty"));
  EXPECT_EQ(setup.input_problems[1].what, "no message in it, so it proves nothing sent");
  EXPECT_EQ(setup.input_problems[2].origin, dir.file("syslog"));
  EXPECT_EQ(setup.input_problems[2].what, "no Postfix or Exim message-id in it, so it proves nothing sent");
}

// A message of the owner's Sent folder, submitted through `relay` by `id`.
std::string sent_message(const std::string& relay, const std::string& id) {
  return "From alice@example.com Tue Nov  3 05:59:59 2026\n"
         "Received: from laptop (dsl.example.net [192.0.2.77]) (Authenticated sender: alice@example.com)\n"
         "\tby " + relay + " (Postfix) with ESMTPSA id " + id + "; Tue, 3 Nov 2026 05:59:59 +0000\n"
         "From: Alice <alice@example.com>\nTo: carol@partner.example\nMessage-ID: <" + id + "@example.com>\n\nhi\n\n";
}

TEST(Verdict, TheRelaysTheSentFolderWasSubmittedToAreLearnedAndCounted) {
  mailbox::testing::TempDir dir;
  mailbox::testing::write_file(dir.file("Sent"), sent_message("mail.hosting.example", "1") +
                                                     sent_message("smtp.provider.example", "2") +
                                                     sent_message("smtp.provider.example", "3"));
  OwnerOptions options;
  options.domains = {"example.com"};
  options.sent_paths = {dir.file("Sent")};
  const DiagnosedScan scan = diagnose_inputs({kSeed + "/exim-spoofed-backscatter.eml"}, options);
  const std::vector<std::string>& learned = scan.report.owner.learned_from;
  for (const char* fact : {"relay mail.hosting.example: 1 message in your Sent folder was submitted to it",
                           "relay smtp.provider.example: 2 messages in your Sent folder were submitted to it"})
    EXPECT_NE(std::find(learned.begin(), learned.end(), fact), learned.end())
        << fact << " in " << ::testing::PrintToString(learned);
}

TEST(Verdict, AMailLogThatCannotBeReadIsRefusedNamingIt) {
  OwnerOptions folder_as_log;
  folder_as_log.maillog_paths = {BOUNCEGUARD_TEST_DATA};
  try {
    prepare_diagnosis(folder_as_log);
    FAIL() << "a folder was read as a mail log";
  } catch (const mailbox::InputError& error) {
    EXPECT_EQ(std::string(error.what()), "cannot read " + std::string(BOUNCEGUARD_TEST_DATA) + ": Is a directory");
  }
}

}  // namespace
}  // namespace bg::diagnose
