#include "chaingap/report/evaluation.hpp"

#include "chaingap/eval/model.hpp"
#include "chaingap/core/text.hpp"

namespace chaingap {
namespace {
void key(JsonWriter& w, const std::string& k) {
    w.Key(k.c_str(), static_cast<rapidjson::SizeType>(k.size()));
}
void str(JsonWriter& w, const std::string& v) {
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}

// "roc_auc": f(0), "pr_auc": ..., "mrr": ..., "precision": {"20": ...}, "recall": {...}, "ndcg": {...}
// — the keys of an object the caller has opened.
template <class F>
void metric_fields(JsonWriter& w, F value) {
    const auto& names = metric_names();
    for (std::size_t j = 0; j < 3; ++j) {
        key(w, names[j]);
        value(j);
    }
    std::size_t j = 3;
    for (const char* kind : {"precision", "recall", "ndcg"}) {
        key(w, kind);
        w.StartObject();
        for (int k : kTopK) {
            key(w, std::to_string(k));
            value(j++);
        }
        w.EndObject();
    }
}

template <class F>
void metric_object(JsonWriter& w, F value) {
    w.StartObject();
    metric_fields(w, value);
    w.EndObject();
}

void interval_object(JsonWriter& w, const MetricInterval& ci) {
    const auto lo = flatten(ci.low), hi = flatten(ci.high);
    metric_object(w, [&](std::size_t j) {
        w.StartArray();
        json_double(w, lo[j]);
        json_double(w, hi[j]);
        w.EndArray();
    });
}

std::string interval_text(const std::optional<MetricInterval>& ci, std::size_t j, int decimals) {
    if (!ci) return "";
    return " [" + fmt(flatten(ci->low)[j], decimals) + ", " + fmt(flatten(ci->high)[j], decimals) + "]";
}

void write_evaluation_json(JsonWriter& w, const Dataset& ds, const EvalResult& r) {
    const EvalOptions& o = r.options;
    w.StartObject();
    key(w, "cutoff");
    w.Int(o.cutoff);
    key(w, "horizon");
    w.Int(static_cast<int>(o.params.horizon));
    key(w, "chain");
    if (o.chain)
        str(w, *o.chain);
    else
        w.Null();
    key(w, "level");
    if (o.level)
        w.Int(*o.level);
    else
        w.Null();
    key(w, "region_level");
    w.Int(o.region_level);
    key(w, "regions");
    w.Int64(static_cast<std::int64_t>(r.region_ids.size()));
    key(w, "nodes");
    w.Int64(static_cast<std::int64_t>(r.node_keys.size()));
    key(w, "candidates");
    w.Int64(r.candidates);
    key(w, "positives");
    w.Int64(r.positives);
    key(w, "base_rate");
    json_double(w, r.candidates > 0 ? static_cast<double>(r.positives) / static_cast<double>(r.candidates) : 0.0);
    key(w, "present_pairs");
    w.Int64(r.present_pairs);
    key(w, "enterprises_at_cutoff");
    w.Int64(r.enterprises_at_cutoff);
    key(w, "undated_enterprises");
    w.Int64(r.undated);
    key(w, "latest_founded");
    w.Int(r.latest_founded);
    key(w, "dataset");
    str(w, ds.source);
    key(w, "params");
    w.StartObject();
    for (const auto& p : eval_param_info()) {
        key(w, p.name);
        json_double(w, o.params.*p.member);
    }
    w.EndObject();
    key(w, "region_ids");
    w.StartArray();
    for (const auto& id : r.region_ids) str(w, id);
    w.EndArray();
    key(w, "models");
    w.StartArray();
    for (const ModelResult& m : r.models) {
        const auto v = flatten(m.metrics);
        w.StartObject();
        key(w, "model");
        str(w, m.model);
        metric_fields(w, [&](std::size_t j) { json_double(w, v[j]); });
        key(w, "ci");
        if (m.ci) {
            interval_object(w, *m.ci);
        } else {
            w.Null();
        }
        key(w, "vs_density");
        if (m.vs_density) {
            const auto d = flatten(*m.vs_density);
            w.StartObject();
            key(w, "diff");
            metric_object(w, [&](std::size_t i) { json_double(w, d[i]); });
            key(w, "ci");
            if (m.vs_density_ci)
                interval_object(w, *m.vs_density_ci);
            else
                w.Null();
            w.EndObject();
        } else {
            w.Null();
        }
        if (m.vs_persistence) {
            key(w, "vs_persistence");
            const auto d = flatten(*m.vs_persistence);
            w.StartObject();
            key(w, "diff");
            metric_object(w, [&](std::size_t i) { json_double(w, d[i]); });
            key(w, "ci");
            if (m.vs_persistence_ci)
                interval_object(w, *m.vs_persistence_ci);
            else
                w.Null();
            w.EndObject();
        }
        if (m.learned) {
            key(w, "learned");
            w.StartObject();
            key(w, "training_year");
            w.Int(m.learned->training_year);
            key(w, "training_examples");
            w.Int64(m.learned->training_examples);
            key(w, "training_positives");
            w.Int64(m.learned->training_positives);
            key(w, "coefficients");
            w.StartObject();
            key(w, "intercept");
            json_double(w, m.learned->coefficients(0));
            for (std::size_t f = 0; f < m.learned->features.size(); ++f) {
                key(w, m.learned->features[f]);
                json_double(w, m.learned->coefficients(static_cast<Eigen::Index>(f + 1)));
            }
            w.EndObject();
            w.EndObject();
        }
        if (m.boosted) {
            key(w, "boosted");
            w.StartObject();
            key(w, "origins");
            w.StartArray();
            for (int o : m.boosted->origins) w.Int(o);
            w.EndArray();
            key(w, "training_examples");
            w.Int64(m.boosted->training_examples);
            key(w, "training_positives");
            w.Int64(m.boosted->training_positives);
            key(w, "training_rows");  // rows given to the trees: every positive, the kept negatives
            w.Int64(m.boosted->training_rows);
            key(w, "negative_rate");  // share of negatives kept (1: all; boost_max_rows)
            json_double(w, m.boosted->negative_rate);
            key(w, "importance");  // total gain per feature, summing to 1
            w.StartObject();
            for (std::size_t f = 0; f < m.boosted->features.size(); ++f) {
                key(w, m.boosted->features[f]);
                json_double(w, m.boosted->importance[f]);
            }
            w.EndObject();
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

Table evaluation_table(const EvalResult& r) {
    Table t;
    t.name = "回测结果";
    t.columns.push_back({"model", "模型 model", 14});
    for (const auto& n : metric_names())
        for (const char* suffix : {"", "_low", "_high"})
            t.columns.push_back({n + suffix, n + suffix, 12, true});
    for (const auto& n : metric_names())
        for (const char* suffix : {"_vs_density", "_vs_density_low", "_vs_density_high"})
            t.columns.push_back({n + suffix, n + suffix, 14, true});
    for (const auto& n : metric_names())
        for (const char* suffix : {"_vs_persistence", "_vs_persistence_low", "_vs_persistence_high"})
            t.columns.push_back({n + suffix, n + suffix, 14, true});
    for (const ModelResult& m : r.models) {
        std::vector<Cell> row{Cell::str(m.model)};
        const auto v = flatten(m.metrics);
        for (std::size_t j = 0; j < v.size(); ++j) {
            row.push_back(Cell::num(v[j]));
            row.push_back(m.ci ? Cell::num(flatten(m.ci->low)[j]) : Cell::none());
            row.push_back(m.ci ? Cell::num(flatten(m.ci->high)[j]) : Cell::none());
        }
        const auto d = m.vs_density ? flatten(*m.vs_density) : std::vector<double>(v.size(), 0.0);
        for (std::size_t j = 0; j < v.size(); ++j) {
            row.push_back(m.vs_density ? Cell::num(d[j]) : Cell::none());
            row.push_back(m.vs_density_ci ? Cell::num(flatten(m.vs_density_ci->low)[j]) : Cell::none());
            row.push_back(m.vs_density_ci ? Cell::num(flatten(m.vs_density_ci->high)[j]) : Cell::none());
        }
        const auto p = m.vs_persistence ? flatten(*m.vs_persistence) : std::vector<double>(v.size(), 0.0);
        for (std::size_t j = 0; j < v.size(); ++j) {
            row.push_back(m.vs_persistence ? Cell::num(p[j]) : Cell::none());
            row.push_back(m.vs_persistence_ci ? Cell::num(flatten(m.vs_persistence_ci->low)[j]) : Cell::none());
            row.push_back(m.vs_persistence_ci ? Cell::num(flatten(m.vs_persistence_ci->high)[j]) : Cell::none());
        }
        t.add(std::move(row));
    }
    return t;
}

std::vector<Block> evaluation_text(const Dataset& ds, const EvalResult& r) {
    const EvalOptions& o = r.options;
    std::string out = "Backtest of " + ds.source + ": cutoff " + std::to_string(o.cutoff) + ", horizon " +
                      std::to_string(static_cast<int>(o.params.horizon)) + " years";
    out += o.chain ? ", chain " + *o.chain : std::string(", all chains");
    out += o.level ? ", level " + std::to_string(*o.level) : std::string(", leaf links");
    out += "\n" + std::to_string(r.region_ids.size()) + " regions x " + std::to_string(r.node_keys.size()) +
           " links; " + std::to_string(r.candidates) + " candidate pairs, " + std::to_string(r.positives) +
           " activations (base rate " +
           fmt(r.candidates ? 100.0 * static_cast<double>(r.positives) / static_cast<double>(r.candidates) : 0.0, 2) +
           "%); " + std::to_string(r.enterprises_at_cutoff) + " firms at the cutoff, " + std::to_string(r.undated) +
           " undated firms excluded\n";
    if (r.models.front().ci)
        out += std::to_string(static_cast<int>(o.params.bootstrap)) + " bootstrap resamples over regions, " +
               fmt(100 * o.params.confidence, 0) + "% intervals in brackets\n";
    out += "\n";
    Table t;
    for (const char* h : {"model", "ROC-AUC", "PR-AUC", "P@20", "P@100", "P@500", "R@100", "NDCG@100", "MRR",
                          "PR-AUC - density", "PR-AUC - persistence"})
        t.columns.push_back({h, h, 12, std::string_view(h) != "model"});
    for (const ModelResult& m : r.models) {
        const auto v = flatten(m.metrics);
        // indices: 0 roc, 1 pr, 2 mrr, 3.. precision, 6.. recall, 9.. ndcg (kTopK = 20, 100, 500)
        t.add({Cell::str(m.model), Cell::num(v[0], 3), Cell::str(fmt(v[1], 3) + interval_text(m.ci, 1, 3)),
               Cell::num(v[3], 3), Cell::num(v[4], 3), Cell::num(v[5], 3), Cell::num(v[7], 3), Cell::num(v[10], 3),
               Cell::num(v[2], 3),
               Cell::str(m.vs_density ? fmt(m.vs_density->pr_auc, 3) + interval_text(m.vs_density_ci, 1, 3) : ""),
               Cell::str(m.vs_persistence ? fmt(m.vs_persistence->pr_auc, 3) + interval_text(m.vs_persistence_ci, 1, 3)
                                          : "")});
    }
    return {Block::line(out), Block::of(std::move(t))};
}
}  // namespace

Report evaluation_report(const Dataset& ds, const EvalResult& result) {
    Report r;
    r.title = "回测 backtest";
    r.json_indent = 4;
    r.json = [&ds, &result](JsonWriter& w) { write_evaluation_json(w, ds, result); };
    r.tables = [&result] { return std::vector<Table>{evaluation_table(result)}; };
    r.text = [&ds, &result] { return evaluation_text(ds, result); };
    return r;
}

}  // namespace chaingap
