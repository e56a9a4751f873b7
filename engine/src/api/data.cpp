#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/load/dataset_loader.hpp"

namespace chaingap::api {

const std::vector<OptionSpec>& DataRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"data", OptionKind::text, "DIR|FILE",
         "dataset folder (docs/formats.md; data/demo is the embedded synthetic demo) or a snapshot file written by "
         "`chaingap snapshot` (loads in a fraction of the time)"},
        {"catalogue", OptionKind::text, "DIR", "chain catalogue to start from (default: the shipped chains/; '' for none)"},
    };
    return o;
}

DataRequest DataRequest::parse(const Options& o, bool data_required) {
    DataRequest r;
    r.data = data_required ? o.require("data") : o.get("data").value_or("");
    if (auto c = o.get("catalogue")) r.catalogue = *c;
    return r;
}

std::shared_ptr<const Dataset> open_dataset(const DataRequest& r) {
    LoadOptions lo;
    lo.catalogue_dir = r.catalogue;
    lo.relations = r.relations;
    return std::make_shared<const Dataset>(chaingap::open_dataset(r.data, lo));
}

std::shared_ptr<const Dataset> open_chains(const DataRequest& r) {
    LoadOptions lo;
    lo.catalogue_dir = r.catalogue;
    return std::make_shared<const Dataset>(load_chains_only(r.data, lo));
}

const std::vector<OptionSpec>& OutputRequest::options() {
    static const std::vector<OptionSpec> o = {
        {"format", OptionKind::text, "F", "table (default), json, csv, xlsx (an Excel workbook; needs --out)"},
        {"out", OptionKind::text, "FILE", "write to FILE (atomically) instead of stdout"},
        {"bom", OptionKind::flag, "", "csv: start with a UTF-8 BOM so Excel shows Chinese correctly"},
    };
    return o;
}

std::vector<std::string> input_files(const Options& o) {
    LoadOptions lo;
    if (auto c = o.get("catalogue")) lo.catalogue_dir = *c;
    std::vector<std::string> files = dataset_input_files(o.get("data").value_or(""), lo);
    if (auto w = o.get("weights")) files.push_back(*w);
    return files;
}

OutputRequest OutputRequest::parse(const Options& o) {
    OutputRequest r;
    if (auto f = o.get("format")) r.format = *f;
    r.out = o.get("out").value_or("");
    r.render.bom = o.flag("bom");
    return r;
}

}  // namespace chaingap::api
