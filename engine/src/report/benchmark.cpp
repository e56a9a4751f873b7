// 对标 comparison and 赛马榜 reports (see benchmark.hpp).
#include "chaingap/report/benchmark.hpp"

#include "chaingap/core/text.hpp"

namespace chaingap {
namespace {
std::string link_label(const Dataset& ds, NodeId n) {
    const ChainNode& x = ds.nodes[n];
    return x.parent == kNone ? x.name : ds.nodes[x.parent].name + "›" + x.name;
}
std::string status_text(LinkStatus s, bool zh) {
    return std::string(zh ? status_name_zh(s) : status_name(s));
}
std::string lbl(const char* zh, const char* en, bool is_zh) {
    return is_zh ? zh : en;
}

void link_keys(JsonWriter& w, const Dataset& ds, NodeId n) {
    json_kv(w, "chain", ds.chains[ds.nodes[n].chain].id);
    json_kv(w, "node", ds.nodes[n].id);
    json_kv(w, "name", ds.nodes[n].name);
}

std::string within_id(const Dataset& ds, const Leaderboard& b) {
    return b.within == kNone ? std::string("national") : ds.regions.id(b.within);
}
std::string within_label(const Dataset& ds, const Leaderboard& b, bool zh) {
    return b.within == kNone ? (zh ? "全国" : "national") : ds.regions.label(b.within);
}
}  // namespace

Report comparison_report(const Dataset& ds, const RegionComparison& c, const std::string& lang) {
    const bool zh = lang != "en";
    Report r;
    r.title = zh ? "区域对标" : "Region comparison";
    r.json = [&ds, &c](JsonWriter& w) {
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
    };
    r.tables = [&ds, &c, zh] {
        Table t;
        t.name = zh ? "区域对标" : "comparison";
        using F = Column::For;
        t.columns = {{"chain", lbl("产业链", "chain", zh), 14},
                     {"node", lbl("环节代码", "node", zh), 20, false, F::machines},
                     {"link", lbl("环节", "link", zh), 28},
                     {"importance", lbl("重要度", "importance", zh), 10, true},
                     {"region", lbl("地区代码", "region", zh), 10, false, F::machines},
                     {"region_name", lbl("地区", "region", zh), 18, false, F::people},
                     {"status", lbl("状态", "status", zh), 12},
                     {"local_count", lbl("本地企业数", "local firms", zh), 10, true},
                     {"local_share", lbl("本地份额", "local share", zh), 10, true},
                     {"rca", "RCA", 8, true},
                     {"gap_score", lbl("缺口分值", "gap", zh), 10, true}};
        for (const ComparisonRow& row : c.rows)
            for (std::size_t k = 0; k < row.cells.size(); ++k) {
                const RegionLinkCell& x = row.cells[k];
                t.add({Cell::str(ds.chains[ds.nodes[row.node].chain].id), Cell::str(ds.nodes[row.node].id),
                       Cell::str(link_label(ds, row.node)), Cell::num(row.importance, 4),
                       Cell::str(ds.regions.id(c.regions[k])), Cell::str(ds.regions.label(c.regions[k])),
                       Cell::str(status_text(x.status, zh)), Cell::integer(x.local_count), Cell::num(x.local_share, 4),
                       Cell::num(x.rca, 3), Cell::num(x.gap_score, 4)});
            }
        return std::vector<Table>{t};
    };
    r.text = [&ds, &c, zh] {
        Table t;
        auto col = [&](const std::string& label, bool right) { t.columns.push_back({label, label, 12, right}); };
        col(zh ? "环节" : "link", false);
        col(zh ? "重要度" : "importance", true);
        for (RegionId reg : c.regions) col(ds.regions.label(reg), false);
        for (const ComparisonRow& row : c.rows) {
            std::vector<Cell> cells = {
                Cell::str(ds.chains[ds.nodes[row.node].chain].id + "/" + link_label(ds, row.node)),
                Cell::num(row.importance, 2)};
            for (const RegionLinkCell& x : row.cells)
                cells.push_back(Cell::str(status_text(x.status, zh) + " " + std::to_string(x.local_count) +
                                          (zh ? "家 " : " firms ") + fmt(100 * x.local_share, 1) + "% RCA " +
                                          fmt(x.rca, 2)));
            t.add(std::move(cells));
        }
        return std::vector<Block>{
            Block::line(zh ? "区域对标（各环节：状态、本地企业数、本地产能份额、RCA）\n"
                           : "Region comparison (per link: status, local firms, local share, RCA)\n"),
            Block::of(t)};
    };
    return r;
}

Report leaderboard_report(const Dataset& ds, const Leaderboard& b, const std::string& lang, std::size_t top_links) {
    const bool zh = lang != "en";
    Report r;
    r.title = std::string(zh ? "赛马榜 " : "Leaderboard ") + within_label(ds, b, zh);
    r.json = [&ds, &b](JsonWriter& w) {
        w.StartObject();
        json_kv(w, "within", within_id(ds, b));
        json_kv(w, "within_name", b.within == kNone ? std::string("全国") : ds.regions.name(b.within));
        w.Key("chains");
        w.StartArray();
        for (ChainId c : b.chains) w.String(ds.chains[c].id.c_str());
        w.EndArray();
        w.Key("rows");
        w.StartArray();
        for (const LeaderboardRow& x : b.rows) {
            w.StartObject();
            json_kv(w, "rank", std::int64_t{x.rank});
            json_kv(w, "region", ds.regions.id(x.region));
            json_kv(w, "region_name", ds.regions.name(x.region));
            json_kv(w, "completeness", x.completeness);
            json_kv(w, "present_share", x.present_share);
            json_kv(w, "strong_share", x.strong_share);
            json_kv(w, "links", std::int64_t{x.links});
            json_kv(w, "present", std::int64_t{x.present});
            json_kv(w, "strong", std::int64_t{x.strong});
            json_kv(w, "missing", std::int64_t{x.missing});
            json_kv(w, "local_enterprises", x.local_enterprises);
            json_kv(w, "gap_to_leader", x.gap_to_leader);
            w.Key("behind_leader");
            w.StartArray();
            for (const SeparatingLink& s : x.behind_leader) {
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
    };
    auto behind_text = [&ds, zh](const LeaderboardRow& x, std::size_t max) {
        std::string s;
        for (std::size_t i = 0; i < x.behind_leader.size() && i < max; ++i) {
            const SeparatingLink& l = x.behind_leader[i];
            s += (i ? (zh ? "；" : "; ") : "") + link_label(ds, l.node) + " (" + status_text(l.status, zh) + "→" +
                 status_text(l.leader_status, zh) + ")";
        }
        if (x.behind_leader.size() > max) s += zh ? "…" : ", …";
        return s;
    };
    auto board = [&ds, &b, zh, behind_text](std::size_t max) {
        Table t;
        t.name = zh ? "赛马榜" : "leaderboard";
        using F = Column::For;
        t.columns = {{"rank", lbl("名次", "rank", zh), 6, true},
                     {"region", lbl("地区代码", "region", zh), 10, false, F::machines},
                     {"region_name", lbl("地区", "region", zh), 22, false, F::people},
                     {"completeness", lbl("链条完整度", "completeness", zh), 12, true},
                     {"present_share", lbl("有企业环节占比", "present share", zh), 14, true},
                     {"strong_share", lbl("强势环节占比", "strong share", zh), 12, true},
                     {"links", lbl("环节数", "links", zh), 8, true},
                     {"missing", lbl("缺失", "missing", zh), 8, true},
                     {"local_enterprises", lbl("本地企业", "local firms", zh), 10, true},
                     {"gap_to_leader", lbl("落后榜首", "behind leader", zh), 10, true},
                     {"behind_leader", lbl("与榜首差距主要环节", "main links behind the leader", zh), 60}};
        for (const LeaderboardRow& x : b.rows)
            t.add({Cell::integer(x.rank), Cell::str(ds.regions.id(x.region)), Cell::str(ds.regions.label(x.region)),
                   Cell::num(x.completeness, 3), Cell::num(x.present_share, 3), Cell::num(x.strong_share, 3),
                   Cell::integer(x.links), Cell::integer(x.missing), Cell::integer(x.local_enterprises),
                   Cell::num(x.gap_to_leader, 3), Cell::str(behind_text(x, max))});
        return t;
    };
    r.tables = [&ds, &b, zh, board] {
        Table links;
        links.name = zh ? "与榜首差距环节" : "behind leader";
        links.columns = {{"region", lbl("地区代码", "region", zh), 10},
                         {"region_name", lbl("地区", "region", zh), 22},
                         {"chain", lbl("产业链", "chain", zh), 14},
                         {"node", lbl("环节代码", "node", zh), 20},
                         {"link", lbl("环节", "link", zh), 28},
                         {"status", lbl("本地现状", "status", zh), 12},
                         {"leader_status", lbl("榜首现状", "leader status", zh), 12},
                         {"importance", lbl("重要度", "importance", zh), 10, true},
                         {"weight", lbl("差距权重", "weight", zh), 10, true}};
        for (const LeaderboardRow& x : b.rows)
            for (const SeparatingLink& s : x.behind_leader)
                links.add({Cell::str(ds.regions.id(x.region)), Cell::str(ds.regions.label(x.region)),
                           Cell::str(ds.chains[ds.nodes[s.node].chain].id), Cell::str(ds.nodes[s.node].id),
                           Cell::str(link_label(ds, s.node)), Cell::str(status_text(s.status, zh)),
                           Cell::str(status_text(s.leader_status, zh)), Cell::num(s.importance, 4),
                           Cell::num(s.weight, 4)});
        return std::vector<Table>{board(static_cast<std::size_t>(-1)), links};
    };
    r.text = [&ds, &b, zh, board, top_links] {
        std::string chains;
        for (ChainId c : b.chains) chains += (chains.empty() ? "" : ", ") + ds.chains[c].id;
        const std::string head =
            zh ? "赛马榜：" + within_label(ds, b, zh) + " 下辖地区，产业链 " + chains +
                     "（链条完整度 = 按环节重要度加权的 强势 1 / 有企业但偏弱 0.5 / 缺失 0）\n"
               : "Leaderboard: regions under " + within_label(ds, b, zh) + ", chains " + chains +
                     " (completeness = importance-weighted strong 1 / present but weak 0.5 / missing 0)\n";
        return std::vector<Block>{Block::line(head), Block::of(board(top_links))};
    };
    return r;
}

}  // namespace chaingap
