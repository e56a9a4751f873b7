# The engine's layers, lowest first, and what each may include (docs/architecture.md). One list,
# read by engine/CMakeLists.txt (one static library per layer, linked to the layers it may use) and by
# check_layers.cmake (configure-time and ctest check that no file includes a header of a layer it may
# not use: an include that points up fails the build).
set(CHAINGAP_LAYERS core model graph load analysis rank eval synth import report api)
set(CHAINGAP_DEPS_core "")
set(CHAINGAP_DEPS_model core)
set(CHAINGAP_DEPS_graph model core)
set(CHAINGAP_DEPS_load model core)
set(CHAINGAP_DEPS_analysis graph model core)
set(CHAINGAP_DEPS_rank analysis graph model core)
set(CHAINGAP_DEPS_eval analysis graph model core)
set(CHAINGAP_DEPS_synth analysis graph model core)
set(CHAINGAP_DEPS_import load analysis graph model core)
set(CHAINGAP_DEPS_report import synth eval rank analysis load graph model core)
set(CHAINGAP_DEPS_api report import synth eval rank analysis load graph model core)
# Front ends (folders outside engine/) and what they may include: the request layer, the renderers
# (and core for errors); never the computing layers directly.
set(CHAINGAP_FRONT_ENDS apps/cli bindings/python)
set(CHAINGAP_DEPS_apps/cli api report core)
set(CHAINGAP_DEPS_bindings/python api report core model analysis rank eval)
