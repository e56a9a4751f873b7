#include "chaingap/core/error.hpp"

#include <algorithm>

#include "chaingap/core/encoding.hpp"

namespace chaingap {
namespace {
std::string format_input_error(const std::string& file, std::size_t line, const std::string& field,
                               const std::string& message) {
    std::string out = file;
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    }
    out.append(": ");
    if (!field.empty()) {
        out.append("field '");
        out.append(field);
        out.append("': ");
    }
    out.append(message);
    // The message quotes input values and goes to a terminal: one line, no raw control characters.
    return escape_for_terminal(out);
}
}  // namespace

std::size_t line_of_offset(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

InputError::InputError(std::string file, std::size_t line, std::string field,
                       const std::string& message)
    : std::runtime_error(format_input_error(file, line, field, message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)) {}

UsageError::UsageError(const std::string& message) : std::runtime_error(escape_for_terminal(message)) {}

}  // namespace chaingap
