#include "chaingap/report/gaps.hpp"

#include <algorithm>

#include "chaingap/core/text.hpp"

namespace chaingap {

// ---- coverage and local firms ----
std::string coverage_line(const Dataset& ds) {
    std::string what;
    switch (ds.coverage) {
        case Coverage::full_registry: what = "全量企业登记"; break;
        case Coverage::listed_only: what = "仅上市公司"; break;
        case Coverage::sample: what = "样本"; break;
        case Coverage::market_share: what = "市场份额数据"; break;
        case Coverage::synthetic: what = "合成数据（虚构企业，仅供演示）"; break;
        case Coverage::unknown: what = "未说明（无 dataset.json）"; break;
    }
    std::string line = "数据覆盖 coverage: " + what + " " + std::string(coverage_name(ds.coverage)) + " — " +
                       (ds.coverage == Coverage::full_registry
                            ? "无企业的环节为“无供给” absent_everywhere"
                            : "无企业的环节为“数据未覆盖” no_data，不代表全国无供给");
    if (!ds.description.empty()) line += "；" + ds.description;
    return line;
}

void write_local_firms_json(JsonWriter& w, const Dataset& ds, const std::vector<LocalFirm>& firms) {
    const auto& E = ds.enterprises;
    const auto& A = ds.attachments;
    w.StartArray();
    for (const LocalFirm& f : firms) {
        w.StartObject();
        json_kv(w, "id", local_firm_id(ds, f));
        json_kv(w, "name", E.name[f.enterprise]);
        json_kv(w, "region", ds.regions.id(local_firm_region(ds, f)));
        json_kv(w, "weight", f.weight);
        json_kv(w, "capacity", f.capacity);
        json_kv(w, "attached_at", ds.node_key(A.node[f.attachment]));
        json_kv(w, "evidence", A.evidence(f.attachment));
        json_kv(w, "rule", A.rule(f.attachment));
        json_kv(w, "basis", kAttachmentBasisNames[static_cast<std::size_t>(A.basis(f.attachment))]);
        w.EndObject();
    }
    w.EndArray();
}

std::string local_firms_cell(const Dataset& ds, const LinkGap& g) {
    if (g.firms.empty()) return "";
    const auto& E = ds.enterprises;
    if (g.status == LinkStatus::single_point) {
        const LocalFirm& f = g.firms.front();
        const std::string_view evidence = ds.attachments.evidence(f.attachment);
        return E.name[f.enterprise] + (evidence.empty() ? "" : "「" + std::string(evidence) + "」");
    }
    std::string cell;
    for (std::size_t i = 0; i < g.firms.size() && i < kTableFirms; ++i)
        cell += (i ? "、" : "") + E.name[g.firms[i].enterprise];
    if (g.firms.size() > kTableFirms) cell += " 等" + std::to_string(g.firms.size()) + "家";
    return cell;
}

void write_params_json(JsonWriter& w, const GapParams& params) {
    w.StartObject();
    for (const auto& p : gap_param_info()) json_kv(w, p.name, params.*p.member);
    w.EndObject();
}

void write_gap_report_json(JsonWriter& w, const Dataset& ds, const GapReport& rep) {
    w.StartObject();
    json_kv(w, "region", ds.regions.id(rep.region));
    json_kv(w, "region_name", ds.regions.name(rep.region));
    json_kv(w, "local_enterprises", rep.local_enterprises);
    json_kv(w, "benchmark", rep.benchmark.share);
    json_kv(w, "benchmark_source", rep.benchmark.source);
    json_kv(w, "coverage", coverage_name(ds.coverage));
    json_kv(w, "coverage_note", coverage_line(ds));
    w.Key("params");
    write_params_json(w, rep.params);
    w.Key("chains");
    w.StartArray();
    for (const ChainGaps& cg : rep.chains) {
        const Chain& c = ds.chains[cg.chain];
        w.StartObject();
        json_kv(w, "chain", c.id);
        json_kv(w, "name", c.name);
        json_kv(w, "name_en", c.name_en);
        json_kv(w, "mean_gap", cg.mean_gap);
        json_kv(w, "links_omitted", std::int64_t{cg.links_omitted});
        w.Key("counts");
        w.StartObject();
        json_kv(w, "missing", std::int64_t{cg.missing});
        json_kv(w, "single_point", std::int64_t{cg.single_point});
        json_kv(w, "weak", std::int64_t{cg.weak});
        json_kv(w, "strong", std::int64_t{cg.strong});
        json_kv(w, "absent_everywhere", std::int64_t{cg.absent_everywhere});
        json_kv(w, "no_data", std::int64_t{cg.no_data});
        w.EndObject();
        w.Key("nodes");
        w.StartArray();
        for (const LinkGap& g : cg.links) {
            const ChainNode& n = ds.nodes[g.node];
            w.StartObject();
            json_kv(w, "node", n.id);
            json_kv(w, "name", n.name);
            json_kv(w, "name_en", n.name_en);
            json_kv(w, "parent", n.parent == kNone ? std::string() : ds.nodes[n.parent].id);
            json_kv(w, "stage", n.stage);
            json_kv(w, "priority", n.priority);
            json_kv(w, "status", status_name(g.status));
            json_kv(w, "status_zh", status_name_zh(g.status));
            json_kv(w, "gap_score", g.gap_score);
            json_kv(w, "importance", g.importance);
            json_kv(w, "local_count", std::int64_t{g.local_count});
            json_kv(w, "local_capacity", g.local_capacity);
            json_kv(w, "national_count", std::int64_t{g.national_count});
            json_kv(w, "national_capacity", g.national_capacity);
            json_kv(w, "local_share", g.local_share);
            json_kv(w, "rca", g.rca);
            w.Key("components");
            w.StartObject();
            json_kv(w, "reach", g.reach);
            json_kv(w, "betweenness", g.betweenness);
            json_kv(w, "weight", g.weight);
            json_kv(w, "shortfall", g.shortfall);
            json_kv(w, "single_point_risk", g.risk);
            json_kv(w, "benchmark", rep.benchmark.share);
            json_kv(w, "downstream_links", std::int64_t{g.downstream_links});
            json_kv(w, "local_dependents", std::int64_t{g.local_dependents});
            w.EndObject();
            json_kv(w, "reason", explain_link(ds, rep, g));
            w.Key("local_firms");
            write_local_firms_json(w, ds, g.firms);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.Key("chains_without_data");
    w.StartArray();
    for (ChainId c : rep.chains_without_data) w.String(ds.chains[c].id.c_str());
    w.EndArray();
    w.EndObject();
}

namespace {
Table gaps_table(const Dataset& ds, const GapReport& rep) {
    Table t;
    t.name = "缺口分析";
    auto col = [&](const char* key, const char* label, double width = 12, bool right = true) {
        t.columns.push_back({key, label, width, right});
    };
    col("region", "地区代码", 10, false);
    col("chain", "产业链", 16, false);
    col("node", "环节代码", 22, false);
    col("name", "环节名称", 22, false);
    col("parent", "上级环节", 18, false);
    col("stage", "环节位置", 10, false);
    col("priority", "重点引进", 8);
    col("status", "状态", 14, false);
    col("gap_score", "缺口分值");
    col("importance", "重要度");
    col("reach", "下游覆盖");
    col("betweenness", "中介中心性");
    col("weight", "权重");
    col("shortfall", "短板程度");
    col("single_point_risk", "断链风险");
    col("local_count", "本地企业数");
    col("local_capacity", "本地产能");
    col("national_count", "全国企业数");
    col("national_capacity", "全国产能");
    col("local_share", "本地份额");
    col("benchmark", "基准份额");
    col("rca", "区位商RCA");
    col("downstream_links", "下游环节数");
    col("local_dependents", "本地下游环节数");
    col("reason", "说明", 80, false);
    for (const ChainGaps& cg : rep.chains) {
        for (const LinkGap& g : cg.links) {
            const ChainNode& n = ds.nodes[g.node];
            t.add({Cell::str(ds.regions.id(rep.region)), Cell::str(ds.chains[cg.chain].id), Cell::str(n.id),
                   Cell::str(n.name), Cell::str(n.parent == kNone ? "" : ds.nodes[n.parent].id), Cell::str(n.stage),
                   Cell::integer(n.priority ? 1 : 0), Cell::str(std::string(status_name(g.status))),
                   Cell::num(g.gap_score), Cell::num(g.importance), Cell::num(g.reach), Cell::num(g.betweenness),
                   Cell::num(g.weight), Cell::num(g.shortfall), Cell::num(g.risk), Cell::integer(g.local_count),
                   Cell::num(g.local_capacity, 4), Cell::integer(g.national_count), Cell::num(g.national_capacity, 4),
                   Cell::num(g.local_share), Cell::num(rep.benchmark.share), Cell::num(g.rca),
                   Cell::integer(g.downstream_links), Cell::integer(g.local_dependents),
                   Cell::str(explain_link(ds, rep, g))});
        }
    }
    return t;
}

Table text_table(std::vector<std::pair<const char*, bool>> columns) {
    Table t;
    for (const auto& [label, right] : columns) t.columns.push_back({label, label, 12, right});
    return t;
}

std::vector<Block> gaps_text(const Dataset& ds, const GapReport& rep) {
    std::vector<Block> out;
    out.push_back(Block::line("Region " + ds.regions.label(rep.region) + ": " + std::to_string(rep.local_enterprises) +
                              " local enterprises; benchmark share " + fmt(100 * rep.benchmark.share, 2) + "% (" +
                              rep.benchmark.source + ")\n" + coverage_line(ds) + "\n"));
    if (rep.chains.size() > 1) {
        // Overview first: chains by mean gap, each with its largest gap.
        std::vector<const ChainGaps*> order;
        for (const ChainGaps& cg : rep.chains) order.push_back(&cg);
        std::stable_sort(order.begin(), order.end(), [](auto a, auto b) { return a->mean_gap > b->mean_gap; });
        Table t = text_table({{"链 chain", false},
                              {"missing", true},
                              {"single", true},
                              {"weak", true},
                              {"strong", true},
                              {"mean gap", true},
                              {"largest gap", false}});
        for (const ChainGaps* cg : order) {
            const LinkGap* top = cg->links.empty() ? nullptr : &cg->links.front();
            t.add({Cell::str(ds.chains[cg->chain].name + " (" + ds.chains[cg->chain].id + ")"),
                   Cell::integer(cg->missing), Cell::integer(cg->single_point), Cell::integer(cg->weak),
                   Cell::integer(cg->strong), Cell::num(cg->mean_gap, 3),
                   Cell::str(top ? ds.nodes[top->node].name + " " + fmt(top->gap_score, 3) + " " +
                                       std::string(status_name_zh(top->status))
                                 : "")});
        }
        out.push_back(Block::line("\n"));
        out.push_back(Block::of(std::move(t)));
    }
    for (const ChainGaps& cg : rep.chains) {
        const Chain& c = ds.chains[cg.chain];
        out.push_back(Block::line(
            "\n" + c.name + " (" + c.id + "): " + std::to_string(cg.missing) + " missing, " +
            std::to_string(cg.single_point) + " single-point, " + std::to_string(cg.weak) + " weak, " +
            std::to_string(cg.strong) + " strong" +
            (cg.absent_everywhere ? ", " + std::to_string(cg.absent_everywhere) + " with no supply anywhere" : "") +
            (cg.no_data ? ", " + std::to_string(cg.no_data) + " not covered by the data (数据未覆盖)" : "") +
            "; mean gap " + fmt(cg.mean_gap, 3) + "\n"));
        Table t = text_table({{"#", true},
                              {"环节 link", false},
                              {"status", false},
                              {"gap", true},
                              {"importance", true},
                              {"local", true},
                              {"national", true},
                              {"share%", true},
                              {"RCA", true},
                              {"why", false},
                              {"本地企业 local firms", false}});
        int rank = 0;
        for (const LinkGap& g : cg.links) {
            const ChainNode& n = ds.nodes[g.node];
            std::string label = n.parent == kNone ? n.name : ds.nodes[n.parent].name + " › " + n.name;
            if (n.priority) label += " *";
            std::string why;
            switch (g.status) {
                case LinkStatus::missing: why = "no local firm"; break;
                case LinkStatus::single_point:
                    why = "1 firm; " + std::to_string(g.downstream_links) + " downstream links depend on it";
                    break;
                case LinkStatus::weak: why = "below benchmark"; break;
                case LinkStatus::strong: why = "at or above benchmark"; break;
                case LinkStatus::absent_everywhere: why = "no supply anywhere"; break;
                case LinkStatus::no_data: why = "data do not cover it"; break;
            }
            t.add({Cell::integer(++rank), Cell::str(label),
                   Cell::str(std::string(status_name(g.status)) + " " + std::string(status_name_zh(g.status))),
                   Cell::num(g.gap_score, 3), Cell::num(g.importance, 2), Cell::integer(g.local_count),
                   Cell::integer(g.national_count), Cell::num(100 * g.local_share, 1), Cell::num(g.rca, 2),
                   Cell::str(why), Cell::str(local_firms_cell(ds, g))});
        }
        out.push_back(Block::of(std::move(t)));
        if (cg.links_omitted > 0)
            out.push_back(Block::line("… " + std::to_string(cg.links_omitted) + " more links (--top 0 shows all)\n"));
    }
    if (!rep.chains_without_data.empty())
        out.push_back(Block::line("\n" + std::to_string(rep.chains_without_data.size()) +
                                  " chains have no enterprise in this dataset and are not shown (use --chain to see one).\n"));
    out.push_back(
        Block::line("\n* = 重点引进 priority link in the source documents. --format json gives every component and reason.\n"));
    return out;
}
}  // namespace

Report gaps_report(const Dataset& ds, const GapReport& rep) {
    Report r;
    r.title = "缺口分析 " + ds.regions.label(rep.region);
    r.json = [&ds, &rep](JsonWriter& w) { write_gap_report_json(w, ds, rep); };
    r.tables = [&ds, &rep] { return std::vector<Table>{gaps_table(ds, rep)}; };
    r.text = [&ds, &rep] { return gaps_text(ds, rep); };
    return r;
}

}  // namespace chaingap
