// Loading chains from JSON files (docs/formats.md, "Chains").
#pragma once
#include <string>
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

// Reads every `*.json` chain file of `dir` (except clusters.json) in file-name order. Returns the
// chains with their nodes and edges as parsed; references are resolved by `resolve_chains`.
// A second chain with the same id in one folder is an error.
struct ParsedChain {
    Chain chain;
    std::vector<ChainNode> nodes;  // chain-local order; parent / edges refer by string
    std::vector<std::string> parent_ids;
    std::vector<std::string> edge_from, edge_to;
    std::vector<std::size_t> node_lines, edge_lines;  // for error messages
    std::string text;  // file contents, kept for locating lines in errors
};
std::vector<ParsedChain> read_chain_folder(const std::string& dir);

// A node's matching rules for the importers (docs/formats.md "Matching rules"): `exclude` terms,
// `industries` constraint, `exclude_industries`. parse_chain_json validates them (arrays of
// non-empty strings; anything else: FILE:LINE: field 'nodes[i].exclude' ...) and keeps them in the
// node's extra_json, from which this reads them back. Empty vectors when absent.
struct NodeMatchFields {
    std::vector<std::string> exclude, industries, exclude_industries;
};
NodeMatchFields node_match_fields(const ChainNode& node);
ParsedChain parse_chain_json(const std::string& text, const std::string& file);

// Merges `overrides` into `base` (same id replaces, new id appends), assigns global node ids,
// resolves parents, edges and same_as, and checks the structure (unique ids, no dangling edge,
// no parent cycle). Fills dataset.chains and dataset.nodes.
void resolve_chains(std::vector<ParsedChain> base, std::vector<ParsedChain> overrides, Dataset& dataset);

// clusters.json of a folder; empty when the file is absent. Cluster chains/nodes are checked
// against the dataset's chains.
std::vector<Cluster> read_clusters(const std::string& dir, const Dataset& dataset);

}  // namespace chaingap
