// Files. Writing results: to stdout, or to a file atomically (a temporary beside it, renamed into place
// once complete), so a failed run never leaves a partial output file. Reading inputs: one clear
// error naming the path for every way a path can be wrong (missing, a folder where a file is
// expected, a symbolic-link loop, no permission).
#pragma once
#include <string>
#include <vector>

namespace chaingap {

void write_output(const std::string& path, const std::string& content);  // path "" or "-": stdout

// The whole file as bytes; InputError naming the file when it does not exist, is a folder, is a
// symbolic-link loop or cannot be opened.
std::string read_file(const std::string& path);

// What is at `path`, following symbolic links. InputError naming the path for a symbolic-link loop
// or a path that cannot be examined (e.g. a parent without search permission).
enum class PathKind { missing, file, folder, other };
PathKind path_kind(const std::string& path);

// InputError unless `path` is an existing folder (names what is there instead).
void require_folder(const std::string& path, const std::string& what);

// Creates the output folder `dir` (and its parents) when missing; InputError naming it when it
// exists as a file or cannot be created.
void create_output_folder(const std::string& dir);

// No output may be an input: InputError naming `output` when it is the same file as one of
// `inputs` (compared by device and inode, so links and relative spellings are caught) or when it
// is one of the input folders. Inputs that do not exist are ignored. Stdout ("" or "-") is never
// an input.
void check_output_not_input(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace chaingap
