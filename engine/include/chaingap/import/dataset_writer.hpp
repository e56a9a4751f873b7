// Writing an imported dataset folder all-or-nothing (used by `chaingap import eto|ashare`).
//
// Every file is written with write_output into a staging folder beside `out`
// (`.<name>.staging.<pid>`), the staging folder is loaded with load_dataset — an importer's output
// must be a valid dataset — and only then renamed into place. On any error the staging folder is
// removed and `out` is left as it was. An existing non-empty `out` is refused unless `force`.
#pragma once
#include <string>
#include <vector>

#include "chaingap/load/dataset_loader.hpp"

namespace chaingap {

struct ImportedFile {
    std::string relative;  // e.g. "enterprises.csv", "chains/eto_semiconductor.json"
    std::string content;
};

// Throws UsageError when `out` exists and is not an empty folder (unless `force`).
void check_output_folder(const std::string& out, bool force);
// Writes, validates, renames into place; returns the dataset as loaded from the staging folder.
Dataset write_dataset_folder(const std::string& out, const std::vector<ImportedFile>& files, bool force,
                             const LoadOptions& load = {});

}  // namespace chaingap
