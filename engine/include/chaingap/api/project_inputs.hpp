// Inputs of project screening (chaingap assess, rank/assess.hpp): the proposed-project file and the
// region's averages from regions.csv (request layer: reads files with load/, fills rank/ types).
//
// Project file, JSON or CSV (by extension: .json, else CSV), one or many projects:
//   CSV header: id,name,enterprise,links,investment,output,tax,land,energy,jobs — only `id` and
//     `links` required; `links` = "chain/node" items joined by ';'.
//   JSON: an array of objects (or {"projects": [...]}) with the same keys; `links` an array of
//     "chain/node" strings; numbers as numbers.
// Units: investment, output (expected annual output), tax (expected annual tax) in 万元; land in 亩;
// energy in 吨标准煤 a year; jobs in persons. Numbers must be ≥ 0.
// Errors: InputError naming file, line and field (unknown link, negative number, duplicate id, …).
//
// Region averages: optional columns of DIR/regions.csv on R's row — output_per_mu, tax_per_mu
// (万元/亩), energy_per_output (吨标准煤/万元). Absent file, columns or cells give NaN ("not given").
#pragma once
#include <string>
#include <vector>

#include "chaingap/model/dataset.hpp"
#include "chaingap/rank/assess.hpp"

namespace chaingap {

std::vector<ProjectProposal> read_projects(const std::string& file, const Dataset& ds);
RegionAverages read_region_averages(const std::string& data_dir, const std::string& region_id);

}  // namespace chaingap
