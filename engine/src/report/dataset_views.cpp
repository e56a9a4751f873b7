// The region list, one link's presence by region, and one enterprise as reports (dataset_views.hpp).
// No analysis here: presence comes from analysis/presence.hpp (presence_all_regions), groups from
// rank/source_regions.hpp; this file selects, orders and prints.
#include "chaingap/report/dataset_views.hpp"

#include <algorithm>
#include <cmath>

#include "chaingap/rank/source_regions.hpp"

namespace chaingap {
namespace {

// Enterprises in each region and below it (an enterprise counts in its region and every ancestor).
std::vector<std::int64_t> enterprises_below(const Dataset& ds) {
    std::vector<std::int64_t> n(ds.regions.size(), 0);
    for (std::size_t e = 0; e < ds.enterprises.size(); ++e)
        for (RegionId r = ds.enterprises.region[e]; r != kNone; r = ds.regions.parent(r)) ++n[r];
    return n;
}

std::string parent_id(const Dataset& ds, RegionId r) {
    const RegionId p = ds.regions.parent(r);
    return p == kNone ? std::string() : ds.regions.id(p);
}

// ---- regions --------------------------------------------------------------------------------------
Table regions_table(const Dataset& ds, const std::vector<std::int64_t>& below) {
    Table t;
    t.name = "地区";
    t.columns = {{"id", "地区代码", 10},
                 {"name", "地区", 16},
                 {"parent", "上级代码", 10},
                 {"depth", "层级", 6, true},
                 {"enterprises", "企业数", 10, true}};
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r)
        t.add({Cell::str(ds.regions.id(r)), Cell::str(ds.regions.name(r)), Cell::str(parent_id(ds, r)),
               Cell::integer(ds.regions.depth(r)), Cell::integer(below[r])});
    return t;
}

// ---- presence -------------------------------------------------------------------------------------
struct PresenceRow {
    RegionId region;
    std::int32_t count;
    double capacity, share;
};

std::vector<PresenceRow> presence_rows(const Dataset& ds, const PresenceMatrix& m, NodeId node, int level) {
    std::vector<PresenceRow> rows;
    const double national = m.national.capacity[node];
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r) {
        if (ds.regions.depth(r) != level || m.count_at(r, node) == 0) continue;
        const double cap = m.capacity_at(r, node);
        rows.push_back({r, m.count_at(r, node), cap, national > 0 ? cap / national : 0.0});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const PresenceRow& a, const PresenceRow& b) {
        return a.capacity > b.capacity;
    });
    return rows;
}

Table presence_table(const Dataset& ds, const std::vector<PresenceRow>& rows) {
    Table t;
    t.name = "地区分布";
    t.columns = {{"region", "地区代码", 10, false, Column::For::machines},
                 {"name", "地区", 16},
                 {"count", "企业数", 8, true},
                 {"capacity", "产能（权重×营收）", 16, true},
                 {"share", "全国占比", 10, true}};
    for (const PresenceRow& p : rows)
        t.add({Cell::str(ds.regions.id(p.region)), Cell::str(ds.regions.label(p.region)), Cell::integer(p.count),
               Cell::num(p.capacity, 2), Cell::num(p.share, 4)});
    return t;
}

void write_groups_json(JsonWriter& w, const Dataset& ds) {
    w.Key("groups");
    w.StartArray();
    for (const SourceRegionGroup& g : source_region_groups()) {
        std::vector<std::string> members;
        for (const char* m : g.members)
            if (ds.regions.find(m)) members.emplace_back(m);
        if (members.empty()) continue;
        w.StartObject();
        json_kv(w, "id", g.id);
        json_kv(w, "name", g.name);
        json_kv(w, "source", g.source);
        w.Key("members");
        w.StartArray();
        for (const auto& m : members) w.String(m.c_str(), static_cast<rapidjson::SizeType>(m.size()));
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
}

// ---- firm -----------------------------------------------------------------------------------------
Table firm_links_table(const Dataset& ds, EnterpriseId e) {
    Table t;
    t.name = "环节";
    t.columns = {{"chain", "产业链代码", 14, false, Column::For::machines},
                 {"chain_name", "产业链", 14, false, Column::For::people},
                 {"node", "环节代码", 18, false, Column::For::machines},
                 {"node_name", "环节", 18},
                 {"weight", "权重", 8, true}};
    for (std::int32_t a : ds.enterprise_attachments.row(e)) {
        const NodeId n = ds.attachments.node[a];
        const Chain& c = ds.chains[ds.nodes[n].chain];
        t.add({Cell::str(c.id), Cell::str(c.name), Cell::str(ds.nodes[n].id), Cell::str(ds.nodes[n].name),
               Cell::num(ds.attachments.weight[a], 3)});
    }
    return t;
}

std::vector<std::string> labels_of(const Dataset& ds, EnterpriseId e) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b < kLabelNames.size(); ++b)
        if (ds.enterprises.has_label(e, static_cast<int>(b))) out.emplace_back(kLabelNames[b]);
    return out;
}
}  // namespace

Report regions_report(const Dataset& ds) {
    Report r;
    r.title = "地区";
    r.json = [&ds](JsonWriter& w) {
        const auto below = enterprises_below(ds);
        w.StartObject();
        w.Key("regions");
        w.StartArray();
        for (RegionId x = 0; x < static_cast<RegionId>(ds.regions.size()); ++x) {
            w.StartObject();
            json_kv(w, "id", ds.regions.id(x));
            json_kv(w, "name", ds.regions.name(x));
            json_kv(w, "parent", parent_id(ds, x));
            json_kv(w, "depth", static_cast<std::int64_t>(ds.regions.depth(x)));
            json_kv(w, "enterprises", below[x]);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    };
    r.tables = [&ds] { return std::vector<Table>{regions_table(ds, enterprises_below(ds))}; };
    r.text = [&ds] {
        return std::vector<Block>{Block::of(regions_table(ds, enterprises_below(ds))),
                                  Block::line(std::to_string(ds.regions.size()) + " regions.\n")};
    };
    return r;
}

Report presence_report(const Dataset& ds, const PresenceMatrix& m, NodeId node, int level) {
    Report r;
    const ChainNode& n = ds.nodes[node];
    r.title = n.name + " 地区分布";
    r.json = [&ds, &m, node, level](JsonWriter& w) {
        const ChainNode& nd = ds.nodes[node];
        w.StartObject();
        json_kv(w, "chain", ds.chains[nd.chain].id);
        json_kv(w, "node", nd.id);
        json_kv(w, "node_name", nd.name);
        json_kv(w, "level", static_cast<std::int64_t>(level));
        json_kv(w, "national_count", static_cast<std::int64_t>(m.national.count[node]));
        json_kv(w, "national_capacity", m.national.capacity[node]);
        w.Key("regions");
        w.StartArray();
        for (const PresenceRow& p : presence_rows(ds, m, node, level)) {
            w.StartObject();
            json_kv(w, "region", ds.regions.id(p.region));
            json_kv(w, "name", ds.regions.name(p.region));
            json_kv(w, "count", static_cast<std::int64_t>(p.count));
            json_kv(w, "capacity", p.capacity);
            json_kv(w, "share", p.share);
            w.EndObject();
        }
        w.EndArray();
        write_groups_json(w, ds);
        w.EndObject();
    };
    r.tables = [&ds, &m, node, level] { return std::vector<Table>{presence_table(ds, presence_rows(ds, m, node, level))}; };
    r.text = [&ds, &m, node, level] {
        const ChainNode& nd = ds.nodes[node];
        return std::vector<Block>{
            Block::line(ds.chains[nd.chain].name + " / " + nd.name + " [" + nd.id + "]: national " +
                        std::to_string(m.national.count[node]) + " firms; regions at level " + std::to_string(level) +
                        ", highest capacity first\n"),
            Block::of(presence_table(ds, presence_rows(ds, m, node, level)))};
    };
    return r;
}

Report firm_report(const Dataset& ds, EnterpriseId e) {
    Report r;
    r.title = ds.enterprises.name[e];
    r.json = [&ds, e](JsonWriter& w) {
        const RegionId reg = ds.enterprises.region[e];
        w.StartObject();
        json_kv(w, "id", ds.enterprises.id[e]);
        json_kv(w, "name", ds.enterprises.name[e]);
        json_kv(w, "region", ds.regions.id(reg));
        json_kv(w, "region_name", ds.regions.name(reg));
        json_kv(w, "revenue", ds.enterprises.revenue[e]);
        json_kv(w, "employees", ds.enterprises.employees[e]);
        w.Key("founded");
        if (ds.enterprises.founded[e] == 0)
            w.Null();
        else
            w.Int(ds.enterprises.founded[e]);
        w.Key("labels");
        w.StartArray();
        for (const auto& l : labels_of(ds, e)) w.String(l.c_str(), static_cast<rapidjson::SizeType>(l.size()));
        w.EndArray();
        w.Key("links");
        w.StartArray();
        for (std::int32_t a : ds.enterprise_attachments.row(e)) {
            const NodeId n = ds.attachments.node[a];
            w.StartObject();
            json_kv(w, "chain", ds.chains[ds.nodes[n].chain].id);
            json_kv(w, "node", ds.nodes[n].id);
            json_kv(w, "node_name", ds.nodes[n].name);
            json_kv(w, "weight", ds.attachments.weight[a]);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    };
    r.tables = [&ds, e] { return std::vector<Table>{firm_links_table(ds, e)}; };
    r.text = [&ds, e] {
        std::string head = ds.enterprises.name[e] + " [" + ds.enterprises.id[e] + "] " +
                           ds.regions.label(ds.enterprises.region[e]);
        if (!std::isnan(ds.enterprises.revenue[e])) head += "; 营收 " + Cell::num(ds.enterprises.revenue[e], 0).formatted() + " 万元";
        std::string labels;
        for (const auto& l : labels_of(ds, e)) labels += (labels.empty() ? "" : ", ") + l;
        if (!labels.empty()) head += "; " + labels;
        return std::vector<Block>{Block::line(head + "\n"), Block::of(firm_links_table(ds, e))};
    };
    return r;
}

}  // namespace chaingap
