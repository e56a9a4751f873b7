// Project screening report (see assess.hpp).
#include "chaingap/report/assess.hpp"

#include <cmath>

#include "chaingap/core/text.hpp"

namespace chaingap {
namespace {
Cell value_cell(double v) {
    return std::isnan(v) ? Cell::none() : Cell::num(v, 4);
}

const char* criterion_en(const std::string& key) {
    if (key == "fit") return "industry fit";
    if (key == "investment") return "investment size";
    if (key == "output_intensity") return "output / investment";
    if (key == "output_per_mu") return "output per mu";
    if (key == "tax_per_mu") return "tax per mu";
    if (key == "energy") return "energy intensity";
    if (key == "jobs") return "jobs per 100m yuan";
    return key.c_str();
}

std::string lbl(const char* zh, const char* en, bool is_zh) {
    return is_zh ? zh : en;
}

void write_json(JsonWriter& w, const Dataset& ds, const AssessResult& r) {
    w.StartObject();
    json_kv(w, "region", ds.regions.id(r.region));
    json_kv(w, "region_name", ds.regions.name(r.region));
    json_kv(w, "benchmark", r.report.benchmark.share);
    w.Key("averages");
    w.StartObject();
    json_kv(w, "output_per_mu", r.averages.output_per_mu);
    json_kv(w, "tax_per_mu", r.averages.tax_per_mu);
    json_kv(w, "energy_per_output", r.averages.energy_per_output);
    json_kv(w, "source", r.averages.source);
    w.EndObject();
    w.Key("thresholds");
    w.StartObject();
    for (const auto& p : assess_param_info()) json_kv(w, p.name, r.params.*p.member);
    w.EndObject();
    w.Key("projects");
    w.StartArray();
    for (const ProjectAssessment& a : r.projects) {
        w.StartObject();
        json_kv(w, "id", a.project.id);
        json_kv(w, "name", a.project.name);
        json_kv(w, "enterprise", a.project.enterprise);
        json_kv(w, "gap_closed", a.gap_closed);
        json_kv(w, "local_fit", a.local_fit);
        json_kv(w, "passed", std::int64_t{a.passed});
        json_kv(w, "flagged", std::int64_t{a.flagged});
        w.Key("links");
        w.StartArray();
        for (const LinkFit& f : a.links) {
            w.StartObject();
            json_kv(w, "chain", ds.chains[ds.nodes[f.node].chain].id);
            json_kv(w, "node", ds.nodes[f.node].id);
            json_kv(w, "name", ds.nodes[f.node].name);
            json_kv(w, "status", status_name(f.status));
            json_kv(w, "status_zh", status_name_zh(f.status));
            json_kv(w, "gap_score", f.gap_score);
            json_kv(w, "gap_closed", f.gap_closed);
            json_kv(w, "neighbours", std::int64_t{f.neighbours});
            json_kv(w, "neighbours_local", std::int64_t{f.neighbours_local});
            w.EndObject();
        }
        w.EndArray();
        w.Key("checks");
        w.StartArray();
        for (const CriterionCheck& c : a.checks) {
            w.StartObject();
            json_kv(w, "key", c.key);
            json_kv(w, "name_zh", c.name_zh);
            json_kv(w, "source", c.source);
            json_kv(w, "value", c.value);
            json_kv(w, "threshold", c.threshold);
            json_kv(w, "verdict", verdict_name(c.verdict));
            json_kv(w, "verdict_zh", verdict_name_zh(c.verdict));
            json_kv(w, "rule", c.rule);
            json_kv(w, "rule_zh", c.rule_zh);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

Table checks_table(const AssessResult& r, bool zh) {
    Table t;
    t.name = zh ? "项目研判" : "screening";
    using F = Column::For;
    t.columns = {{"project", lbl("项目编号", "project", zh), 12},
                 {"name", lbl("项目名称", "name", zh), 24},
                 {"criterion", lbl("指标", "criterion", zh), 16, false, F::machines},
                 {"criterion_label", lbl("指标", "criterion", zh), 16, false, F::people},
                 {"value", lbl("数值", "value", zh), 12, true},
                 {"threshold", lbl("标准值", "threshold", zh), 12, true},
                 {"verdict", lbl("判定", "verdict", zh), 10, false, F::machines},
                 {"verdict_label", lbl("判定", "verdict", zh), 10, false, F::people},
                 {"rule", lbl("标准", "rule", zh), 56},
                 {"source", lbl("依据", "source", zh), 20}};
    for (const ProjectAssessment& a : r.projects)
        for (const CriterionCheck& c : a.checks)
            t.add({Cell::str(a.project.id), Cell::str(a.project.name), Cell::str(c.key),
                   Cell::str(zh ? c.name_zh : criterion_en(c.key)), value_cell(c.value), value_cell(c.threshold),
                   Cell::str(verdict_name(c.verdict)),
                   Cell::str(zh ? verdict_name_zh(c.verdict) : verdict_name(c.verdict)),
                   Cell::str(zh ? c.rule_zh : c.rule), Cell::str(c.source)});
    return t;
}

Table links_table(const Dataset& ds, const AssessResult& r, bool zh) {
    Table t;
    t.name = zh ? "环节匹配" : "links";
    t.columns = {{"project", lbl("项目编号", "project", zh), 12},
                 {"chain", lbl("产业链", "chain", zh), 14},
                 {"node", lbl("环节代码", "node", zh), 20},
                 {"link", lbl("环节", "link", zh), 24},
                 {"status", lbl("本地现状", "status", zh), 12},
                 {"gap_score", lbl("缺口", "gap", zh), 10, true},
                 {"gap_closed", lbl("引进后缺口缩减", "gap closed", zh), 14, true},
                 {"neighbours", lbl("上下游环节数", "neighbours", zh), 12, true},
                 {"neighbours_local", lbl("其中本地已有", "neighbours in region", zh), 12, true}};
    for (const ProjectAssessment& a : r.projects)
        for (const LinkFit& f : a.links)
            t.add({Cell::str(a.project.id), Cell::str(ds.chains[ds.nodes[f.node].chain].id),
                   Cell::str(ds.nodes[f.node].id), Cell::str(ds.nodes[f.node].name),
                   Cell::str(std::string(zh ? status_name_zh(f.status) : status_name(f.status))),
                   Cell::num(f.gap_score, 4), Cell::num(f.gap_closed, 4), Cell::integer(f.neighbours),
                   Cell::integer(f.neighbours_local)});
    return t;
}

Table params_table(const Dataset& ds, const AssessResult& r, bool zh) {
    Table t;
    t.name = zh ? "标准与数据" : "thresholds";
    t.columns = {{"item", lbl("项目", "item", zh), 28},
                 {"value", lbl("值", "value", zh), 16},
                 {"note", lbl("说明", "note", zh), 80}};
    t.add({Cell::str(zh ? "地区" : "region"), Cell::str(ds.regions.label(r.region)), Cell::str("--region")});
    t.add({Cell::str(zh ? "区域平均值来源" : "regional averages from"),
           Cell::str(r.averages.source.empty() ? (zh ? "未提供" : "not given") : r.averages.source),
           Cell::str("regions.csv: output_per_mu, tax_per_mu, energy_per_output")});
    for (const auto& p : assess_param_info())
        t.add({Cell::str(p.name), Cell::num(r.params.*p.member, 6),
               Cell::str(std::string(p.help) + " (" + p.source + ")")});
    return t;
}
}  // namespace

Report assess_report(const Dataset& ds, const AssessResult& r, const std::string& lang) {
    const bool zh = lang != "en";
    Report rep;
    rep.title = std::string(zh ? "项目研判 " : "Project screening ") + ds.regions.label(r.region);
    rep.json = [&ds, &r](JsonWriter& w) { write_json(w, ds, r); };
    rep.tables = [&ds, &r, zh] {
        return std::vector<Table>{checks_table(r, zh), links_table(ds, r, zh), params_table(ds, r, zh)};
    };
    rep.text = [&ds, &r, zh] {
        std::vector<Block> out;
        out.push_back(
            Block::line(std::string(zh ? "项目研判：" : "Project screening: ") + ds.regions.label(r.region) + "\n"));
        if (r.averages.source.empty())
            out.push_back(
                Block::line(zh ? "（regions.csv 未提供本地区亩均产出、亩均税收、能耗强度平均值：相应指标无区域参照）\n"
                               : "(regions.csv gives no regional averages of output per mu, tax per mu, energy "
                                 "intensity: those criteria have no regional reference)\n"));
        for (const ProjectAssessment& a : r.projects) {
            out.push_back(Block::line("\n" + a.project.id + " " + a.project.name + (zh ? "：通过 " : ": pass ") +
                                      std::to_string(a.passed) + (zh ? "，预警 " : ", flag ") +
                                      std::to_string(a.flagged) + "\n"));
            Table t;
            auto col = [&](const std::string& label, bool right) { t.columns.push_back({label, label, 12, right}); };
            col(zh ? "指标" : "criterion", false);
            col(zh ? "数值" : "value", true);
            col(zh ? "判定" : "verdict", false);
            col(zh ? "标准" : "rule", false);
            col(zh ? "依据" : "source", false);
            for (const CriterionCheck& c : a.checks)
                t.add({Cell::str(zh ? c.name_zh : criterion_en(c.key)),
                       std::isnan(c.value) ? Cell::str("—") : Cell::num(c.value, 4),
                       Cell::str(zh ? verdict_name_zh(c.verdict) : verdict_name(c.verdict)),
                       Cell::str(zh ? c.rule_zh : c.rule), Cell::str(c.source)});
            out.push_back(Block::of(t));
        }
        return out;
    };
    return rep;
}

}  // namespace chaingap
