#pragma once
// The scenarios the tests run: every kind with every variant of what the person hands over, for
// a few seeds each.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "scenario_generator.h"

namespace bg::testing::scenarios {

inline std::vector<ScenarioSpec> tested_scenarios() {
  std::vector<ScenarioSpec> specs;
  for (const ScenarioKind kind : all_scenario_kinds())
    for (const Variant variant : all_variants())
      for (const std::uint32_t seed : {1u, 2u}) specs.push_back({kind, variant, seed});
  return specs;
}

inline std::string scenario_name(const ScenarioSpec& spec) {
  return std::string(to_string(spec.kind)) + "_" + to_string(spec.variant) + "_" + std::to_string(spec.seed);
}

// How GoogleTest shows a scenario in its messages.
inline void PrintTo(const ScenarioSpec& spec, std::ostream* out) { *out << scenario_name(spec); }

inline std::string scenario_test_name(const ::testing::TestParamInfo<ScenarioSpec>& info) {
  return scenario_name(info.param);
}

// A folder of its own for one scenario, removed with the test.
class ScenarioFolder {
 public:
  explicit ScenarioFolder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("bounceguard-scenario-" + name + "-" +
                                                        std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
  }
  ~ScenarioFolder() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace bg::testing::scenarios
