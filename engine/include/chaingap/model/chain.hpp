// Industry chains (产业链): links (环节) in a segment → sub-link hierarchy, joined by
// upstream → downstream flow edges. Nodes of all chains share one dense id space.
#pragma once
#include <string>
#include <vector>

#include "chaingap/model/ids.hpp"

namespace chaingap {

struct ChainNode {
    std::string id;        // unique within its chain (ASCII)
    std::string name;      // Chinese name
    std::string name_en;
    std::string stage;     // upstream / midstream / downstream or a segment name
    std::string source;    // file + section it comes from
    std::vector<std::string> keywords;
    std::string extra_json;  // unknown fields, kept verbatim as a JSON object ("{}" when none)
    std::string same_as_key; // "chain/node" as written, resolved into same_as
    ChainId chain = kNone;
    NodeId parent = kNone;
    NodeId same_as = kNone;  // the canonical node this link is the same as (another chain's)
    double weight = 1.0;     // importance multiplier in (0, 1]; see weight_given
    bool weight_given = false;  // false: the node inherits its nearest weighted ancestor's weight
    bool priority = false;   // 重点引进 / 重点招引 in the source
    int depth = 0;           // 0 for top-level segments
};

struct ChainEdge {
    NodeId from = kNone;  // supplies ...
    NodeId to = kNone;    // ... this downstream link
    double weight = 1.0;
    std::string source;
};

struct Chain {
    std::string id;
    std::string name;
    std::string name_en;
    std::string source;
    std::string file;        // where it was loaded from
    std::string extra_json;  // unknown fields of the chain object
    NodeId first_node = 0;   // nodes [first_node, end_node) belong to this chain
    NodeId end_node = 0;
    std::vector<ChainEdge> edges;

    int node_count() const { return end_node - first_node; }
};

// A grouping the documents use (a plan field, 芯屏器核网, "33618"): whole chains and single links.
struct Cluster {
    std::string id, name, kind, source, file;
    std::vector<std::string> chains;  // chain ids
    std::vector<std::string> nodes;   // "chain/node"
};

}  // namespace chaingap
