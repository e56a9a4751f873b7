// Synthetic datasets generated from a chain catalogue: the embedded demo (data/demo) and datasets of
// any size for bench/. Deterministic for a given seed and catalogue (own RNG and distributions, so
// the output does not depend on the standard library's distribution implementations).
//
// Model: regions are the 31 provinces, weighted by an approximate GDP share (a realistic skew, not
// data) and optionally split into synthetic counties; each region has a lognormal affinity per chain
// and per link, so regions specialise and some links stay empty. An enterprise picks a region, a
// chain (region affinity × chain size), a primary leaf link (region × link affinity), and further
// links near it on the flow graph; revenue is lognormal (median 20,000 万元), labels follow size.
// Relations are supply edges from firms at a link to firms at a downstream link.
// Complexity O(E·k + R_rel) time and memory.
#pragma once
#include <cstdint>
#include <string>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct SynthParams {
    std::int64_t enterprises = 2000;
    double attachments_per_enterprise = 2.0;  // mean; at least 1 each
    bool fixed_attachments = false;           // every enterprise gets exactly round(mean) links (bench)
    std::int64_t relations = 0;
    std::uint64_t seed = 20211228;  // the plan's date, 渝招商规〔2021〕54号
    int counties_per_province = 0;  // 0: enterprises sit at province level (Chongqing uses real districts)
    double chongqing_boost = 4.0;   // the demo is about Chongqing: more of its firms
};

// Fills enterprises, attachments, relations and regions of `ds` (whose chains are already loaded)
// and finalizes it.
void generate_synthetic(Dataset& ds, const SynthParams& params);

// Writes a dataset's enterprises.csv, attachments.csv, relations.csv and regions.csv to `dir`, and
// dataset.json declaring its coverage `synthetic`.
void write_dataset_csv(const Dataset& ds, const std::string& dir);

}  // namespace chaingap
