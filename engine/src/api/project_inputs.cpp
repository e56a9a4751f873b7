// Reading proposed projects and the region's averages (see project_inputs.hpp).
#include "chaingap/api/project_inputs.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/load/csv.hpp"

namespace chaingap {
namespace {

// "chain/node" → node; the message names the problem (caller adds file, line, field).
std::optional<NodeId> resolve_link(const Dataset& ds, std::string_view key, std::string& why) {
    const auto slash = key.find('/');
    if (slash == std::string_view::npos) {
        why = "link '" + std::string(key) + "' must be written chain/node";
        return std::nullopt;
    }
    const auto chain = ds.find_chain(key.substr(0, slash));
    if (!chain) {
        why = "unknown chain '" + std::string(key.substr(0, slash)) + "'";
        return std::nullopt;
    }
    const auto node = ds.find_node(*chain, key.substr(slash + 1));
    if (!node) why = "unknown link '" + std::string(key) + "'";
    return node;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

const char* kNumberFields[] = {"investment", "output", "tax", "land", "energy", "jobs"};

double& number_field(ProjectProposal& p, std::string_view f) {
    if (f == "investment") return p.investment;
    if (f == "output") return p.output;
    if (f == "tax") return p.tax;
    if (f == "land") return p.land;
    if (f == "energy") return p.energy;
    return p.jobs;
}

std::vector<ProjectProposal> read_csv(const std::string& file, const Dataset& ds) {
    const CsvTable t = CsvTable::read(file);
    const std::size_t c_id = t.require_column("id");
    const std::size_t c_links = t.require_column("links");
    const auto c_name = t.optional_column("name");
    const auto c_ent = t.optional_column("enterprise");
    std::vector<ProjectProposal> out;
    std::set<std::string> ids;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        ProjectProposal p;
        p.id = std::string(t.text(r, c_id));
        if (!ids.insert(p.id).second) t.fail(r, c_id, "duplicate project id '" + p.id + "'");
        p.name = c_name ? std::string(t.text(r, *c_name, false)) : p.id;
        if (p.name.empty()) p.name = p.id;
        if (c_ent) {
            p.enterprise = std::string(t.text(r, *c_ent, false));
            if (!p.enterprise.empty() && !ds.find_enterprise(p.enterprise))
                t.fail(r, *c_ent, "unknown enterprise '" + p.enterprise + "'");
        }
        std::string_view links = t.text(r, c_links, false);
        while (!links.empty()) {
            const auto semi = links.find(';');
            const std::string item = trim(links.substr(0, semi));
            links = semi == std::string_view::npos ? std::string_view{} : links.substr(semi + 1);
            if (item.empty()) continue;
            std::string why;
            const auto n = resolve_link(ds, item, why);
            if (!n) t.fail(r, c_links, why);
            p.links.push_back(*n);
        }
        if (p.links.empty()) t.fail(r, c_links, "give at least one chain link (chain/node)");
        for (const char* f : kNumberFields)
            if (const auto c = t.optional_column(f))
                if (const auto v = t.number(r, *c)) {
                    if (*v < 0) t.fail(r, *c, "must be ≥ 0");
                    number_field(p, f) = *v;
                }
        out.push_back(std::move(p));
    }
    if (out.empty()) throw InputError(file, 1, "", "no project in the file");
    return out;
}

std::vector<ProjectProposal> read_json(const std::string& file, const Dataset& ds) {
    const std::string text = read_file(file);
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    if (doc.HasParseError())
        throw InputError(file, line_of_offset(text, doc.GetErrorOffset()), "",
                         std::string("malformed JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    const rapidjson::Value* list = &doc;
    if (doc.IsObject() && doc.HasMember("projects")) list = &doc["projects"];
    if (!list->IsArray()) throw InputError(file, 1, "", "expected an array of projects or {\"projects\": [...]}");
    // Lines are not kept by the DOM: name the project by its position and id instead.
    std::vector<ProjectProposal> out;
    std::set<std::string> ids;
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
        const rapidjson::Value& v = (*list)[i];
        const std::string where = "projects[" + std::to_string(i) + "]";
        auto fail = [&](const std::string& field, const std::string& msg) -> void {
            std::size_t line = 1;
            if (v.IsObject() && v.HasMember("id") && v["id"].IsString()) {
                const auto at = text.find("\"" + std::string(v["id"].GetString()) + "\"");
                if (at != std::string::npos) line = line_of_offset(text, at);
            }
            throw InputError(file, line, where + "." + field, msg);
        };
        if (!v.IsObject()) fail("", "must be an object");
        ProjectProposal p;
        if (!v.HasMember("id") || !v["id"].IsString() || v["id"].GetStringLength() == 0) fail("id", "required string");
        p.id = v["id"].GetString();
        if (!ids.insert(p.id).second) fail("id", "duplicate project id '" + p.id + "'");
        p.name = v.HasMember("name") && v["name"].IsString() ? v["name"].GetString() : p.id;
        if (v.HasMember("enterprise")) {
            if (!v["enterprise"].IsString()) fail("enterprise", "must be a string");
            p.enterprise = v["enterprise"].GetString();
            if (!p.enterprise.empty() && !ds.find_enterprise(p.enterprise))
                fail("enterprise", "unknown enterprise '" + p.enterprise + "'");
        }
        if (!v.HasMember("links") || !v["links"].IsArray() || v["links"].Empty())
            fail("links", "give a non-empty array of \"chain/node\" strings");
        for (const auto& l : v["links"].GetArray()) {
            if (!l.IsString()) fail("links", "must be strings \"chain/node\"");
            std::string why;
            const auto n = resolve_link(ds, l.GetString(), why);
            if (!n) fail("links", why);
            p.links.push_back(*n);
        }
        for (const char* f : kNumberFields)
            if (v.HasMember(f)) {
                if (v[f].IsNull()) continue;
                if (!v[f].IsNumber()) fail(f, "must be a number");
                if (v[f].GetDouble() < 0) fail(f, "must be ≥ 0");
                number_field(p, f) = v[f].GetDouble();
            }
        for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
            const std::string k = it->name.GetString();
            bool known = k == "id" || k == "name" || k == "enterprise" || k == "links";
            for (const char* f : kNumberFields) known |= k == f;
            if (!known)
                fail(k,
                     "unknown field (known: id, name, enterprise, links, investment, output, tax, land, energy, jobs)");
        }
        out.push_back(std::move(p));
    }
    if (out.empty()) throw InputError(file, 1, "", "no project in the file");
    return out;
}
}  // namespace

std::vector<ProjectProposal> read_projects(const std::string& file, const Dataset& ds) {
    const bool json = file.size() >= 5 && file.substr(file.size() - 5) == ".json";
    return json ? read_json(file, ds) : read_csv(file, ds);
}

RegionAverages read_region_averages(const std::string& data_dir, const std::string& region_id) {
    RegionAverages out;
    const std::filesystem::path file = std::filesystem::path(data_dir) / "regions.csv";
    if (!std::filesystem::exists(file)) return out;
    const CsvTable t = CsvTable::read(file.string());
    const std::size_t c_id = t.require_column("id");
    const auto c_out = t.optional_column("output_per_mu");
    const auto c_tax = t.optional_column("tax_per_mu");
    const auto c_energy = t.optional_column("energy_per_output");
    if (!c_out && !c_tax && !c_energy) return out;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (t.text(r, c_id) != region_id) continue;
        auto get = [&](std::optional<std::size_t> c, double& into) {
            if (!c) return;
            if (const auto v = t.number(r, *c)) {
                if (*v <= 0) t.fail(r, *c, "must be > 0");
                into = *v;
            }
        };
        get(c_out, out.output_per_mu);
        get(c_tax, out.tax_per_mu);
        get(c_energy, out.energy_per_output);
        // Named as the source only when the row gives at least one average.
        if (!std::isnan(out.output_per_mu) || !std::isnan(out.tax_per_mu) || !std::isnan(out.energy_per_output))
            out.source = file.string() + ":" + std::to_string(t.line_of(r));
    }
    return out;
}

}  // namespace chaingap
