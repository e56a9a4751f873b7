// Region benchmarking (rank/benchmark.hpp): the 对标 comparison and the 赛马榜 as JSON and terminal
// tables (Chinese by default, `lang` "en" for English). Region names beside codes.
// compare JSON: {"regions": [{"region", "region_name", "benchmark"}], "links": [{"chain", "node",
//   "name", "importance", "cells": [{"region", "status", "status_zh", "local_count", "local_share",
//   "rca", "gap_score"}]}]}.
// leaderboard JSON: {"within", "within_name", "chains": [ids], "rows": [{"rank", "region",
//   "region_name", "completeness", "present_share", "strong_share", "links", "present", "strong",
//   "missing", "local_enterprises", "gap_to_leader", "behind_leader": [{"chain", "node", "name",
//   "leader_status", "status", "importance", "weight"}]}]}.
#pragma once
#include <string>

#include "chaingap/model/dataset.hpp"
#include "chaingap/rank/benchmark.hpp"

namespace chaingap {

std::string comparison_to_json(const Dataset& ds, const RegionComparison& c);
std::string comparison_to_table(const Dataset& ds, const RegionComparison& c, const std::string& lang);
std::string leaderboard_to_json(const Dataset& ds, const Leaderboard& b);
// `top_links`: separating links shown per region in the table (JSON has all).
std::string leaderboard_to_table(const Dataset& ds, const Leaderboard& b, const std::string& lang,
                                 std::size_t top_links = 3);

}  // namespace chaingap
