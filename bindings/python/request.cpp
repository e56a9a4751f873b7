// The bridge from Python calls to the request layer: keyword arguments → api::Options.
#include <cmath>

#include "bind_common.hpp"
#include "chaingap/core/error.hpp"

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

api::Options request_options(const api::Command& cmd, const pyb::dict& options, const pyb::kwargs& params,
                             const std::vector<std::string>& positional) {
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
    return o;
}

pyb::object run_request(const PyDataset& d, const std::string& command, const pyb::dict& options,
                        const pyb::kwargs& params, const std::vector<std::string>& positional) {
    const api::Command& cmd = api::command(command);
    const api::Options o = request_options(cmd, options, params, positional);
    std::string json;
    {
        pyb::gil_scoped_release release;
        const api::Response r = cmd.run(o, [&] { return d.ds; });
        json = render(r.report, "json");
    }
    return parse_json(json);
}

pyb::object run_request_frame(const PyDataset& d, const std::string& command, const pyb::dict& options,
                              const pyb::kwargs& params, const std::vector<std::string>& positional) {
    const api::Command& cmd = api::command(command);
    const api::Options o = request_options(cmd, options, params, positional);
    std::vector<Table> tables;
    {
        pyb::gil_scoped_release release;
        const api::Response r = cmd.run(o, [&] { return d.ds; });
        if (!r.report.tables) throw UsageError("chaingap " + command + " has no table to return as a frame");
        tables = r.report.tables();
    }
    const Table& t = tables.front();
    pyb::dict columns;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (t.columns[c].audience == Column::For::people) continue;  // the machine columns, as in the CSV
        bool numeric = true;
        for (const auto& row : t.rows) numeric = numeric && row[c].kind != Cell::Kind::text;
        pyb::list values;
        for (const auto& row : t.rows) {
            const Cell& cell = row[c];
            if (cell.kind == Cell::Kind::number)
                values.append(cell.number);
            else if (cell.kind == Cell::Kind::text)
                values.append(cell.text);
            else
                values.append(numeric ? pyb::object(pyb::float_(std::nan(""))) : pyb::object(pyb::none()));
        }
        columns[pyb::str(t.columns[c].key)] = values;
    }
    return to_frame(columns);
}

pyb::object to_frame(const pyb::dict& columns) {
    try {
        return pyb::module_::import("pandas").attr("DataFrame")(columns);
    } catch (const pyb::error_already_set& e) {
        if (!e.matches(PyExc_ImportError)) throw;
    }
    // numpy only: a record array with the same column names (strings as objects)
    pyb::module_ np = pyb::module_::import("numpy");
    pyb::list arrays, names;
    for (auto item : columns) {
        names.append(item.first);
        pyb::object a = np.attr("asarray")(item.second);
        if (a.attr("dtype").attr("kind").cast<std::string>() == "U") a = a.attr("astype")("O");
        arrays.append(a);
    }
    return np.attr("rec").attr("fromarrays")(arrays, pyb::arg("names") = names);
}

}  // namespace chaingap::py
