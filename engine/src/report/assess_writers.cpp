// Project screening writers (see assess_writers.hpp).
#include "chaingap/report/assess_writers.hpp"

#include <cmath>

#include "chaingap/core/json_writer.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/core/text_table.hpp"
#include "chaingap/report/workbook.hpp"

namespace chaingap {
namespace {
void number_or_null(JsonWriter& w, const char* key, double v) {
    w.Key(key);
    if (std::isnan(v))
        w.Null();
    else
        w.Double(v);
}

std::string value_text(double v) { return std::isnan(v) ? "—" : fmt(v, 4); }

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
}  // namespace

std::string assess_to_json(const Dataset& ds, const AssessResult& r) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_kv(w, "region", ds.regions.id(r.region));
    json_kv(w, "region_name", ds.regions.name(r.region));
    json_kv(w, "benchmark", r.report.benchmark.share);
    w.Key("averages");
    w.StartObject();
    number_or_null(w, "output_per_mu", r.averages.output_per_mu);
    number_or_null(w, "tax_per_mu", r.averages.tax_per_mu);
    number_or_null(w, "energy_per_output", r.averages.energy_per_output);
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
            number_or_null(w, "value", c.value);
            number_or_null(w, "threshold", c.threshold);
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
    return std::string(buf.GetString()) + "\n";
}

std::string assess_to_table(const Dataset& ds, const AssessResult& r, const std::string& lang) {
    const bool zh = lang != "en";
    std::string out = zh ? "项目研判：" + ds.regions.label(r.region) + "\n" : "Project screening: " + ds.regions.label(r.region) + "\n";
    if (r.averages.source.empty())
        out += zh ? "（regions.csv 未提供本地区亩均产出、亩均税收、能耗强度平均值：相应指标无区域参照）\n"
                  : "(regions.csv gives no regional averages of output per mu, tax per mu, energy intensity: those "
                    "criteria have no regional reference)\n";
    for (const ProjectAssessment& a : r.projects) {
        out += "\n" + a.project.id + " " + a.project.name + (zh ? "：通过 " : ": pass ") + std::to_string(a.passed) +
               (zh ? "，预警 " : ", flag ") + std::to_string(a.flagged) + "\n";
        TextTable t(zh ? std::vector<std::string>{"指标", "数值", "判定", "标准", "依据"}
                       : std::vector<std::string>{"criterion", "value", "verdict", "rule", "source"},
                    {false, true, false, false, false});
        for (const CriterionCheck& c : a.checks)
            t.add_row({zh ? c.name_zh : criterion_en(c.key), value_text(c.value),
                       zh ? verdict_name_zh(c.verdict) : verdict_name(c.verdict), zh ? c.rule_zh : c.rule, c.source});
        out += t.render();
    }
    return out;
}

void assess_to_xlsx(const Dataset& ds, const AssessResult& r, const std::string& lang, const std::string& path) {
    const bool zh = lang != "en";
    WorkbookSheet checks;
    checks.name = zh ? "项目研判" : "screening";
    checks.header = zh ? std::vector<std::string>{"项目编号", "项目名称", "指标", "数值", "判定", "标准", "依据"}
                       : std::vector<std::string>{"project", "name", "criterion", "value", "verdict", "rule", "source"};
    checks.widths = {12, 24, 16, 12, 10, 48, 20};
    WorkbookSheet links;
    links.name = zh ? "环节匹配" : "links";
    links.header = zh ? std::vector<std::string>{"项目编号", "产业链", "环节", "本地现状", "缺口", "引进后缺口缩减",
                                                 "上下游环节数", "其中本地已有"}
                      : std::vector<std::string>{"project", "chain", "link", "status", "gap", "gap closed", "neighbours",
                                                 "neighbours in region"};
    links.widths = {12, 14, 24, 12, 10, 14, 12, 12};
    for (const ProjectAssessment& a : r.projects) {
        for (const CriterionCheck& c : a.checks)
            checks.rows.push_back({xstr(a.project.id), xstr(a.project.name), xstr(zh ? c.name_zh : criterion_en(c.key)),
                                   std::isnan(c.value) ? xstr("") : xnum(c.value),
                                   xstr(zh ? verdict_name_zh(c.verdict) : verdict_name(c.verdict)),
                                   xstr(zh ? c.rule_zh : c.rule), xstr(c.source)});
        for (const LinkFit& f : a.links)
            links.rows.push_back({xstr(a.project.id), xstr(ds.chains[ds.nodes[f.node].chain].name), xstr(ds.nodes[f.node].name),
                                  xstr(zh ? std::string(status_name_zh(f.status)) : std::string(status_name(f.status))),
                                  xnum(f.gap_score), xnum(f.gap_closed), xnum(f.neighbours), xnum(f.neighbours_local)});
    }
    WorkbookSheet params;
    params.name = zh ? "标准与数据" : "thresholds";
    params.header = zh ? std::vector<std::string>{"项目", "值", "说明"} : std::vector<std::string>{"item", "value", "note"};
    params.widths = {28, 16, 80};
    params.rows.push_back({xstr(zh ? "地区" : "region"), xstr(ds.regions.label(r.region)), xstr("")});
    params.rows.push_back({xstr(zh ? "区域平均值来源" : "regional averages from"),
                           xstr(r.averages.source.empty() ? (zh ? "未提供" : "not given") : r.averages.source), xstr("")});
    for (const auto& p : assess_param_info())
        params.rows.push_back({xstr(p.name), xnum(r.params.*p.member), xstr(std::string(p.help) + " (" + p.source + ")")});
    write_xlsx_workbook(path, {checks, links, params}, zh ? "项目研判" : "Project screening");
}

}  // namespace chaingap
