#include "chaingap/core/text.hpp"
#include "chaingap/synth/generate.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "chaingap/analysis/importance.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"

namespace chaingap {
namespace {

// splitmix64: a small, fully specified generator (Steele et al. 2014).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    double normal() {  // Box–Muller
        double u1 = uniform(), u2 = uniform();
        if (u1 < 1e-300) u1 = 1e-300;
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }
    int poisson(double mean) {  // Knuth; small means only
        double l = std::exp(-mean), p = 1.0;
        int k = 0;
        do {
            ++k;
            p *= uniform();
        } while (p > l);
        return k - 1;
    }

private:
    std::uint64_t s_;
};

// Draws an index with probability proportional to the cumulative table.
std::size_t pick(const std::vector<double>& cumulative, Rng& rng) {
    double x = rng.uniform() * cumulative.back();
    return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
}
std::vector<double> cumulate(const std::vector<double>& w) {
    std::vector<double> c(w.size());
    double s = 0;
    for (std::size_t i = 0; i < w.size(); ++i) c[i] = (s += w[i]);
    return c;
}

struct Province {
    const char* code;
    const char* name;
    double gdp;  // approximate 2023 GDP, 万亿元 — only to give the synthetic data a realistic skew
};
constexpr Province kProvinces[] = {
    {"110000", "北京市", 4.4},   {"120000", "天津市", 1.7},  {"130000", "河北省", 4.4},  {"140000", "山西省", 2.6},
    {"150000", "内蒙古自治区", 2.5}, {"210000", "辽宁省", 3.0}, {"220000", "吉林省", 1.4}, {"230000", "黑龙江省", 1.6},
    {"310000", "上海市", 4.7},   {"320000", "江苏省", 12.8}, {"330000", "浙江省", 8.3},  {"340000", "安徽省", 4.7},
    {"350000", "福建省", 5.4},   {"360000", "江西省", 3.2},  {"370000", "山东省", 9.2},  {"410000", "河南省", 5.9},
    {"420000", "湖北省", 5.6},   {"430000", "湖南省", 5.0},  {"440000", "广东省", 13.6}, {"450000", "广西壮族自治区", 2.7},
    {"460000", "海南省", 0.75},  {"500000", "重庆市", 3.0},  {"510000", "四川省", 6.0},  {"520000", "贵州省", 2.1},
    {"530000", "云南省", 3.0},   {"540000", "西藏自治区", 0.24}, {"610000", "陕西省", 3.4}, {"620000", "甘肃省", 1.2},
    {"630000", "青海省", 0.38},  {"640000", "宁夏回族自治区", 0.53}, {"650000", "新疆维吾尔自治区", 1.9},
};
// Chongqing districts and counties (GB/T 2260) used by the demo, with a rough industrial weight.
struct District {
    const char* code;
    const char* name;
    double weight;
};
constexpr District kChongqing[] = {
    {"500101", "万州区", 1.0}, {"500106", "沙坪坝区", 1.5}, {"500107", "九龙坡区", 1.5}, {"500108", "南岸区", 1.0},
    {"500112", "渝北区", 2.5}, {"500113", "巴南区", 1.0},   {"500115", "长寿区", 1.0},   {"500120", "璧山区", 1.0},
    {"500110", "綦江区", 0.6}, {"500236", "奉节县", 0.3},
};

struct RegionSlot {
    RegionId region;
    double weight;
    int province;  // index into kProvinces
};

}  // namespace

void generate_synthetic(Dataset& ds, const SynthParams& p) {
    if (p.enterprises < 1) throw UsageError("synthetic dataset: enterprises must be at least 1");
    if (p.attachments_per_enterprise < 1.0) throw UsageError("synthetic dataset: attachments per enterprise must be at least 1");
    if (ds.chains.empty()) throw UsageError("synthetic dataset: no chains loaded");
    Rng rng(p.seed);
    ds.enterprises = EnterpriseTable{};
    ds.attachments = AttachmentTable{};
    ds.relations = RelationTable{};
    ds.regions = RegionTable{};
    const double nan = std::numeric_limits<double>::quiet_NaN();

    // Regions that hold enterprises, with weights.
    std::vector<RegionSlot> slots;
    for (int i = 0; i < static_cast<int>(std::size(kProvinces)); ++i) {
        const Province& pr = kProvinces[i];
        RegionId prov = ds.regions.add(pr.code, pr.name, kNone, nan);
        const bool chongqing = std::string_view(pr.code) == "500000";
        const double w = pr.gdp * (chongqing ? p.chongqing_boost : 1.0);
        if (chongqing) {
            RegionId city = ds.regions.add("500100", "重庆市辖区", prov, nan);
            RegionId counties = ds.regions.add("500200", "重庆市辖县", prov, nan);
            double total = 0;
            for (const auto& d : kChongqing) total += d.weight;
            for (const auto& d : kChongqing) {
                RegionId parent = std::string_view(d.code).substr(0, 4) == "5002" ? counties : city;
                slots.push_back({ds.regions.add(d.code, d.name, parent, nan), w * d.weight / total, i});
            }
        } else if (p.counties_per_province > 0) {
            const std::string pp = std::string(pr.code).substr(0, 2);
            RegionId city = ds.regions.add(pp + "0100", "", prov, nan);
            for (int c = 1; c <= p.counties_per_province; ++c) {
                char code[32];
                std::snprintf(code, sizeof code, "%s%02d%02d", pp.c_str(), 1 + (c - 1) / 99, 1 + (c - 1) % 99);
                RegionId parent = city;
                if ((c - 1) / 99 > 0) parent = ds.regions.add(pp + std::string(code).substr(2, 2) + "00", "", prov, nan);
                slots.push_back({ds.regions.add(code, "", parent, nan), w / p.counties_per_province, i});
            }
        } else {
            slots.push_back({prov, w, i});
        }
    }
    std::vector<double> slot_weight;
    for (const auto& s : slots) slot_weight.push_back(s.weight);
    const std::vector<double> slot_cum = cumulate(slot_weight);

    // Leaves per chain and their downstream neighbours (for related attachments and relations).
    const std::vector<NodeImportance> imp = compute_importance(ds, GapParams{});
    const std::size_t C = ds.chains.size(), P = std::size(kProvinces);
    std::vector<std::vector<NodeId>> leaves(C);
    for (ChainId c = 0; c < static_cast<ChainId>(C); ++c)
        for (NodeId n = ds.chains[c].first_node; n < ds.chains[c].end_node; ++n)
            if (ds.is_leaf(n) && ds.nodes[n].same_as == kNone) leaves[c].push_back(n);
    // Province affinities: chain (lognormal σ 0.9) and link (σ 1.0).
    std::vector<double> chain_aff(P * C), node_aff(P * ds.nodes.size());
    for (auto& a : chain_aff) a = std::exp(0.9 * rng.normal());
    for (auto& a : node_aff) a = std::exp(1.0 * rng.normal());
    std::vector<std::vector<double>> chain_cum(P);
    for (std::size_t pr = 0; pr < P; ++pr) {
        std::vector<double> w(C);
        for (std::size_t c = 0; c < C; ++c) w[c] = leaves[c].empty() ? 0.0 : chain_aff[pr * C + c] * std::sqrt(double(leaves[c].size()));
        chain_cum[pr] = cumulate(w);
    }

    auto& E = ds.enterprises;
    std::vector<NodeId> primary(p.enterprises);
    for (std::int64_t i = 0; i < p.enterprises; ++i) {
        const RegionSlot& slot = slots[pick(slot_cum, rng)];
        const ChainId c = static_cast<ChainId>(pick(chain_cum[slot.province], rng));
        std::vector<double> w;
        for (NodeId n : leaves[c]) w.push_back(node_aff[slot.province * ds.nodes.size() + n]);
        const NodeId first = leaves[c][pick(cumulate(w), rng)];
        primary[i] = first;
        const double revenue = std::round(20000.0 * std::exp(1.5 * rng.normal()));
        const double employees = std::max(5.0, std::round(revenue / 150.0 * std::exp(0.4 * rng.normal())));
        const int founded = 1985 + static_cast<int>(rng.below(40));
        std::uint32_t labels = 0;
        const double big = std::log(revenue / 20000.0) / 1.5;  // standard deviations above the median
        auto label = [&](const char* name, double prob) {
            if (rng.uniform() < prob) labels |= 1U << *label_bit(name);
        };
        label("fortune500", big > 2.8 ? 0.5 : 0.0);
        label("china500", big > 2.0 ? 0.6 : 0.0);
        label("top10", big > 1.6 ? 0.5 : 0.01);
        label("little_giant", big < 1.0 && big > -0.5 ? 0.06 : 0.0);
        label("srdi", big < 1.2 ? 0.15 : 0.0);
        label("hightech", 0.3);
        label("listed", big > 1.0 ? 0.6 : 0.03);
        label("chain_leader", big > 2.2 ? 0.4 : 0.0);
        char id[32], name[96];
        std::snprintf(id, sizeof id, "E%07lld", static_cast<long long>(i + 1));
        std::snprintf(name, sizeof name, "示例企业%07lld（合成）", static_cast<long long>(i + 1));
        E.push(id, name, slot.region, revenue, employees, founded, labels);

        // Further links: downstream of the primary link, elsewhere in its chain, or (rarely) in
        // another chain — a firm active in several chains.
        const std::size_t wanted = 1 + static_cast<std::size_t>(
            p.fixed_attachments ? std::lround(p.attachments_per_enterprise) - 1
                                : std::min(rng.poisson(p.attachments_per_enterprise - 1.0), 8));
        std::vector<NodeId> chosen{first};
        const auto& down = imp[first].downstream;
        for (int tries = 0; chosen.size() < wanted && tries < 64; ++tries) {
            const double u = rng.uniform();
            NodeId n;
            if (!down.empty() && u < 0.4) n = down[rng.below(down.size())];
            else if (u < 0.85) n = leaves[c][rng.below(leaves[c].size())];
            else {
                const auto& other = leaves[rng.below(C)];
                if (other.empty()) continue;
                n = other[rng.below(other.size())];
            }
            if (ds.nodes[n].same_as != kNone) n = ds.nodes[n].same_as;  // attach shared links at their canonical node
            if (std::find(chosen.begin(), chosen.end(), n) == chosen.end()) chosen.push_back(n);
        }
        // Shares: the primary link gets the largest; the rest split what remains.
        const double main_share = chosen.size() == 1 ? 1.0 : 0.6;
        for (std::size_t k = 0; k < chosen.size(); ++k)
            ds.attachments.push(static_cast<EnterpriseId>(i), chosen[k],
                                k == 0 ? main_share : std::round(1000.0 * (1.0 - main_share) / double(chosen.size() - 1)) / 1000.0);
    }

    // Supply relations: from a firm to a firm at one of its primary link's downstream links.
    if (p.relations > 0) {
        std::vector<std::vector<EnterpriseId>> firms_at(ds.nodes.size());
        for (std::int64_t i = 0; i < p.enterprises; ++i) firms_at[primary[i]].push_back(static_cast<EnterpriseId>(i));
        auto& R = ds.relations;
        R.from.reserve(p.relations);
        R.to.reserve(p.relations);
        R.type.reserve(p.relations);
        R.weight.reserve(p.relations);
        for (std::int64_t k = 0, tries = 0; k < p.relations && tries < 20 * p.relations; ++tries) {
            const auto from = static_cast<EnterpriseId>(rng.below(static_cast<std::uint64_t>(p.enterprises)));
            const auto& down = imp[primary[from]].downstream;
            EnterpriseId to;
            if (!down.empty()) {
                const auto& pool = firms_at[down[rng.below(down.size())]];
                if (pool.empty()) continue;
                to = pool[rng.below(pool.size())];
            } else {
                to = static_cast<EnterpriseId>(rng.below(static_cast<std::uint64_t>(p.enterprises)));
            }
            if (to == from) continue;
            R.from.push_back(from);
            R.to.push_back(to);
            R.type.push_back(RelationType::supply);
            R.weight.push_back(1.0);
            ++k;
        }
    }
    ds.finalize();
}

void write_dataset_csv(const Dataset& ds, const std::string& dir) {
    namespace fs = std::filesystem;
    create_output_folder(dir);  // an existing file named like the folder: one clear error
    const auto& E = ds.enterprises;
    {
        const bool any_aggregate = std::any_of(E.aggregate.begin(), E.aggregate.end(), [](auto a) { return a != 0; });
        std::string s = std::string("id,name,region,revenue,employees,founded,labels") + (any_aggregate ? ",kind\n" : "\n");
        for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); ++e) {
            std::string labels;
            for (std::size_t b = 0; b < kLabelNames.size(); ++b)
                if (E.has_label(e, static_cast<int>(b))) labels += (labels.empty() ? "" : ";") + std::string(kLabelNames[b]);
            s += csv_field(E.id[e]) + "," + csv_field(E.name[e]) + "," + ds.regions.id(E.region[e]) + "," +
                 (E.has_revenue(e) ? fmt(E.revenue[e], 0) : "") + "," +
                 (std::isnan(E.employees[e]) ? "" : fmt(E.employees[e], 0)) + "," +
                 (E.founded[e] ? std::to_string(E.founded[e]) : "") + "," + labels +
                 (any_aggregate ? (E.is_aggregate(e) ? ",aggregate" : ",firm") : "") + "\n";
        }
        write_output((fs::path(dir) / "enterprises.csv").string(), s);
    }
    {
        std::string s = "enterprise,chain,node,weight\n";
        for (std::size_t a = 0; a < ds.attachments.size(); ++a) {
            const ChainNode& n = ds.nodes[ds.attachments.node[a]];
            s += E.id[ds.attachments.enterprise[a]] + "," + ds.chains[n.chain].id + "," + n.id + "," +
                 fmt(ds.attachments.weight[a], 3) + "\n";
        }
        write_output((fs::path(dir) / "attachments.csv").string(), s);
    }
    if (ds.relations.size() > 0) {
        std::string s = "from,to,type,weight\n";
        for (std::size_t r = 0; r < ds.relations.size(); ++r)
            s += E.id[ds.relations.from[r]] + "," + E.id[ds.relations.to[r]] + "," +
                 std::string(kRelationTypeNames[static_cast<int>(ds.relations.type[r])]) + "," + fmt(ds.relations.weight[r], 3) + "\n";
        write_output((fs::path(dir) / "relations.csv").string(), s);
    }
    {
        std::string s = "id,name,parent\n";
        for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r)
            s += ds.regions.id(r) + "," + csv_field(ds.regions.name(r)) + "," +
                 (ds.regions.parent(r) == kNone ? "" : ds.regions.id(ds.regions.parent(r))) + "\n";
        write_output((fs::path(dir) / "regions.csv").string(), s);
    }
}

}  // namespace chaingap
