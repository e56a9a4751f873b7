// Importer for the CSET / ETO "Advanced Semiconductor Supply Chain" data (eto-chip-explorer/):
// one chain `eto_semiconductor`, firms and country aggregates attached by market share.
//
// Method (docs/importers.md has the full rules and the counts they affect):
//   chain      the three stages (stages.csv) are segments; every input (inputs.csv) is a link;
//              `is_type_of` (sequence.csv) gives the sub-link hierarchy, an input without one
//              hangs under the stage it has (stage_id) or reaches first along `goes_into`;
//              `goes_into` rows are the upstream → downstream edges.
//   firms      organisations of providers.csv, region = their country (ISO-3; "Various countries"
//              → region VARIOUS); country providers are top-level regions.
//   weights    provision.csv share / 100, latest year per provider × input. Per input and country C:
//              C's firm rows keep their share; a stated country share s_C minus C's firm shares is
//              the residual, split equally over C's firms listed without a share, else attached to
//              the aggregate `C:residual`. Firms without a share whose country has no share at the
//              input take the country share of the nearest `is_type_of` ancestor that states one,
//              else `floor_share`. The unattributed pool (Various companies / countries) is cut to
//              what the attributed rows leave; an input whose rows still exceed 1 is scaled to 1.
//   benchmark  regions.csv weight = the region's mean share over the inputs with attachments.
// Stage-level rows (provided_id S1..S3) are not attached (they would double count the stage's
// sub-links); the README of the output compares them with the benchmark.
// Complexity: O(rows · depth of the is_type_of tree), a few milliseconds on the 1,300 rows.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "chaingap/import/dataset_writer.hpp"

namespace chaingap {

struct EtoImportOptions {
    // Weight (share of the input's world market) given to a provider listed without any share when
    // neither its country's share at the input nor at an ancestor input is known. 0.01 = the
    // source's own floor: ETO rounds shares between 0 and 1 % up to 1 % (technical_notes.md).
    double floor_share = 0.01;
    std::string command;  // the command line, for the README
};

struct EtoImportStats {
    int inputs = 0, stages = 0, edges = 0, hierarchy_links = 0, multi_parent_inputs = 0;
    int stage_by_goes_into = 0, stage_ambiguous = 0;
    int organisations = 0, countries = 0, provider_alias_rows = 0;
    int provision_rows = 0, stage_rows = 0, superseded_year_rows = 0;
    int firm_rows_reported = 0, zero_share_firm_rows = 0, zero_share_country_rows = 0;
    int shareless_firm_rows = 0, imputed_country_split = 0, imputed_ancestor_split = 0, imputed_floor = 0;
    int country_rows_with_share = 0, country_residual_attachments = 0, firms_exceed_country = 0;
    int shareless_country_rows_redundant = 0, shareless_country_rows_floor = 0;
    int unattributed_cut_inputs = 0, scaled_inputs = 0;
    double max_input_total = 0;  // largest Σ share at an input before scaling
    int attachments = 0, aggregates = 0;
    int inputs_with_market_size = 0;  // nodes weighted by log market size (see import_eto.cpp)
    int inputs_with_imputed_market_size = 0;  // size derived from the parent's residual
    std::map<std::string, double> benchmark;  // region -> weight written to regions.csv
};

struct EtoImport {
    std::vector<ImportedFile> files;
    EtoImportStats stats;
};

// Reads DIR (inputs.csv, stages.csv, sequence.csv, providers.csv, provision.csv) into the files of a
// dataset folder. Throws InputError (file, line, field) on anything it cannot map.
EtoImport build_eto_dataset(const std::string& dir, const EtoImportOptions& options = {});

// build_eto_dataset + write_dataset_folder.
EtoImportStats import_eto(const std::string& dir, const std::string& out, bool force,
                          const EtoImportOptions& options = {}, const LoadOptions& load = {});

}  // namespace chaingap
