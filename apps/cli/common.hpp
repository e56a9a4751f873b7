// Options shared by the commands that load a dataset.
#pragma once
#include "chaingap/analysis/params.hpp"
#include "chaingap/load/dataset_loader.hpp"
#include "command.hpp"

namespace chaingap::cli {

inline const char* kDataHelp =
    "  --data DIR|FILE    dataset folder (docs/formats.md; data/demo is the embedded synthetic demo) or a\n"
    "                     snapshot file written by `chaingap snapshot` (loads in a fraction of the time)\n"
    "  --catalogue DIR    chain catalogue to start from (default: the shipped chains/; '' for none)\n";

// `relations`: false for commands that never use relations.csv (it is then not read at all).
inline LoadOptions load_options(const Args& args, bool relations = true) {
    LoadOptions o;
    o.relations = relations;
    if (auto c = args.get("catalogue")) o.catalogue_dir = *c;
    return o;
}

// `--param name=value`, repeatable, over the documented defaults.
GapParams gap_params(const Args& args);
std::string gap_params_help();

}  // namespace chaingap::cli
