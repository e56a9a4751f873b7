// Shared pieces of the bindings: the Python-side Dataset handle, JSON → Python objects, numpy
// copies, and keyword parameters checked against the engine's parameter tables (no defaults here).
#pragma once
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

#include "chaingap/api/requests.hpp"
#include "chaingap/model/dataset.hpp"

namespace chaingap::py {
namespace pyb = pybind11;

// A loaded dataset, shared by the Python objects that refer to it. Immutable.
struct PyDataset {
    std::shared_ptr<const Dataset> ds;
};
using DatasetClass = pyb::class_<PyDataset>;

// json.loads(text): the same objects a caller gets from parsing the CLI's --format json output.
inline pyb::object parse_json(const std::string& text) {
    return pyb::module_::import("json").attr("loads")(text);
}

// A row-major rows × cols numpy copy.
template <class T>
pyb::array_t<T> to_numpy(const std::vector<T>& v, std::size_t rows, std::size_t cols) {
    pyb::array_t<T> a({rows, cols});
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

// Describes a parameter table as a list of dicts {name, default, min, max, help, ...}.
template <class Info, class Params>
pyb::list describe_params(const std::vector<Info>& table, const Params& defaults) {
    pyb::list out;
    for (const auto& p : table) {
        pyb::dict d;
        d["name"] = p.name;
        d["default"] = defaults.*p.member;
        d["min"] = p.min;
        d["max"] = p.max;
        d["help"] = p.help;
        out.append(d);
    }
    return out;
}

// Runs a request of the request layer (api/requests.hpp) on the dataset with keyword arguments as
// its options: an argument named like one of the command's options (`from_regions` for
// --from-regions) sets it (a list joins with commas, True sets a flag, None and False leave it
// unset); any other is a parameter, NAME=VALUE (the request refuses unknown names). Returns the
// report's JSON as Python objects — the same as the CLI's --format json.
pyb::object run_request(const PyDataset& d, const std::string& command, const pyb::dict& options,
                        const pyb::kwargs& params, const std::vector<std::string>& positional = {});

// Calls set(name, value) for every keyword argument (the setters reject unknown names and
// out-of-range values with UsageError, so no list of names or defaults lives here).
template <class Set>
void each_param(const pyb::kwargs& kwargs, Set set) {
    for (auto item : kwargs) set(item.first.cast<std::string>(), item.second.cast<double>());
}

void bind_model(pyb::module_& m, DatasetClass& cls);
void bind_analysis(pyb::module_& m, DatasetClass& cls);
void bind_rank(pyb::module_& m, DatasetClass& cls);
void bind_eval(pyb::module_& m, DatasetClass& cls);

}  // namespace chaingap::py
