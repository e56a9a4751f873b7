// The `chaingap` Python module: thin bindings over the engine library, one bind_<module>.cpp per
// engine module. Results that the CLI prints as JSON are returned as the same Python objects
// (built by the engine's own JSON writers and parsed with json.loads); bulk region × node matrices
// come as numpy arrays. Parameters and defaults are read from the engine's parameter tables.
// Long calls release the GIL.
#include "bind_common.hpp"
#include "chaingap/eval/model.hpp"
#include "chaingap/core/error.hpp"

PYBIND11_MODULE(chaingap, m) {
    namespace pyb = pybind11;
    using namespace chaingap::py;
    m.doc() = "chaingap: industry-chain (产业链) gap analytics — Python bindings of the C++ engine";
    m.attr("__version__") = CHAINGAP_VERSION;
    static pyb::exception<chaingap::UsageError> usage(m, "UsageError", PyExc_ValueError);
    static pyb::exception<chaingap::InputError> input(m, "InputError", PyExc_ValueError);
    static pyb::exception<chaingap::ConvergenceError> convergence(m, "ConvergenceError", PyExc_RuntimeError);
    pyb::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const chaingap::InputError& e) {
            input(e.what());
        } catch (const chaingap::UsageError& e) {
            usage(e.what());
        } catch (const chaingap::ConvergenceError& e) {
            convergence(e.what());
        }
    });
    DatasetClass cls(m, "Dataset", "A loaded dataset (chains, regions, enterprises); immutable.");
    bind_model(m, cls);
    bind_analysis(m, cls);
    bind_rank(m, cls);
    bind_eval(m, cls);
}
