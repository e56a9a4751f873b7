// `table`: the terminal view — text blocks as they are, tables with their labels as header, columns
// aligned by display width (core/text_table.hpp, UAX #11 wide characters).
#include "chaingap/core/text_table.hpp"
#include "renderers.hpp"

namespace chaingap::formats {
namespace {
std::string render(const Report& report, const RenderOptions&) {
    std::string out;
    for (const Block& b : report.text()) {
        if (!b.table) {
            out += b.text;
            continue;
        }
        std::vector<std::string> header;
        std::vector<bool> right;
        std::vector<std::size_t> keep;
        for (std::size_t i = 0; i < b.table->columns.size(); ++i) {
            const Column& c = b.table->columns[i];
            if (c.audience == Column::For::machines) continue;
            keep.push_back(i);
            header.push_back(c.label);
            right.push_back(c.right);
        }
        TextTable t(header, right);
        for (const auto& row : b.table->rows) {
            std::vector<std::string> cells;
            for (std::size_t i : keep) cells.push_back(row[i].formatted());
            t.add_row(std::move(cells));
        }
        out += t.render();
    }
    return out;
}
bool offered(const Report& report) { return static_cast<bool>(report.text); }
}  // namespace
RendererInfo text() { return {"table", render, offered, false}; }
}  // namespace chaingap::formats
