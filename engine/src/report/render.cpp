#include <stdexcept>

#include "chaingap/core/error.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/report/report.hpp"
#include "renderers.hpp"

namespace chaingap {

std::string Cell::formatted() const {
    switch (kind) {
        case Kind::empty: return {};
        case Kind::text: return text;
        case Kind::number: return fmt(number, decimals);
    }
    return {};
}

void Table::add(std::vector<Cell> row) {
    if (row.size() != columns.size()) throw std::logic_error("Table " + name + ": row width differs from the columns");
    rows.push_back(std::move(row));
}

const std::vector<RendererInfo>& renderers() {
    // A new format: one render_<format>.cpp and one line here.
    static const std::vector<RendererInfo> all = {formats::text(), formats::json(), formats::csv(),
                                                  formats::xlsx()};
    return all;
}

std::vector<std::string> formats_of(const Report& report) {
    std::vector<std::string> out;
    for (const RendererInfo& r : renderers())
        if (r.offered(report)) out.emplace_back(r.format);
    for (const auto& [name, view] : report.views) out.push_back(name);
    return out;
}

bool is_binary_format(const std::string& format) {
    for (const RendererInfo& r : renderers())
        if (format == r.format) return r.binary;
    return false;
}

std::string render(const Report& report, const std::string& format, const RenderOptions& options) {
    if (auto v = report.views.find(format); v != report.views.end()) return v->second();
    for (const RendererInfo& r : renderers())
        if (format == r.format && r.offered(report)) return r.render(report, options);
    std::string list;
    for (const auto& f : formats_of(report)) list += (list.empty() ? "" : "|") + f;
    throw UsageError("--format must be one of " + list + ", got '" + format + "'");
}

std::string json_text(const Report& report) { return render(report, "json"); }

}  // namespace chaingap
