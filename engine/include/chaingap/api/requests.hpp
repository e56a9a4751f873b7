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
#include "chaingap/eval/protocol.hpp"
#include "chaingap/model/dataset.hpp"
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
    static const std::vector<OptionSpec>& options();
    static TargetsRequest parse(const Options& o);
};
Response run(std::shared_ptr<const Dataset> ds, const TargetsRequest& r);

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

// ---- chains -------------------------------------------------------------------------------------
struct ChainsRequest {
    std::optional<std::string> show;  // one chain; none: the listing
    static const std::vector<OptionSpec>& options();
    static ChainsRequest parse(const Options& o);  // positional: [list] | show CHAIN
};
Response run(std::shared_ptr<const Dataset> ds, const ChainsRequest& r);

// ---- import -------------------------------------------------------------------------------------
struct ImportRequest {
    std::string source;  // eto | ashare
    std::string input;   // the source folder
    std::string out;     // dataset folder to write
    bool force = false;
    bool coverage = false;
    std::string catalogue = CHAINGAP_CATALOGUE_DIR;
    std::string command;  // the command line, written into the dataset's README
    static const std::vector<OptionSpec>& options();
    static ImportRequest parse(const Options& o);  // positional: SOURCE INPUT
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
