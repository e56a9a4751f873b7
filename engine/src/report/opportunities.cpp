// 延链 opportunities as a report: contract in chaingap/report/opportunities.hpp.
#include "chaingap/report/opportunities.hpp"

#include "chaingap/core/text.hpp"

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

void write_opportunities_json(JsonWriter& w, const OpportunityResult& r) {
    w.StartObject();
    json_kv(w, "region", r.region_id);
    json_kv(w, "region_name", r.region_name);
    json_kv(w, "model", r.model);
    json_kv(w, "year", static_cast<std::int64_t>(r.year));
    json_kv(w, "regions_compared", static_cast<std::int64_t>(r.regions));
    json_kv(w, "links", static_cast<std::int64_t>(r.links));
    json_kv(w, "links_present", static_cast<std::int64_t>(r.links_present));
    w.Key("opportunities");
    w.StartArray();
    for (const Opportunity& o : r.items) {
        w.StartObject();
        json_kv(w, "rank", static_cast<std::int64_t>(o.rank));
        json_kv(w, "link", o.node_key);
        json_kv(w, "name", o.node_name);
        json_kv(w, "chain", o.chain_id);
        json_kv(w, "score", o.score);
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
                 {"related_links", "已有的相关环节", 30, false, F::machines},
                 {"similar_regions", "拥有该环节的相似地区", 30, false, F::machines},
                 {"drivers", "主要因素", 30, false, F::machines},
                 {"firms", "可引进企业", 40, false, F::machines},
                 {"related_names", "已有的相关环节", 30, false, F::people},
                 {"similar_names", "拥有该环节的相似地区", 30, false, F::people},
                 {"driver_names", "主要因素", 30, false, F::people},
                 {"firm_names", "可引进企业", 40, false, F::people}};
    for (const Opportunity& o : r.items)
        t.add({Cell::str(r.region_id), Cell::integer(o.rank), Cell::str(o.node_key), Cell::str(o.node_name),
               Cell::str(o.chain_id), Cell::num(o.score, 3), Cell::str(ids(o.related)), Cell::str(ids(o.similar)),
               Cell::str(ids(o.drivers)), Cell::str(ids(o.firms)), Cell::str(names(o.related)),
               Cell::str(names(o.similar)), Cell::str(names(o.drivers)), Cell::str(names(o.firms))});
    return t;
}

std::string summary(const OpportunityResult& r) {
    return r.region_name + "（" + r.region_id + "）延链机会：" + std::to_string(r.year) + " 年，模型 " + r.model +
           "；已有 " + std::to_string(r.links_present) + " / " + std::to_string(r.links) + " 个环节，与 " +
           std::to_string(r.regions) + " 个同级地区比较\n\n";
}
}  // namespace

Report opportunities_report(const OpportunityResult& result) {
    Report r;
    r.title = "延链机会 " + result.region_name + " (" + result.region_id + ")";
    r.json = [&result](JsonWriter& w) { write_opportunities_json(w, result); };
    r.tables = [&result] { return std::vector<Table>{opportunities_table(result)}; };
    r.text = [&result] {
        return std::vector<Block>{Block::line(summary(result)), Block::of(opportunities_table(result))};
    };
    return r;
}

}  // namespace chaingap
