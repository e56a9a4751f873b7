// `csv`: the report's first table, RFC 4180, column keys as header, numbers with their decimals,
// optional UTF-8 BOM (--bom) so Excel shows Chinese correctly.
#include "chaingap/core/text.hpp"
#include "renderers.hpp"

namespace chaingap::formats {
namespace {
std::string render(const Report& report, const RenderOptions& options) {
    const std::vector<Table> tables = report.tables();
    std::string out = options.bom ? "\xEF\xBB\xBF" : "";
    if (tables.empty()) return out;
    const Table& t = tables.front();
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].audience != Column::For::people) keep.push_back(i);
    for (std::size_t k = 0; k < keep.size(); ++k) out += (k ? "," : "") + csv_field(t.columns[keep[k]].key);
    out += "\n";
    for (const auto& row : t.rows) {
        for (std::size_t k = 0; k < keep.size(); ++k) out += (k ? "," : "") + csv_field(row[keep[k]].formatted());
        out += "\n";
    }
    return out;
}
bool offered(const Report& report) { return static_cast<bool>(report.tables); }
}  // namespace
RendererInfo csv() { return {"csv", render, offered, false}; }
}  // namespace chaingap::formats
