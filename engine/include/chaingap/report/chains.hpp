// The chain catalogue as reports: the listing (id, name, links, edges, clusters, source) and one
// chain (a terminal tree with its edges, Graphviz DOT as the `dot` view, JSON in the input schema so
// it round-trips through the loader).
#pragma once
#include "chaingap/model/dataset.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

// `ds` must outlive the returned Report.
Report chains_listing_report(const Dataset& ds);
Report chain_report(const Dataset& ds, ChainId chain);

// The chain in the input JSON schema (chains/*.json), as text.
std::string chain_to_json(const Dataset& ds, ChainId c);

}  // namespace chaingap
