// `chaingap import eto`: the CSET / ETO semiconductor supply chain as a dataset.
// Method and rules: engine/include/chaingap/io/import_eto.hpp and docs/importers.md.
#include "chaingap/core/text.hpp"
#include "chaingap/import/eto.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "chaingap/load/csv.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/json_writer.hpp"
#include "chaingap/import/dataset_builder.hpp"
#include "common.hpp"

namespace chaingap {
namespace fs = std::filesystem;
namespace {

constexpr double kTiny = 1e-9;                    // shares below this are zero (float noise)
constexpr const char* kUnattributed = "VARIOUS";  // region of "Various companies / countries"

struct Input {
    std::string eto_id, name, type, stage_id, node_id;
    int parent = -1;                  // index into inputs (is_type_of)
    std::vector<int> goes_into;       // indices
    std::string stage;                // stage name it hangs under ("" for a top-level output)
    double market_usd = 0;            // global market size from inputs.csv, 0 when not given
    bool market_imputed = false;      // market_usd derived from the parent's (see node weights)
};

// "$13 billion (2025)", "$44 million (2022)" -> US dollars; 0 when the text gives no size.
double parse_market_size(std::string_view text) {
    const auto dollar = text.find('$');
    if (dollar == std::string_view::npos) return 0;
    std::size_t end = dollar + 1;
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.')) ++end;
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data() + dollar + 1, text.data() + end, value);
    if (ec != std::errc() || ptr == text.data() + dollar + 1) return 0;
    const std::string_view rest = text.substr(end);
    if (rest.rfind(" billion", 0) == 0) return value * 1e9;
    if (rest.rfind(" million", 0) == 0) return value * 1e6;
    return 0;
}

struct Provider {
    std::string id, name, alias, type, country;  // country: region id (ISO-3 or VARIOUS)
    bool is_country() const { return type == "country"; }
};

struct Row {  // one provision row kept (latest year)
    int provider = -1;
    std::optional<double> share;  // fraction in [0, 1]
    int year = 0;
    std::size_t line = 0;
};

struct Attach {
    std::string enterprise;  // provider id or "C:residual"
    std::string region;
    double weight = 0;
    std::string basis;  // reported | country_residual | country_split | ancestor_split | floor
    int year = 0;
};

std::string region_of_country_name(const std::string& s) {
    return s == "Various countries" || s == "Various" ? kUnattributed : s;
}

int parse_year(const CsvTable& t, std::size_t r, std::size_t c) {
    auto y = t.integer(r, c);
    if (!y) t.fail(r, c, "year is missing");
    if (*y < 1990 || *y > 2100) t.fail(r, c, "year must be between 1990 and 2100");
    return static_cast<int>(*y);
}

}  // namespace

EtoImport build_eto_dataset(const std::string& dir, const EtoImportOptions& options) {
    if (!(options.floor_share > 0 && options.floor_share <= 1)) throw UsageError("floor share must be in (0, 1]");
    EtoImport out;
    EtoImportStats& st = out.stats;
    const fs::path root(dir);

    // ---- stages ----
    CsvTable stages = CsvTable::read((root / "stages.csv").string());
    std::map<std::string, std::string> stage_name;  // S1 -> Design
    std::vector<std::string> stage_order;
    {
        const auto c_id = stages.require_column("stage_id"), c_name = stages.require_column("stage_name");
        for (std::size_t r = 0; r < stages.rows(); ++r) {
            std::string id(stages.text(r, c_id));
            if (!stage_name.emplace(id, std::string(stages.text(r, c_name))).second) stages.fail(r, c_id, "duplicate stage id");
            stage_order.push_back(id);
        }
    }
    st.stages = static_cast<int>(stage_order.size());

    // ---- inputs ----
    CsvTable inputs = CsvTable::read((root / "inputs.csv").string());
    std::vector<Input> in;
    std::unordered_map<std::string, int> input_index;
    {
        const auto c_id = inputs.require_column("input_id"), c_name = inputs.require_column("input_name"),
                   c_type = inputs.require_column("type"), c_stage = inputs.require_column("stage_id");
        const auto c_market = inputs.optional_column("market_share_chart_global_market_size_info");
        std::set<std::string> used_ids;
        for (const auto& [sid, sname] : stage_name) used_ids.insert(import_detail::slug(sname));
        for (std::size_t r = 0; r < inputs.rows(); ++r) {
            Input x;
            x.eto_id = inputs.text(r, c_id);
            x.name = inputs.text(r, c_name);
            x.type = inputs.text(r, c_type, false);
            x.stage_id = inputs.text(r, c_stage, false);
            if (c_market) x.market_usd = parse_market_size(inputs.text(r, *c_market, false));
            if (!x.stage_id.empty() && !stage_name.count(x.stage_id)) inputs.fail(r, c_stage, "unknown stage '" + x.stage_id + "'");
            if (!input_index.emplace(x.eto_id, static_cast<int>(in.size())).second) inputs.fail(r, c_id, "duplicate input id");
            if (stage_name.count(x.eto_id)) inputs.fail(r, c_id, "input id equals a stage id");
            x.node_id = import_detail::slug(x.name);
            if (x.node_id.empty() || used_ids.count(x.node_id)) x.node_id += (x.node_id.empty() ? "" : "_") + import_detail::slug(x.eto_id);
            if (!used_ids.insert(x.node_id).second) inputs.fail(r, c_name, "cannot derive a unique node id");
            in.push_back(std::move(x));
        }
    }
    st.inputs = static_cast<int>(in.size());

    // ---- sequence: goes_into edges, is_type_of hierarchy ----
    CsvTable seq = CsvTable::read((root / "sequence.csv").string());
    std::vector<std::vector<int>> extra_parents(in.size());
    {
        const auto c_in = seq.require_column("input_id"), c_to = seq.require_column("goes_into_id"),
                   c_type = seq.require_column("is_type_of_id");
        std::set<std::pair<int, int>> seen;
        for (std::size_t r = 0; r < seq.rows(); ++r) {
            auto find = [&](std::size_t c) {
                std::string id(seq.text(r, c));
                auto it = input_index.find(id);
                if (it == input_index.end()) seq.fail(r, c, "unknown input '" + id + "'");
                return it->second;
            };
            const int a = find(c_in);
            if (!seq.text(r, c_to, false).empty()) {
                const int b = find(c_to);
                if (a == b) seq.fail(r, c_to, "an input cannot go into itself");
                if (seen.emplace(a, b).second) {
                    in[a].goes_into.push_back(b);
                    ++st.edges;
                }
            }
            if (!seq.text(r, c_type, false).empty()) {
                const int p = find(c_type);
                if (p == a) seq.fail(r, c_type, "an input cannot be a type of itself");
                if (in[a].parent == -1) {
                    in[a].parent = p;
                    ++st.hierarchy_links;
                } else if (in[a].parent != p) {
                    // Several parents: the first row is the parent; the others are kept in the
                    // chain JSON as `also_type_of` and counted (none in the 2025 release).
                    extra_parents[a].push_back(p);
                }
            }
        }
        for (const auto& e : extra_parents) st.multi_parent_inputs += !e.empty();
        for (std::size_t i = 0; i < in.size(); ++i) {  // cycle check on is_type_of
            std::size_t steps = 0;
            for (int x = in[i].parent; x != -1; x = in[x].parent)
                if (++steps > in.size()) throw InputError(seq.path(), 0, "is_type_of_id", "cycle through input " + in[i].eto_id);
        }
    }
    auto root_of = [&](int i) {
        while (in[i].parent != -1) i = in[i].parent;
        return i;
    };
    // Stage of a top-level input: its own stage_id, else the first stage reached along goes_into
    // (breadth first, file order); a tie between two stages at the same depth keeps the first.
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i].parent != -1) continue;
        if (!in[i].stage_id.empty()) {
            in[i].stage = in[i].stage_id;
            continue;
        }
        std::deque<std::pair<int, int>> q{{static_cast<int>(i), 0}};
        std::set<int> seen{static_cast<int>(i)};
        std::string found;
        int found_depth = -1;
        while (!q.empty()) {
            auto [x, d] = q.front();
            q.pop_front();
            if (found_depth != -1 && d > found_depth) break;
            const std::string& s = !in[x].stage_id.empty() ? in[x].stage_id : in[root_of(x)].stage_id;
            if (x != static_cast<int>(i) && !s.empty()) {
                if (found.empty()) {
                    found = s;
                    found_depth = d;
                } else if (s != found) {
                    ++st.stage_ambiguous;
                }
                continue;
            }
            for (int y : in[x].goes_into)
                if (seen.insert(y).second) q.emplace_back(y, d + 1);
        }
        in[i].stage = found;
        st.stage_by_goes_into += !found.empty();
    }

    // ---- providers ----
    CsvTable provs = CsvTable::read((root / "providers.csv").string());
    std::vector<Provider> pv;
    std::unordered_map<std::string, int> provider_index;
    std::map<std::string, std::string> region_name;  // region id -> name
    {
        const auto c_name = provs.require_column("provider_name"), c_alias = provs.require_column("alias"),
                   c_id = provs.require_column("provider_id"), c_type = provs.require_column("provider_type"),
                   c_country = provs.require_column("country");
        for (std::size_t r = 0; r < provs.rows(); ++r) {
            Provider p;
            p.id = provs.text(r, c_id);
            p.name = provs.text(r, c_name);
            p.alias = provs.text(r, c_alias, false);
            p.type = provs.text(r, c_type);
            if (p.type != "country" && p.type != "organization") provs.fail(r, c_type, "must be 'country' or 'organization'");
            if (p.is_country()) {
                p.country = region_of_country_name(p.name);
                region_name[p.country] = p.country == kUnattributed ? "Various countries (unattributed)" : (p.alias.empty() ? p.name : p.alias);
                ++st.countries;
            } else {
                std::string c(provs.text(r, c_country, false));
                if (c.empty()) provs.fail(r, c_country, "an organisation needs a country");
                p.country = region_of_country_name(c);
                ++st.organisations;
            }
            auto [it, fresh] = provider_index.emplace(p.id, static_cast<int>(pv.size()));
            if (!fresh) {
                // The same provider again with another alias (Canon / Canon ANELVA …): one provider.
                Provider& first = pv[it->second];
                if (first.name != p.name || first.type != p.type || first.country != p.country)
                    provs.fail(r, c_id, "provider id repeated with another name, type or country");
                if (!p.alias.empty()) first.alias += (first.alias.empty() ? "" : "; ") + p.alias;
                ++st.provider_alias_rows;
                (p.is_country() ? st.countries : st.organisations)--;
                continue;
            }
            pv.push_back(std::move(p));
        }
        for (const Provider& p : pv)
            if (!region_name.count(p.country)) region_name[p.country] = p.country == kUnattributed ? "Various countries (unattributed)" : p.country;
    }

    // ---- provision: latest year per provider × input ----
    CsvTable prov = CsvTable::read((root / "provision.csv").string());
    std::vector<std::map<int, Row>> rows_at(in.size());  // input -> provider -> row
    std::map<std::string, std::map<std::string, double>> stage_shares;  // stage -> region -> share
    {
        const auto c_pid = prov.require_column("provider_id"), c_iid = prov.require_column("provided_id"),
                   c_share = prov.require_column("share_provided"), c_year = prov.require_column("year");
        st.provision_rows = static_cast<int>(prov.rows());
        for (std::size_t r = 0; r < prov.rows(); ++r) {
            std::string pid(prov.text(r, c_pid)), iid(prov.text(r, c_iid));
            auto p = provider_index.find(pid);
            if (p == provider_index.end()) prov.fail(r, c_pid, "unknown provider '" + pid + "'");
            Row row;
            row.provider = p->second;
            row.year = parse_year(prov, r, c_year);
            row.line = prov.line_of(r);
            if (auto s = prov.number(r, c_share)) {
                if (*s < 0 || *s > 100) prov.fail(r, c_share, "share must be a percentage in [0, 100]");
                row.share = *s / 100.0;
            }
            if (stage_name.count(iid)) {  // stage-level national shares: kept for the README only
                ++st.stage_rows;
                if (row.share) stage_shares[iid][pv[row.provider].country] = *row.share;
                continue;
            }
            auto i = input_index.find(iid);
            if (i == input_index.end()) prov.fail(r, c_iid, "unknown input '" + iid + "'");
            auto [it, fresh] = rows_at[i->second].emplace(row.provider, row);
            if (!fresh) {
                Row& old = it->second;
                if (old.year == row.year) {
                    if (old.share != row.share)
                        prov.fail(r, c_share, "second row for this provider and input in year " + std::to_string(row.year) +
                                                  " with a different share (first on line " + std::to_string(old.line) + ")");
                } else if (row.year > old.year) {
                    old = row;
                }
                ++st.superseded_year_rows;  // the older (or identical) row is not used
            }
        }
    }

    // ---- weights per input ----
    // The country share of C stated at input i (fraction), if any.
    auto country_share_at = [&](int i, const std::string& c) -> std::optional<double> {
        for (const auto& [p, row] : rows_at[i])
            if (pv[p].is_country() && pv[p].country == c && row.share) return row.share;
        return std::nullopt;
    };
    std::vector<std::vector<Attach>> att(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto& rows = rows_at[i];
        if (rows.empty()) continue;
        std::map<std::string, std::vector<int>> firms_of;  // country -> firm providers at i
        std::set<std::string> countries;
        for (const auto& [p, row] : rows) {
            countries.insert(pv[p].country);
            if (!pv[p].is_country()) firms_of[pv[p].country].push_back(p);
        }
        std::vector<Attach>& A = att[i];
        for (const std::string& c : countries) {
            const std::vector<int>& firms = firms_of[c];
            double known = 0;
            std::vector<int> shareless;
            for (int p : firms) {
                const Row& row = rows.at(p);
                if (!row.share) {
                    shareless.push_back(p);
                    continue;
                }
                if (*row.share <= kTiny) {  // listed with 0 %: present, negligible
                    ++st.zero_share_firm_rows;
                    A.push_back({pv[p].id, c, options.floor_share, "floor", row.year});
                    ++st.imputed_floor;
                    continue;
                }
                known += *row.share;
                A.push_back({pv[p].id, c, *row.share, "reported", row.year});
                ++st.firm_rows_reported;
            }
            st.shareless_firm_rows += static_cast<int>(shareless.size());
            // The country row at i, if C has one.
            std::optional<int> country_provider;
            for (const auto& [p, row] : rows)
                if (pv[p].is_country() && pv[p].country == c) country_provider = p;
            std::optional<double> s = country_share_at(static_cast<int>(i), c);
            if (country_provider) {
                if (s) ++st.country_rows_with_share;
                else if (!firms.empty()) ++st.shareless_country_rows_redundant;
            }
            const int year = country_provider ? rows.at(*country_provider).year : 0;
            if (s) {
                const double residual = *s - known;
                if (residual < -0.005) ++st.firms_exceed_country;  // beyond rounding: firm rows kept
                if (!shareless.empty()) {
                    for (int p : shareless) {
                        if (residual > kTiny) {
                            A.push_back({pv[p].id, c, residual / static_cast<double>(shareless.size()), "country_split", rows.at(p).year});
                            ++st.imputed_country_split;
                        } else {
                            A.push_back({pv[p].id, c, options.floor_share, "floor", rows.at(p).year});
                            ++st.imputed_floor;
                        }
                    }
                } else if (residual > kTiny) {
                    A.push_back({c + ":residual", c, residual, "country_residual", year});
                    ++st.country_residual_attachments;
                } else if (*s <= kTiny && country_provider) {
                    ++st.zero_share_country_rows;  // a country listed with 0 % and no firms: nothing to attach
                }
                continue;
            }
            // No country share stated at i: the nearest ancestor that states one splits over C's
            // shareless firms; otherwise the floor.
            std::optional<double> inherited;
            for (int a = in[i].parent; a != -1 && !inherited; a = in[a].parent) inherited = country_share_at(a, c);
            if (!shareless.empty()) {
                const double rest = inherited ? *inherited - known : 0.0;
                for (int p : shareless) {
                    if (rest > kTiny) {
                        A.push_back({pv[p].id, c, rest / static_cast<double>(shareless.size()), "ancestor_split", rows.at(p).year});
                        ++st.imputed_ancestor_split;
                    } else {
                        A.push_back({pv[p].id, c, options.floor_share, "floor", rows.at(p).year});
                        ++st.imputed_floor;
                    }
                }
            } else if (country_provider && firms.empty()) {
                // A country listed without a share and without firms at this input: present,
                // share unknown.
                A.push_back({c + ":residual", c, options.floor_share, "floor", year});
                ++st.shareless_country_rows_floor;
            }
        }
        // Unattributed pool (VARIOUS) gets at most what the attributed rows leave.
        double attributed = 0, pool = 0;
        for (const Attach& a : A) (a.region == kUnattributed ? pool : attributed) += a.weight;
        if (pool > kTiny && attributed + pool > 1 + kTiny) {
            const double room = std::max(0.0, 1.0 - attributed);
            for (Attach& a : A)
                if (a.region == kUnattributed) a.weight *= room / pool;
            ++st.unattributed_cut_inputs;
        }
        A.erase(std::remove_if(A.begin(), A.end(), [](const Attach& a) { return a.weight <= kTiny; }), A.end());
        double total = 0;
        for (const Attach& a : A) total += a.weight;
        st.max_input_total = std::max(st.max_input_total, total);
        if (total > 1 + kTiny) {
            for (Attach& a : A) a.weight /= total;
            ++st.scaled_inputs;
        }
    }

    // ---- benchmark: mean share over inputs with attachments ----
    std::map<std::string, double> bench;
    for (const auto& [id, name] : region_name) bench[id] = 0;
    int inputs_with_data = 0;
    for (const auto& A : att) {
        if (A.empty()) continue;
        ++inputs_with_data;
        double total = 0;
        for (const Attach& a : A) total += a.weight;
        for (const Attach& a : A) bench[a.region] += a.weight / total;
    }
    for (auto& [id, b] : bench) b = inputs_with_data ? b / inputs_with_data : 0.0;
    st.benchmark = bench;

    // ---- node weights from market size ----
    // The chain graph alone weighs every lithography sub-type alike; a specialist weighs EUV ($13 bn)
    // far above ArF dry ($0.5 bn). weight = 0.1 + 0.9 · (log10 size − log10 min) / (log10 max − log10 min)
    // over the inputs with a size; inputs without one inherit their parent's weight in the engine.
    // An input without a size gets what its parent's size leaves after the sub-inputs that have one,
    // split equally among those that have none (or, when nothing is left, the smallest known sibling).
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < in.size(); ++i) {
            if (in[i].market_usd > 0 || in[i].parent < 0 || in[in[i].parent].market_usd <= 0) continue;
            const int p = in[i].parent;
            double known = 0, smallest = 0;
            int unknown = 0;
            for (const Input& y : in) {
                if (y.parent != p) continue;
                if (y.market_usd > 0 && !y.market_imputed) {
                    known += y.market_usd;
                    smallest = smallest > 0 ? std::min(smallest, y.market_usd) : y.market_usd;
                } else if (y.market_usd <= 0) {
                    ++unknown;
                }
            }
            const double left = in[p].market_usd - known;
            in[i].market_usd = left > 0 ? left / unknown : (smallest > 0 ? smallest : in[p].market_usd / (unknown + 1));
            in[i].market_imputed = true;
            ++st.inputs_with_imputed_market_size;
            changed = true;
        }
    }
    double log_min = 0, log_max = 0;
    {
        bool any = false;
        for (const Input& x : in) {
            if (x.market_usd <= 0 || x.market_imputed) continue;
            const double l = std::log10(x.market_usd);
            log_min = any ? std::min(log_min, l) : l;
            log_max = any ? std::max(log_max, l) : l;
            any = true;
            ++st.inputs_with_market_size;
        }
    }
    auto market_weight = [&](const Input& x) {
        if (log_max <= log_min) return 1.0;
        return std::clamp(0.1 + 0.9 * (std::log10(x.market_usd) - log_min) / (log_max - log_min), 0.1, 1.0);
    };

    // ---- chain JSON ----
    rapidjson::StringBuffer sb;
    {
        JsonWriter w(sb);
        w.SetIndent(' ', 2);
        w.StartObject();
        w.Key("id"); w.String("eto_semiconductor");
        w.Key("name"); w.String("半导体供应链（ETO）");
        w.Key("name_en"); w.String("Advanced semiconductor supply chain (CSET/ETO)");
        w.Key("source"); w.String("CSET/ETO Advanced Semiconductor Supply Chain dataset: inputs.csv, stages.csv, sequence.csv (CC BY-NC 4.0)");
        w.Key("nodes");
        w.StartArray();
        for (const std::string& s : stage_order) {
            w.StartObject();
            w.Key("id"); w.String(import_detail::slug(stage_name[s]).c_str());
            w.Key("name"); w.String(stage_name[s].c_str());
            w.Key("name_en"); w.String(stage_name[s].c_str());
            w.Key("stage"); w.String(stage_name[s].c_str());
            w.Key("source"); w.String(("stages.csv " + s).c_str());
            w.Key("eto_id"); w.String(s.c_str());
            w.EndObject();
        }
        for (std::size_t i = 0; i < in.size(); ++i) {
            const Input& x = in[i];
            const int r = root_of(static_cast<int>(i));
            const std::string& stage = in[r].stage;
            w.StartObject();
            w.Key("id"); w.String(x.node_id.c_str());
            w.Key("name"); w.String(x.name.c_str());
            w.Key("name_en"); w.String(x.name.c_str());
            if (x.parent != -1) {
                w.Key("parent"); w.String(in[x.parent].node_id.c_str());
            } else if (!stage.empty()) {
                w.Key("parent"); w.String(import_detail::slug(stage_name[stage]).c_str());
            }
            w.Key("stage"); w.String(stage.empty() ? "downstream" : stage_name[stage].c_str());
            w.Key("source"); w.String(("inputs.csv " + x.eto_id).c_str());
            w.Key("eto_id"); w.String(x.eto_id.c_str());
            w.Key("eto_type"); w.String(x.type.c_str());
            if (x.market_usd > 0) {
                w.Key("weight"); json_double(w, std::round(1e4 * market_weight(x)) / 1e4);
                w.Key("market_size_usd"); json_double(w, std::round(x.market_usd));
                if (x.market_imputed) {
                    w.Key("market_size_imputed"); w.Bool(true);
                }
            }
            if (!extra_parents[i].empty()) {
                w.Key("also_type_of");
                w.StartArray();
                for (int p : extra_parents[i]) w.String(in[p].node_id.c_str());
                w.EndArray();
            }
            w.EndObject();
        }
        w.EndArray();
        w.Key("edges");
        w.StartArray();
        for (const Input& x : in)
            for (int b : x.goes_into) {
                w.StartObject();
                w.Key("from"); w.String(x.node_id.c_str());
                w.Key("to"); w.String(in[b].node_id.c_str());
                w.Key("source"); w.String("sequence.csv goes_into");
                w.EndObject();
            }
        w.EndArray();
        w.EndObject();
    }
    out.files.push_back({"chains/eto_semiconductor.json", std::string(sb.GetString()) + "\n"});

    // ---- enterprises, attachments, regions ----
    // basis `share` (a market share); `rule` says how the share was obtained (reported |
    // country_residual | country_split | ancestor_split | floor); evidence names the source row.
    DatasetBuilder builder({"provider_type", "alias"}, {"year"});
    builder.set_coverage("market_share", "ETO 半导体供应链市场份额（按国家/企业的份额，非企业名录）/ ETO semiconductor supply-chain market shares");
    std::map<std::string, std::pair<std::string, std::string>> aggregates;  // id -> (name, region)
    for (std::size_t i = 0; i < in.size(); ++i) {
        std::vector<Attach> A = att[i];
        std::sort(A.begin(), A.end(), [](const Attach& a, const Attach& b) { return a.enterprise < b.enterprise; });
        for (const Attach& a : A) {
            if (a.enterprise.find(":residual") != std::string::npos)
                aggregates[a.enterprise] = {region_name[a.region] + " — residual share not covered by named firms", a.region};
            builder.add(AttachmentRow{a.enterprise, "eto_semiconductor", in[i].node_id, a.weight, "share", a.basis,
                                      "provision.csv " + in[i].eto_id + " " + in[i].name, {a.year ? std::to_string(a.year) : ""}});
            ++st.attachments;
        }
    }
    for (const Provider& p : pv) {
        if (p.is_country()) continue;
        const bool agg = p.country == kUnattributed;  // "Various companies"
        EnterpriseRow e;
        e.id = p.id, e.name = p.name, e.region = p.country, e.kind = agg ? "aggregate" : "firm";
        e.extra = {"organization", p.alias};
        builder.add(std::move(e));
        st.aggregates += agg;
    }
    for (const auto& [id, v] : aggregates) {
        EnterpriseRow e;
        e.id = id, e.name = v.first, e.region = v.second, e.kind = "aggregate";
        e.extra = {"country", ""};
        builder.add(std::move(e));
        ++st.aggregates;
    }
    std::string reg_csv = "id,name,parent,weight\n";
    // A region with no share in any input gets no weight (the loader refuses 0: docs/formats.md,
    // Regions); its benchmark is then its dataset share. Tiny shares keep their digits.
    for (const auto& [id, name] : region_name) {
        const double b = bench[id];
        const std::string w = b <= 0 ? "" : b < 5e-7 ? fmt(b, 12) : fmt(b, 6);
        reg_csv += csv_field(id) + "," + csv_field(name) + ",," + w + "\n";
    }
    builder.add_file("regions.csv", reg_csv);

    // ---- README ----
    std::string md;
    md += "# ETO advanced semiconductor supply chain — imported dataset\n\n";
    md += "Origin: Georgetown CSET, Emerging Technology Observatory, \"Advanced Semiconductor Supply Chain\"\n";
    md += "(github.com/georgetown-cset/eto-chip-explorer, `data/`), read from `" + dir + "`.\n";
    md += "Licence: **CC BY-NC 4.0** (research use; attribute CSET/ETO; no commercial use).\n\n";
    md += "Command:\n\n    " + (options.command.empty() ? "chaingap import eto " + dir + " --out DATASET" : options.command) + "\n\n";
    md += "Rules (docs/importers.md explains each):\n\n";
    auto item = [&](const std::string& s) { md += "- " + s + "\n"; };
    item("chain `eto_semiconductor`: " + std::to_string(st.stages) + " stage segments, " + std::to_string(st.inputs) + " inputs, " +
         std::to_string(st.hierarchy_links) + " is_type_of links (parent), " + std::to_string(st.edges) + " goes_into edges; " +
         std::to_string(st.multi_parent_inputs) + " inputs with more than one is_type_of parent (first kept as parent, others in `also_type_of`); " +
         std::to_string(st.stage_by_goes_into) + " top-level inputs placed under the stage reached along goes_into (" +
         std::to_string(st.stage_ambiguous) + " ties at equal depth, first kept).");
    item(std::to_string(st.provider_alias_rows) + " providers.csv rows repeat a provider id with another alias (merged into one provider, aliases kept).");
    item("enterprises: " + std::to_string(st.organisations) + " organisations (region = country, ISO-3; `Various companies` is an aggregate in region VARIOUS) and " +
         std::to_string(aggregates.size()) + " country aggregates `C:residual` (kind = aggregate).");
    item("provision rows: " + std::to_string(st.provision_rows) + "; " + std::to_string(st.stage_rows) +
         " stage-level rows (S1–S3) not attached (table below); " + std::to_string(st.superseded_year_rows) +
         " rows superseded by a later year for the same provider × input.");
    item(std::to_string(st.firm_rows_reported) + " firm rows with a reported share (weight = share / 100).");
    item(std::to_string(st.country_rows_with_share) + " country rows with a share: " + std::to_string(st.country_residual_attachments) +
         " residual aggregates attached (country share − its firms' shares); " + std::to_string(st.firms_exceed_country) +
         " cases where a country's firms exceed its country share by more than 0.5 pt (firm shares kept, no residual).");
    item(std::to_string(st.shareless_firm_rows) + " firm rows without a share: " + std::to_string(st.imputed_country_split) +
         " split the country residual at the input equally (rule `country_split`), " + std::to_string(st.imputed_ancestor_split) +
         " split the country share of the nearest ancestor input (rule `ancestor_split`), " + std::to_string(st.imputed_floor) +
         " got the floor " + fmt(options.floor_share, 3) + " (rule `floor`); " + std::to_string(st.zero_share_firm_rows) +
         " firm rows listed with 0 % also got the floor; " + std::to_string(st.zero_share_country_rows) + " country rows listed with 0 % and no firms attach nothing.");
    item(std::to_string(st.shareless_country_rows_redundant) + " country rows without a share at inputs where that country has firms (nothing added); " +
         std::to_string(st.shareless_country_rows_floor) + " without a share and without firms (aggregate at the floor).");
    item(std::to_string(st.unattributed_cut_inputs) + " inputs where the unattributed pool (Various companies/countries) was cut to what the attributed rows leave; " +
         std::to_string(st.scaled_inputs) + " inputs whose rows still summed above 1 were scaled to 1 (largest sum " + fmt(st.max_input_total, 3) + ").");
    item(std::to_string(st.attachments) + " attachments written; basis `share`; column `rule` says how each share was obtained (reported, country_residual, country_split, ancestor_split, floor).");
    item("Node importance weights from global market size (inputs.csv): " + std::to_string(st.inputs_with_market_size) +
         " inputs with a size, " + std::to_string(st.inputs_with_imputed_market_size) +
         " given their parent's unexplained remainder; weight = 0.1 + 0.9 · log-scaled size (chain JSON `weight`, "
         "`market_size_usd`).");
    md += "\nBenchmark (regions.csv `weight`): the region's mean share over the " + std::to_string(inputs_with_data) +
          " inputs that have attachments, b_R = (1/N) Σ_i w_R(i) / Σ_S w_S(i). Stage-level shares from provision.csv for comparison:\n\n";
    md += "| region | benchmark |";
    for (const std::string& s : stage_order) md += " " + s + " " + stage_name[s] + " |";
    md += "\n|---|---|";
    for (std::size_t k = 0; k < stage_order.size(); ++k) md += "---|";
    md += "\n";
    std::vector<std::pair<double, std::string>> order;
    for (const auto& [id, b] : bench) order.emplace_back(-b, id);
    std::sort(order.begin(), order.end());
    for (const auto& [nb, id] : order) {
        md += "| " + id + " | " + fmt(-nb, 3) + " |";
        for (const std::string& s : stage_order) {
            auto it = stage_shares[s].find(id);
            md += " " + (it == stage_shares[s].end() ? std::string("–") : fmt(it->second, 2)) + " |";
        }
        md += "\n";
    }
    builder.add_file("README.md", md);
    {
        std::vector<ImportedFile> files = builder.files();
        files.insert(files.end(), out.files.begin(), out.files.end());  // the chain file
        out.files = std::move(files);
    }
    return out;
}

EtoImportStats import_eto(const std::string& dir, const std::string& out, bool force, const EtoImportOptions& options,
                          const LoadOptions& load) {
    check_output_folder(out, force);
    EtoImport imp = build_eto_dataset(dir, options);
    write_dataset_folder(out, imp.files, force, load);
    return imp.stats;
}

}  // namespace chaingap
