// Errors raised at the I/O boundary. Every input error names the file, the line (or row) and the
// field, so the CLI can print one line a user can act on: "FILE:LINE: field 'NAME': message".
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>

namespace chaingap {

class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::size_t line, std::string field, const std::string& message);

    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }  // 1-based; 0 when the error concerns the whole file
    const std::string& field() const { return field_; }

private:
    std::string file_;
    std::size_t line_;
    std::string field_;
};

// The 1-based line of a byte offset in a text (for parsers that report offsets, e.g. RapidJSON).
std::size_t line_of_offset(const std::string& text, std::size_t offset);

// A request the data cannot answer (unknown region or chain, bad parameter value). The message
// quotes what the user typed and goes to a terminal: control characters are escaped, as in
// InputError (one line, nothing that moves the cursor or changes colours).
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const std::string& message);
};

// An iterative solver reached its iteration limit before its tolerance (LAGraph's
// CONVERGENCE_FAILURE): an error, never a silent stop. Front ends report it like a UsageError.
// A UsageError naming an id the dataset does not know (region, chain, link, enterprise). Front ends
// that tell "no such thing" from "bad parameter" catch it first (the HTTP server: 404 vs 400).
class NotFoundError : public UsageError {
public:
    using UsageError::UsageError;
};

class ConvergenceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace chaingap
