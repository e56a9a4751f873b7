// Loading a dataset folder (docs/formats.md): the chain catalogue plus the folder's own chains,
// enterprises.csv, attachments.csv, and optional relations.csv, regions.csv and dataset.json
// (coverage, description).
//
// Every error is an InputError naming file, line and field; nothing is skipped or guessed.
// Enterprises are ordered by id after loading, so results never depend on input row order.
// Cost: O(bytes + rows · log rows).
#pragma once
#include <string>
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct LoadOptions {
    // The shipped catalogue; a dataset's own chains/ extend or override it. Empty: none.
    std::string catalogue_dir = CHAINGAP_CATALOGUE_DIR;
    // false: relations.csv (or a snapshot's relations) is not read — for commands that never use
    // relations (gaps, whatif, evaluate); the dataset then has no relations. Only ranking uses them.
    bool relations = true;
};

Dataset load_dataset(const std::string& dir, const LoadOptions& options = {});

// Every file load_dataset / load_chains_only would read for `dir` (which may be ""): the dataset's
// CSV files and chain files and the catalogue's chain files, plus the folders themselves. Paths
// that do not exist are left out. For refusing an output that is an input (core/files.hpp).
std::vector<std::string> dataset_input_files(const std::string& dir, const LoadOptions& options = {});

// A dataset folder or a snapshot file (load/snapshot.hpp), told apart by the snapshot magic. A
// snapshot carries its chain catalogue, so options.catalogue_dir does not apply to it.
Dataset open_dataset(const std::string& path, const LoadOptions& options = {});

// Only the chains (catalogue + optional dataset folder), for `chaingap chains`.
Dataset load_chains_only(const std::string& dataset_dir, const LoadOptions& options = {});

}  // namespace chaingap
