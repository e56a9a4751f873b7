#include "chaingap/rank/source_regions.hpp"

#include <algorithm>

#include "chaingap/core/error.hpp"

namespace chaingap {

const std::vector<SourceRegionGroup>& source_region_groups() {
    static const std::vector<SourceRegionGroup> groups = {
        {"jingjinji", "京津冀", "002 第四章第三节", {"110000", "120000", "130000"}},
        {"yangtze_delta", "长三角", "002 第四章第三节", {"310000", "320000", "330000", "340000"}},
        {"gba", "粤港澳大湾区", "002 第四章第三节", {"440000", "810000", "820000"}},
        {"us_eu_jp_kr", "欧美日韩", "002 第二章第三节", {"USA", "JPN", "KOR", "AUT", "BEL", "BGR", "HRV", "CYP",
                                                         "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
                                                         "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL",
                                                         "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"}},
    };
    return groups;
}

bool SourceRegions::contains(const Dataset& ds, RegionId r) const {
    for (RegionId x = r; x != kNone; x = ds.regions.parent(x))
        if (std::binary_search(regions.begin(), regions.end(), x)) return true;
    return false;
}

SourceRegions parse_source_regions(const Dataset& ds, std::string_view list) {
    SourceRegions out;
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string item(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (item.empty()) continue;
        out.items.push_back(item);
        const auto& groups = source_region_groups();
        auto g = std::find_if(groups.begin(), groups.end(), [&](const SourceRegionGroup& x) { return item == x.id; });
        if (g != groups.end()) {
            for (const char* m : g->members)
                if (auto r = ds.regions.find(m)) out.regions.push_back(*r);
            continue;
        }
        if (auto r = ds.regions.find(item)) {
            out.regions.push_back(*r);
            continue;
        }
        std::string known;
        for (const auto& x : groups) known += std::string(known.empty() ? "" : ", ") + x.id;
        throw UsageError("--from-regions: '" + item + "' is neither a region group (" + known +
                         ") nor a region of the dataset");
    }
    std::sort(out.regions.begin(), out.regions.end());
    out.regions.erase(std::unique(out.regions.begin(), out.regions.end()), out.regions.end());
    return out;
}

}  // namespace chaingap
