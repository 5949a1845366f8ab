// The facts of returned originals, read from the seed bounces whose story is known.
#include "bounce/original/original_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "bounce/original/received.h"
#include "corpus_scoring.h"
#include "mime/ascii.h"
#include "mime/headers.h"

namespace bg::bounce {
namespace {

const std::string kSeed = std::string(BOUNCEGUARD_TEST_DATA) + "/seed";

TEST(Received, EximLineFromASpammersPc) {
  const ReceivedHop hop = parse_received(
      "from [185.220.101.47] (helo=WIN-7Q2K3L9) by mail.remote-isp.net with esmtp (Exim 4.96) "
      "(envelope-from <alice@example.com>) id 1tPqRr-0007AB-0W for j.doe@remote-isp.net; Tue, 03 Nov 2026 04:12:07 +0000");
  EXPECT_EQ(hop.from_ip, "185.220.101.47");
  EXPECT_EQ(hop.from_host, "WIN-7Q2K3L9");
  EXPECT_EQ(hop.by_host, "mail.remote-isp.net");
  EXPECT_EQ(hop.protocol, "esmtp");
  EXPECT_EQ(hop.date, "Tue, 03 Nov 2026 04:12:07 +0000");
}

TEST(Received, PostfixAuthenticatedSubmission) {
  const ReceivedHop hop = parse_received(
      "from laptop.example.com (dsl-198-51-100-7.example.net [198.51.100.7]) (Authenticated sender: "
      "alice@example.com) by smtp.example.com (Postfix) with ESMTPSA id 4F1A9C2B7E; Tue, 3 Nov 2026 05:12:02 +0100");
  EXPECT_EQ(hop.from_host, "laptop.example.com");
  EXPECT_EQ(hop.from_ip, "198.51.100.7");
  EXPECT_EQ(hop.by_host, "smtp.example.com");
  EXPECT_EQ(hop.protocol, "ESMTPSA");
  EXPECT_EQ(hop.auth_sender, "alice@example.com");
}

TEST(Received, MicrosoftIpv6Hop) {
  const ReceivedHop hop = parse_received(
      "from AM0PR04MB1234.eurprd04.prod.outlook.com (2603:10a6:208:1::11) by AM0PR04MB5678.eurprd04.prod.outlook.com "
      "(2603:10a6:208:2::22) with Microsoft SMTP Server (version=TLS1_2) id 15.20.1; Tue, 3 Nov 2026 04:12:07 +0000");
  EXPECT_EQ(hop.from_ip, "2603:10a6:208:1::11");
  EXPECT_EQ(hop.protocol, "Microsoft SMTP Server");
}

// Keywords are found in any case, as whole words: followed by a space, a tab or the end of the
// line, and not as the start of a longer word.
TEST(Received, KeywordsAreWholeWordsInAnyCase) {
  const ReceivedHop hop = parse_received("FROM a.example Bypass b.example By\tc.example WiTh esmtp");
  EXPECT_EQ(hop.from_host, "a.example");
  EXPECT_EQ(hop.by_host, "c.example");
  EXPECT_EQ(hop.protocol, "esmtp");
  EXPECT_EQ(parse_received("fromage x.example from y.example by").by_host, "");
  EXPECT_EQ(parse_received("from y.example withdrawn z by mx.example with").protocol, "");
  EXPECT_EQ(parse_received("from y.example (with x) by mx.example").protocol, "");
}

// Clauses are looked for sixteen bytes at a time, at the spaces and tabs before a keyword's first
// letter: each keyword, in either case and after either break, is found at every offset in a
// block, and not inside parentheses.
TEST(Received, KeywordsAtEveryOffset) {
  for (std::size_t pad = 0; pad <= 40; ++pad) {
    const std::string name = "h" + std::string(pad, 'x');
    for (std::string_view by : {" by ", " BY ", "\tBy\t"}) {
      for (std::string_view with : {" with ", " WITH ", "\twItH "}) {
        const std::string line = "from " + name + std::string(by) + "mx.example" + std::string(with) + "esmtp";
        const ReceivedHop hop = parse_received(line);
        EXPECT_EQ(hop.from_host, name) << line;
        EXPECT_EQ(hop.by_host, "mx.example") << line;
        EXPECT_EQ(hop.protocol, "esmtp") << line;
      }
    }
    const ReceivedHop hidden = parse_received("from " + name + " (by x with y) by mx.example with esmtp");
    EXPECT_EQ(hidden.by_host, "mx.example") << pad;
    EXPECT_EQ(hidden.protocol, "esmtp") << pad;
  }
}

// The hosts are read from a folded line as it is: a fold, with CRLF or LF, wherever it falls,
// a bare line break and a tab separate words as the space they unfold to, a HELO marker's space
// included, and each host is the one the unfolded line gives. The search ends at the clauses
// needed: a by clause before the from clause, without one, or after one hidden in a comment, is
// the same.
TEST(Received, HostsOfAFoldedLineAreThoseOfTheUnfoldedLine) {
  for (std::string_view line : {
           "from a.example (a.example [192.0.2.1])\r\n\tby mx.example.org (Postfix) with ESMTP id 1;\r\n\tTue, 3 Nov 2026",
           "from a.example\n by\n mx.example.org\n with esmtp; Tue, 3 Nov 2026",
           "from a.example by\r\n\tmx.example.org\r\n\t(Postfix);\r\n\tTue, 3 Nov 2026",
           "from a.example (by x.example\r\n\twith y) by mx.example.org\r\n with esmtp",
           "from a.example   \r\n   by mx.example.org(Postfix)",
           "by mx.example.org (Postfix, from userid 0)\r\n\tid 1; Tue, 3 Nov 2026",
           "by mx.example.org from a.example with esmtp",
           "from a.example\rby mx.example.org\rwith esmtp",
           "\r\n\tfrom a.example by mx.example.org\r\n",
           "from a.example (helo x)\r\n\tby\r\n",
           "from a.example; by mx.example.org",
           "from mail.example.com (HELO\r\n\tclient.example.net) (192.0.2.1)\r\n\tby mx.example.org",
           "from mail.example.com (HELO \r\n\tclient.example.net) by mx.example.org",
           "from unknown (HELO\tclient.example.net) by mx.example.org",
           "from unknown\n (helo=\n client.example.net) by mx.example.org",
           "from [192.0.2.1] (EHLO x) (ehlo=\r\n\t[192.0.2.1])\r\n\tby mx.example.org",
           "from [192.168.1.23]\r\n\t(host.example.net [81.2.69.160])\r\n\tby mx.example.org",
           "from [192.168.1.23] (host.example.net\r\n\t[81.2.69.160]) by mx.example.org",
           "from\r\n\tclient.example.net\r\n\tby mx.example.org; Tue, 3 Nov 2026",
           "from localhost (HELO) by mx.example.org",
           "from a.example (HELO",
           "",
       }) {
    const ReceivedHop unfolded = parse_received(mime::unfold(line));
    EXPECT_EQ(received_by_host(line), unfolded.by_host) << line;
    EXPECT_EQ(received_from_host(line), unfolded.from_host) << line;
  }
  EXPECT_EQ(received_by_host("from a.example\r\n\tby mx.example.org\r\n\twith esmtp"), "mx.example.org");
  EXPECT_EQ(received_from_host("from unknown (HELO\r\n\tclient.example.net) by mx"), "client.example.net");
}

// A whole line is read from the folded value as it is: every field of the hop is the one the
// unfolded line gives, with folds, tabs and bare line breaks wherever they fall, in the date, in
// the looked-up name, in the markers of an authenticated sender and of a HELO name.
TEST(Received, AFoldedLineReadsAsTheUnfoldedLine) {
  for (std::string_view line : {
           "from client.example.net (client.example.net [192.0.2.1])\r\n\tby mx.example.org (Postfix) with ESMTPS id 1\r\n"
           "\tfor <user@example.org>; Tue,  3 Nov 2026 10:00:00 +0900 (JST)",
           "from [192.0.2.7] (helo=\r\n\tpc.example)\r\n\tby mx.example.org with esmtpsa (Exim 4.96)\r\n"
           "\t(envelope-from <a@example.com>)\r\n\tid 1; Tue, 3 Nov 2026\r\n\t10:00:00 +0000",
           "from pc.example (pc.example\r\n\t[192.0.2.7]) (authenticated\r\n\tsender: alice@example.com)\r\n"
           "\tby mx.example.org; Tue,\t3 Nov 2026",
           "from pc.example (pc.example [192.0.2.7])\n (authenticated as\n bob) by mx.example.org with ESMTPA;\n Tue, 3 Nov 2026",
           "from unknown (HELO\r\n\tpc.example) (192.0.2.7)\r\n\tby mx.example.org with SMTP; 3 Nov 2026 10:00:00 -0000",
           "from EX01.corp.example (10.0.0.1) by EX02.corp.example\r\n (10.0.0.2) with Microsoft SMTP Server\r\n"
           " (version=TLS1_2) id 15.1.2; Tue, 3 Nov 2026 10:00:00 +0000",
           "from a b.example\r\n\t(a\r\n\tb.example [192.0.2.1]) by mx.example.org",
           "from [192.168.1.23]\r\n\t(host.example.net [81.2.69.160])\r\n\tby mx.example.org (auth=\r\n\tcarol)",
           "from a.example\rby mx.example.org\rwith esmtp;\rTue, 3 Nov 2026",
           "by mx.example.org (Postfix, from userid 0)\r\n\tid 1; Tue, 3 Nov 2026 \r\n\t",
           "from a.example by mx.example.org;",
           "",
       }) {
    const ReceivedHop folded = parse_received(line);
    const ReceivedHop unfolded = parse_received(mime::unfold(line));
    EXPECT_EQ(folded.from_host, unfolded.from_host) << line;
    EXPECT_EQ(folded.from_rdns, unfolded.from_rdns) << line;
    EXPECT_EQ(folded.from_ip, unfolded.from_ip) << line;
    EXPECT_EQ(folded.by_host, unfolded.by_host) << line;
    EXPECT_EQ(folded.protocol, unfolded.protocol) << line;
    EXPECT_EQ(folded.auth_sender, unfolded.auth_sender) << line;
    EXPECT_EQ(folded.date, unfolded.date) << line;
  }
  constexpr std::string_view kSplitMarker = "(authenticated\r\n\tsender: alice@example.com) by mx; 3 Nov\r\n\t2026";
  EXPECT_EQ(parse_received(kSplitMarker).auth_sender, "alice@example.com");
  EXPECT_EQ(parse_received(kSplitMarker).date, "3 Nov 2026");
}

// Host names are read to their end sixteen bytes at a time: a name of every length up to 40,
// after every offset within a block, ends at each byte that can end it, or at the end of the line.
TEST(Received, HostsOfEveryLengthEndWhereTheyShould) {
  for (std::size_t length = 1; length <= 40; ++length) {
    std::string host;
    for (std::size_t i = 0; i < length; ++i) host.push_back(static_cast<char>('a' + i % 26));
    for (std::size_t pad = 0; pad < 16; ++pad) {
      const std::string from = "from h" + std::string(pad, 'x');
      for (std::string_view end : {" id 1", "\tid 1", "; Tue, 3 Nov 2026", "(Postfix)", ""}) {
        const std::string line = from + " by " + host + std::string(end);
        EXPECT_EQ(received_by_host(line), host) << line;
        EXPECT_EQ(parse_received(from + std::string(end) + " by mx").from_host, "h" + std::string(pad, 'x'));
      }
    }
  }
}

// The first address in brackets or parentheses is found wherever the bracket falls in a block,
// after a parenthesis that holds none.
TEST(Received, FirstAddressAfterEveryOffset) {
  for (std::size_t pad = 0; pad <= 40; ++pad) {
    const std::string name = "h" + std::string(pad, 'x');
    EXPECT_EQ(parse_received("from " + name + " ([192.0.2.1]) by mx").from_ip, "192.0.2.1") << pad;
    EXPECT_EQ(parse_received("from " + name + " (comment) [192.0.2.9] by mx").from_ip, "192.0.2.9") << pad;
    EXPECT_EQ(parse_received("from " + name + " (192.0.2.7) by mx").from_ip, "192.0.2.7") << pad;
    EXPECT_EQ(parse_received("from " + name + " by mx").from_ip, "") << pad;
  }
}

// HELO markers are looked for sixteen positions at a time, the last block overlapping the one
// before it: each marker, in any case, is found at every offset of from clauses of every length
// up to 40, and preferred in its order; an "lo" that ends no marker is passed over.
TEST(Received, HeloMarkersAtEveryOffset) {
  for (std::size_t pad = 0; pad <= 40; ++pad) {
    const std::string before = "from unknown (" + std::string(pad, 'x');
    for (std::string_view marker : {" helo=", " HeLo=", " HELO ", " helo ", " ehlo=", " EHLO="}) {
      const std::string line = before + std::string(marker) + "mx.example)";
      EXPECT_EQ(parse_received(line + " by mx").from_host, "mx.example") << line;
      EXPECT_EQ(parse_received(line).from_host, "mx.example") << line;
      EXPECT_EQ(received_from_host(line), "mx.example") << line;
    }
    for (std::string_view other : {" halo=", " hello=", " helo:", " helo", " lo=", " ehlo-"}) {
      const std::string line = before + std::string(other) + "mx.example)";
      EXPECT_EQ(parse_received(line).from_host, "unknown") << line;
    }
    const std::string both = before + " ehlo=second.example helo=first.example)";
    EXPECT_EQ(parse_received(both).from_host, "first.example") << both;
    const std::string spaced = before + " HELO second.example ehlo=third.example)";
    EXPECT_EQ(parse_received(spaced).from_host, "second.example") << spaced;
  }
}

// The markers of an authenticated sender are found from the "auth"s of the line, looked for
// sixteen positions at a time by their first and last letters: each marker, in any case, is found
// at every offset of lines of every length up to 40 past a block, the first marker preferred
// wherever it is, and a word that only starts or ends like "auth" is passed over.
TEST(Received, AuthenticatedSenderMarkersAtEveryOffset) {
  for (std::size_t pad = 0; pad <= 40; ++pad) {
    const std::string before = "from h" + std::string(pad, 'x') + " (";
    for (std::string_view marker : {"Authenticated sender: ", "AUTHENTICATED AS ", "authenticated user ", "AuTh=",
                                    "authenticated-id: "}) {
      const std::string line = before + std::string(marker) + "alice@example.com) by mx";
      EXPECT_EQ(parse_received(line).auth_sender, "alice@example.com") << line;
      EXPECT_EQ(parse_received(line + "; " + std::string(pad, 'y')).auth_sender, "alice@example.com") << line;
    }
    for (std::string_view other : {"aXth=", "auTx=", "ath=", "aut=", "uth=", "auuth="}) {
      const std::string line = before + std::string(other) + "alice@example.com) by mx";
      EXPECT_EQ(parse_received(line).auth_sender, "") << line;
    }
    const std::string both = before + "auth=second@example.com) (authenticated sender: first@example.com)" +
                             std::string(pad, 'z');
    EXPECT_EQ(parse_received(both).auth_sender, "first@example.com") << both;
    const std::string token = before + "xauthx auth=" + std::string(pad, 'u') + ") by mx";
    EXPECT_EQ(parse_received(token).auth_sender, std::string(pad, 'u')) << token;
    EXPECT_EQ(parse_received(before + "auth=bob").auth_sender, "bob") << pad;
  }
  EXPECT_EQ(parse_received("AUTH=bob").auth_sender, "bob");
}

// The hosts of a line, read alone, are those of the whole line read: on every Received line of
// the corpus's bounces, unfolded and as written.
TEST(Received, HostsReadAloneAreThoseOfTheWholeLine) {
  std::size_t lines = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    mime::Headers headers;
    headers.parse(message);
    headers.for_each("Received", [&](std::string_view raw) {
      for (const std::string& line : {mime::unfold(raw), std::string(raw)}) {
        const ReceivedHop hop = parse_received(line);
        ASSERT_EQ(received_by_host(line), hop.by_host) << line;
        ASSERT_EQ(received_from_host(line), hop.from_host) << line;
        ++lines;
      }
    });
  }
  EXPECT_GT(lines, 1000u);
}

TEST(OriginalFacts, BackscatterSeedShowsTheForgedOriginal) {
  const auto records = testing::records_of_file(kSeed + "/exim-spoofed-backscatter.eml");
  ASSERT_EQ(records.size(), 1u);
  const OriginalMessage& original = records[0].original;
  ASSERT_TRUE(original.present);
  EXPECT_EQ(original.messageid, "20261103051202.4F1A9C2B7E0D@WIN-7Q2K3L9");
  EXPECT_EQ(original.returnpath, "alice@example.com");
  EXPECT_EQ(original.subject, "Invoice #88213 overdue - action required");
  ASSERT_EQ(original.received.size(), 1u);
  EXPECT_EQ(original.received[0].from_ip, "185.220.101.47");
  EXPECT_EQ(original.received[0].from_host, "WIN-7Q2K3L9");
  EXPECT_TRUE(original.dkim_domains.empty());
  EXPECT_EQ(records[0].addresser, "alice@example.com");
}

TEST(OriginalFacts, DkimDomainsAndOriginatingIp) {
  const OriginalMessage original = read_original(
      "Received: from mail.example.com (mail.example.com [203.0.113.10]) by mx.example.net with ESMTPS id 1\n"
      "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=Example.com;\n\ts=sel1; h=From:To; b=abc\n"
      "DKIM-Signature: v=1; a=rsa-sha256; d=esp.example.net; s=x; b=def\n"
      "DKIM-Signature: v=1; a=rsa-sha256; bh=x;\n\td\n\t = Lists.Example.org ;\n\ts=y; b=ghi\n"
      "X-Originating-IP: [192.0.2.77]\n"
      "Message-ID: <abc@example.com>\n"
      "List-Id: Cats <cats.lists.example.com>\n"
      "\n");
  EXPECT_EQ(original.dkim_domains, (std::vector<std::string>{"example.com", "esp.example.net", "lists.example.org"}));
  EXPECT_EQ(original.x_originating_ip, "192.0.2.77");
  EXPECT_EQ(original.messageid, "abc@example.com");
  EXPECT_EQ(original.listid, "cats.lists.example.com");
}

// Values are unfolded where folded, taken as written where not; an empty originating address
// gives way to the next field that names one.
TEST(OriginalFacts, FoldedAndPlainValues) {
  const OriginalMessage original = read_original(
      "Date: Tue, 3 Nov 2026\r\n 05:12:02 +0100 \r\n"
      "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com\r\n"
      "X-Originating-IP:\r\n"
      "X-Sender-IP: \t[192.0.2.78]\r\n"
      "\r\n");
  EXPECT_EQ(original.date, "Tue, 3 Nov 2026 05:12:02 +0100");
  EXPECT_EQ(original.authentication_results, "mx.example.net; spf=pass smtp.mailfrom=example.com");
  EXPECT_EQ(original.x_originating_ip, "192.0.2.78");
  const OriginalMessage folded = read_original("Authentication-Results: mx.example.net;\n\tdkim=none\n\n");
  EXPECT_EQ(folded.authentication_results, "mx.example.net; dkim=none");
  EXPECT_EQ(folded.date, "");
}

// A field the facts come from, its value with '%' where a mark goes, and the fact it gives.
struct FactField {
  std::string_view name;
  std::string_view value;
  std::string (*fact)(const OriginalMessage&);
};

std::string with_mark(std::string_view text, char mark) {
  std::string marked(text);
  std::replace(marked.begin(), marked.end(), '%', mark);
  return marked;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string all;
  for (const std::string& part : parts) all.append(all.empty() ? "" : ",").append(part);
  return all;
}

const FactField kFactFields[] = {
    {"To", "t%@example.com", [](const OriginalMessage& o) { return o.to; }},
    {"From", "f%@example.com", [](const OriginalMessage& o) { return o.from; }},
    {"Date", "Tue, % Nov 2026", [](const OriginalMessage& o) { return o.date; }},
    {"Subject", "Hello %", [](const OriginalMessage& o) { return o.subject; }},
    {"List-Id", "<l%.example.com>", [](const OriginalMessage& o) { return o.listid; }},
    {"Message-ID", "<m%@example.com>", [](const OriginalMessage& o) { return o.messageid; }},
    {"Return-Path", "<r%@example.com>", [](const OriginalMessage& o) { return o.returnpath; }},
    {"Authentication-Results", "a%.example.net; spf=pass", [](const OriginalMessage& o) { return o.authentication_results; }},
    {"Received", "from a.example by b%.example with esmtp",
     [](const OriginalMessage& o) {
       std::vector<std::string> hosts;
       for (const ReceivedHop& hop : o.received) hosts.push_back(hop.by_host);
       return joined(hosts);
     }},
    {"DKIM-Signature", "v=1; d=d%.example; b=x", [](const OriginalMessage& o) { return joined(o.dkim_domains); }},
    {"X-Originating-IP", "192.0.2.%", [](const OriginalMessage& o) { return o.x_originating_ip; }},
    {"X-Sender-IP", "192.0.2.%", [](const OriginalMessage& o) { return o.x_originating_ip; }},
    {"X-Source-IP", "192.0.2.%", [](const OriginalMessage& o) { return o.x_originating_ip; }},
};

// Another letter in the same case, or '_' for '-'.
char other_byte(char c) {
  if (c == '-') return '_';
  const char lower = mime::to_lower_ascii(c);
  const char other = lower == 'z' ? 'y' : static_cast<char>(lower + 1);
  return c == lower ? other : mime::to_upper_ascii(other);
}

// Each field is found by its name in any case, and a name that differs in any one byte or goes on
// past it is passed over. The first field of a name is read, but every Received and DKIM-Signature field.
TEST(OriginalFacts, FieldsAreFoundByTheirNamesInAnyCase) {
  for (const FactField& field : kFactFields) {
    std::string near_misses = std::string(field.name) + "-X: " + with_mark(field.value, '8') + "\n";
    for (std::size_t at = 0; at < field.name.size(); ++at) {
      std::string miss(field.name);
      miss[at] = other_byte(miss[at]);
      near_misses += miss + ": " + with_mark(field.value, '9') + "\n";
    }
    for (bool upper_first : {true, false}) {
      std::string name(field.name);
      for (std::size_t at = 0; at < name.size(); ++at)
        name[at] = (at % 2 == 0) == upper_first ? mime::to_upper_ascii(name[at]) : mime::to_lower_ascii(name[at]);
      const std::string block = name + ": " + with_mark(field.value, '1') + "\n" + near_misses + std::string(field.name) +
                                ": " + with_mark(field.value, '2') + "\n\n";
      const bool all_read = field.name == "Received" || field.name == "DKIM-Signature";
      const std::string first = field.fact(read_original(block));
      const std::string expected = field.fact(read_original(std::string(field.name) + ": " + with_mark(field.value, '1') + "\n\n"));
      const std::string second = field.fact(read_original(std::string(field.name) + ": " + with_mark(field.value, '2') + "\n\n"));
      ASSERT_FALSE(expected.empty()) << field.name;
      EXPECT_EQ(first, all_read ? expected + "," + second : expected) << block;
    }
  }
}

// The parse of a block and the string values are unfolded into are kept from one original to the
// next: a block read after a longer one gives only its own facts.
TEST(OriginalFacts, AnOriginalReadAfterAnotherHasOnlyItsOwnFacts) {
  const OriginalMessage first = read_original(
      "Received: from a.example (a.example [192.0.2.1])\n\tby b.example with esmtp; Tue, 3 Nov 2026 05:12:02 +0100\n"
      "Received: from c.example by d.example with esmtp;\n\tTue, 3 Nov 2026 05:11:02 +0100\n"
      "Date: Tue, 3 Nov 2026\n 05:10:00 +0100\n"
      "Authentication-Results: mx.example.net;\n\tspf=pass\n"
      "Subject: first\n"
      "\n");
  ASSERT_EQ(first.received.size(), 2u);
  EXPECT_EQ(first.date, "Tue, 3 Nov 2026 05:10:00 +0100");
  const OriginalMessage second = read_original("Received: from e.example by f.example\nSubject: second\n\n");
  ASSERT_EQ(second.received.size(), 1u);
  EXPECT_EQ(second.received[0].from_host, "e.example");
  EXPECT_EQ(second.received[0].by_host, "f.example");
  EXPECT_EQ(second.received[0].date, "");
  EXPECT_EQ(second.date, "");
  EXPECT_EQ(second.authentication_results, "");
  EXPECT_EQ(second.subject, "second");
}

TEST(OriginalFacts, NothingReturnedMeansNotPresent) {
  EXPECT_FALSE(read_original("").present);
}

}  // namespace
}  // namespace bg::bounce
