// Reading the A-share sources (private to the importer): ChainKnowledgeGraph JSON-lines files and
// Tushare stock_basic.csv. Every bad row throws InputError (file, line, field). O(rows).
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace chaingap::import_detail {

struct AshareCompany {
    std::string code, name, ts_code, list_date, status, delist_date, area;
    std::vector<std::string> fullnames;  // every company.json full name of the code
    std::string ckg_time;                // company.json `time` of the first row
    bool in_tushare = false;
};

struct AshareSources {
    std::map<std::string, AshareCompany> companies;           // 6-digit code -> company
    std::map<std::string, std::string> industry_name;         // 申万 code -> name
    std::map<std::string, std::string> industry_parent;       // 申万 code -> parent code
    std::vector<std::pair<std::string, std::string>> industry_links;  // (company, industry code)
    struct Product {
        std::string company, text;
        double share;
    };
    std::vector<Product> products;
    int company_rows = 0, duplicate_company_rows = 0, conflicting_duplicate_rows = 0;
    int industry_rows = 0, industry_code_by_name = 0;
};

// ROOT/ChainKnowledgeGraph/{company,industry,company_industry,company_product,industry_industry}.json.
AshareSources read_chain_knowledge_graph(const std::string& ckg_dir);
// Tushare rows of known companies fill ts_code, name, list/delist date, status, area. `area_ok`
// says whether an area names a province; a row whose area does not throws.
template <class AreaOk>
void read_tushare(const std::string& csv, AshareSources& src, AreaOk&& area_ok);

bool is_stock_code(const std::string& s);
// Year from "YYYY-MM-DD", "YYYY-MM" or "YYYYMMDD"; 0 when it is not a date.
int year_of(const std::string& s);

}  // namespace chaingap::import_detail

#include "chaingap/load/csv.hpp"

namespace chaingap::import_detail {

template <class AreaOk>
void read_tushare(const std::string& csv, AshareSources& src, AreaOk&& area_ok) {
    CsvTable sb = CsvTable::read(csv);
    const auto c_ts = sb.require_column("ts_code"), c_sym = sb.require_column("symbol"), c_name = sb.require_column("name"),
               c_area = sb.require_column("area"), c_list = sb.require_column("list_date"),
               c_delist = sb.require_column("delist_date"), c_status = sb.require_column("status");
    for (std::size_t r = 0; r < sb.rows(); ++r) {
        const std::string sym(sb.text(r, c_sym));
        if (sym.empty()) sb.fail(r, c_sym, "missing");
        const std::string area(sb.text(r, c_area, false));
        if (!area.empty()) {
            if (std::string why = area_ok(area); !why.empty()) sb.fail(r, c_area, why);
        }
        const std::string status(sb.text(r, c_status, false));
        if (!status.empty() && status != "L" && status != "D" && status != "P")
            sb.fail(r, c_status, "expected L (listed), D (delisted) or P (paused), got '" + status + "'");
        auto it = is_stock_code(sym) ? src.companies.find(sym) : src.companies.end();  // old codes such as TS0018
        if (it == src.companies.end()) continue;
        AshareCompany& c = it->second;
        c.in_tushare = true;
        c.ts_code = sb.text(r, c_ts);
        if (std::string n(sb.text(r, c_name, false)); !n.empty()) c.name = n;
        c.list_date = sb.text(r, c_list, false);
        c.delist_date = sb.text(r, c_delist, false);
        if (!c.delist_date.empty() && !year_of(c.delist_date)) sb.fail(r, c_delist, "not a date: '" + c.delist_date + "'");
        c.status = status;
        c.area = area;
    }
}

}  // namespace chaingap::import_detail
