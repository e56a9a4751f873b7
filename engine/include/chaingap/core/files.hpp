// Files. Writing results: to stdout, or to a file atomically (a temporary beside it, renamed into place
// once complete), so a failed run never leaves a partial output file.
#pragma once
#include <string>

namespace chaingap {

void write_output(const std::string& path, const std::string& content);  // path "" or "-": stdout

// The whole file as bytes; InputError naming the file when it cannot be opened.
std::string read_file(const std::string& path);

}  // namespace chaingap
