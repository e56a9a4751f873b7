#include "chaingap/load/dataset_loader.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <limits>
#include <numeric>
#include <unordered_map>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "chaingap/core/files.hpp"
#include "chaingap/load/chain_json.hpp"
#include "chaingap/load/csv.hpp"
#include "chaingap/load/snapshot.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/memory.hpp"

namespace chaingap {
namespace fs = std::filesystem;
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Upper bounds that keep every sum finite: 2^32 rows × 1e12 stays below 1e22, far from the double
// range, so no total (national capacity, relation points) can overflow to infinity.
constexpr double kMaxRevenue = 1e12;         // 万元 (= 10^16 元, far above any firm)
constexpr double kMaxRelationWeight = 1e6;   // relation weights are relative strengths

// Row order grouped by firm in O(rows): a counting sort on firm_of(row) (stable, so file order within
// a firm), then each firm's few rows sorted by `less`. Attachments and relations are stored in this
// order, so every later sum over them runs in the same order whatever the row order of the file.
template <class FirmOf, class Less>
std::vector<std::size_t> order_by_firm(std::size_t rows, std::size_t firms, FirmOf firm_of, Less less) {
    std::vector<std::size_t> start(firms + 1, 0);
    for (std::size_t i = 0; i < rows; ++i) ++start[static_cast<std::size_t>(firm_of(i)) + 1];
    for (std::size_t e = 0; e < firms; ++e) start[e + 1] += start[e];
    std::vector<std::size_t> order(rows);
    {
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < rows; ++i) order[fill[static_cast<std::size_t>(firm_of(i))]++] = i;
    }
    for (std::size_t e = 0; e < firms; ++e)
        std::sort(order.begin() + static_cast<std::ptrdiff_t>(start[e]), order.begin() + static_cast<std::ptrdiff_t>(start[e + 1]),
                  less);
    return order;
}

// Enterprise look-up for files that list a firm's rows together (exports, chaingap generate): the
// previous row's id is checked first, which saves most hash look-ups (random memory accesses at
// national scale).
class FirmLookup {
public:
    explicit FirmLookup(const Dataset& ds) : ds_(ds) {}
    std::optional<EnterpriseId> operator()(std::string_view id) {
        if (!last_ || id != last_id_) {
            last_ = ds_.find_enterprise(id);
            last_id_.assign(id);
        }
        return last_;
    }

private:
    const Dataset& ds_;
    std::string last_id_;  // a copy: the reader's cells live until its next record
    std::optional<EnterpriseId> last_;
};

// Region ids: no blanks or control characters. "500 236" is a mistyped GB/T 2260 code, not a new
// top-level region (docs/formats.md, Regions).
void check_region_id(const CsvTable& t, std::size_t r, std::size_t c, std::string_view id) {
    for (char ch : id) {
        const auto u = static_cast<unsigned char>(ch);
        if (u == ' ' || u == '\t' || u < 0x20 || u == 0x7F)
            t.fail(r, c, "region id '" + std::string(id) + "' contains a blank or control character (GB/T 2260 codes are 6 digits, e.g. 500236)");
    }
}

void check_region_id(const CsvReader& t, std::size_t c, std::string_view id) {
    for (char ch : id) {
        const auto u = static_cast<unsigned char>(ch);
        if (u == ' ' || u == '\t' || u < 0x20 || u == 0x7F)
            t.fail(c, "region id '" + std::string(id) + "' contains a blank or control character (GB/T 2260 codes are 6 digits, e.g. 500236)");
    }
}

// Whether an input is there. A symbolic-link loop or an unreadable path is an error naming it,
// never "absent" (an optional file must not be skipped silently because it cannot be examined).
bool path_exists(const fs::path& p) { return path_kind(p.string()) != PathKind::missing; }

void load_chains(const std::string& dir, const LoadOptions& options, Dataset& ds) {
    std::vector<ParsedChain> base;
    // A catalogue that was asked for must be there: a mistyped --catalogue would otherwise make
    // the shipped chains vanish without a word.
    if (!options.catalogue_dir.empty()) require_folder(options.catalogue_dir, "chain catalogue folder");
    if (!options.catalogue_dir.empty()) base = read_chain_folder(options.catalogue_dir);
    std::vector<ParsedChain> own;
    const fs::path own_dir = fs::path(dir) / "chains";
    if (!dir.empty() && path_exists(own_dir)) own = read_chain_folder(own_dir.string());
    resolve_chains(std::move(base), std::move(own), ds);
    if (ds.chains.empty())
        throw InputError(dir, 0, "chains", "no chains: neither the catalogue (" + options.catalogue_dir +
                                               ") nor the dataset's chains/ folder has any");
    // Clusters: the catalogue's, then the dataset's (same id replaces).
    std::vector<Cluster> clusters;
    if (!options.catalogue_dir.empty()) clusters = read_clusters(options.catalogue_dir, ds);
    if (!dir.empty() && path_exists(own_dir)) {
        for (auto& c : read_clusters(own_dir.string(), ds)) {
            auto it = std::find_if(clusters.begin(), clusters.end(), [&](const Cluster& x) { return x.id == c.id; });
            if (it != clusters.end()) *it = std::move(c);
            else clusters.push_back(std::move(c));
        }
    }
    ds.clusters = std::move(clusters);
}

void load_regions(const fs::path& file, Dataset& ds) {
    CsvTable t = CsvTable::read(file.string());
    const std::size_t c_id = t.require_column("id");
    const std::size_t c_parent = t.require_column("parent");
    const auto c_name = t.optional_column("name");
    const auto c_weight = t.optional_column("weight");
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        std::string id(t.text(r, c_id));
        check_region_id(t, r, c_id, id);
        if (auto [it, fresh] = row_of.emplace(id, r); !fresh)
            t.fail(r, c_id, "duplicate region id '" + id + "' (first on line " + std::to_string(t.line_of(it->second)) + ")");
        double w = kNaN;
        if (c_weight) {
            if (auto v = t.number(r, *c_weight)) {
                // 0 would make every present link weak (any local share exceeds a zero benchmark
                // infinitely): refused; an empty cell uses the dataset share instead.
                if (!(*v > 0.0 && *v <= 1.0))
                    t.fail(r, *c_weight, "must be a share in (0, 1]; leave it empty to use the region's share of the dataset");
                w = *v;
            }
        }
        ds.regions.add(id, c_name ? std::string(t.text(r, *c_name, false)) : "", kNone, w);
    }
    for (std::size_t r = 0; r < t.rows(); ++r) {
        std::string_view p = t.text(r, c_parent, false);
        if (p.empty()) continue;
        auto parent = ds.regions.find(p);
        if (!parent) t.fail(r, c_parent, "unknown region '" + std::string(p) + "'");
        ds.regions.set_parent(static_cast<RegionId>(r), *parent);
    }
    for (std::size_t r = 0; r < t.rows(); ++r) {
        std::size_t steps = 0;
        for (RegionId x = ds.regions.parent(static_cast<RegionId>(r)); x != kNone; x = ds.regions.parent(x))
            if (++steps > t.rows()) t.fail(r, c_parent, "cycle in region parents");
    }
}

// Two passes over the text in memory: the ids first (sorted, duplicates refused), then every row in
// id order, tokenized again from its offset — the rows are validated and regions implied in id order,
// as the ids decide the enterprise order. No per-cell table: 16 bytes a row besides the ids.
void load_enterprises(const fs::path& file, bool regions_given, Dataset& ds) {
    const std::string text = read_file(file.string());
    CsvReader t(text, file.string());
    const std::size_t c_id = t.require_column("id");
    const std::size_t c_name = t.require_column("name");
    const std::size_t c_region = t.require_column("region");
    const auto c_revenue = t.optional_column("revenue");
    const auto c_employees = t.optional_column("employees");
    const auto c_founded = t.optional_column("founded");
    const auto c_labels = t.optional_column("labels");
    const auto c_kind = t.optional_column("kind");
    const auto c_status = t.optional_column("status");
    const auto c_until = t.optional_column("until");
    const auto c_region_source = t.optional_column("region_source");

    std::vector<std::string> ids;
    std::vector<std::size_t> offsets;
    ids.reserve(t.estimated_rows());
    offsets.reserve(t.estimated_rows());
    while (t.next()) {
        ids.emplace_back(t.text(c_id, false));
        offsets.push_back(t.offset());
    }
    const std::size_t rows = ids.size();
    for (std::size_t r = 0; r < rows; ++r)  // after the whole file was tokenized, as for every other cell
        if (ids[r].empty()) t.fail_row(r, c_id, "value is required");
    std::vector<std::size_t> order(rows);
    std::iota(order.begin(), order.end(), 0);
    // Files written in id order (exports, chaingap generate) skip the sort: one O(E) check first.
    if (!std::is_sorted(ids.begin(), ids.end()))
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return ids[a] != ids[b] ? ids[a] < ids[b] : a < b;
        });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (ids[order[i]] == ids[order[i - 1]])
            t.fail_row(order[i], c_id, "duplicate enterprise id '" + ids[order[i]] + "' (first on line " +
                                           std::to_string(t.line_of(order[i - 1])) + ")");

    auto& E = ds.enterprises;
    reserve_huge(E.id, rows);
    reserve_huge(E.name, rows);
    reserve_huge(E.region, rows);
    reserve_huge(E.revenue, rows);
    reserve_huge(E.employees, rows);
    reserve_huge(E.founded, rows);
    reserve_huge(E.labels, rows);
    reserve_huge(E.aggregate, rows);
    reserve_huge(E.status, rows);
    reserve_huge(E.until, rows);
    reserve_huge(E.region_source, rows);
    // Region ids repeat across millions of rows and there are a few thousand: a direct-mapped cache
    // of (id, region) in front of RegionTable::find (a std::string key and a node-based map).
    struct RegionSlot {
        std::string id;
        RegionId region = kNone;
    };
    std::vector<RegionSlot> region_cache(4096);
    for (std::size_t k = 0; k < rows; ++k) {
        const std::size_t r = order[k];
        t.seek(offsets[r], r, t.line_of(r));
        t.next();
        std::string_view region_id = t.text(c_region);
        check_region_id(t, c_region, region_id);
        RegionSlot& cached = region_cache[std::hash<std::string_view>{}(region_id) & (region_cache.size() - 1)];
        RegionId region;
        if (cached.region != kNone && cached.id == region_id) region = cached.region;
        else if (auto found = ds.regions.find(region_id)) region = *found;
        else if (regions_given) t.fail(c_region, "region '" + std::string(region_id) + "' is not in regions.csv");
        else region = ds.regions.add_with_implied_ancestors(std::string(region_id));
        cached.id.assign(region_id);
        cached.region = region;

        double revenue = kNaN, employees = kNaN;
        int founded = 0;
        if (c_revenue) {
            if (auto v = t.number(*c_revenue)) {
                if (*v < 0) t.fail(*c_revenue, "revenue (万元) must not be negative");
                if (*v > kMaxRevenue) t.fail(*c_revenue, "revenue (万元) above 1e12 (10^16 元): not a firm's revenue");
                revenue = *v;
            }
        }
        if (c_employees) {
            if (auto v = t.integer(*c_employees)) {
                if (*v < 0) t.fail(*c_employees, "employees must not be negative");
                employees = static_cast<double>(*v);
            }
        }
        if (c_founded) {
            if (auto v = t.integer(*c_founded)) {
                if (*v < 1800 || *v > 2100) t.fail(*c_founded, "founded must be a year between 1800 and 2100");
                founded = static_cast<int>(*v);
            }
        }
        std::uint32_t labels = 0;
        if (c_labels) {
            std::string_view s = t.text(*c_labels, false);
            while (!s.empty()) {
                std::size_t semi = s.find(';');
                std::string_view label = s.substr(0, semi);
                while (!label.empty() && label.front() == ' ') label.remove_prefix(1);
                while (!label.empty() && label.back() == ' ') label.remove_suffix(1);
                if (!label.empty()) {
                    auto bit = label_bit(label);
                    if (!bit) t.fail(*c_labels, "unknown label '" + std::string(label) + "' (see docs/formats.md for the vocabulary)");
                    labels |= 1U << *bit;
                }
                if (semi == std::string_view::npos) break;
                s.remove_prefix(semi + 1);
            }
        }
        bool aggregate = false;
        if (c_kind) {
            std::string_view kind = t.text(*c_kind, false);
            if (kind == "aggregate") aggregate = true;
            else if (!kind.empty() && kind != "firm") t.fail(*c_kind, "must be 'firm' or 'aggregate', got '" + std::string(kind) + "'");
        }
        EnterpriseStatus status = EnterpriseStatus::active;
        if (c_status) {
            std::string_view v = t.text(*c_status, false);
            if (!v.empty()) {
                auto st = enterprise_status(v);
                if (!st) t.fail(*c_status, "must be 'active', 'delisted' or 'cancelled', got '" + std::string(v) + "'");
                status = *st;
            }
        }
        int until = 0;
        if (c_until) {
            if (auto v = t.integer(*c_until)) {
                if (*v < 1800 || *v > 2100) t.fail(*c_until, "until must be a year between 1800 and 2100");
                if (status == EnterpriseStatus::active)
                    t.fail(*c_until, "until is given but status is active (set status to 'delisted' or 'cancelled')");
                if (founded != 0 && *v < founded)
                    t.fail(*c_until, "until (" + std::to_string(*v) + ") is before founded (" + std::to_string(founded) + ")");
                until = static_cast<int>(*v);
            }
        }
        E.push(std::move(ids[r]), std::string(t.text(c_name)), region, revenue, employees, founded, labels, aggregate,
               status, until, c_region_source ? t.text(*c_region_source, false) : std::string_view{});
    }
    ds.index_enterprises();
}

struct NodeResolver {
    const Dataset& ds;
    std::string last_chain;
    ChainId last_chain_id = kNone;
    std::string last_node;
    NodeId last_node_id = kNone;

    // Returns the node or fails the cell naming what is unknown.
    NodeId resolve(const CsvReader& t, std::size_t c_chain, std::size_t c_node) {
        std::string_view chain = t.text(c_chain);
        if (last_chain_id == kNone || chain != last_chain) {
            auto c = ds.find_chain(chain);
            if (!c) t.fail(c_chain, "unknown chain '" + std::string(chain) + "'");
            last_chain.assign(chain);
            last_chain_id = *c;
            last_node_id = kNone;
        }
        std::string_view node = t.text(c_node);
        if (last_node_id != kNone && node == last_node) return last_node_id;
        auto n = ds.find_node(last_chain_id, node);
        if (!n) t.fail(c_node, "unknown node '" + std::string(node) + "' in chain '" + last_chain + "'");
        last_node.assign(node);
        last_node_id = *n;
        return *n;
    }
};

void load_attachments(const fs::path& file, Dataset& ds) {
    CsvReader t(file.string());
    const std::size_t c_ent = t.require_column("enterprise");
    const std::size_t c_chain = t.require_column("chain");
    const std::size_t c_node = t.require_column("node");
    const auto c_weight = t.optional_column("weight");
    const auto c_evidence = t.optional_column("evidence");
    const auto c_rule = t.optional_column("rule");
    const auto c_basis = t.optional_column("basis");
    NodeResolver resolver{ds, "", kNone, "", kNone};
    const std::size_t estimate = t.estimated_rows();
    reserve_huge(ds.attachments.enterprise, estimate);
    reserve_huge(ds.attachments.node, estimate);
    reserve_huge(ds.attachments.weight, estimate);
    FirmLookup find_firm(ds);
    while (t.next()) {
        std::string_view eid = t.text(c_ent);
        const auto e = find_firm(eid);
        if (!e) t.fail(c_ent, "unknown enterprise '" + std::string(eid) + "'");
        NodeId n = resolver.resolve(t, c_chain, c_node);
        double w = 1.0;
        if (c_weight) {
            if (auto v = t.number(*c_weight)) {
                if (!(*v > 0.0 && *v <= 1.0)) t.fail(*c_weight, "must be in (0, 1] (the share of the firm's business at this link)");
                w = *v;
            }
        }
        AttachmentBasis basis = AttachmentBasis::none;
        if (c_basis) {
            std::string_view v = t.text(*c_basis, false);
            if (!v.empty()) {
                auto b = attachment_basis(v);
                if (!b) t.fail(*c_basis, "must be one of product, industry, scope, curated, share, synthetic; got '" + std::string(v) + "'");
                basis = *b;
            }
        }
        const std::uint32_t evidence = ds.attachments.add_evidence(c_evidence ? t.text(*c_evidence, false) : std::string_view{},
                                                                   c_rule ? t.text(*c_rule, false) : std::string_view{}, basis);
        ds.attachments.push(*e, n, w, evidence);  // attachment i is data row i of the file
    }
    // Order by (enterprise, node) in O(A): a counting sort by enterprise (stable, so file order within
    // an enterprise), then each enterprise's few rows by node. Duplicate (enterprise, node) pairs are
    // then adjacent: refuse them, naming both lines. The table is stored in this order, so finalize()
    // does not sort it again. A file already in strictly increasing (enterprise, node) order (exports,
    // chaingap generate) has no duplicate and is kept as it is: one O(A) check.
    const auto& A = ds.attachments;
    bool sorted = true;
    for (std::size_t i = 1; i < A.size() && sorted; ++i)
        sorted = A.enterprise[i - 1] < A.enterprise[i] || (A.enterprise[i - 1] == A.enterprise[i] && A.node[i - 1] < A.node[i]);
    if (sorted) return;
    const std::vector<std::size_t> order = order_by_firm(
        A.size(), ds.enterprises.size(), [&](std::size_t i) { return A.enterprise[i]; },
        [&](std::size_t a, std::size_t b) { return A.node[a] != A.node[b] ? A.node[a] < A.node[b] : a < b; });
    for (std::size_t i = 1; i < order.size(); ++i) {
        if (A.enterprise[order[i]] == A.enterprise[order[i - 1]] && A.node[order[i]] == A.node[order[i - 1]]) {
            std::size_t later = std::max(order[i], order[i - 1]);
            std::size_t earlier = std::min(order[i], order[i - 1]);
            t.fail_row(later, c_node, "duplicate attachment of enterprise '" + ds.enterprises.id[A.enterprise[later]] +
                                          "' to this node (first on line " + std::to_string(t.line_of(earlier)) + ")");
        }
    }
    ds.attachments.permute(order);
}

// Relations are resolved in batches: a batch's cells are copied out of the reader (its buffer moves
// when it reads on), then both ends of every row are looked up at once (Dataset::find_enterprises
// overlaps the cache misses of a 10M-firm index) and the rows are checked in file order. An error in
// the file's structure met while filling a batch is raised after the rows before it are checked, so
// the first error reported is the first in file order.
void load_relations(const fs::path& file, Dataset& ds) {
    CsvReader t(file.string());
    const std::size_t c_from = t.require_column("from");
    const std::size_t c_to = t.require_column("to");
    const std::size_t c_type = t.require_column("type");
    const auto c_weight = t.optional_column("weight");
    // Rows are kept as one record each until they are in canonical order: the counting sort below then
    // moves one record (one cache line) per row instead of four column entries.
    struct Rel {
        EnterpriseId from, to;
        double weight;
        RelationType type;
    };
    std::vector<Rel> rels;
    reserve_huge(rels, t.estimated_rows());
    constexpr std::size_t kBatch = 1024;
    struct Row {
        std::size_t row;
        std::uint32_t cell[4][2];  // from, to, type, weight: offset and length in `cells`
    };
    std::vector<Row> batch;
    batch.reserve(kBatch);
    std::string cells;
    std::vector<std::string_view> keys(2 * kBatch);
    std::vector<EnterpriseId> found(2 * kBatch);
    const std::size_t cols[4] = {c_from, c_to, c_type, c_weight ? *c_weight : c_type};
    bool more = true;
    while (more) {
        batch.clear();
        cells.clear();
        std::exception_ptr pending;
        try {
            while (batch.size() < kBatch && (more = t.next())) {
                Row row{t.row(), {}};
                for (int k = 0; k < 4; ++k) {
                    const std::string_view v = t.cell(cols[k]);
                    row.cell[k][0] = static_cast<std::uint32_t>(cells.size());
                    row.cell[k][1] = static_cast<std::uint32_t>(v.size());
                    cells += v;
                }
                batch.push_back(row);
            }
        } catch (const InputError&) {
            pending = std::current_exception();
            more = false;
        }
        auto cell = [&](const Row& row, int k) { return std::string_view(cells).substr(row.cell[k][0], row.cell[k][1]); };
        const std::size_t n = batch.size();
        for (std::size_t i = 0; i < n; ++i) {
            keys[2 * i] = t.text_of(cell(batch[i], 0), batch[i].row, c_from, false);
            keys[2 * i + 1] = t.text_of(cell(batch[i], 1), batch[i].row, c_to, false);
        }
        ds.find_enterprises(keys.data(), 2 * n, found.data());
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t r = batch[i].row;
            const std::string_view from_id = t.text_of(cell(batch[i], 0), r, c_from);
            const EnterpriseId from = found[2 * i];
            if (from == kNone) t.fail_row(r, c_from, "unknown enterprise '" + std::string(from_id) + "'");
            const std::string_view to_id = t.text_of(cell(batch[i], 1), r, c_to);
            const EnterpriseId to = found[2 * i + 1];
            if (to == kNone) t.fail_row(r, c_to, "unknown enterprise '" + std::string(to_id) + "'");
            if (from == to) t.fail_row(r, c_to, "relation from an enterprise to itself");
            const std::string_view type_name = t.text_of(cell(batch[i], 2), r, c_type);
            auto type = relation_type(type_name);
            if (!type) t.fail_row(r, c_type, "unknown relation type '" + std::string(type_name) + "' (supply, invest, cooperate, compete, own, other)");
            double w = 1.0;
            if (c_weight) {
                if (auto v = t.number_of(cell(batch[i], 3), r, *c_weight)) {
                    if (!(*v > 0.0 && *v <= kMaxRelationWeight)) t.fail_row(r, *c_weight, "must be in (0, 1e6]");
                    w = *v;
                }
            }
            rels.push_back({from, to, w, *type});
        }
        if (pending) std::rethrow_exception(pending);
    }
    // Canonical order (from, to, type, weight): every later sum over relations then runs in the
    // same order whatever the row order of the file, so fractional weights give identical bits.
    // O(R): a counting sort by source scatters the rows straight into the new columns, then each
    // source's few rows are sorted by (to, type, weight) — the order a full sort on (from, to, type,
    // weight) gives (rows equal in all four are interchangeable). A file already in that order is
    // kept as it is (one O(R) check).
    const std::size_t n_rel = rels.size();
    auto less = [](const Rel& x, const Rel& y) {
        if (x.to != y.to) return x.to < y.to;
        if (x.type != y.type) return x.type < y.type;
        return x.weight < y.weight;
    };
    bool sorted = true;
    for (std::size_t i = 1; i < n_rel && sorted; ++i)
        sorted = rels[i - 1].from < rels[i].from || (rels[i - 1].from == rels[i].from && !less(rels[i], rels[i - 1]));
    auto& R = ds.relations;
    resize_huge(R.from, n_rel);
    resize_huge(R.to, n_rel);
    resize_huge(R.type, n_rel);
    resize_huge(R.weight, n_rel);
    auto put = [&](std::size_t k, const Rel& x) {
        R.from[k] = x.from;
        R.to[k] = x.to;
        R.type[k] = x.type;
        R.weight[k] = x.weight;
    };
    if (sorted) {
        for (std::size_t k = 0; k < n_rel; ++k) put(k, rels[k]);
        return;
    }
    // A 4-byte row order by counting sort, then each source's rows sorted by the rest on their way into
    // the columns: little fresh memory (pages first touched cost more than the random reads here).
    if (n_rel >= (std::size_t{1} << 32)) throw InputError(file.string(), 0, "", "more than 2^32 - 1 relations");
    const std::size_t firms = ds.enterprises.size();
    std::vector<std::size_t> start(firms + 1, 0);
    for (const Rel& x : rels) ++start[static_cast<std::size_t>(x.from) + 1];
    for (std::size_t e = 0; e < firms; ++e) start[e + 1] += start[e];
    std::vector<std::uint32_t> order;
    resize_huge(order, n_rel);
    {
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < n_rel; ++i) order[fill[static_cast<std::size_t>(rels[i].from)]++] = static_cast<std::uint32_t>(i);
    }
    // Each source's rows are gathered once into a small buffer (the next source's rows prefetched
    // meanwhile), sorted there and written out: one random read per row.
    std::vector<Rel> local;
    for (std::size_t e = 0; e < firms; ++e) {
        if (e + 1 < firms)
            for (std::size_t k = start[e + 1]; k < std::min(start[e + 2], start[e + 1] + 64); ++k) __builtin_prefetch(&rels[order[k]]);
        local.clear();
        for (std::size_t k = start[e]; k < start[e + 1]; ++k) local.push_back(rels[order[k]]);
        std::sort(local.begin(), local.end(), less);
        for (std::size_t k = start[e]; k < start[e + 1]; ++k) put(k, local[k - start[e]]);
    }
}

// dataset.json: {"coverage": one of kCoverageNames but "unknown", "description": "…"}; other keys
// are ignored. Errors name the line of the offending key.
void load_dataset_json(const fs::path& file, Dataset& ds) {
    const std::string path = file.string();
    const std::string text = read_file(path);
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    if (doc.HasParseError())
        throw InputError(path, line_of_offset(text, doc.GetErrorOffset()), "",
                         std::string("malformed JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    if (!doc.IsObject()) throw InputError(path, 1, "", "dataset.json must hold one JSON object");
    auto line_of_key = [&](const char* key) {
        const std::size_t at = text.find("\"" + std::string(key) + "\"");
        return at == std::string::npos ? std::size_t{1} : line_of_offset(text, at);
    };
    if (auto it = doc.FindMember("coverage"); it != doc.MemberEnd() && !it->value.IsNull()) {
        std::string allowed;
        for (std::size_t i = 1; i < kCoverageNames.size(); ++i) allowed += (i > 1 ? ", " : "") + std::string(kCoverageNames[i]);
        if (!it->value.IsString()) throw InputError(path, line_of_key("coverage"), "coverage", "must be a string: one of " + allowed);
        const std::string_view v(it->value.GetString(), it->value.GetStringLength());
        auto c = coverage_from_name(v);
        if (!c) throw InputError(path, line_of_key("coverage"), "coverage", "must be one of " + allowed + "; got '" + std::string(v) + "'");
        ds.coverage = *c;
    }
    if (auto it = doc.FindMember("description"); it != doc.MemberEnd() && !it->value.IsNull()) {
        if (!it->value.IsString()) throw InputError(path, line_of_key("description"), "description", "must be a string");
        std::string d(it->value.GetString(), it->value.GetStringLength());
        if (d.find('\n') != std::string::npos || d.find('\r') != std::string::npos)
            throw InputError(path, line_of_key("description"), "description", "must be one line (no line break)");
        ds.description = std::move(d);
    }
}

}  // namespace

std::vector<std::string> dataset_input_files(const std::string& dir, const LoadOptions& options) {
    std::vector<std::string> files;
    auto add_folder = [&](const fs::path& folder, bool csv) {
        std::error_code ec;
        if (folder.empty() || !fs::is_directory(folder, ec)) return;
        files.push_back(folder.string());
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string ext = it->path().extension().string();
            if (ext == ".json" || (csv && ext == ".csv")) files.push_back(it->path().string());
        }
    };
    if (!dir.empty()) {
        add_folder(dir, true);
        add_folder(fs::path(dir) / "chains", false);
    }
    if (!options.catalogue_dir.empty()) add_folder(options.catalogue_dir, false);
    return files;
}

Dataset load_chains_only(const std::string& dataset_dir, const LoadOptions& options) {
    Dataset ds;
    ds.source = dataset_dir.empty() ? options.catalogue_dir : dataset_dir;
    if (!dataset_dir.empty()) require_folder(dataset_dir, "dataset folder");
    load_chains(dataset_dir, options, ds);
    ds.finalize();
    return ds;
}

Dataset load_dataset(const std::string& dir, const LoadOptions& options) {
    const fs::path root(dir);
    require_folder(dir, "dataset folder");
    Dataset ds;
    ds.source = dir;
    load_chains(dir, options, ds);
    if (path_exists(root / "dataset.json")) load_dataset_json(root / "dataset.json", ds);
    const bool regions_given = path_exists(root / "regions.csv");
    if (regions_given) load_regions(root / "regions.csv", ds);
    for (const char* required : {"enterprises.csv", "attachments.csv"})
        if (!path_exists(root / required)) throw InputError((root / required).string(), 0, "", "required file is missing");
    load_enterprises(root / "enterprises.csv", regions_given, ds);
    load_attachments(root / "attachments.csv", ds);
    if (options.relations && path_exists(root / "relations.csv")) load_relations(root / "relations.csv", ds);
    ds.finalize();
    return ds;
}

Dataset open_dataset(const std::string& path, const LoadOptions& options) {
    switch (path_kind(path)) {
        case PathKind::folder: return load_dataset(path, options);
        case PathKind::missing: throw InputError(path, 0, "", "dataset folder does not exist (nor is it a snapshot file)");
        case PathKind::other: throw InputError(path, 0, "", "is neither a dataset folder nor a chaingap snapshot");
        case PathKind::file: break;
    }
    if (!is_snapshot_file(path))
        throw InputError(path, 0, "", "neither a dataset folder nor a chaingap snapshot (see docs/formats.md)");
    SnapshotReadOptions so;
    so.relations = options.relations;
    return read_snapshot(path, so);
}

}  // namespace chaingap
