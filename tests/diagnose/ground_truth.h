#pragma once
// The ground truth of a scenario as JSON (truth.json), for people and other tools to check a
// diagnosis against.
#include <filesystem>

#include "scenario_generator.h"

namespace bg::testing::scenarios {

void write_truth(const Scenario& scenario, const std::filesystem::path& path);

}  // namespace bg::testing::scenarios
