// `chaingap serve`: the HTTP front end over the request layer (docs/webapp.md). The CLI dispatches
// the `serve` command here.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "chaingap/api/options.hpp"

namespace chaingap::server {

// The options of `chaingap serve` (data and catalogue as every command, plus host, port, web, threads).
const std::vector<api::OptionSpec>& serve_options();
std::string serve_usage();
// Loads the dataset once and serves until SIGINT/SIGTERM. Prints the URL on stdout when listening.
int serve(const api::Options& o);

// The file under `root` (a canonical folder) that a decoded URL path names, or none: refuses empty,
// `.` and `..` segments, hidden names (leading dot), backslashes and NUL, symbolic links anywhere
// below root, and anything but a regular file; a folder means its index.html.
std::optional<std::filesystem::path> static_file(const std::filesystem::path& root, const std::string& url_path);

}  // namespace chaingap::server
