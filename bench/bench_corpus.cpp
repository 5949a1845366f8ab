#include "bench_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bg::bench {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> read_folder(const std::string& folder) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> messages;
  for (const auto& path : paths) messages.push_back(read_file(path));
  return messages;
}

std::string newsletter() {
  std::string message =
      "Return-Path: <news@shop.example.com>\nReceived: from mail.shop.example.com (mail.shop.example.com "
      "[203.0.113.5]) by mx.example.org (Postfix) with ESMTPS id 4F1A9C2B7E\n\tfor <alice@example.org>; Tue, 3 Nov "
      "2026 05:12:02 +0100\nFrom: Shop <news@shop.example.com>\nTo: alice@example.org\nSubject: This week's offers\n"
      "Date: Tue, 3 Nov 2026 05:12:02 +0100\nMessage-ID: <offers-2026-45@shop.example.com>\nMIME-Version: 1.0\n"
      "Content-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n"
      "Content-Transfer-Encoding: quoted-printable\n\n";
  for (int i = 0; i < 80; ++i) message += "Our best offers this week, with prices you will like =E2=80=94 see below.\n";
  message += "\n--b1\nContent-Type: text/html; charset=utf-8\n\n";
  for (int i = 0; i < 120; ++i) message += "<p>Our best offers this week, <b>with prices</b> you will like.</p>\n";
  return message + "\n--b1--\n";
}

}  // namespace

const std::vector<std::string>& corpus_bounces() {
  static const std::vector<std::string> messages = read_folder(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir");
  return messages;
}

const std::vector<std::string>& ordinary_messages() {
  static const std::vector<std::string> messages = [] {
    std::vector<std::string> all = read_folder(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/not-bounce");
    all.push_back(newsletter());
    return all;
  }();
  return messages;
}

}  // namespace bg::bench
