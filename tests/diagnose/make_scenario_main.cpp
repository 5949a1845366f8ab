// make-scenario: writes one generated scenario (mailbox, Sent folder, mail log, truth.json) to a
// folder, to try the diagnosis by hand:
//   make-scenario --kind spoofing --seed 7 --out /tmp/s [--variant everything]
#include <cstdlib>
#include <iostream>
#include <string>

#include "scenario_generator.h"

namespace {

int usage(const std::string& problem) {
  using bg::testing::scenarios::all_scenario_kinds;
  using bg::testing::scenarios::all_variants;
  if (!problem.empty()) std::cerr << "make-scenario: " << problem << "\n";
  std::cerr << "usage: make-scenario --kind KIND --seed N --out FOLDER [--variant VARIANT]\n  kinds:";
  for (const auto kind : all_scenario_kinds()) std::cerr << " " << bg::testing::scenarios::to_string(kind);
  std::cerr << "\n  variants:";
  for (const auto variant : all_variants()) std::cerr << " " << bg::testing::scenarios::to_string(variant);
  std::cerr << " (default everything)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  namespace scenarios = bg::testing::scenarios;
  scenarios::ScenarioSpec spec;
  spec.variant = scenarios::Variant::kEverything;
  std::string out;
  bool kind_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string option = argv[i];
    if (option == "-h" || option == "--help") return usage("");
    if (i + 1 >= argc) return usage(option + " needs a value");
    const std::string value = argv[++i];
    if (option == "--kind") {
      const auto kind = scenarios::scenario_kind_named(value);
      if (!kind) return usage("unknown kind " + value);
      spec.kind = *kind;
      kind_given = true;
    } else if (option == "--variant") {
      const auto variant = scenarios::variant_named(value);
      if (!variant) return usage("unknown variant " + value);
      spec.variant = *variant;
    } else if (option == "--seed") {
      char* end = nullptr;
      const unsigned long seed = std::strtoul(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0') return usage("the seed must be a number: " + value);
      spec.seed = static_cast<std::uint32_t>(seed);
    } else if (option == "--out") {
      out = value;
    } else {
      return usage("unknown option " + option);
    }
  }
  if (!kind_given || out.empty()) return usage("--kind and --out are required");
  try {
    const scenarios::Scenario scenario = scenarios::write_scenario(spec, out);
    std::cout << "wrote " << scenario.messages << " messages (" << scenario.bounces.size() << " bounces) to "
              << scenario.mailbox.string() << "\n";
    if (!scenario.sent_folder.empty()) std::cout << "sent folder: " << scenario.sent_folder.string() << "\n";
    if (!scenario.mail_log.empty()) std::cout << "mail log: " << scenario.mail_log.string() << "\n";
    std::cout << "ground truth: " << scenario.truth.string() << "\n";
  } catch (const std::exception& error) {
    std::cerr << "make-scenario: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
