// A chain as a terminal tree with its edges, as Graphviz DOT, or as JSON (the input schema).
#pragma once
#include <string>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

std::string chain_to_tree(const Dataset& ds, ChainId c);
std::string chain_to_dot(const Dataset& ds, ChainId c);
std::string chain_to_json(const Dataset& ds, ChainId c);
// The catalogue listing: id, name, nodes, edges, clusters.
std::string chains_listing_table(const Dataset& ds);
std::string chains_listing_json(const Dataset& ds);

}  // namespace chaingap
