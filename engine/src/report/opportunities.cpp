// 延链 opportunities as a report: contract in chaingap/report/opportunities.hpp.
#include "chaingap/report/opportunities.hpp"

#include "chaingap/core/text.hpp"
#include "chaingap/report/gaps.hpp"

namespace chaingap {
namespace {
void reasons_json(JsonWriter& w, const char* name, const std::vector<Reason>& v, const char* value_key) {
    w.Key(name);
    w.StartArray();
    for (const Reason& x : v) {
        w.StartObject();
        json_kv(w, "id", x.id);
        json_kv(w, "name", x.name);
        json_kv(w, value_key, x.value);
        w.EndObject();
    }
    w.EndArray();
}

void write_opportunities_json(JsonWriter& w, const OpportunityResult& r, const Dataset& ds) {
    w.StartObject();
    json_kv(w, "region", r.region_id);
    json_kv(w, "region_name", r.region_name);
    json_kv(w, "model", r.model);
    json_kv(w, "year", static_cast<std::int64_t>(r.year));
    json_kv(w, "regions_compared", static_cast<std::int64_t>(r.regions));
    json_kv(w, "links", static_cast<std::int64_t>(r.links));
    json_kv(w, "links_present", static_cast<std::int64_t>(r.links_present));
    json_kv(w, "coverage_note", coverage_line(ds));
    w.Key("opportunities");
    w.StartArray();
    for (const Opportunity& o : r.items) {
        w.StartObject();
        json_kv(w, "rank", static_cast<std::int64_t>(o.rank));
        json_kv(w, "link", o.node_key);
        json_kv(w, "name", o.node_name);
        json_kv(w, "chain", o.chain_id);
        json_kv(w, "score", o.score);
        w.Key("chain_links");
        w.StartArray();
        for (const Reason& x : o.chain) {
            w.StartObject();
            json_kv(w, "id", x.id);
            json_kv(w, "name", x.name);
            json_kv(w, "relation", x.kind);
            json_kv(w, "local_firms", static_cast<std::int64_t>(x.value));
            w.EndObject();
        }
        w.EndArray();
        reasons_json(w, "related_links", o.related, "proximity");
        reasons_json(w, "similar_regions", o.similar, "similarity");
        reasons_json(w, "drivers", o.drivers, "contribution");
        reasons_json(w, "firms", o.firms, "revenue");
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

std::string ids(const std::vector<Reason>& v) {
    std::string out;
    for (const Reason& x : v) out += (out.empty() ? "" : ";") + x.id;
    return out;
}
std::string names(const std::vector<Reason>& v) {
    std::string out;
    for (const Reason& x : v) out += (out.empty() ? "" : "、") + x.name;
    return out.empty() ? "—" : out;
}

// "上游：A（3 家）、B（1 家）；下游：C（2 家）；同一环节段：D（1 家）" (English on request is the JSON).
std::string chain_names(const std::vector<Reason>& v) {
    std::string out;
    for (const auto& [kind, zh] : {std::pair<const char*, const char*>{"upstream", "上游"},
                                   {"downstream", "下游"}, {"same_segment", "同一环节段"}}) {
        std::string part;
        for (const Reason& x : v)
            if (x.kind == kind)
                part += (part.empty() ? "" : "、") + x.name + "（" + std::to_string(static_cast<long long>(x.value)) + " 家）";
        if (!part.empty()) out += (out.empty() ? "" : "；") + std::string(zh) + "：" + part;
    }
    return out.empty() ? "—" : out;
}

Table opportunities_table(const OpportunityResult& r) {
    using F = Column::For;
    Table t;
    t.name = "延链机会";
    t.columns = {{"region", "地区代码", 10, false, F::machines},
                 {"rank", "排名", 6, true},
                 {"link", "环节代码", 24, false, F::machines},
                 {"name", "环节", 24},
                 {"chain", "产业链代码", 16, false, F::machines},
                 {"score", "得分", 8, true},
                 {"chain_links", "本地已有的上下游环节", 30, false, F::machines},
                 {"related_links", "已有的相关环节", 30, false, F::machines},
                 {"similar_regions", "拥有该环节的相似地区", 30, false, F::machines},
                 {"drivers", "主要因素", 30, false, F::machines},
                 {"firms", "可引进企业", 40, false, F::machines},
                 {"chain_names", "本地已有的上下游环节", 40, false, F::people},
                 {"related_names", "已有的同地分布相关环节", 30, false, F::people},
                 {"similar_names", "拥有该环节的相似地区", 30, false, F::people},
                 {"driver_names", "主要因素", 30, false, F::people},
                 {"firm_names", "可引进企业", 40, false, F::people}};
    for (const Opportunity& o : r.items)
        t.add({Cell::str(r.region_id), Cell::integer(o.rank), Cell::str(o.node_key), Cell::str(o.node_name),
               Cell::str(o.chain_id), Cell::num(o.score, 3), Cell::str(ids(o.chain)), Cell::str(ids(o.related)),
               Cell::str(ids(o.similar)), Cell::str(ids(o.drivers)), Cell::str(ids(o.firms)),
               Cell::str(chain_names(o.chain)), Cell::str(names(o.related)),
               Cell::str(names(o.similar)), Cell::str(names(o.drivers)), Cell::str(names(o.firms))});
    return t;
}

std::string summary(const OpportunityResult& r, const Dataset& ds) {
    return coverage_line(ds) + "\n" + r.region_name + "（" + r.region_id + "）延链机会：" + std::to_string(r.year) + " 年，模型 " + r.model +
           "；已有 " + std::to_string(r.links_present) + " / " + std::to_string(r.links) + " 个环节，与 " +
           std::to_string(r.regions) + " 个同级地区比较\n\n";
}
}  // namespace

Report opportunities_report(const OpportunityResult& result, const Dataset& ds) {
    Report r;
    r.title = "延链机会 " + result.region_name + " (" + result.region_id + ")";
    r.json = [&result, &ds](JsonWriter& w) { write_opportunities_json(w, result, ds); };
    r.tables = [&result] { return std::vector<Table>{opportunities_table(result)}; };
    r.text = [&result, &ds] {
        return std::vector<Block>{Block::line(summary(result, ds)), Block::of(opportunities_table(result))};
    };
    return r;
}

}  // namespace chaingap
