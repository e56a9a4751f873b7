// Region benchmarking (rank/benchmark.hpp) as reports (report.hpp): the 对标 comparison and the 赛马榜.
// compare JSON: {"regions": [{"region", "region_name", "benchmark", "local_enterprises"}], "links":
//   [{"chain", "node", "name", "importance", "cells": [{"region", "status", "status_zh",
//   "local_count", "local_share", "rca", "gap_score"}]}]}; one table, one row per link × region.
// leaderboard JSON: {"within", "within_name", "chains": [ids], "rows": [{"rank", "region",
//   "region_name", "completeness", "present_share", "strong_share", "links", "present", "strong",
//   "missing", "local_enterprises", "gap_to_leader", "behind_leader": [{"chain", "node", "name",
//   "leader_status", "status", "importance", "weight"}]}]}; tables 赛马榜 and 与榜首差距环节.
// Region names beside codes; `lang` "en" for English labels.
#pragma once
#include <string>

#include "chaingap/model/dataset.hpp"
#include "chaingap/rank/benchmark.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// The arguments must outlive the returned Reports.
Report comparison_report(const Dataset& ds, const RegionComparison& c, const std::string& lang = "zh");
// `top_links`: separating links shown per region in the terminal view (JSON and tables have all).
Report leaderboard_report(const Dataset& ds, const Leaderboard& b, const std::string& lang = "zh",
                          std::size_t top_links = 3);

}  // namespace chaingap
