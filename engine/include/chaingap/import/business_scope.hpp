// Splitting a registered business scope (经营范围) into the items a firm may carry out, with the
// registry's boilerplate removed and each item classified by its activity word, so the matcher sees
// what the firm makes or serves and not what it may merely trade.
//
// Method (docs/importers.md "Enterprise registry exports" has the rules with examples):
//   1 bracket groups （…） (…) 【…】 [...] whose text holds a boilerplate marker (依法须经批准,
//     经相关部门批准, 凭营业执照, 许可证件, 批准文件, 审批结果, 不含, 除外 …) are removed; other groups stay;
//   2 section headers 一般项目： 许可项目： 一般经营项目： 许可经营项目： 经营范围： become clause breaks;
//   3 clauses are cut at ；;。，, and line breaks; a clause holding a marker (the unbracketed forms
//     "依法须经批准的项目，经相关部门批准后方可开展经营活动" …) is boilerplate and dropped;
//   4 "生产、销售：眼镜、镜片" (activities, colon, objects) gives one item per object with those
//     activities; otherwise a clause is cut at 、 into items;
//   5 each item's trailing activity words (制造 生产 加工 种植 养殖 研发 设计 开发 … ; 服务 管理 运营
//     业务 …; 销售 批发 零售 进出口 代理 租赁 …) are stripped to give its object, and the item is
//       making    a making activity (制造 生产 加工 种植 养殖 研发 设计 组装 …) — evidence
//       service   a service activity (服务 管理 运营 经营 业务 维修 …)           — evidence
//       product   no activity word in the whole clause (old free-form scopes: 眼镜、光学仪器) — evidence
//       trade     only trade activities (销售 批发 零售 进出口 代理 租赁 …)        — not evidence
//       generic   a stock entry of the standard wording (技术服务、技术开发、技术咨询、技术交流、
//                 技术转让、技术推广; 货物进出口 …) that names no product         — not evidence
//       elliptical  a bare object whose activity is elided before 、 (汽车、摩托车零部件制造: does the
//                 firm make cars, or car parts?) or an activity without its object (种植、销售 → 销售)
//                                                                               — not evidence
// The item text is kept as written for the attachment's evidence; the object is what the matcher
// reads. Source of the wording: the standard scope wording (经营范围规范表述) as registry exports
// print it; the lists are in business_scope.cpp.
// Complexity O(length of the scope · number of markers).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace chaingap {

struct ScopeItem {
    enum class Kind { making, service, product, trade, generic, elliptical };
    std::string text;    // the item as written (trimmed), e.g. 汽车零部件及配件制造
    std::string object;  // without its trailing activity words, e.g. 汽车零部件及配件
    Kind kind = Kind::product;
    bool evidence() const { return kind == Kind::making || kind == Kind::service || kind == Kind::product; }
};

struct ScopeSplit {
    std::vector<ScopeItem> items;
    int boilerplate = 0;  // bracket groups, headers and clauses removed as boilerplate
};

ScopeSplit split_business_scope(std::string_view scope);
const char* scope_kind_name(ScopeItem::Kind k);  // making | service | product | trade | generic | elliptical

}  // namespace chaingap
