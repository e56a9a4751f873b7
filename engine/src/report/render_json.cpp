// `json`: the report's JSON contract, pretty-printed, one final newline.
#include "renderers.hpp"

namespace chaingap::formats {
namespace {
std::string render(const Report& report, const RenderOptions&) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.SetIndent(' ', static_cast<unsigned>(report.json_indent));
    report.json(w);
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}
bool offered(const Report& report) { return static_cast<bool>(report.json); }
}  // namespace
RendererInfo json() { return {"json", render, offered, false}; }
}  // namespace chaingap::formats
