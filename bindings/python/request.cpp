// The bridge from Python calls to the request layer: keyword arguments → api::Options.
#include "bind_common.hpp"

namespace chaingap::py {
namespace {
std::string text_of(const pyb::handle& v) {
    if (pyb::isinstance<pyb::bool_>(v)) return v.cast<bool>() ? "1" : "0";
    if (pyb::isinstance<pyb::str>(v)) return v.cast<std::string>();
    if (pyb::isinstance<pyb::list>(v) || pyb::isinstance<pyb::tuple>(v)) {
        std::string out;
        for (auto item : v) out += (out.empty() ? "" : ",") + text_of(item);
        return out;
    }
    return pyb::str(v).cast<std::string>();  // numbers: Python's repr, which the shared parser reads
}
}  // namespace

pyb::object run_request(const PyDataset& d, const std::string& command, const pyb::dict& options,
                        const pyb::kwargs& params, const std::vector<std::string>& positional) {
    const api::Command& cmd = api::command(command);
    api::Options o;
    for (const std::string& p : positional) o.add_positional(p);
    for (auto item : options) {
        if (item.second.is_none()) continue;
        if (pyb::isinstance<pyb::bool_>(item.second) && !item.second.cast<bool>()) continue;
        std::string name = item.first.cast<std::string>();
        for (char& c : name)
            if (c == '_') c = '-';
        o.add(name, text_of(item.second));
    }
    for (auto item : params) o.add("param", item.first.cast<std::string>() + "=" + text_of(item.second));
    o.validate(cmd.options);
    std::string json;
    {
        pyb::gil_scoped_release release;
        const api::Response r = cmd.run(o, [&] { return d.ds; });
        json = render(r.report, "json");
    }
    return parse_json(json);
}

}  // namespace chaingap::py
