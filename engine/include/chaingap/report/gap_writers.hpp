// Gap reports as JSON (the contract in docs/formats.md), CSV and an aligned terminal table.
#pragma once
#include <string>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/core/json_writer.hpp"

namespace chaingap {

void write_gap_report_json(JsonWriter& w, const Dataset& ds, const GapReport& report);
void write_params_json(JsonWriter& w, const GapParams& params);
std::string gaps_to_json(const Dataset& ds, const GapReport& report);
std::string gaps_to_csv(const Dataset& ds, const GapReport& report, bool bom);
std::string gaps_to_table(const Dataset& ds, const GapReport& report);

}  // namespace chaingap
