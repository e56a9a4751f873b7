// Backtest results as JSON (the contract of `chaingap evaluate --format json`, docs/backtest.md),
// CSV (one row per model) and an aligned terminal table.
#pragma once
#include <string>

#include "chaingap/eval/protocol.hpp"

namespace chaingap {

std::string evaluation_to_json(const Dataset& ds, const EvalResult& result);
std::string evaluation_to_csv(const EvalResult& result);
std::string evaluation_to_table(const Dataset& ds, const EvalResult& result);

}  // namespace chaingap
