// Loading a dataset (through the request layer) and looking at what it holds and looking at what it holds.
#include "bind_common.hpp"

namespace chaingap::py {

void bind_model(pyb::module_& m, DatasetClass& cls) {
    m.def(
        "load",
        [](const std::string& path, std::optional<std::string> catalogue) {
            api::DataRequest r;
            r.data = path;
            if (catalogue) r.catalogue = *catalogue;
            pyb::gil_scoped_release release;
            return PyDataset{api::open_dataset(r)};
        },
        pyb::arg("path"), pyb::arg("catalogue") = pyb::none(),
        "Loads a dataset folder (docs/formats.md) over the shipped chain catalogue, or a snapshot file written by `chaingap snapshot` (catalogue='' for none, "
        "or another folder). Raises chaingap.InputError naming file, line and field on bad input.");
    cls.def_property_readonly("source", [](const PyDataset& d) { return d.ds->source; })
        .def_property_readonly("enterprises", [](const PyDataset& d) { return d.ds->enterprises.size(); })
        .def_property_readonly("chains",
                               [](const PyDataset& d) {
                                   std::vector<std::string> ids;
                                   for (const auto& c : d.ds->chains) ids.push_back(c.id);
                                   return ids;
                               })
        .def_property_readonly("regions",
                               [](const PyDataset& d) {
                                   std::vector<std::string> ids;
                                   for (RegionId r = 0; r < static_cast<RegionId>(d.ds->regions.size()); ++r)
                                       ids.push_back(d.ds->regions.id(r));
                                   return ids;
                               })
        .def_property_readonly(
            "nodes",
            [](const PyDataset& d) {
                std::vector<std::string> keys;
                for (NodeId n = 0; n < static_cast<NodeId>(d.ds->nodes.size()); ++n) keys.push_back(d.ds->node_key(n));
                return keys;
            },
            "every node as 'chain/node', in the engine's NodeId order (the columns of the matrices)")
        .def("__repr__", [](const PyDataset& d) {
            return "<chaingap.Dataset " + d.ds->source + ": " + std::to_string(d.ds->chains.size()) + " chains, " +
                   std::to_string(d.ds->nodes.size()) + " nodes, " + std::to_string(d.ds->regions.size()) +
                   " regions, " + std::to_string(d.ds->enterprises.size()) + " enterprises>";
        });
}

}  // namespace chaingap::py
