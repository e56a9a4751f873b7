// Options shared by the commands that load a dataset.
#pragma once
#include "chaingap/analysis/params.hpp"
#include "chaingap/load/dataset_loader.hpp"
#include "command.hpp"

namespace chaingap::cli {

inline const char* kDataHelp =
    "  --data DIR         dataset folder (docs/formats.md); data/demo is the embedded synthetic demo\n"
    "  --catalogue DIR    chain catalogue to start from (default: the shipped chains/; '' for none)\n";

inline LoadOptions load_options(const Args& args) {
    LoadOptions o;
    if (auto c = args.get("catalogue")) o.catalogue_dir = *c;
    return o;
}

// `--param name=value`, repeatable, over the documented defaults.
GapParams gap_params(const Args& args);
std::string gap_params_help();

// `--lang zh|en` (default zh: user-facing text is Chinese first).
std::string lang_of(const Args& args);

}  // namespace chaingap::cli
