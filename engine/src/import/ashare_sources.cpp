// Reading ChainKnowledgeGraph (A-share 产业链知识图谱). Rules: ashare_sources.hpp, docs/importers.md.
#include "ashare_sources.hpp"

#include <algorithm>

#include "chaingap/core/error.hpp"
#include "common.hpp"

namespace chaingap::import_detail {

bool is_stock_code(const std::string& s) {
    return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int year_of(const std::string& s) {
    if (s.size() < 4 || !std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) return 0;
    if (s.size() > 4 && s[4] != '-' && s.size() != 8) return 0;
    const int y = std::stoi(s.substr(0, 4));
    return y >= 1980 && y <= 2100 ? y : 0;
}

namespace {
// "600000.SH" / "600000" -> "600000"; "" when not a stock code.
std::string stock_code(const std::string& s) {
    std::string c = s.substr(0, s.find('.'));
    return is_stock_code(c) ? c : "";
}
}  // namespace

AshareSources read_chain_knowledge_graph(const std::string& ckg) {
    AshareSources src;
    auto& companies = src.companies;
    const std::string company_json = ckg + "/company.json";
    read_json_lines(company_json, [&](const rapidjson::Value& v, std::size_t line) {
        ++src.company_rows;
        const std::string code = stock_code(json_string(v, "code", company_json, line));
        if (code.empty()) json_lines_fail(company_json, line, "code", "not a 6-digit stock code");
        auto [it, fresh] = companies.try_emplace(code);
        AshareCompany& c = it->second;
        const std::string fullname = json_string(v, "fullname", company_json, line, false);
        if (fresh) {
            c.code = code;
            c.name = json_string(v, "name", company_json, line);
            c.ckg_time = json_string(v, "time", company_json, line, false);
        } else {
            ++src.duplicate_company_rows;
            if (std::find(c.fullnames.begin(), c.fullnames.end(), fullname) == c.fullnames.end()) ++src.conflicting_duplicate_rows;
        }
        if (!fullname.empty() && std::find(c.fullnames.begin(), c.fullnames.end(), fullname) == c.fullnames.end())
            c.fullnames.push_back(fullname);
    });
    std::map<std::string, std::string> industry_by_name;
    const std::string industry_json = ckg + "/industry.json";
    read_json_lines(industry_json, [&](const rapidjson::Value& v, std::size_t line) {
        std::string code = json_string(v, "code", industry_json, line), name = json_string(v, "name", industry_json, line);
        if (!is_stock_code(code)) json_lines_fail(industry_json, line, "code", "an industry code has six digits");
        if (!src.industry_name.emplace(code, name).second) json_lines_fail(industry_json, line, "code", "duplicate industry code");
        if (!industry_by_name.emplace(name, code).second) json_lines_fail(industry_json, line, "name", "duplicate industry name");
    });
    const std::string ci_json = ckg + "/company_industry.json";
    read_json_lines(ci_json, [&](const rapidjson::Value& v, std::size_t line) {
        ++src.industry_rows;
        const std::string code = stock_code(json_string(v, "company_code", ci_json, line));
        if (code.empty()) json_lines_fail(ci_json, line, "company_code", "not a stock code");
        std::string ind = json_string(v, "industry_code", ci_json, line);
        if (!src.industry_name.count(ind)) {
            // A code industry.json does not hold: resolve by the exact industry name (8 codes,
            // 168 rows in the shipped files, e.g. 640401 金属制品 → 640108).
            const std::string name = json_string(v, "industry_name", ci_json, line);
            auto it = industry_by_name.find(name);
            if (it == industry_by_name.end()) json_lines_fail(ci_json, line, "industry_code", "unknown industry " + ind + " " + name);
            ind = it->second;
            ++src.industry_code_by_name;
        }
        auto [it, fresh] = companies.try_emplace(code);
        if (fresh) {
            it->second.code = code;
            it->second.name = json_string(v, "company_name", ci_json, line, false);
        }
        src.industry_links.emplace_back(code, ind);
    });
    const std::string cp_json = ckg + "/company_product.json";
    read_json_lines(cp_json, [&](const rapidjson::Value& v, std::size_t line) {
        const std::string code = stock_code(json_string(v, "company_code", cp_json, line));
        if (code.empty()) json_lines_fail(cp_json, line, "company_code", "not a stock code");
        auto [it, fresh] = companies.try_emplace(code);
        if (fresh) it->second.code = code;
        src.products.push_back({code, json_string(v, "product_name", cp_json, line), json_number(v, "rel_weight", cp_json, line)});
    });
    const std::string ii_json = ckg + "/industry_industry.json";
    read_json_lines(ii_json, [&](const rapidjson::Value& v, std::size_t line) {
        const std::string rel = json_string(v, "rel", ii_json, line);
        if (rel != "上级行业") json_lines_fail(ii_json, line, "rel", "expected 上级行业 (parent industry), got " + rel);
        const std::string from = json_string(v, "from_code", ii_json, line), to = json_string(v, "to_code", ii_json, line);
        if (!src.industry_name.count(from)) json_lines_fail(ii_json, line, "from_code", "unknown industry " + from);
        if (!src.industry_name.count(to)) json_lines_fail(ii_json, line, "to_code", "unknown industry " + to);
        if (auto [it, fresh] = src.industry_parent.emplace(from, to); !fresh && it->second != to)
            json_lines_fail(ii_json, line, "to_code", "second parent for industry " + from);
    });
    auto level_of = [](const std::string& code) { return code.compare(2, 4, "0000") == 0 ? 1 : code.compare(4, 2, "00") == 0 ? 2 : 3; };
    for (const auto& [code, name] : src.industry_name) {
        const int lv = level_of(code);
        auto p = src.industry_parent.find(code);
        if (lv > 1 && p == src.industry_parent.end()) throw InputError(ii_json, 0, "from_code", "industry " + code + " " + name + " has no parent");
        if (p != src.industry_parent.end() && level_of(p->second) != lv - 1)
            throw InputError(ii_json, 0, "to_code", "industry " + code + " has a parent that is not one level up");
    }
    return src;
}

}  // namespace chaingap::import_detail
