// The dataset: chain catalogue + enterprises + attachments (+ relations, regions), immutable once
// `finalize()` has built its indices. Everything downstream takes `const Dataset&`.
//
// Indices (all CSR over dense ids, built in O(nodes + attachments + relations)):
//   - node children, and for every canonical node the nodes its attachments count toward
//     (itself, its ancestors, every same_as alias and the aliases' ancestors);
//   - attachments by enterprise (sorted by enterprise, then node);
//   - attachments by canonical node (the link -> firms index, in enterprise order);
//   - relations by source enterprise.
// A dataset restored from a snapshot (load/snapshot.hpp) gets the same indices from the file.
#pragma once
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chaingap/model/chain.hpp"
#include "chaingap/model/enterprise.hpp"
#include "chaingap/model/id_index.hpp"
#include "chaingap/model/region.hpp"

namespace chaingap {

struct Csr {
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> values;
    std::span<const std::int32_t> row(std::size_t i) const {
        return {values.data() + offsets[i], values.data() + offsets[i + 1]};
    }
    std::size_t rows() const { return offsets.size() - 1; }
};

// What the dataset's firms stand for (dataset.json `coverage`, docs/formats.md). It decides what a
// link with no firm anywhere means: only a full registry lets "no firm" read as "no supply"
// (absent_everywhere); any other coverage leaves it "not covered by the data" (no_data).
enum class Coverage : std::uint8_t { unknown, listed_only, full_registry, sample, market_share, synthetic };
inline constexpr std::array<std::string_view, 6> kCoverageNames = {
    "unknown", "listed_only", "full_registry", "sample", "market_share", "synthetic"};
// A value allowed in dataset.json (every name above but "unknown", which is the absence of one).
std::optional<Coverage> coverage_from_name(std::string_view name);
inline std::string_view coverage_name(Coverage c) { return kCoverageNames[static_cast<std::size_t>(c)]; }

// One slot for what a higher layer derives from a finalized dataset and keeps for later queries
// (analysis/cache.hpp keeps its AnalysisCache here), made on first use under a lock. A copy or a
// move of the dataset starts with an empty slot, and finalize() empties it, so what it holds always
// belongs to this dataset as finalized.
class DerivedSlot {
public:
    DerivedSlot() = default;
    DerivedSlot(const DerivedSlot&) {}
    DerivedSlot(DerivedSlot&&) noexcept {}
    DerivedSlot& operator=(const DerivedSlot&) {
        reset();
        return *this;
    }
    DerivedSlot& operator=(DerivedSlot&&) noexcept {
        reset();
        return *this;
    }
    // The held T, made by make() (returning std::shared_ptr<T>) when the slot is empty. One type per
    // slot: every caller asks for the same T.
    template <class T, class Make>
    const T& get(Make make) const {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!value_) value_ = make();
        return *static_cast<const T*>(value_.get());
    }
    void reset() {
        std::lock_guard<std::mutex> lock(mutex_);
        value_.reset();
    }

private:
    mutable std::mutex mutex_;
    mutable std::shared_ptr<const void> value_;
};

struct Dataset {
    std::string source;  // folder (or description) it was loaded from
    Coverage coverage = Coverage::unknown;  // dataset.json; unknown when absent
    std::string description;                // dataset.json: one line, Chinese first
    std::vector<Chain> chains;
    std::vector<ChainNode> nodes;
    std::vector<Cluster> clusters;
    RegionTable regions;
    EnterpriseTable enterprises;
    AttachmentTable attachments;
    RelationTable relations;

    // ---- built by finalize() ----
    Csr node_children;
    Csr node_targets;            // canonical node -> nodes its attachments count toward
    std::vector<NodeId> canonical;  // node -> canonical node (itself unless same_as)
    Csr enterprise_attachments;  // enterprise -> attachment indices
    Csr enterprise_relations;    // enterprise -> relation indices (outgoing)
    Csr node_attachments;        // canonical node -> attachment indices at it (any alias), by enterprise
    DerivedSlot derived;         // analysis/cache.hpp: national presence and importance, kept

    // Sorts attachments, validates references and builds the indices above. Throws UsageError
    // on an inconsistent structure (callers that load files report errors before this point).
    void finalize();
    // Lookup indices alone (finalize() calls both); loaders call them early to resolve references.
    // index_enterprises() is not repeated by finalize() when the enterprises have not changed since.
    void index_chains();
    void index_enterprises();
    // The node-level part of finalize() (children, depth, canonical, targets): O(nodes).
    void finalize_nodes();
    // Enterprise lookup by binary search, without building the hash index: for ids already sorted
    // (a restored snapshot records that they are). Throws UsageError when they are not.
    void index_enterprises_sorted();
    // True when enterprise ids are in strictly increasing byte order (O(E) string compares).
    bool enterprise_ids_sorted() const;

    std::optional<ChainId> find_chain(std::string_view id) const;
    std::optional<NodeId> find_node(ChainId chain, std::string_view id) const;
    std::optional<EnterpriseId> find_enterprise(std::string_view id) const;
    // find_enterprise for ids[0..n) at once (out[i] = kNone when unknown), overlapping the memory
    // accesses of the look-ups (IdIndex::find_many): for loaders resolving millions of references.
    void find_enterprises(const std::string_view* ids, std::size_t n, EnterpriseId* out) const;
    std::string node_key(NodeId n) const { return chains[nodes[n].chain].id + "/" + nodes[n].id; }
    bool is_leaf(NodeId n) const { return node_children.row(n).empty(); }

private:
    std::vector<std::string> chain_ids_;
    IdIndex chain_index_;
    std::vector<std::vector<std::string>> node_ids_;  // per chain, local order
    std::vector<IdIndex> node_index_;                 // per chain
    IdIndex enterprise_index_;
    std::size_t enterprise_index_size_ = 0;  // enterprises indexed (hash) or known sorted
    bool enterprise_sorted_lookup_ = false;   // binary search instead of the hash index
};

}  // namespace chaingap
