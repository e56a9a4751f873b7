// Source regions (招商 source areas) for the ranking's source_region component.
//
// 002 (渝招商规〔2021〕54号) 第四章第三节 "以京津冀、长三角、粤港澳大湾区等为重点，推动区域产业合作和
// 招商引资" and 第二章第三节 "国内聚焦京津冀、长三角、粤港澳大湾区等重点区域，国外聚焦欧美日韩".
// Built-in groups by GB/T 2260 province codes (and ISO 3166-1 alpha-3 country codes for 欧美日韩, as
// used by country-level datasets such as the ETO importer):
//   jingjinji      京津冀        110000 北京, 120000 天津, 130000 河北
//   yangtze_delta  长三角        310000 上海, 320000 江苏, 330000 浙江, 340000 安徽
//   gba            粤港澳大湾区   440000 广东, 810000 香港, 820000 澳门 (whole Guangdong province: the
//                               bay-area cities are not a province code; a dataset with city codes
//                               can list them explicitly)
//   us_eu_jp_kr    欧美日韩       USA, the 27 EU members, JPN, KOR
// A --from-regions item is a group name or any region id of the dataset. Group members the dataset
// does not know are skipped (no firm can lie in them); an unknown single id is an error.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct SourceRegionGroup {
    const char* id;
    const char* name;
    const char* source;
    std::vector<const char*> members;
};
const std::vector<SourceRegionGroup>& source_region_groups();

struct SourceRegions {
    std::vector<std::string> items;  // as given (group names and region ids)
    std::vector<RegionId> regions;   // resolved, sorted, unique
    bool empty() const { return regions.empty(); }
    bool contains(const Dataset& ds, RegionId r) const;
};

// Parses "jingjinji,yangtze_delta,500000"; throws UsageError naming an unknown item.
SourceRegions parse_source_regions(const Dataset& ds, std::string_view list);

}  // namespace chaingap
