// 对标 comparison and 赛马榜 writers (see benchmark_writers.hpp).
#include "chaingap/report/benchmark_writers.hpp"

#include "chaingap/core/json_writer.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/core/text_table.hpp"

namespace chaingap {
namespace {
std::string finish(rapidjson::StringBuffer& buf) { return std::string(buf.GetString()) + "\n"; }

std::string link_label(const Dataset& ds, NodeId n) {
    const ChainNode& x = ds.nodes[n];
    return x.parent == kNone ? x.name : ds.nodes[x.parent].name + "›" + x.name;
}

std::string status_text(LinkStatus s, bool zh) { return std::string(zh ? status_name_zh(s) : status_name(s)); }

void link_keys(JsonWriter& w, const Dataset& ds, NodeId n) {
    json_kv(w, "chain", ds.chains[ds.nodes[n].chain].id);
    json_kv(w, "node", ds.nodes[n].id);
    json_kv(w, "name", ds.nodes[n].name);
}
}  // namespace

std::string comparison_to_json(const Dataset& ds, const RegionComparison& c) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    w.Key("regions");
    w.StartArray();
    for (std::size_t k = 0; k < c.regions.size(); ++k) {
        w.StartObject();
        json_kv(w, "region", ds.regions.id(c.regions[k]));
        json_kv(w, "region_name", ds.regions.name(c.regions[k]));
        json_kv(w, "benchmark", c.reports[k].benchmark.share);
        json_kv(w, "local_enterprises", c.reports[k].local_enterprises);
        w.EndObject();
    }
    w.EndArray();
    w.Key("links");
    w.StartArray();
    for (const ComparisonRow& row : c.rows) {
        w.StartObject();
        link_keys(w, ds, row.node);
        json_kv(w, "importance", row.importance);
        w.Key("cells");
        w.StartArray();
        for (std::size_t k = 0; k < row.cells.size(); ++k) {
            const RegionLinkCell& x = row.cells[k];
            w.StartObject();
            json_kv(w, "region", ds.regions.id(c.regions[k]));
            json_kv(w, "status", status_name(x.status));
            json_kv(w, "status_zh", status_name_zh(x.status));
            json_kv(w, "local_count", std::int64_t{x.local_count});
            json_kv(w, "local_share", x.local_share);
            json_kv(w, "rca", x.rca);
            json_kv(w, "gap_score", x.gap_score);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string comparison_to_table(const Dataset& ds, const RegionComparison& c, const std::string& lang) {
    const bool zh = lang != "en";
    std::vector<std::string> header = {zh ? "环节" : "link", zh ? "重要度" : "importance"};
    std::vector<bool> right = {false, true};
    for (RegionId r : c.regions) {
        header.push_back(ds.regions.label(r));
        right.push_back(false);
    }
    TextTable t(header, right);
    for (const ComparisonRow& row : c.rows) {
        std::vector<std::string> cells = {ds.chains[ds.nodes[row.node].chain].id + "/" + link_label(ds, row.node),
                                          fmt(row.importance, 2)};
        for (const RegionLinkCell& x : row.cells)
            cells.push_back(status_text(x.status, zh) + " " + std::to_string(x.local_count) + (zh ? "家 " : " firms ") +
                            fmt(100 * x.local_share, 1) + "% RCA " + fmt(x.rca, 2));
        t.add_row(cells);
    }
    std::string head = zh ? "区域对标（各环节：状态、本地企业数、本地产能份额、RCA）\n"
                          : "Region comparison (per link: status, local firms, local share, RCA)\n";
    return head + t.render();
}

std::string leaderboard_to_json(const Dataset& ds, const Leaderboard& b) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_kv(w, "within", b.within == kNone ? std::string("national") : ds.regions.id(b.within));
    json_kv(w, "within_name", b.within == kNone ? std::string("全国") : ds.regions.name(b.within));
    w.Key("chains");
    w.StartArray();
    for (ChainId c : b.chains) w.String(ds.chains[c].id.c_str());
    w.EndArray();
    w.Key("rows");
    w.StartArray();
    for (const LeaderboardRow& r : b.rows) {
        w.StartObject();
        json_kv(w, "rank", std::int64_t{r.rank});
        json_kv(w, "region", ds.regions.id(r.region));
        json_kv(w, "region_name", ds.regions.name(r.region));
        json_kv(w, "completeness", r.completeness);
        json_kv(w, "present_share", r.present_share);
        json_kv(w, "strong_share", r.strong_share);
        json_kv(w, "links", std::int64_t{r.links});
        json_kv(w, "present", std::int64_t{r.present});
        json_kv(w, "strong", std::int64_t{r.strong});
        json_kv(w, "missing", std::int64_t{r.missing});
        json_kv(w, "local_enterprises", r.local_enterprises);
        json_kv(w, "gap_to_leader", r.gap_to_leader);
        w.Key("behind_leader");
        w.StartArray();
        for (const SeparatingLink& s : r.behind_leader) {
            w.StartObject();
            link_keys(w, ds, s.node);
            json_kv(w, "leader_status", status_name(s.leader_status));
            json_kv(w, "status", status_name(s.status));
            json_kv(w, "importance", s.importance);
            json_kv(w, "weight", s.weight);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string leaderboard_to_table(const Dataset& ds, const Leaderboard& b, const std::string& lang,
                                 std::size_t top_links) {
    const bool zh = lang != "en";
    TextTable t(zh ? std::vector<std::string>{"名次", "地区", "链条完整度", "有企业环节占比", "强势环节占比", "环节数",
                                              "缺失", "本地企业", "落后榜首", "与榜首差距主要环节"}
                   : std::vector<std::string>{"rank", "region", "completeness", "present", "strong", "links", "missing",
                                              "local firms", "behind leader", "main links behind the leader"},
                {true, false, true, true, true, true, true, true, true, false});
    for (const LeaderboardRow& r : b.rows) {
        std::string behind;
        for (std::size_t i = 0; i < r.behind_leader.size() && i < top_links; ++i) {
            const SeparatingLink& s = r.behind_leader[i];
            behind += (i ? (zh ? "；" : "; ") : "") + link_label(ds, s.node) + " (" + status_text(s.status, zh) + "→" +
                      status_text(s.leader_status, zh) + ")";
        }
        if (r.behind_leader.size() > top_links) behind += zh ? "…" : ", …";
        t.add_row({std::to_string(r.rank), ds.regions.label(r.region), fmt(r.completeness, 3), fmt(r.present_share, 3),
                   fmt(r.strong_share, 3), std::to_string(r.links), std::to_string(r.missing),
                   std::to_string(r.local_enterprises), fmt(r.gap_to_leader, 3), behind});
    }
    std::string chains;
    for (ChainId c : b.chains) chains += (chains.empty() ? "" : ", ") + ds.chains[c].id;
    const std::string within = b.within == kNone ? (zh ? "全国" : "national") : ds.regions.label(b.within);
    std::string head = zh ? "赛马榜：" + within + " 下辖地区，产业链 " + chains +
                                "（链条完整度 = 按环节重要度加权的 强势 1 / 有企业但偏弱 0.5 / 缺失 0）\n"
                          : "Leaderboard: regions under " + within + ", chains " + chains +
                                " (completeness = importance-weighted strong 1 / present but weak 0.5 / missing 0)\n";
    return head + t.render();
}

}  // namespace chaingap
